/** What one benchmark run records (one JSON line per child process). */

export interface Tally {
  readonly count: number;
  readonly total: number;
}

export interface RunRecord {
  readonly school: string;
  readonly method: string;
  /** `scheduled`, `infeasible`, `no-schedule`, `error`, or `killed` (over the runner's hard limit). */
  readonly status: string;
  /** The checker accepted the schedule. */
  readonly valid: boolean;
  readonly wall: number;
  readonly rssMb: number;
  readonly placed: Tally | null;
  readonly full: Tally | null;
  readonly requests: Tally | null;
  readonly placementBound: number | null;
  readonly boundSource: string | null;
  /** Seconds until the first schedule existed. */
  readonly firstSchedule: number | null;
  readonly stages: readonly string[];
  readonly note?: string;
}

export interface SolverRun {
  readonly status: string;
  readonly seconds: number;
  readonly objective: number | null;
  readonly bound: number | null;
}

export interface NativeRecord {
  readonly school: string;
  readonly method: 'cbc';
  readonly models: Array<{ model: string; columns: number; rows: number; nonzeros: number; highs: SolverRun; cbc: SolverRun }>;
}
