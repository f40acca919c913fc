import { judgedAnswer } from '../core/feedback.js';
import type { Reply } from '../core/reply.js';
import type { Knowledge } from '../core/types.js';
import { instanceOf, namedInstance } from '../render/instance-choice.js';
import { labelsFor } from '../render/labels.js';
import { showModuleAction } from './card-action.js';
import { actionSet, heading, ifSubmitButtons, openUrl, paragraph, submit, type CardNode } from './card-elements.js';
import { feedbackButtons, typedCommandNodes, youAsked } from './card-diagnosis.js';

type HowToReply = Extract<Reply, { kind: 'howto' }>;
type OutsideReply = Extract<Reply, { kind: 'outside' }>;

/** A question about using or setting up Campaign: say so, offer the docs search, and the module that fits if it hides a failure. */
export function howToBody(reply: HowToReply, submitButtons: boolean): CardNode[] {
  const labels = labelsFor(reply.lang);
  const { fits } = reply.diagnosis;
  const instance = namedInstance(instanceOf(reply));
  return [
    heading(labels.howToTitle),
    paragraph(labels.howTo),
    actionSet([openUrl(labels.searchDocs, reply.search)]),
    ...(fits ? [paragraph(labels.howToFits(fits)), ...ifSubmitButtons(submitButtons, [actionSet([submit(fits, showModuleAction(fits, reply.lang, instance))])])] : []),
    ...typedCommandNodes(reply.diagnosis, reply.lang),
    youAsked(reply.query, reply.lang),
    ...ifSubmitButtons(submitButtons, feedbackButtons(judgedAnswer(reply))),
  ];
}

/** A problem outside the modules: what it looks like, what to check, and the module that depends on it. */
export function outsideBody(reply: OutsideReply, knowledge: Knowledge, submitButtons: boolean): CardNode[] {
  const { topic, lang } = reply;
  const labels = labelsFor(lang);
  const { named } = reply;
  const dependent = reply.dependent ? knowledge.byId.get(reply.dependent.module) : undefined;
  const why = reply.dependent?.why;
  const instance = namedInstance(instanceOf(reply));
  return [
    heading(topic.title[lang]),
    paragraph(topic.says[lang]),
    ...(named ? [paragraph(labels.outsideNamed(named)), ...ifSubmitButtons(submitButtons, [actionSet([submit(named, showModuleAction(named, lang, instance))])])] : []),
    ...(dependent
      ? [
          paragraph(labels.outsideDependent(dependent.id), { weight: 'Bolder' }),
          ...(why ? [paragraph(why[lang], { spacing: 'None' })] : []),
          ...ifSubmitButtons(submitButtons, [actionSet([submit(dependent.id, showModuleAction(dependent.id, lang, instance))])]),
        ]
      : []),
    youAsked(reply.query, reply.lang),
    ...ifSubmitButtons(submitButtons, feedbackButtons(judgedAnswer(reply))),
  ];
}
