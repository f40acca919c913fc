import type { Reply } from '../../src/core/reply.js';
import type { Lang, OutsideTopic } from '../../src/core/types.js';

/** The fullest card a topic can give: a module named in the message, and the topic's own module with its reason. */
export function fullOutsideReply(topic: OutsideTopic, lang: Lang): Reply {
  return {
    kind: 'outside',
    lang,
    query: 'wfserver@prod fails with ORA-12541',
    topic,
    named: 'wfserver',
    ...(topic.dependent && { dependent: { module: topic.dependent, ...(topic.dependentWhy && { why: topic.dependentWhy }) } }),
    diagnosis: { module: null, confidence: 0.9, also: [], candidates: [], evidence: [], lang, reason: 'outside', outside: topic.id },
  };
}
