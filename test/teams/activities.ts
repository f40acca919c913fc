/**
 * Bot Framework activities shaped as Microsoft Teams sends them to a bot's messaging endpoint
 * (v3 protocol: channel "msteams", 29: user ids, 28: bot ids, 19: conversation ids).
 */
export const BOT = { id: '28:6f1c2b4e-93b1-4c4e-9d52-0c8f1e7a2b10', name: 'Campaign Module Bot' };
export const USER = { id: '29:1Xk9cS0mXWcTestUserId', name: 'Jiwoo Park', aadObjectId: '5f0b7a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b' };
export const TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

const TEAM_ID = '19:Q2FtcGFpZ25PcHM@thread.tacv2';
const CHANNEL_ID = '19:b3e1a2c4d5f60718293a4b5c6d7e8f90@thread.tacv2';
const PERSONAL_ID = 'a:1pZ3tEsTpErSoNaLcOnVeRsAtIoN';

let counter = 1_700_000_000_000;
const nextId = (): string => String((counter += 1));

type Activity = Record<string, unknown>;

function base(serviceUrl: string, conversation: Record<string, unknown>, locale: string): Activity {
  const now = new Date().toISOString();
  return {
    id: nextId(),
    timestamp: now,
    localTimestamp: now,
    serviceUrl,
    channelId: 'msteams',
    from: USER,
    recipient: BOT,
    conversation: { tenantId: TENANT.id, ...conversation },
    locale,
    entities: [{ type: 'clientInfo', locale, country: locale.slice(3), platform: 'Web', timezone: 'Asia/Seoul' }],
  };
}

function channelConversation(rootId: string): Record<string, unknown> {
  return { isGroup: true, conversationType: 'channel', id: `${CHANNEL_ID};messageid=${rootId}` };
}

const channelData = { teamsChannelId: CHANNEL_ID, teamsTeamId: TEAM_ID, channel: { id: CHANNEL_ID }, team: { id: TEAM_ID }, tenant: TENANT };

/** A new channel post that @mentions the bot (Teams puts the mention in the text and in a mention entity). */
export function channelMention(serviceUrl: string, question: string, locale = 'en-US'): Activity {
  const activity = base(serviceUrl, {}, locale);
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...activity,
    type: 'message',
    conversation: { tenantId: TENANT.id, ...channelConversation(String(activity.id)) },
    textFormat: 'plain',
    text: `${mention} ${question}`,
    entities: [{ type: 'mention', text: mention, mentioned: BOT }, ...(activity.entities as unknown[])],
    channelData,
  };
}

/** A one-to-one message to the bot; no mention needed. */
export function personalMessage(serviceUrl: string, text: string, locale = 'en-US'): Activity {
  return {
    ...base(serviceUrl, { conversationType: 'personal', id: PERSONAL_ID }, locale),
    type: 'message',
    textFormat: 'plain',
    text,
    channelData: { tenant: TENANT },
  };
}

/** What Teams sends when someone presses an Action.Submit button on a card the bot posted. */
export function cardSubmit(serviceUrl: string, cardActivityId: string, data: unknown, scope: 'channel' | 'personal' = 'personal'): Activity {
  const conversation = scope === 'channel' ? channelConversation(cardActivityId) : { conversationType: 'personal', id: PERSONAL_ID };
  return {
    ...base(serviceUrl, conversation, 'en-US'),
    type: 'message',
    replyToId: cardActivityId,
    value: data,
    channelData: { ...(scope === 'channel' ? channelData : { tenant: TENANT }), source: { name: 'message' }, legacy: { replyToId: cardActivityId } },
  };
}

/** The bot installed in a team: a conversationUpdate whose membersAdded holds the bot itself. */
export function botAddedToTeam(serviceUrl: string, locale = 'en-US'): Activity {
  return {
    ...base(serviceUrl, { isGroup: true, conversationType: 'channel', id: TEAM_ID }, locale),
    type: 'conversationUpdate',
    from: USER,
    membersAdded: [{ id: BOT.id }],
    channelData: { eventType: 'teamMemberAdded', team: { id: TEAM_ID, name: 'Campaign Ops' }, tenant: TENANT },
  };
}

/** Another person joining a team the bot is already in: no welcome card expected. */
export function userAddedToTeam(serviceUrl: string): Activity {
  return { ...botAddedToTeam(serviceUrl), membersAdded: [{ id: '29:1NewColleague', aadObjectId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' }] };
}

export { CHANNEL_ID, PERSONAL_ID, TEAM_ID };
