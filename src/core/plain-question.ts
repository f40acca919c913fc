import { troubledClauses } from './healthy-mentions.js';
import { asksSomething } from './question-cue.js';

/** Symptoms that are trouble without a trouble word ("why is sending so slow?", "발송이 지연되나요?"). */
const SYMPTOM =
  /\b(?:no|nobody|nothing|none|nowhere|dies|crawl\w*|frozen|silent|flat|duplicat\w*|blank|waiting|skipp\w*|idle|stays?|sat|deferred|parked|slow\w*|delay\w*|late|lagg?\w*|bounc\w*|pending|queued?|zero|empty|wrong|broken|timed? ?out|timeouts?|refus\w*|reject\w*|blocked|spam|langsam|verzög\w*|lent\w*|retard\w*|vide)\b|느리|느려|지연|비어|빈\s?화면|안\s?(?:나|와|돼|되|떠|들어)|밀려|반송|엉망|이상해|걸려|대기만|튕|대기\s?중|0\s?건|0\s?%|遅|保留|届か/i;

/** A call for help in the middle of an incident ("can someone look at the mta?", "확인 부탁드려요") asks, but not how to do something. */
const HELP_CALL =
  /\b(?:someone|somebody|anyone|anybody|any ?one|help|urgent\w*|asap|pls|please|jemand|dringend|quelqu'un)\b|급해|급합|긴급|도와|봐\s?주|확인\s?(?:부탁|좀|해\s?주)|至急|誰か|助けて/i;

/**
 * True when the text asks and names neither trouble nor a symptom: "can I install the console on a mac?" may
 * concern a module, yet the docs may answer it better than the module's check list.
 */
export function asksWithoutTrouble(text: string): boolean {
  return asksSomething(text, false) && !SYMPTOM.test(text) && !HELP_CALL.test(text) && troubledClauses(text).length === 0;
}
