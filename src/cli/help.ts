import { MAX_INPUT_LABEL } from '../render/limits.js';

/** Exit codes, after BSD sysexits where one fits. */
export const EXIT = {
  ok: 0,
  /** Knowledge that does not load, configuration, a store that cannot be reached, or an internal error. */
  failure: 1,
  /** EX_USAGE: unknown command or option, missing text. */
  usage: 64,
  /** EX_DATAERR: empty, too long, binary or wordless input; a malformed labelled file. */
  dataError: 65,
  /** EX_NOINPUT: the file given to eval cannot be read, or stdin is a directory. */
  noInput: 66,
} as const;

/** The text of `campaign-module --help`. */
export const USAGE = `campaign-module: which Adobe Campaign Classic nlserver module to look at, and what to run

Usage:
  campaign-module ask <text…> [--format text|slack|teams|json] [--lang en|ko|ja|de|fr] [--instance NAME]
  campaign-module classify --jsonl        JSON lines {"text": "…"} on stdin → one result per line
  campaign-module eval [FILE] [--json]    accuracy on a labelled JSONL file (default: the dev set)
  campaign-module list [--lang LANG]      the modules, each with its execution scope
  campaign-module kb check                validate knowledge/ and count what it holds
  campaign-module feedback report [--since 7d] [--format text|json|html]
                                          answers, verdicts and corrections from the store
  campaign-module feedback export --jsonl [--since 2026-11-01]
                                          corrected questions as {"text","module","lang"} lines
  campaign-module db migrate              bring the store's schema up to date
  campaign-module                         interactive: type symptoms at the prompt (on a terminal)
  campaign-module --help | --version

ask reads the text from stdin when none is given and stdin is not a terminal:
  nlserver monitor -missing | campaign-module ask

Options:
  -f, --format FMT      text (default), slack (Block Kit JSON), teams (Adaptive Card JSON), json;
                        feedback report: text, json or html
  -l, --lang LANG       answer in en, ko, ja, de or fr (default: the question's language)
  -i, --instance NAME   instance put into commands (default: the one the text names, else CAMPAIGN_INSTANCE)
  -k, --knowledge DIR   knowledge directory (default: KNOWLEDGE_DIR, else the bundled knowledge/)
      --json            eval: print the report as JSON
      --jsonl           classify, feedback export: read or write JSON lines
      --since PERIOD    feedback: 7d, 24h, 90m or a date (report default 7d, export: everything)
  -h, --help            this text
  -v, --version         the version

Exit codes:
  0 ok · 1 knowledge, configuration, store or internal error · 64 usage error
  65 bad input (empty, over ${MAX_INPUT_LABEL}, binary, no words, malformed labelled file)
  66 eval FILE cannot be read, or stdin is a directory

Colour is used only on a terminal, and never when NO_COLOR is set.`;
