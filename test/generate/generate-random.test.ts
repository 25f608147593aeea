import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Random } from '../../src/generate/random.js';

describe('Random (seeded mulberry32)', () => {
  it('repeats its sequence for a seed and stream, and differs across streams', () => {
    const a = new Random(42, 1);
    const b = new Random(42, 1);
    const c = new Random(42, 2);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int() within its bounds and shuffle() a permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, lo, span) => {
        const rng = new Random(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.int(lo, lo + span);
          expect(Number.isInteger(x) && x >= lo && x <= lo + span).toBe(true);
          const f = rng.next();
          expect(f >= 0 && f < 1).toBe(true);
        }
        const list = Array.from({ length: span }, (_, i) => i);
        expect(rng.shuffle(list).sort((p, q) => p - q)).toEqual(list);
      }),
      { numRuns: 50 },
    );
  });

  it('draws weighted choices in proportion to their weights', () => {
    const rng = new Random(7);
    let heavy = 0;
    for (let i = 0; i < 4000; i++)
      if (
        rng.weighted([
          ['light', 1],
          ['heavy', 3],
        ] as const) === 'heavy'
      )
        heavy++;
    expect(heavy / 4000).toBeGreaterThan(0.7);
    expect(heavy / 4000).toBeLessThan(0.8);
  });
});
