import { judgedAnswer } from '../core/feedback.js';
import type { InstanceChoice } from '../core/instance.js';
import type { Reply } from '../core/reply.js';
import type { Knowledge, Lang, ModuleEntry } from '../core/types.js';
import { escapeSlack } from '../render/escape.js';
import { instanceOf, namedInstance } from '../render/instance-choice.js';
import { labelled, labelsFor } from '../render/labels.js';
import { SLACK_LIMITS, truncate } from '../render/limits.js';
import { encodeShowModule, SLACK_ACTIONS } from './actions.js';
import { actions, button, fitBlocks, header, section, type Block } from './block-kit.js';
import { askedDocsBlock, candidateBlocks, diagnosisFacts, diagnosisFallback, diagnosisHeader, evidenceBlock, feedbackBlocks, moduleTitle } from './diagnosis-blocks.js';
import { moduleDetailBlocks } from './module-blocks.js';
import { howToBlocks, outsideBlocks } from './elsewhere-blocks.js';
import { invalidMessage, type InvalidReason } from '../render/invalid-message.js';
import { SLASH_COMMAND } from './request-url.js';

export type { Block } from './block-kit.js';

/** A Slack message body: `text` is the notification fallback, `blocks` the card. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface SlackRenderOptions {
  /** The configured instance (CAMPAIGN_INSTANCE): used when the reply carries no instance choice of its own. */
  instance?: string;
  /** Where a diagnosis's module ids are looked up (a diagnosis carries ids, not entries). */
  knowledge: Pick<Knowledge, 'byId'>;
}

/** The slash command in manifest.json, shown in help so people see how to ask. */

function message(text: string, body: Block[], tail: Block[] = []): SlackMessage {
  return { text: truncate(text, SLACK_LIMITS.fallbackText), blocks: fitBlocks(body, tail) };
}

function showModuleButton(module: ModuleEntry, lang: Lang, index: number, label?: string, instance?: string) {
  return button(`${SLACK_ACTIONS.showModule}_${index}`, label ?? labelsFor(lang).showModule, {
    value: encodeShowModule({ module: module.id, lang, ...(instance && { instance }) }),
  });
}

function renderModule(module: ModuleEntry, lang: Lang, choice: InstanceChoice, options: SlackRenderOptions): SlackMessage {
  const related = module.related.flatMap((id) => options.knowledge.byId.get(id) ?? []);
  const relatedBlocks: Block[] =
    related.length === 0
      ? []
      : [
          section(`*${labelsFor(lang).alsoCheck}*`),
          actions(
            related.map((m, i) => showModuleButton(m, lang, i, m.id, namedInstance(choice))),
            'related',
          ),
        ];
  const body = [header(moduleTitle(module, lang)), ...moduleDetailBlocks(module, lang, choice), ...relatedBlocks];
  return message(`${moduleTitle(module, lang)}: ${escapeSlack(module.scope[lang])}`, body);
}

function renderDiagnosis(reply: Extract<Reply, { kind: 'diagnosis' }>, options: SlackRenderOptions): SlackMessage {
  const { diagnosis, lang, query } = reply;
  const module = diagnosis.module === null ? undefined : options.knowledge.byId.get(diagnosis.module);
  const choice = instanceOf(reply, options.instance);
  const body: Block[] = [
    diagnosisHeader(diagnosis, module, lang),
    ...diagnosisFacts(diagnosis, lang, query),
    ...evidenceBlock(diagnosis, lang),
    ...askedDocsBlock(reply.search, lang),
  ];
  if (module) body.push(...moduleDetailBlocks(module, lang, choice));
  else body.push(section(escapeSlack(labelsFor(lang).notCampaign)));
  body.push(...candidateBlocks(diagnosis, lang, namedInstance(choice)));
  return message(diagnosisFallback(diagnosis, module, lang), body, feedbackBlocks(judgedAnswer(reply)));
}

/** A module as the list shows it: id, name and execution scope (mrkdwn, escaped). */
export function moduleSummary(module: ModuleEntry, lang: Lang): string {
  return `*${module.id}* — ${escapeSlack(module.name[lang])}\n${escapeSlack(module.scope[lang])}`;
}

function renderList(modules: readonly ModuleEntry[], lang: Lang): SlackMessage {
  const labels = labelsFor(lang);
  const rows = modules.map((m, i) => section(moduleSummary(m, lang), showModuleButton(m, lang, i)));
  return message(`${labelled(labels.listTitle, lang)} ${modules.map((m) => m.id).join(', ')}`, [header(labels.listTitle), ...rows]);
}

function renderHelp(lang: Lang): SlackMessage {
  const labels = labelsFor(lang);
  const examples = labels.helpExamples.map((e) => `• \`${SLASH_COMMAND} ${escapeSlack(e)}\``).join('\n');
  return message(escapeSlack(labels.help), [header(labels.helpTitle), section(escapeSlack(labels.help)), section(examples)]);
}

function renderInvalid(reason: InvalidReason, lang: Lang): SlackMessage {
  const text = invalidMessage(reason, lang);
  return message(escapeSlack(text), [section(escapeSlack(text))]);
}

/** Turns any Reply into a Slack message within Block Kit's limits, in the reply's language. */
export function renderSlack(reply: Reply, options: SlackRenderOptions): SlackMessage {
  switch (reply.kind) {
    case 'diagnosis':
      return renderDiagnosis(reply, options);
    case 'module':
      return renderModule(reply.module, reply.lang, instanceOf(reply, options.instance), options);
    case 'howto': {
      const { text, body, tail } = howToBlocks(reply);
      return message(text, body, tail);
    }
    case 'outside': {
      const { text, body, tail } = outsideBlocks(reply, options.knowledge);
      return message(text, body, tail);
    }
    case 'list':
      return renderList(reply.modules, reply.lang);
    case 'help':
      return renderHelp(reply.lang);
    case 'invalid':
      return renderInvalid(reply.reason, reply.lang);
  }
}

/** The neutral sentence a user sees when answering failed, as a Slack message. */
export function renderSlackError(lang: Lang): SlackMessage {
  const text = escapeSlack(labelsFor(lang).error);
  return message(text, [section(text)]);
}

/** One plain sentence of the bot's (a private note, a thread hint), escaped, as a Slack message. */
export function renderSentence(text: string): SlackMessage {
  return { text, blocks: [section(escapeSlack(text))] };
}
