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
});
