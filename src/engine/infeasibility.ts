/**
 * Naming the hard rules behind an infeasible scenario: every row that belongs to a rule group gets
 * an elastic slack, the total slack is minimised, and the groups whose slack stays positive are
 * the rules that cannot all hold together.
 */
import type { MipModel, MipRow } from '../../solver/mip.js';
import { solveMip } from '../../solver/run.js';
import type { SolverName } from '../scenario/schema.js';

export async function findInfeasibleRules(model: MipModel, options: { backend: SolverName; seed: number; timeLimitSeconds: number }): Promise<string[]> {
  const columns = model.columns.map((c) => ({ ...c, obj: 0 }));
  const rows: MipRow[] = [];
  const slackGroup: string[] = [];
  for (const r of model.rows) {
    if (!r.group) {
      rows.push(r);
      continue;
    }
    const cols = [...r.cols];
    const coefs = [...r.coefs];
    // One slack towards each finite side: a row can be violated only in the direction it binds.
    if (r.lb > -Infinity) {
      columns.push({ name: `slackUp[${r.name}]`, kind: 'continuous', lb: 0, ub: Infinity, obj: 1 });
      cols.push(columns.length - 1);
      coefs.push(1);
      slackGroup[columns.length - 1] = r.group;
    }
    if (r.ub < Infinity) {
      columns.push({ name: `slackDown[${r.name}]`, kind: 'continuous', lb: 0, ub: Infinity, obj: 1 });
      cols.push(columns.length - 1);
      coefs.push(-1);
      slackGroup[columns.length - 1] = r.group;
    }
    rows.push({ ...r, cols, coefs });
  }
  const elastic: MipModel = { sense: 'min', columns, rows };
  const result = await solveMip(elastic, { backend: options.backend, seed: options.seed, mipGap: 0, timeLimitSeconds: options.timeLimitSeconds });
  if (!result.values) return ['the hard rules conflict, but the elastic analysis found no relaxation in time'];
  const groups = new Set<string>();
  result.values.forEach((v, i) => {
    const g = slackGroup[i];
    if (g && v > 1e-6) groups.add(g);
  });
  return [...groups].sort();
}
