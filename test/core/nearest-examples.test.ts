import { describe, expect, it } from 'vitest';
import { NearestExamples } from '../../src/core/nearest-examples.js';

const unit = (indices: number[]) => ({ indices, values: indices.map(() => 1 / Math.sqrt(indices.length)) });

describe('NearestExamples', () => {
  const nearest = new NearestExamples(3, 2);
  nearest.add(unit([0, 1]), 0);
  nearest.add(unit([0, 2]), 0);
  nearest.add(unit([3, 4]), 1);
  nearest.add(unit([5]), 2);

  it('scores each class by the mean cosine of its k nearest examples', () => {
    const [first, second, third] = nearest.scores(unit([0, 1]));
    expect(first).toBeCloseTo((1 + 0.5) / 2);
    expect(second).toBe(0);
    expect(third).toBe(0);
  });

  it('counts a class with fewer than k matching examples as if the missing ones were unlike the query', () => {
    expect(nearest.scores(unit([5]))[2]).toBeCloseTo(0.5);
  });

  it('returns zeros for a query sharing no feature', () => {
    expect([...nearest.scores(unit([9]))]).toEqual([0, 0, 0]);
  });
});
