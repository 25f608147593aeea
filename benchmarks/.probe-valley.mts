import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parse.js';
import { solve } from '../src/engine/solve.js';
import { applyPatch } from '../src/whatif/variant.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
const input = JSON.parse(readFileSync('fixtures/valley-ab-150.json', 'utf8'));
const patch = JSON.parse(readFileSync('fixtures/whatif/no-cpt.patch.json', 'utf8'));
const budget = JSON.parse(process.argv[2]!);
for (const [name, s] of [['base', parseScenario(input)], ['no-cpt', parseScenario(applyPatch(input, patch, 'p'))]] as const) {
  const t = performance.now();
  const o = await solve(s, { timeLimitSeconds: 600, workBudget: budget });
  console.log(name, o.status === 'scheduled' ? [o.check.figures.pathwayPlaced.count, o.solution.report.solver.delivered, o.solution.report.solver.reproducible] : o.status, ((performance.now() - t) / 1000).toFixed(1), 's');
}
await shutdownSolverWorkers();
