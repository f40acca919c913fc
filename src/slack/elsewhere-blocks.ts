import { judgedAnswer } from '../core/feedback.js';
import type { Reply } from '../core/reply.js';
import type { Knowledge, ModuleId } from '../core/types.js';
import { typedCommandNotes } from '../render/diagnosis-notes.js';
import { escapeSlack } from '../render/escape.js';
import { instanceOf, namedInstance } from '../render/instance-choice.js';
import { labelsFor } from '../render/labels.js';
import { encodeShowModule, SLACK_ACTIONS } from './actions.js';
import { actions, button, context, header, section, type Block } from './block-kit.js';
import { echoedQuery, feedbackBlocks } from './diagnosis-blocks.js';

type HowToReply = Extract<Reply, { kind: 'howto' }>;
type OutsideReply = Extract<Reply, { kind: 'outside' }>;

/** The answer to a question about using or setting up Campaign: say so, offer the docs search, and the module that fits if it hides a failure. */
export function howToBlocks(reply: HowToReply): { text: string; body: Block[]; tail: Block[] } {
  const labels = labelsFor(reply.lang);
  const { fits } = reply.diagnosis;
  const body: Block[] = [
    header(labels.howToTitle),
    section(escapeSlack(labels.howTo)),
    actions([button(`${SLACK_ACTIONS.openDocs}_0`, labels.searchDocs, { url: reply.search })], 'docs_search'),
  ];
  const instance = namedInstance(instanceOf(reply));
  if (fits) {
    const value = encodeShowModule({ module: fits, lang: reply.lang, ...(instance && { instance }) });
    body.push(section(escapeSlack(labels.howToFits(fits)), button(`${SLACK_ACTIONS.showModule}_0`, fits, { value })));
  }
  for (const note of typedCommandNotes(reply.diagnosis, reply.lang)) body.push(section(escapeSlack(note)));
  if (reply.query.trim()) body.push(context([echoedQuery(reply.query, reply.lang)]));
  return { text: `${labels.howToTitle}. ${escapeSlack(labels.howTo)}`, body, tail: feedbackBlocks(judgedAnswer(reply)) };
}

/** The answer to a problem outside the modules: what it looks like, what to check, and the module that depends on it. */
export function outsideBlocks(reply: OutsideReply, knowledge: Pick<Knowledge, 'byId'>): { text: string; body: Block[]; tail: Block[] } {
  const { topic, lang } = reply;
  const labels = labelsFor(lang);
  const body: Block[] = [header(topic.title[lang]), section(escapeSlack(topic.says[lang]))];
  const { named } = reply;
  const instance = namedInstance(instanceOf(reply));
  const show = (module: ModuleId) => encodeShowModule({ module, lang, ...(instance && { instance }) });
  if (named) body.push(section(escapeSlack(labels.outsideNamed(named)), button(`${SLACK_ACTIONS.showModule}_1`, named, { value: show(named) })));
  const dependent = reply.dependent ? knowledge.byId.get(reply.dependent.module) : undefined;
  if (dependent) {
    const why = reply.dependent?.why ? `\n${escapeSlack(reply.dependent.why[lang])}` : '';
    body.push(section(`*${escapeSlack(labels.outsideDependent(dependent.id))}*${why}`, button(`${SLACK_ACTIONS.showModule}_0`, dependent.id, { value: show(dependent.id) })));
  }
  if (reply.query.trim()) body.push(context([echoedQuery(reply.query, lang)]));
  return { text: `${topic.title[lang]}. ${escapeSlack(topic.says[lang])}`, body, tail: feedbackBlocks(judgedAnswer(reply)) };
}
