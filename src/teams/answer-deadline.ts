import type { TurnContext } from 'botbuilder';

/** turnState key: when (on Date.now's clock) Teams must have the HTTP answer to the turn's activity. */
export const ANSWER_DUE = Symbol('teams: answer due');

export interface AnswerBudgets {
  /** A message or an event: Teams waits about 15 s. */
  answerMs: number;
  /** An invoke: Teams waits 5 s, then resends it. */
  invokeMs: number;
}

/** When the answer to an activity received at `receivedAt` is due. */
export function answerDue(activityType: unknown, receivedAt: number, budgets: AnswerBudgets): number {
  return receivedAt + (activityType === 'invoke' ? budgets.invokeMs : budgets.answerMs);
}

/** How long the turn has left before its answer is due (never below 0); the adapter sets the due time on every turn. */
export function timeLeft(context: TurnContext, now: () => number = Date.now): number {
  const due: unknown = context.turnState.get(ANSWER_DUE);
  return typeof due === 'number' ? Math.max(0, due - now()) : 0;
}
