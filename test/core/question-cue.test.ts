import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConceptIndex } from '../../src/core/concepts.js';
import { extractFeatures } from '../../src/core/features.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { buildNameIndex } from '../../src/core/module-names.js';
import { ASKS_FEATURE, asksSomething, asksWhichModule } from '../../src/core/question-cue.js';

describe('asksSomething', () => {
  it.each([
    'seed addresses on the weekly promo?',
    'can a typology rule block sends on Sundays',
    'Wie richte ich eine Testadresse ein',
    'comment ajouter une adresse de contrôle',
    'delivery 에 seed 주소 추가하려면 어떻게 해야 하나요',
    '발송 시간 제한은 typology 에서 거는 거죠',
  ])('hears a question in %j', (text) => {
    expect(asksSomething(text, false)).toBe(true);
  });

  it.each(['the weekly promo went out without the seed addresses', '메일이 아침부터 안 나가요', 'By default one stat process serves the instance'])(
    'hears a statement in %j',
    (text) => {
      expect(asksSomething(text, false)).toBe(false);
    },
  );

  it('takes the glossary question phrases as asking', () => {
    expect(asksSomething('looking for the way to set seed addresses', true)).toBe(true);
  });
});

describe('the asking feature', () => {
  const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
  const names = buildNameIndex(knowledge);
  const concepts = buildConceptIndex(knowledge.glossary);
  const asks = (text: string) => extractFeatures(text, names, concepts).some((f) => f.name === ASKS_FEATURE);

  it('is seen in a question, through a glossary question phrase too, and not in a statement', () => {
    expect(asks('MX 규칙 바꾸면 stat 재시작이 필요한가요')).toBe(true);
    expect(asks('looking for how to add a seed address')).toBe(true);
    expect(asks('stat was restarted after the MX rules changed')).toBe(false);
  });
});

describe('asksWhichModule', () => {
  it.each([
    'which module reads the bounce mailbox?',
    'what nlserver process writes the redirection logs',
    'Welches Modul liest das Bounce-Postfach?',
    'quel processus lit la boîte des rebonds ?',
    '반송 메일함은 어느 모듈이 읽나요?',
    'どのモジュールがバウンスを読みますか',
  ])('hears a question about which module in %j', (text) => {
    expect(asksWhichModule(text, 0)).toBe(true);
  });

  it('takes two modules named with a choice between them as asking which, one module or two without a choice as not', () => {
    expect(asksWhichModule('does web or wfserver serve the console logins?', 2)).toBe(true);
    expect(asksWhichModule('콘솔 로그인은 web 이 받나요, 아니면 wfserver 인가요?', 2)).toBe(true);
    expect(asksWhichModule('how often does inMail read the bounce mailbox?', 1)).toBe(false);
    expect(asksWhichModule('before patching, do we stop the mta first and the web last?', 2)).toBe(false);
  });
});
