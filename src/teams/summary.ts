import type { Reply } from '../core/reply.js';
import type { Knowledge } from '../core/types.js';
import { answerLabel } from '../render/diagnosis-notes.js';
import { formatConfidence, labelled, labelsFor } from '../render/labels.js';
import { TEAMS_LIMITS, truncate } from '../render/limits.js';
import { invalidMessage } from '../render/invalid-message.js';

function summaryLine(reply: Reply, knowledge: Knowledge): string {
  const labels = labelsFor(reply.lang);
  switch (reply.kind) {
    case 'diagnosis': {
      const entry = reply.diagnosis.module ? knowledge.byId.get(reply.diagnosis.module) : undefined;
      if (!entry) return labels.notCampaignTitle;
      return `${labelled(answerLabel(reply.diagnosis, reply.lang), reply.lang)} ${entry.id} (${formatConfidence(reply.diagnosis.confidence, reply.lang)}) - ${entry.name[reply.lang]}`;
    }
    case 'howto':
      return `${labelled(labels.howToTitle, reply.lang)} ${labels.howTo}`;
    case 'outside':
      return `${reply.topic.title[reply.lang]}: ${reply.topic.says[reply.lang]}`;
    case 'module':
      return `${reply.module.id} - ${reply.module.name[reply.lang]}: ${reply.module.scope[reply.lang]}`;
    case 'list':
      return `${labelled(labels.listTitle, reply.lang)} ${reply.modules.map((m) => m.id).join(', ')}`;
    case 'help':
      return `${labelled(labels.helpTitle, reply.lang)} ${labels.help}`;
    case 'invalid':
      return invalidMessage(reply.reason, reply.lang);
  }
}

/** One plain line for notifications, screen readers and clients that cannot draw the card. */
export function teamsSummary(reply: Reply, knowledge: Knowledge): string {
  return truncate(summaryLine(reply, knowledge), TEAMS_LIMITS.summaryText);
}
