import { troubledClauses } from './healthy-mentions.js';
import { instancesNamed, type NamedInstance } from './instance.js';
import { withoutHealthyListing } from './pasted-output.js';
import { withoutReferences } from './references.js';
import { MODULE_IDS, type Diagnosis } from './types.js';

/**
 * Words before an instance that rule it out: "not prod", "not on prod", "other than prod", "außer prod", "sauf prod",
 * "fine on prod". German and French put their "not" after the verb, so "läuft nicht auf mkt" and "ne démarre pas sur
 * mkt" report trouble on mkt: there "nicht" and "pas" rule out a name right after them ("nicht prod", "pas prod"), or
 * one after a preposition when they open the clause ("nicht auf prod, sondern auf mkt", "pas sur prod, sur mkt").
 * "fine on prod but not on mkt": after "but", "not" says where the trouble is.
 */
const RULED_OUT_BEFORE = String.raw`(?:\b(?<!\bbut\s)(?:not|except|other than|besides|apart from|au(?:ß|ss)er|sauf)\s+(?:(?:on|in|auf|sur)\s+)?|(?:^|\n|[,;:.!?(—–-]\s*)(?:nicht|pas)\s+(?:auf|in|bei|sur|en|dans)\s+(?:der\s+|la\s+)?|\b(?:nicht|pas)\s+|\b(?:fine|ok|okay|healthy|good|normal)\s+(?:on|in|at)\s+)(?:the\s+)?`;
/**
 * Words after it: "prod is fine", "prod OK", "prod isn't the issue", "prod 말고", "prod 쪽은 정상", "prod 아니고",
 * "prod は問題ない", "prod ではなく", "prod ist ok", "prod läuft, aber…", "prod va bien", "sur prod ça marche".
 */
const RULED_OUT_AFTER = String.raw`(?:\s+instance)?\s*(?:[:=]\s*)?(?:(?:(?:is|are|looks|seems|ist|läuft|est|va|fonctionne)\s+)?(?:still\s+|all\s+|totally\s+)?(?:fine|ok|okay|healthy|good|unaffected|not affected|in ordnung|normal|gut|bien|normalement)\b|(?:is\s+|are\s+)?(?:isn'?t|is not|'s not|not)\s+(?:the\s+)?(?:issue|problem|one)\b|(?:works|läuft(?:\s+alles)?|marche|fonctionne)(?=\s*[,;.]|\s+(?:but|aber|doch|mais)\b|\s*$)|(?:ça|ca|tout)\s+(?:marche|fonctionne|va)\b|(?:인스턴스|쪽|서버|환경)?\s*(?:은|는|이|가|에서는|에선)?\s*(?:정상|괜찮|문제\s?없|말고|빼고|제외|아니고|아니라|아님|아닌|아니에요|아닙니다)|(?:インスタンス)?\s*(?:では|で|は|が)?\s*(?:正常|問題(?:は)?(?:ない|なし|ありません)|大丈夫|以外|ではなく|じゃなく|ではない|じゃない))`;

/** How far from "we restarted" an instance may stand to be the one restarted: "we restarted mta@prod already", "mta@prod는 재시작했는데". */
const ACTION_REACH = 30;
/** What the writer already did, not trouble of the instance it names: "we restarted mta@prod already", "prod는 재시작했고". */
const ACTION_TAKEN = /\b(?:we|i|i've|we've|they|already|just)\s+(?:(?:have|had|already|just)\s+)*(?:restarted|rebooted|bounced)\b|재시작\s?했|재기동\s?했/gi;

/** True when the writer says the instance is not the one in trouble. Instance names hold only letters, digits, _ and -. */
function isRuledOut(name: string, text: string): boolean {
  const n = name.toLowerCase();
  // "prod and mkt are fine", "prod, mkt and staging are ok": the predicate may follow a list of names, which ends in "and".
  // "mkt, prod is fine" is no list: only prod is fine.
  const list = String.raw`(?:(?:\s*,\s*[\p{L}\p{N}_-]+)*\s*(?:and|&|und|et|과|와|및)\s*[\p{L}\p{N}_-]+)?`;
  return new RegExp(`${RULED_OUT_BEFORE}${n}(?![\\p{L}\\p{N}_-])|(?<![\\p{L}\\p{N}_-])${n}${list}${RULED_OUT_AFTER}`, 'u').test(text.toLowerCase());
}

/**
 * The instances a message names, most telling first: the one of a process a pasted listing lacks,
 * then those written in the text (those in a clause that reports trouble first), then those only seen on running listing lines (which tie to no
 * module: `mta@mkt (1234)` running says nothing about the broken mta@prod). `known` is CAMPAIGN_INSTANCES.
 */
export function instancesInMessage(clean: string, diagnosis: Diagnosis | null, known?: readonly string[]): NamedInstance[] {
  const read = withoutReferences(clean);
  const missing = (diagnosis?.listing?.missing ?? []).flatMap((process) => {
    const [module, name] = process.split('@');
    const id = MODULE_IDS.find((m) => m === module);
    return id && name ? [{ name, module: id }] : [];
  });
  const unlisted = withoutHealthyListing(read);
  const anywhere = instancesNamed(read, known);
  // A name the text shows to be an instance (`mta@mkt`, a listing's `mta@mkt (2234)`) is one in the writer's words too:
  // "everything is listed but the mkt deliveries are stuck", "pdump shows mta@prod and mta@eu_prod, the eu_prod emails are stuck".
  const names = [...(known ?? []), ...anywhere.filter((n) => !n.maybe).map((n) => n.name)];
  // "stat@mkt is there but stat@prod is missing": the instance written where the trouble is comes first.
  const troubled = new Set(troubledClauses(unlisted.replace(ACTION_TAKEN, ' ')).flatMap((clause) => instancesNamed(clause, names).map((n) => n.name.toLowerCase())));
  const actedOn = new Set(
    [...unlisted.matchAll(ACTION_TAKEN)].flatMap((m) =>
      instancesNamed(unlisted.slice(Math.max(0, m.index - ACTION_REACH), m.index + m[0].length + ACTION_REACH), names).map((n) => n.name.toLowerCase()),
    ),
  );
  const written = instancesNamed(unlisted, names)
    .map((n) => (isRuledOut(n.name, unlisted) ? { ...n, ruledOut: true } : !troubled.has(n.name.toLowerCase()) && actedOn.has(n.name.toLowerCase()) ? { ...n, handled: true } : n))
    .sort((a, b) => Number(troubled.has(b.name.toLowerCase())) - Number(troubled.has(a.name.toLowerCase())));
  // Most messages hold no listing: then there is nothing more to read.
  const listed = unlisted === read ? [] : anywhere.map((n) => ({ name: n.name, module: null, ...(n.maybe && { maybe: true }) }));
  const all: NamedInstance[] = [];
  for (const candidate of [...missing, ...written, ...listed]) if (!all.some((n) => n.name === candidate.name)) all.push(candidate);
  return all;
}
