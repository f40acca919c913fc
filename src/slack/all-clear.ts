/**
 * A monitoring tool's all-clear ("RECOVERY … is OK", "[RESOLVED] …", "✅ Resolved", Zabbix's "Problem has been resolved at …",
 * "복구", "復旧", "behoben", "résolu"):
 * words only an all-clear opens with. It counts even when the rest repeats the problem ("[RESOLVED] mta@prod not running").
 */
const STRONG_OPENING =
  /^[\s*#>_`[(【「:-]*(?:✅|🟢|☑️|✔️|problem has been resolved\b|(?:recovery|recovered|resolved|복구|해제|정상화|復旧|解消|回復|behoben|entwarnung|résolu|resolu|rétabli|retabli)(?![\p{L}\p{N}])|해결(?:[*_`]*\s*[\])】」:]|됨|\s?완료))/iu;

/**
 * Everyday words that are an all-clear only as a status marker: "OK - mta@prod running", Nagios's "SERVICE OK - …", "Cleared: …".
 * "OK, so syslogd@prod is dead again" and "Closed connection to …" are sentences, not markers.
 */
const WEAK_MARKER = /^[\s*#>_`]*(?:(?:service|host)\s+(?:ok|up)\b|(?:[[(【「]\s*)?(?:ok|closed|cleared)[*_`]*\s*(?:[\])】」:]|[-–—]\s))/iu;

/** The same said at the end of the line, as Korean and Japanese put it and as some monitors word it ("mta@prod back to normal"). */
const ALL_CLEAR_ENDING =
  /(?:has been resolved|back to normal|back online|(?:is|are) (?:now )?(?:back )?(?:up|ok|healthy|running) again|(?:is|are) (?:now )?back (?:up|ok)|(?:is|are) (?:now )?(?:up|ok)|(?:복구|정상화)(?:됨|되었습니다|됐습니다|완료)|정상 (?:복구|동작)|(?<!미)해결(?:됨|되었습니다|됐습니다|\s?완료)|(?:復旧|回復|解消)(?:しました|済み|完了)?|wieder (?:ok|verfügbar|erreichbar|in ordnung)|de nouveau (?:ok|disponible)|(?:est )?(?:rétabli|retabli)e?)[\s.!。)\]】*✅🟢]*$/iu;

/** A line that also names trouble is no all-clear, unless a strong marker opens it ("nothing works, but the server itself is back up"). */
const STILL_TROUBLE =
  /\b(?:not?|non|nothing|none|0 of|down|dead|stuck|stopped|missing|unreachable|hung|hangs?|fail\w*|error\w*|can'?t|cannot|critical)\b|실패|안 ?됨|오류|미(?:해결|복구)|できない|失敗|停止|未(?:復旧|解消|回復)|nicht|kein|échec|erreur|\bpas\b/iu;

/** True when the message's first line (an attachment's title counts) is an all-clear: nothing to triage, and not one more alert of a storm. */
export function isAllClear(text: string): boolean {
  const firstLine = text.split('\n', 1)[0] ?? '';
  if (STRONG_OPENING.test(firstLine)) return true;
  return (WEAK_MARKER.test(firstLine) || ALL_CLEAR_ENDING.test(firstLine)) && !STILL_TROUBLE.test(firstLine);
}
