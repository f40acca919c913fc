import { z } from 'zod';

/** The activity is JSON but not shaped like a Bot Framework activity this bot can answer. */
export class ActivityShapeError extends Error {
  readonly code = 'ACTIVITY_SHAPE_INVALID';
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'ActivityShapeError';
  }
}

const account = z.looseObject({ id: z.string().nullish(), aadObjectId: z.string().nullish(), name: z.string().nullish() });

// Only the fields botbuilder and this bot read; the rest passes through untouched. `text` is not
// here on purpose: a message without readable text is answered, not refused.
const activityShape = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1), conversationType: z.string().nullish() }),
  // Teams and the Emulator always send these: without an id a redelivery would be answered twice, and without a
  // sender every vote would count for one user ("-"), so one forged vote would stand for everyone's.
  id: z.string().min(1),
  channelId: z.string().nullish(),
  from: account.extend({ id: z.string().min(1) }),
  recipient: account.extend({ id: z.string().min(1) }),
  locale: z.string().nullish(),
  // Mentions and client info: botbuilder and the mention stripping read each entry's type.
  entities: z.array(z.looseObject({ type: z.string().nullish() })).nullish(),
  membersAdded: z.array(account).nullish(),
  replyToId: z.string().nullish(),
});

export type ActivityShape = z.infer<typeof activityShape>;

/** Checks a parsed request body before botbuilder sees it; names the first wrong field, never its value. */
export function checkActivityShape(body: Record<string, unknown>): ActivityShape {
  const result = activityShape.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'activity';
  throw new ActivityShapeError(`activity: ${where}: ${issue?.message ?? 'invalid'}`);
}
