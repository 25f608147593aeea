/**
 * How long the solver layer takes to honour its limits, measured here because tests never read
 * the clock (test/solver/solver-conformance.test.ts and test/solver/solver-formats.test.ts check only what
 * stopped a solve): for each backend that declares a time limit, the seconds a 1 s limit takes
 * on a model no machine closes within it, including the worker's start; and the seconds the
 * worker deadline takes to terminate a solver that ignores a 0.5 s limit.
 *
 * Usage: `npx tsx benchmarks/solver-limits.ts` (prints a table; a few seconds).
 */
import { BACKEND_NAMES, backendCapabilities, shutdownSolverWorkers, solveMip, workerDeadlineMs } from '../solver/index.js';
import type { MipColumn, MipModel } from '../solver/mip.js';

/** A market split instance (Cornuéjols and Dawande, 1998; m = 4, n = 30), as total slack minimisation: hours of branch and bound. */
function marketSplit(): MipModel {
  let s = 11;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const m = 4;
  const n = 30;
  const a = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.floor(rnd() * 100)));
  const col = (name: string, kind: MipColumn['kind'], ub: number, obj: number): MipColumn => ({ name, kind, lb: 0, ub, obj });
  return {
    sense: 'min',
    columns: [
      ...a[0]!.map((_, j) => col(`x${j}`, 'binary', 1, 0)),
      ...a.map((_, i) => col(`over${i}`, 'continuous', Infinity, 1)),
      ...a.map((_, i) => col(`under${i}`, 'continuous', Infinity, 1)),
    ],
    rows: a.map((w, i) => {
      const rhs = Math.floor(w.reduce((x, y) => x + y, 0) / 2);
      return { name: `split${i}`, cols: [...w.map((_, j) => j), n + i, n + m + i], coefs: [...w, -1, 1], lb: rhs, ub: rhs };
    }),
  };
}

const rows: string[] = ['| what | backend | limit (s) | stopped by | seconds |', '|---|---|---|---|---|'];
for (const backend of BACKEND_NAMES) {
  if (!backendCapabilities(backend).timeLimit) continue;
  const r = await solveMip(marketSplit(), { backend, timeLimitSeconds: 1, mipGap: 0, seed: 1 });
  rows.push(`| time limit, market split 4×30 | ${backend} | 1 | ${r.termination} | ${r.seconds.toFixed(2)} |`);
}
const hang = await solveMip(marketSplit(), { backend: 'highs', timeLimitSeconds: 0.5, mipGap: 0, seed: 1, testCrash: 'hang' });
rows.push(
  `| worker deadline (${(workerDeadlineMs(0.5) / 1000).toFixed(2)} s), solver hangs | highs | 0.5 | ${hang.termination} | ${hang.seconds.toFixed(2)} |`,
);
await shutdownSolverWorkers();
console.log(rows.join('\n'));
