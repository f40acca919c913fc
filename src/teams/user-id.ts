/** The person behind an activity: their Entra object id, the same in every chat, else their Teams id. */
export function userIdOf(activity: { from?: { aadObjectId?: string; id?: string } | undefined }): string | undefined {
  return activity.from?.aadObjectId ?? activity.from?.id;
}
