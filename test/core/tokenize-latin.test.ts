import { describe, expect, it } from 'vitest';
import { tokenizeLatin } from '../../src/core/tokenize-latin.js';

const features = (text: string) => tokenizeLatin(text).map((t) => t.feature);

describe('tokenizeLatin', () => {
  it.each([
    ['Emails stopped going out', ['email', 'stop', 'go', 'out']],
    ['xtk:session error', ['xtk:session', 'xtk', 'session', 'error']],
    ['NmsOperation_LimitConcurrency', ['nmsoperation_limitconcurrency', 'nm', 'oper', 'limit', 'concurr']],
    ['port 6666/udp', ['port', '6666/udp', '6666', 'udp']],
    ['mta@prod missing', ['mta@', 'mta', 'prod', 'miss']],
    ['Zabbix PROBLEM: Datadog monitor', ['problem', 'monitor']],
  ])('%j → %j', (text, expected) => {
    expect(features(text)).toEqual(expected);
  });

  it('splits English words from the Korean particles stuck to them', () => {
    expect(features('wfserver가 pdump에서 안 보여요')).toEqual(['wfserver', 'pdump']);
  });

  it('keeps the surface form for evidence', () => {
    expect(tokenizeLatin('Workflows stuck')[0]).toEqual({ feature: 'workflow', surface: 'Workflows' });
  });
});
