import { mentionedModules, type NameIndex } from './module-names.js';
import type { ModuleId } from './types.js';

const CLAUSE_BREAK =
  /[.;!?\n。？！()]+|,\s*(?:but|though|yet)\b|,(?=\s*[^,]*?\b(?:is|are|was|were|just|still|stopped|keeps?|has|have|had|does|do|did|\w+n['’]t)\b)|\b(?:but|although|though|however|whereas|while|yet)\b|(?:지만|는데|은데|인데|그런데|근데|하지만|그러나)|\b(?:aber|jedoch|während|mais|pourtant|alors que|par contre|cependant)\b|(?:けど|けれど|のに|ですが|しかし|一方|が、)/;
const HEALTHY_EN =
  /\b(?:up|running|runs|alive|healthy|fine|ok|okay|green|normal|normally|looks good|no errors?|without (?:any )?errors?|started|growing|grows|being written|filling up|succeed(?:s|ed)?|successful(?:ly)?|completes|completed|finishes)\b/;
const HEALTHY_KO =
  /정상|떠\s?있|살아\s?있|잘\s?(?:돌|도|되|떠|살|나|올)|멀쩡|문제\s?없|이상\s?없|에러\s?없|돌아가고|실행\s?중|잘\s?쌓|쌓이고\s?있|늘어나고\s?있|계속\s?(?:쌓|늘|생기)|성공|정상\s?종료|잘\s?끝/;
const HEALTHY_JA_DE_FR =
  /正常|動いて(?:い|る|ま)|問題(?:は)?(?:ない|なし|ありません)|生きて|起動して(?:い|る|ま)|läuft|funktioniert|in ordnung|alles gut|tourne (?:bien|normalement|correctement)|fonctionne|marche bien|rien à signaler/;
/** English negations: "didn't", "hasn’t", and typed without the apostrophe ("didnt", "cant"). */
const NEGATED_EN = String.raw`\w+n['’]t|(?:is|are|was|were|does|do|did|has|have|had|could|would|ca|wo)nt`;
const TROUBLE = new RegExp(
  String.raw`\b(?:not|no longer|never|down|dead|died|crash\w*|fail\w*|error\w*|stuck|stopp?\w*|missing|${NEGATED_EN}|cannot|unable|hang\w*|restart\w*|slow\w*|lagg?(?:ing|s)?|behind|backlog\w*|delayed)\b|안\s|않|못|죽|멈|에러|오류|실패|없어|없음|없고|없는데|없네|누락|재시작|재기동|느리|느려|지연|밀려|\b(?:nicht|kein\w*|nie|fehlt|fehlen|tot|hängt|hängen|abgestürzt|abgeschmiert|fehler\w*|gestoppt|steht|langsam|verzögert|hinterher|pas|plus|aucun\w*|bloqu\w*|plant\w*|erreur\w*|hs|ko|lent\w*|retard\w*)\b|échou|arrêt|tombé|遅|ない|ません|止ま|落ち|死ん|エラー|失敗|停止|ダウン|欠落`,
);
/** "without errors", "에러 없이", "keine Fehler", "問題ない": trouble words that say there is no trouble. */
const TROUBLE_DENIED =
  /\b(?:without|no) (?:more |any )?(?:errors?|failures?|problems?)\b|(?:에러|오류|문제)\s?(?:없이|없음|없고|없는)|\b(?:keine|ohne) (?:weiteren )?fehler\b|\b(?:sans|(?:plus )?aucune) erreurs?\b|pas d['’]erreur|(?:問題|エラー)(?:は|も)?(?:もう)?(?:ない|なし|ありません|出ていません)/g;
/** "it's not the mta", "not an mta problem", "nothing to do with stat", "mta 문제는 아니", "mtaじゃない", "nicht am MTA", "pas le mta": the writer rules the module out. */
const NOT_THE_MODULE =
  /\b(?:(?:it|that|this)(?:['’]?s| is| was)?\s+(?:not|n['’]t)|isn['’]t|not\s+(?=(?:an?\s+|the\s+)?\S+\s+(?:problem|issue|fault)\b)|nothing to do with|liegt nicht a[mn]|nicht (?:der|die|das)|(?:ce )?n['’]est pas (?:le|la|l['’]|un problème de)|pas (?:le|la) faute (?:du|de la))\s*(?:the\s+|an?\s+)?([\w@-]+)/g;
// Korean and Japanese put the negation after the name; looked for only when one of their words is there.
const NAME_THEN_NOT = /([\w@-]+)\s*(?:문제는?\s*아니|말고|じゃな|ではな)/g;
const NAME_THEN_NOT_WORDS = /아니|말고|じゃな|ではな/;
/** A clause that carries on about the same subject: "mta is up but doesn't send". */
const SAME_SUBJECT_TROUBLE = new RegExp(
  String.raw`^\s*(?:it\s+|they\s+)?(?:not|never|no longer|still|${NEGATED_EN}|(?:does|did|has|have|is|are|was|were) not|cannot|fails?|keeps|(?:(?:is|are|was|were)\s+)?(?:very\s+|really\s+|so\s+)?(?:slow|lagging|behind|delayed)|(?:sehr\s+)?langsam|(?:(?:il|elle)\s+(?:est\s+)?)?(?:très\s+)?lente?)\b|^\s*(?:느리|느려|遅)`,
);

/** "is wfserver running", "check if mta is up", "실행 중인지", "動いているか", "ob … läuft", "si … tourne": asking about health says nothing of it. */
const ASKS_ABOUT_HEALTH = /^\s*(?:is|are|was|were|does|do|did|has|have|can|could)\b|\b(?:if|whether|ob|si)\b|(?:는지|인지)(?:\s|$)|(?:나요|까요)\s*$|(?:か|かどうか)\s*$/;

/** What trackinglogd writes: when these are fine, trackinglogd is too. */
const REDIRECTION_LOGS = /redir\/?log|redirect(?:ion)? logs?|raw (?:tracking )?log files?|리디렉션 (?:서버 )?로그|redir ?(?:로그|폴더)/;

/** The text's clauses that report trouble ("but stat@prod is missing", "mta@mkt 가 죽었어요"), lower-cased. */
export function troubledClauses(text: string): string[] {
  return text
    .toLowerCase()
    .split(CLAUSE_BREAK)
    .filter((clause) => TROUBLE.test(clause.replace(TROUBLE_DENIED, ' ')));
}

/**
 * Modules the writer says are fine ("mta is up and running", "mta는 정상으로 떠 있는데"): named in
 * a clause that sounds healthy and mentions no trouble. Such a report is usually about a neighbour
 * of that module, so the matcher should not answer with the module the writer has already ruled out.
 */
export function healthyMentions(text: string, names: NameIndex, vocabulary?: ReadonlySet<string>): ModuleId[] {
  const lower = text.toLowerCase();
  const clauses = lower.split(CLAUSE_BREAK);
  const soundsHealthy = clauses.map(
    (clause, i) =>
      (HEALTHY_EN.test(clause) || HEALTHY_KO.test(clause) || HEALTHY_JA_DE_FR.test(clause)) &&
      !ASKS_ABOUT_HEALTH.test(clause) &&
      !TROUBLE.test(clause.replace(TROUBLE_DENIED, ' ')) &&
      !SAME_SUBJECT_TROUBLE.test(clauses[i + 1] ?? ''),
  );
  const negations = [...lower.matchAll(NOT_THE_MODULE), ...(NAME_THEN_NOT_WORDS.test(lower) ? lower.matchAll(NAME_THEN_NOT) : [])];
  const ruledOut = new Set(negations.flatMap((m) => mentionedModules(m[1] ?? '', names, vocabulary).map((n) => n.module)));
  // Most messages have no healthy clause: then no module needs looking up.
  if (!soundsHealthy.includes(true)) return [...ruledOut];
  const healthy = new Set<ModuleId>(ruledOut);
  const troubled = new Set<ModuleId>();
  clauses.forEach((clause, i) => {
    const modules = mentionedModules(clause, names, vocabulary).map((m) => m.module as ModuleId);
    if (REDIRECTION_LOGS.test(clause)) modules.push('trackinglogd');
    for (const module of modules) (soundsHealthy[i] ? healthy : troubled).add(module);
  });
  return [...healthy].filter((module) => !troubled.has(module) || ruledOut.has(module));
}
