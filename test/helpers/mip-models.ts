/** Small hand-made MIP models with known optima, shared by the solver tests. */
import type { MipColumn, MipModel, MipRow } from '../../solver/mip.js';

const col = (name: string, kind: MipColumn['kind'], lb: number, ub: number, obj: number): MipColumn => ({ name, kind, lb, ub, obj });
const row = (name: string, cols: number[], coefs: number[], lb: number, ub: number): MipRow => ({ name, cols, coefs, lb, ub });

/** max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, continuous: optimum 2.8 at (1.6, 1.2). */
export const smallLp: MipModel = {
  sense: 'max',
  columns: [col('x', 'continuous', 0, Infinity, 1), col('y', 'continuous', 0, Infinity, 1)],
  rows: [row('a', [0, 1], [1, 2], -Infinity, 4), row('b', [0, 1], [3, 1], -Infinity, 6)],
};

/** 0/1 knapsack, values 10,13,7,8,4, weights 5,6,3,4,2, capacity 10. */
export const knapsack: MipModel = {
  sense: 'max',
  columns: [10, 13, 7, 8, 4].map((v, j) => col(`take[item ${j}]`, 'binary', 0, 1, v)),
  rows: [row('capacity[bag]', [0, 1, 2, 3, 4], [5, 6, 3, 4, 2], -Infinity, 10)],
};
export const KNAPSACK_OPTIMUM = 21;

/** Equality and ranged rows with general integers: min 2a + 3b + c, a + b + c = 7, 2 ≤ a - b ≤ 3, c ≥ 1. */
export const equalityAndRanges: MipModel = {
  sense: 'min',
  columns: [col('a', 'integer', 0, 10, 2), col('b', 'integer', 0, 10, 3), col('c', 'integer', 1, 10, 1)],
  rows: [row('sum', [0, 1, 2], [1, 1, 1], 7, 7), row('diff', [0, 1], [1, -1], 2, 3)],
};
export const EQUALITY_OPTIMUM = 9; // a=2, b=0, c=5 → 4 + 0 + 5 = 9

/** A binary that cannot meet its row: infeasible. */
export const infeasible: MipModel = {
  sense: 'max',
  columns: [col('x', 'integer', 0, 1, 1)],
  rows: [row('need2', [0], [1], 2, Infinity)],
};

/** max x + y with x - y ≤ 1, integers unbounded above: unbounded. */
export const unbounded: MipModel = {
  sense: 'max',
  columns: [col('x', 'integer', 0, Infinity, 1), col('y', 'integer', 0, Infinity, 1)],
  rows: [row('gap', [0, 1], [1, -1], -Infinity, 1)],
};

/** The knapsack with a constant: optimum 21 + 100. */
export const knapsackWithOffset: MipModel = { ...knapsack, objOffset: 100 };

/** The knapsack as minimisation of the negated values: optimum -21. */
export const knapsackMin: MipModel = { ...knapsack, sense: 'min', columns: knapsack.columns.map((c) => ({ ...c, obj: -c.obj })) };

/** A seeded LCG (tests must not use Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A multi-dimensional knapsack with many items and correlated weights: HiGHS needs a long
 * branch-and-bound to close it, so it exercises time limits and interrupts. The empty set is
 * feasible, and HiGHS finds incumbents within a fraction of a second.
 */
export function hardKnapsack(items = 120, dims = 8, seed = 7): MipModel {
  const rnd = lcg(seed);
  const weights = Array.from({ length: dims }, () => Array.from({ length: items }, () => 20 + Math.floor(rnd() * 80)));
  const columns = Array.from({ length: items }, (_, j) => {
    const avg = weights.reduce((s, w) => s + (w[j] ?? 0), 0) / dims;
    return col(`take[${j}]`, 'binary', 0, 1, Math.round(avg + 10 * rnd()));
  });
  const rows = weights.map((w, d) =>
    row(
      `cap[${d}]`,
      columns.map((_, j) => j),
      w,
      -Infinity,
      Math.floor(w.reduce((s, x) => s + x, 0) / 2),
    ),
  );
  return { sense: 'max', columns, rows };
}

/**
 * A market split instance (Cornuéjols and Dawande, 1998), as the optimisation of the total
 * slack: m equality rows over n binaries with coefficients 0–99 and right-hand sides half the
 * row sums. Branch and bound on these is known to take hours at m = 4, n = 30, so a solver given
 * a short time limit stops at it on any machine. Every x = 0 with slack = rhs is feasible.
 */
export function marketSplit(m = 4, n = 30, seed = 11, slack: 'continuous' | 'integer' = 'continuous'): MipModel {
  const rnd = lcg(seed);
  const a = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.floor(rnd() * 100)));
  // Integer slacks (for integer-only backends) are bounded by the row's weight: no split is further off.
  const ub = (i: number) => (slack === 'integer' ? (a[i] ?? []).reduce((s, x) => s + x, 0) : Infinity);
  const columns: MipColumn[] = [
    ...Array.from({ length: n }, (_, j) => col(`x[${j}]`, 'binary', 0, 1, 0)),
    ...Array.from({ length: m }, (_, i) => col(`over[${i}]`, slack, 0, ub(i), 1)),
    ...Array.from({ length: m }, (_, i) => col(`under[${i}]`, slack, 0, ub(i), 1)),
  ];
  const rows = a.map((w, i) => {
    const rhs = Math.floor(w.reduce((s, x) => s + x, 0) / 2);
    return row(`split[${i}]`, [...w.map((_, j) => j), n + i, n + m + i], [...w, -1, 1], rhs, rhs);
  });
  return { sense: 'min', columns, rows };
}

/** A multi-dimensional knapsack HiGHS closes in seconds (optimum proven with mipGap 0), whose 5% gap is reached at once. */
export const gapKnapsack = (): MipModel => hardKnapsack(40, 4);
export const GAP_KNAPSACK_OPTIMUM = 1341;
