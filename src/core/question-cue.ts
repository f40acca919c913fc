/**
 * Whether a text asks something. The matcher sees it as one more feature: a how-to question asks, while a pasted
 * doc sentence or a report that states a fact ("the mta retries after an hour") may share its words but does not.
 */

const QUESTION_MARK = /[?？]/;
/** Openings of a question in English, German and French ("how…", "wie…", "comment…"). */
const QUESTION_OPENING =
  /^\W*(?:how|what|what's|where|which|when|why|who|can|could|does|do|is|are|should|would|anyone|anybody|wie|was|wo|welche[rs]?|warum|kann|gibt|comment|où|quel(?:le)?s?|pourquoi|est-ce|peut-on)\b/i;
/** Korean question endings ("되나요", "할까요", "필요한가요", "맞죠"; not "나가요", which says something goes out); the Korean tokenizer strips endings, so the matcher would not see them. */
const KOREAN_QUESTION_ENDING = /[\uac00-\ud7a3](?:나요|까요|[인한는은된될던뭔건런]가요|는지요|을까|습니까|죠|지요)(?=[?？\s.!]|$)/u;

/** The feature a text that asks gets; the matcher learns what it weighs for every answer. A statement gets none, so a pasted listing keeps its weight. */
export const ASKS_FEATURE = 'mood:asks';

/** True when the text asks: a question mark, a question opening, a question phrase of the glossary, or a Korean question ending. */
export function asksSomething(text: string, hasQuestionPhrase: boolean): boolean {
  return hasQuestionPhrase || QUESTION_MARK.test(text) || QUESTION_OPENING.test(text) || KOREAN_QUESTION_ENDING.test(text);
}

/** "Which module sends the bounces?", "web or wfserver?": what the module card answers, not the docs. */
const WHICH_MODULE =
  /\b(?:which|what)\s+(?:nlserver\s+)?(?:module|process|daemon|service)|\bwelche[rsmn]?\s+(?:modul|prozess|dienst)|\bquel(?:le)?s?\s+(?:module|processus|service)|(?:어느|어떤|무슨)\s?(?:모듈|프로세스)|どの(?:モジュール|プロセス)/i;

/** "web or wfserver", "mta 아니면 stat": a choice offered, which with two modules named asks which one it is. */
const CHOICE = /\b(?:or|oder|ou)\b|아니면|또는|혹은|それとも/i;

/** True when the text asks which module does something, or names two modules and offers a choice between them. */
export function asksWhichModule(text: string, modulesNamed: number): boolean {
  return (modulesNamed >= 2 && CHOICE.test(text)) || WHICH_MODULE.test(text);
}
