import type { Lang, ModuleType } from '../core/types.js';

/** Every fixed sentence a card or the terminal shows, in both languages. */
export const LABELS = {
  en: {
    likelyModule: 'Likely module',
    bestGuess: 'Not sure — best guess',
    confidence: 'Confidence',
    language: 'Language',
    languageName: 'English',
    scope: 'Execution scope',
    whatItDoes: 'What it does',
    steps: 'What to check and do',
    commands: 'Commands',
    logs: 'Logs',
    docs: 'Documentation',
    openDocs: 'Open the docs',
    evidence: 'Because of',
    alsoCheck: 'Also check',
    otherCandidates: 'Other candidates',
    showModule: 'Show this module',
    wasThisHelpful: 'Did this help?',
    helpful: 'Helpful',
    notIt: 'Not it',
    thanksHelpful: 'Thanks, noted as helpful.',
    thanksNotIt: 'Thanks, noted. Try rephrasing, or pick a module from `list`.',
    whichModule: 'Which module was it?',
    candidatesGroup: 'Suggested',
    allModulesGroup: 'All modules',
    correctionSubmit: 'Save',
    correctionThanks: (module: string) => `Thanks: noted that it was ${module}. This helps the bot learn.`,
    youAsked: 'You asked',
    caution: 'Caution',
    instanceFrom: {
      flag: (name: string) => `Instance ${name}, from --instance.`,
      message: (name: string) => `Instance ${name}, from your message.`,
      default: (name: string) => `Instance ${name}, the configured default.`,
    },
    instanceMissing: {
      chat: 'No instance named, so commands show <instance>. Name it in your message, e.g. "mta@prod" or "on the prod instance".',
      cli: 'No instance named, so commands show <instance>. Pass --instance NAME, set CAMPAIGN_INSTANCE, or name it in the question.',
    },
    instanceOthers: (names: string) => `Your message also names ${names}; the commands are for the instance above.`,
    instanceUnknown: (name: string) => `${name} is not one of the configured instances: check the name before running anything.`,
    listingAllRunning: 'Every expected module in the pasted listing is running.',
    listingMissing: (names: string) => `Missing from the pasted listing: ${names}`,
    notCampaignTitle: 'No Campaign module matched',
    notCampaign:
      'This does not look like an Adobe Campaign Classic module problem, or it is too vague to say. Describe the symptom (what stopped, what error you see), paste `nlserver pdump` or `nlserver monitor -missing` output, or name a module.',
    howToTitle: 'A question about using Campaign',
    howTo: 'This reads as a question about using Campaign rather than a module failure, so no nlserver module is named. The Campaign Classic documentation answers it best:',
    searchDocs: 'Search the Campaign Classic docs',
    howToFits: (module: string) => `If something is in fact failing, start with ${module}.`,
    outsideDependent: (module: string) => `Module that depends on it: ${module}`,
    listTitle: 'Campaign Classic modules',
    helpTitle: 'Campaign module triage',
    help: 'Describe what is broken and I will name the nlserver module to look at, with the checks and commands to run.',
    helpExamples: ['emails stopped going out', 'workflows stuck in Start in progress', 'xtk:session error in the console', 'mta', 'list'],
    empty: 'Tell me the symptom, for example: emails stopped going out.',
    tooLong: (max: string) => `That message is too long to read (over ${max}). Paste the error lines and the last part of the log instead.`,
    noText: 'I could not find any words in that message. Describe the symptom in a sentence.',
    moduleType: {
      mono: 'Mono-instance: one process per instance; name it as module@instance',
      multi: 'Multi-instance: one process serves every instance; no @instance needed',
      utility: 'Utility: runs on demand, no resident process',
    } satisfies Record<ModuleType, string>,
    error: 'Something went wrong on my side while answering. Please try again in a moment.',
    listHint: 'Select a module to see its card, or type its name.',
    examplesTitle: 'Try, for example',
    detailsTrimmed: 'Some details were left out to fit in Teams; the docs below have the rest.',
    welcomeTitle: 'Hello! I help you find which Campaign module is in trouble.',
    notInChannel:
      'Only you can see this: I am not a member of this channel, so I cannot answer in the thread. Invite me with `/invite @campaign-module` and I will answer there next time.',
    missingScope: (scopes: string) =>
      `I cannot read this thread: this Slack app was not granted ${scopes}. Ask a workspace admin to add it and reinstall the app, or write the symptom after my name.`,
    alertStorm: (count: number, since: string) => `${count} alerts like this since ${since} UTC, answered once here.`,
    homeWaysTitle: 'How to ask',
    homeWays: [
      '`/campaign-module <symptom>` in any channel.',
      '`@campaign-module <symptom>` in a channel I am in. In a thread, `@campaign-module` alone reads the thread for you.',
      "*Ask campaign-module* in any message's ⋯ menu (More actions) diagnoses that message, alerts from other bots included.",
      'Or write to me directly, in my Messages tab.',
    ],
    homeInstancesTitle: 'Instances',
    homeInstanceDefault: (name: string) => `Commands use *${name}* unless your message names another instance.`,
    homeInstanceNone: 'No default instance is configured: name it in your message (`mta@prod`, "on the prod instance").',
    homeInstancesKnown: (names: string) => `Instances I recognise in a message: ${names}`,
    homeAlerts: (channels: string) => `I read monitoring alerts in ${channels} and answer in their thread when they name a module.`,
  },
  ko: {
    likelyModule: '의심 모듈',
    bestGuess: '확실하지 않음 — 가장 가까운 후보',
    confidence: '신뢰도',
    language: '언어',
    languageName: '한국어',
    scope: '실행 범위',
    whatItDoes: '모듈 역할',
    steps: '확인 및 조치 순서',
    commands: '명령어',
    logs: '로그',
    docs: '문서',
    openDocs: '문서 열기',
    evidence: '판단 근거',
    alsoCheck: '함께 확인',
    otherCandidates: '다른 후보',
    showModule: '이 모듈 보기',
    wasThisHelpful: '도움이 되었나요?',
    helpful: '도움됨',
    notIt: '아님',
    thanksHelpful: '감사합니다. 도움됨으로 기록했습니다.',
    thanksNotIt: '감사합니다. 기록했습니다. 다르게 설명하거나 `list`에서 모듈을 고르세요.',
    whichModule: '어느 모듈이었나요?',
    candidatesGroup: '추천',
    allModulesGroup: '전체 모듈',
    correctionSubmit: '저장',
    correctionThanks: (module: string) => `감사합니다. ${module}(으)로 기록했습니다. 봇이 배우는 데 도움이 됩니다.`,
    youAsked: '질문',
    caution: '주의',
    instanceFrom: {
      flag: (name: string) => `인스턴스 ${name} (--instance 로 지정)`,
      message: (name: string) => `인스턴스 ${name} (메시지에서 찾음)`,
      default: (name: string) => `인스턴스 ${name} (기본 설정값)`,
    },
    instanceMissing: {
      chat: '인스턴스를 알 수 없어 명령어에 <instance>로 표시했습니다. 메시지에 "mta@prod"나 "prod 인스턴스에서"처럼 적어 주세요.',
      cli: '인스턴스를 알 수 없어 명령어에 <instance>로 표시했습니다. --instance NAME 을 주거나 CAMPAIGN_INSTANCE 를 설정하거나 질문에 적어 주세요.',
    },
    instanceOthers: (names: string) => `메시지에 ${names}도 있지만 명령어는 위 인스턴스 기준입니다.`,
    instanceUnknown: (name: string) => `${name}은(는) 설정된 인스턴스 목록에 없습니다. 실행하기 전에 이름을 확인하세요.`,
    listingAllRunning: '붙여 넣은 목록에서 예상한 모듈이 모두 실행 중입니다.',
    listingMissing: (names: string) => `붙여 넣은 목록에 없는 프로세스: ${names}`,
    notCampaignTitle: '해당하는 Campaign 모듈 없음',
    notCampaign:
      'Adobe Campaign Classic 모듈 문제로 보이지 않거나 판단하기에 정보가 부족합니다. 증상(무엇이 멈췄는지, 어떤 오류인지)을 설명하거나 `nlserver pdump`, `nlserver monitor -missing` 출력을 붙여 넣거나 모듈 이름을 입력하세요.',
    howToTitle: 'Campaign 사용 방법 질문',
    howTo: '모듈 장애라기보다 Campaign 사용 방법에 대한 질문으로 보여 nlserver 모듈을 지목하지 않았습니다. Campaign Classic 문서에서 찾는 것이 가장 좋습니다.',
    searchDocs: 'Campaign Classic 문서 검색',
    howToFits: (module: string) => `실제로 무언가 멈춘 것이라면 ${module}부터 확인하세요.`,
    outsideDependent: (module: string) => `영향을 받는 모듈: ${module}`,
    listTitle: 'Campaign Classic 모듈',
    helpTitle: 'Campaign 모듈 진단',
    help: '무엇이 고장 났는지 설명하면 확인할 nlserver 모듈과 점검 항목, 실행할 명령어를 알려 드립니다.',
    helpExamples: ['메일이 발송되지 않아요', '워크플로가 시작 진행 중에서 멈춤', '콘솔 로그인 시 xtk:session 오류', 'mta', 'list'],
    empty: '증상을 알려 주세요. 예: 메일이 발송되지 않아요.',
    tooLong: (max: string) => `메시지가 너무 깁니다(${max} 초과). 오류 줄과 로그의 마지막 부분만 붙여 넣어 주세요.`,
    noText: '메시지에서 단어를 찾지 못했습니다. 증상을 문장으로 설명해 주세요.',
    moduleType: {
      mono: '모노 인스턴스: 인스턴스마다 프로세스가 하나이며 module@instance 로 지정합니다',
      multi: '다중 인스턴스: 프로세스 하나가 모든 인스턴스를 처리하므로 @instance 가 필요 없습니다',
      utility: '유틸리티: 필요할 때 실행되며 상주 프로세스가 없습니다',
    } satisfies Record<ModuleType, string>,
    error: '답변하는 중에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    listHint: '모듈을 선택하거나 이름을 입력하면 해당 카드를 보여 드립니다.',
    examplesTitle: '이렇게 물어보세요',
    detailsTrimmed: 'Teams 크기 제한 때문에 일부 내용을 생략했습니다. 나머지는 아래 문서를 참고하세요.',
    welcomeTitle: '안녕하세요! 문제가 생긴 Campaign 모듈을 찾아 드립니다.',
    notInChannel: '나만 볼 수 있는 답변입니다. 이 채널의 멤버가 아니어서 스레드에 답할 수 없습니다. `/invite @campaign-module` 로 초대하면 다음부터 스레드에 답합니다.',
    missingScope: (scopes: string) =>
      `이 스레드를 읽을 수 없습니다. 이 Slack 앱에 ${scopes} 권한이 없습니다. 워크스페이스 관리자에게 권한을 추가하고 앱을 다시 설치해 달라고 요청하거나, 제 이름 뒤에 증상을 적어 주세요.`,
    alertStorm: (count: number, since: string) => `${since} UTC 이후 비슷한 알림 ${count}건, 여기에서 한 번만 답합니다.`,
    homeWaysTitle: '물어보는 방법',
    homeWays: [
      '아무 채널에서나 `/campaign-module <증상>`.',
      '제가 있는 채널에서 `@campaign-module <증상>`. 스레드에서는 `@campaign-module` 만 적어도 스레드를 읽고 답합니다.',
      '메시지의 ⋯ 메뉴(추가 작업)에서 *Ask campaign-module* 을 고르면 그 메시지를 진단합니다. 다른 봇의 알림도 됩니다.',
      '또는 메시지 탭에서 저에게 직접 보내세요.',
    ],
    homeInstancesTitle: '인스턴스',
    homeInstanceDefault: (name: string) => `메시지에 다른 인스턴스가 없으면 명령어는 *${name}* 기준입니다.`,
    homeInstanceNone: '기본 인스턴스가 설정되지 않았습니다. 메시지에 적어 주세요(`mta@prod`, "prod 인스턴스에서").',
    homeInstancesKnown: (names: string) => `메시지에서 알아보는 인스턴스: ${names}`,
    homeAlerts: (channels: string) => `${channels} 채널의 모니터링 알림을 읽고, 모듈을 알 수 있으면 그 스레드에 답합니다.`,
  },
} as const;

export type Labels = (typeof LABELS)[Lang];

/** The labels for a language. */
export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}

/** Confidence as a whole percentage, e.g. 0.873 → "87%". */
export function formatConfidence(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** Docs URL for the asker's language: Experience League serves Korean with ?lang=ko. */
export function docsUrl(url: string, lang: Lang): string {
  if (lang !== 'ko') return url;
  const u = new URL(url);
  u.searchParams.set('lang', 'ko');
  return u.toString();
}
