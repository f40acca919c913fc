import { describe, expect, it } from 'vitest';
import { asksWithoutTrouble } from '../../src/core/plain-question.js';

describe('asksWithoutTrouble', () => {
  it.each([
    'can I install the client console on a mac?',
    'where do I add an IP range to the security zone in serverConf?',
    'Tracking 워크플로 주기를 30분으로 줄여도 괜찮나요?',
    'kann man die Konsole auf dem Mac installieren?',
  ])('hears a plain question in %j', (text) => {
    expect(asksWithoutTrouble(text)).toBe(true);
  });

  it.each([
    'the console is down since 9',
    "why can't anyone log on to the console?",
    'why is sending so slow today?',
    'are the bounces piling up again?',
    '메일이 왜 안 나가나요?',
    '발송이 계속 지연되나요?',
    '配信が遅いのはなぜですか？',
  ])('hears trouble in %j', (text) => {
    expect(asksWithoutTrouble(text)).toBe(false);
  });
});
