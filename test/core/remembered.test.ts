import { describe, expect, it } from 'vitest';
import { Remembered } from '../../src/core/remembered.js';

describe('Remembered', () => {
  it('computes an answer once per key, an undefined answer included', () => {
    const memory = new Remembered<number | undefined>(10);
    const asked: string[] = [];
    const compute = (key: string) => {
      asked.push(key);
      return key === 'unknown' ? undefined : key.length;
    };
    expect([memory.get('mta', compute), memory.get('unknown', compute), memory.get('mta', compute), memory.get('unknown', compute)]).toEqual([3, undefined, 3, undefined]);
    expect(asked).toEqual(['mta', 'unknown']);
  });

  it('starts over when full instead of growing', () => {
    const memory = new Remembered<string>(2);
    let computed = 0;
    const compute = (key: string) => {
      computed += 1;
      return key.toUpperCase();
    };
    for (const key of ['a', 'b', 'c', 'a']) memory.get(key, compute);
    // 'c' found the memory full and emptied it, so 'a' was computed again.
    expect(computed).toBe(4);
    expect(memory.get('c', compute)).toBe('C');
    expect(computed).toBe(4);
  });
});
