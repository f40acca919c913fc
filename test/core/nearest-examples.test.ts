import { describe, expect, it } from 'vitest';
import { indexExamples, NearestExamples } from '../../src/core/nearest-examples.js';

const unit = (indices: number[]) => ({ indices, values: indices.map(() => 1 / Math.sqrt(indices.length)) });

describe('NearestExamples', () => {
  const examples = [
    { vector: unit([0, 1]), label: 0 },
    { vector: unit([0, 2]), label: 0 },
    { vector: unit([3, 4]), label: 1 },
    { vector: unit([5]), label: 2 },
  ];
  const nearest = new NearestExamples(indexExamples(examples, 10), 3, 2);

  it('scores each class by the mean cosine of its k nearest examples', () => {
    const [first, second, third] = nearest.scores(unit([0, 1]));
    expect(first).toBeCloseTo((1 + 0.5) / 2);
    expect(second).toBe(0);
    expect(third).toBe(0);
  });

  it('counts a class with fewer than k matching examples as if the missing ones were unlike the query', () => {
    expect(nearest.scores(unit([5]))[2]).toBeCloseTo(0.5);
  });

  it('forgets one query before the next: its buffers are reused', () => {
    nearest.scores(unit([3, 4]));
    expect([...nearest.scores(unit([0, 1]))].map((s) => Math.round(s * 1000) / 1000)).toEqual([0.75, 0, 0]);
    expect(nearest.scores(unit([3, 4]))[1]).toBeCloseTo(0.5);
  });

  it('returns zeros for a query sharing no feature', () => {
    expect([...nearest.scores(unit([9]))]).toEqual([0, 0, 0]);
  });

  it('gives the same scores whatever order the examples come in', () => {
    const shuffled = new NearestExamples(indexExamples([...examples].reverse(), 10), 3, 2);
    for (const query of [unit([0, 1]), unit([0, 5]), unit([2, 3, 4])]) {
      expect([...shuffled.scores(query)]).toEqual([...nearest.scores(query)]);
    }
  });

  it('matches a plain cosine search on random examples, whatever their count (the loops go four at a time)', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vector = () => {
      const indices = [...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => Math.floor(random() * 12)))];
      const values = indices.map(() => 0.1 + random());
      const norm = Math.hypot(...values);
      return { indices, values: values.map((v) => v / norm) };
    };
    for (const count of [1, 3, 4, 5, 9, 23, 57]) {
      const drawn = Array.from({ length: count }, () => ({ vector: vector(), label: Math.floor(random() * 4) }));
      const search = new NearestExamples(indexExamples(drawn, 12), 4, 3);
      for (let q = 0; q < 5; q += 1) {
        const query = vector();
        const expected = [0, 1, 2, 3].map((label) => {
          const cosines = drawn
            .filter((e) => e.label === label)
            .map((e) => e.vector.indices.reduce((sum, f, i) => sum + (query.values[query.indices.indexOf(f)] ?? 0) * (e.vector.values[i] ?? 0), 0))
            .sort((a, b) => b - a);
          return [0, 1, 2].reduce((sum, i) => sum + (cosines[i] ?? 0), 0) / 3;
        });
        // The index keeps its weights in steps of 1/65 535: within 1e-4 of the exact cosines.
        const scores = [...search.scores(query)];
        for (const [label, score] of expected.entries()) expect(scores[label]).toBeCloseTo(score, 4);
      }
    }
  });

  it('keeps the k best per class, not the first k it meets', () => {
    const many = [0.1, 0.9, 0.3, 0.8, 0.2].map((value, doc) => ({ vector: { indices: [0, doc + 1], values: [value, 1] }, label: 0 }));
    expect(new NearestExamples(indexExamples(many, 10), 1, 2).scores({ indices: [0], values: [1] })[0]).toBeCloseTo((0.9 + 0.8) / 2);
  });
});
