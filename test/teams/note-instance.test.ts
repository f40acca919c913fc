import { describe, expect, it } from 'vitest';
import { chooseInstance } from '../../src/core/instance.js';
import type { Reply } from '../../src/core/reply.js';
import { instanceInNote, namedByTheAsker } from '../../src/teams/note-instance.js';

describe('instanceInNote', () => {
  it.each([
    ['mkt', [], 'mkt'],
    ['MKT', [], 'MKT'],
    ['MKT', ['prod', 'mkt'], 'mkt'],
    ['Prod', [], 'Prod'],
    ['PROD', ['prod'], 'prod'],
    ['acc_prd', [], 'acc_prd'],
    ['prod2', [], 'prod2'],
    ['eu-prod', [], 'eu-prod'],
    ['marketing', ['prod', 'marketing'], 'marketing'],
    ['mkt instance', [], 'mkt'],
    ['the mkt instance', [], undefined],
    ['marketing instance', [], 'marketing'],
    ['Marketing Instance', ['marketing'], 'marketing'],
    ['instance mkt', [], 'mkt'],
    ['instance: mkt', [], 'mkt'],
    ['mkt 인스턴스', [], 'mkt'],
    ['mkt인스턴스', [], 'mkt'],
    ['mkt インスタンス', [], 'mkt'],
    ['インスタンス mkt', [], 'mkt'],
    ['mkt-Instanz', [], 'mkt'],
    ['Instanz mkt', [], 'mkt'],
  ])('%j (known: %j) is the instance %j', (note, known, instance) => {
    expect(instanceInNote(note, known)).toBe(instance);
  });

  it.each(['', 'since 9', 'urgent', 'stuck', 'wfserver', 'mta', 'marketing', 'instance', 'this instance', 'broken instance', '42', 'mkt is down', 'app03', 'debian-12'])(
    '%j names no instance',
    (note) => {
      expect(instanceInNote(note, ['prod'])).toBeUndefined();
    },
  );
});

describe('namedByTheAsker', () => {
  it('tells an instance taken like --instance as one the asker named, keeping any warning', () => {
    const reply: Reply = { kind: 'help', lang: 'en' };
    expect(namedByTheAsker(reply)).toBe(reply);
    const flagged = chooseInstance([{ name: 'prod', module: 'mta' }], 'mta', { flag: 'mkt2', known: ['prod', 'mkt'] });
    const module = { kind: 'module', lang: 'en', instance: flagged } as Reply;
    expect(namedByTheAsker(module)).toMatchObject({ instance: { name: 'mkt2', source: 'message', others: ['prod'], unknown: true } });
  });
});
