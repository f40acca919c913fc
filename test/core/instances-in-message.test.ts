import { describe, expect, it } from 'vitest';
import { chooseInstance } from '../../src/core/instance.js';
import { instancesInMessage } from '../../src/core/instances-in-message.js';

const chosen = (text: string, module: 'stat' | 'mta') => chooseInstance(instancesInMessage(text, null), module).name;

describe('instancesInMessage', () => {
  it.each([
    ['stat@mkt is there but stat@prod is missing', 'stat', 'prod'],
    ['stat@mkt 는 있는데 stat@prod 만 없어요', 'stat', 'prod'],
    ['mta@prod 는 잘 도는데 mta@mkt 가 죽었어요', 'mta', 'mkt'],
    ['mta@prod crashed, mta@mkt is fine', 'mta', 'prod'],
    ['mta@mkt keeps crashing, see also mta@prod', 'mta', 'mkt'],
  ] as const)('%j: the instance where the trouble is → %s@%s', (text, module, instance) => {
    expect(chosen(text, module)).toBe(instance);
  });

  it('keeps the order of writing when no clause reports trouble', () => {
    expect(instancesInMessage('mta@mkt and mta@prod, which one should I look at first?', null).map((n) => n.name)).toEqual(['mkt', 'prod']);
  });
});
