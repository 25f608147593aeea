/**
 * The rows of a comparison: the figures of each solved scenario side by side, and how a finished
 * solve becomes its row. Shared by the local runner (src/compare/) and the queue's workers
 * (src/queue/), which is why it sits below both.
 */
import type { SolveOutcome } from '../engine/solve.js';
import type { Scenario } from '../scenario/schema.js';
import type { Solution, Tally } from '../solution/schema.js';
import { INTERRUPTED } from './interrupted.js';

/** The figures compared across scenarios. */
export interface Metrics {
  readonly pathwayPlaced: Tally;
  readonly fullyScheduled: Tally;
  readonly requestsMet: Tally;
  readonly agOnTrack: Tally;
  readonly teamsWithCpt: Tally;
  readonly sections: number;
  /** Sections taught over the teachers' maximum sections, all teachers together. */
  readonly teacherLoad: Tally;
}

export type RowStatus = 'scheduled' | 'infeasible' | 'no-schedule' | 'failed' | 'interrupted';

export interface ComparisonRow {
  readonly name: string;
  readonly status: RowStatus;
  /** Why there are no figures (failed, infeasible, no schedule, interrupted). */
  readonly message?: string;
  readonly metrics: Metrics | null;
  /** `optimal` when the schedule is proven best; `feasible` when it is the best found (e.g. at the time limit). */
  readonly schedule?: 'optimal' | 'feasible';
  /** Why the solve stopped (`optimal`, `time-limit`, ...). */
  readonly termination?: string;
  /** False when a stage was cut by the clock: the row may differ on another run. */
  readonly reproducible?: boolean;
  readonly solution?: Solution;
}

export interface Comparison {
  /** The base first, then the variants in the order given. */
  readonly rows: readonly ComparisonRow[];
  /** True when the comparison was aborted before every row finished. */
  readonly interrupted: boolean;
}

/** Sections taught against the teachers' maximum sections. */
function teacherLoad(scenario: Scenario, solution: Solution): Tally {
  const max = scenario.teachers.reduce((n, t) => n + t.maxSections, 0);
  const taught = solution.sections.length;
  return { count: taught, total: max, share: max === 0 ? null : taught / max };
}

/** The row of one finished solve. */
export function rowOf(name: string, scenario: Scenario, outcome: SolveOutcome, aborted: boolean): ComparisonRow {
  if (outcome.status === 'scheduled') {
    const f = outcome.check.figures;
    const solver = outcome.solution.report.solver;
    if (aborted && solver.termination === 'interrupted') return { name, status: 'interrupted', message: INTERRUPTED, metrics: null };
    return {
      name,
      status: 'scheduled',
      metrics: {
        pathwayPlaced: f.pathwayPlaced,
        fullyScheduled: f.fullyScheduled,
        requestsMet: f.requestsMet,
        agOnTrack: f.agOnTrack,
        teamsWithCpt: f.teamsWithCpt,
        sections: f.sections,
        teacherLoad: teacherLoad(scenario, outcome.solution),
      },
      schedule: solver.schedule === 'optimal' ? 'optimal' : 'feasible',
      termination: solver.termination,
      ...(solver.reproducible !== undefined ? { reproducible: solver.reproducible } : {}),
      solution: outcome.solution,
    };
  }
  if (outcome.status === 'infeasible')
    return {
      name,
      status: 'infeasible',
      message: `hard rules conflict: ${outcome.diagnosis.groups.length > 0 ? outcome.diagnosis.summary : outcome.rules.join(' + ')}`,
      metrics: null,
    };
  if (aborted || outcome.solver.termination === 'interrupted') return { name, status: 'interrupted', message: INTERRUPTED, metrics: null };
  // A solver worker that crashed ends the solve with an error termination: the row failed.
  if (outcome.solver.termination === 'error') return { name, status: 'failed', message: outcome.message, metrics: null };
  return { name, status: 'no-schedule', message: outcome.message, metrics: null };
}
