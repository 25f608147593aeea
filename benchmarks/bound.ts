/**
 * Measures the placement upper bound (src/bound/) on scenario files, as the engine's solve runs
 * it: the share BOUND_TIME_SHARE of the school's time limit, BOUND_NODE_LIMIT nodes per group,
 * HiGHS, seed 1. Prints per school: pathway students (the head count), the bound, whether each
 * solve closed, the wall-clock seconds, and the source. Timings are for benchmarks/notes.md only.
 *
 * Usage: npx tsx benchmarks/bound.ts <scenario.json>... [--limit <seconds>]
 *   --limit: the solve's time limit to take the share of (default: each school's policy).
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parse.js';
import { buildInstance } from '../src/model/instance.js';
import { BOUND_NODE_LIMIT, BOUND_TIME_SHARE, placementUpperBound } from '../src/bound/upper-bound.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';

const args = process.argv.slice(2);
const at = args.indexOf('--limit');
const limitArg = at >= 0 ? Number(args[at + 1]) : null;
const files = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
for (const file of files) {
  const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  const limit = limitArg ?? scenario.policy.timeLimitSeconds;
  const members = scenario.students.filter((s) => s.pathway !== undefined).length;
  const t0 = performance.now();
  const bound = await placementUpperBound(buildInstance(scenario), {
    backend: 'highs',
    seed: 1,
    nodeLimit: BOUND_NODE_LIMIT,
    timeLimitSeconds: limit * BOUND_TIME_SHARE,
  });
  const seconds = (performance.now() - t0) / 1000;
  const methods = bound ? [...new Set(bound.groups.map((g) => g.method))].join('/') : '-';
  console.log(
    `${file}\tlimit ${limit} s (bound share ${(limit * BOUND_TIME_SHARE).toFixed(1)} s)\thead count ${members}\tbound ${bound?.value ?? '-'}\t${methods}\treproducible ${bound ? String(bound.reproducible) : '-'}\t${seconds.toFixed(1)} s`,
  );
  console.log(`  source: ${bound?.source ?? 'no pathway students'}`);
}
await shutdownSolverWorkers();
