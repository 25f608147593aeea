/**
 * The stages of a solve, their order and their work limits. Where placement comes first, stage 0
 * (`placement search`) searches for the board placing the most pathway students on the
 * placement program, which leaves out the students outside pathways (src/engine/placement.ts),
 * then loads every student on it. Otherwise stage 1 loads the greedy CTE-first board optimally
 * (a first schedule and the warm start); stage 2 (`search`) improves the board by
 * large-neighbourhood search (src/board/lns.ts); stage 3 (`board`) solves the whole program, on
 * small programs only and only while pathway placement is below its bound (there it may close
 * and prove the optimum); stage 4 (`loading`) fixes the best board found and re-solves the
 * loading alone. Each kind has its runner (src/engine/runners.ts).
 */

export interface Stage {
  readonly name: string;
  /**
   * `placement`: search for the board placing the most pathway students, then every student
   * loaded on it; `greedy`: the greedy board held fixed, loading solved; `search`:
   * large-neighbourhood search on the board; `whole`: the whole program; `loading`: the best
   * board held fixed.
   */
  readonly kind: 'placement' | 'greedy' | 'search' | 'whole' | 'loading';
  /**
   * Share of the remaining time this stage may use; the search's is the least it gets: it leaves
   * the final loading only twice what the earlier loading of a board took (src/engine/runners.ts).
   */
  readonly timeShare: number;
}

/** Programs up to this many columns go to the whole-program stage before the search. */
export const SMALL_MODEL_COLUMNS = 8000;
/**
 * Above this many columns neither the greedy board's full loading nor the whole program returns
 * anything within minutes (measured on the 2,500-student school: nothing in 27 s and 15 s); the
 * greedy loader's schedule is the start and the search gets all the time (each of its steps
 * already solves the loading of the students it touches).
 */
export const LARGE_MODEL_COLUMNS = 100_000;
/** Programs from this many columns get the placement search first (see its stage). */
export const PLACEMENT_SEARCH_COLUMNS = 5_000;

/**
 * The placement search may take three quarters of the time: placement is the first tier (strict
 * priorities), and the search stops by itself at its bound or when every family stalls. On the
 * generated 300-student school it needed about 45 s of search to reach its bound of 110; with half
 * of a 60 s limit it stopped at 107 (benchmarks/notes.md).
 */
export const STAGES: readonly Stage[] = [
  { name: 'placement search', kind: 'placement', timeShare: 0.75 },
  { name: 'greedy board', kind: 'greedy', timeShare: 0.2 },
  { name: 'search', kind: 'search', timeShare: 0.75 },
  { name: 'board', kind: 'whole', timeShare: 0.7 },
  { name: 'loading', kind: 'loading', timeShare: 1 },
];

/** The stages in the order they run on a program of `columns` columns: a small program can be closed by the solver, so there the whole program runs before the search. */
export function stagePlan(columns: number): readonly Stage[] {
  if (columns > SMALL_MODEL_COLUMNS) return STAGES;
  const rank = { placement: 0, greedy: 1, whole: 2, search: 3, loading: 4 } as const;
  return [...STAGES].sort((a, b) => rank[a.kind] - rank[b.kind]);
}

/**
 * Work limits of the stages, in search steps and branch-and-bound nodes rather than seconds, so
 * that the same scenario and seed give the same schedule on any machine. The time limit stays
 * a cap over them; a stage it cuts makes the solve depend on the machine, and the report says so
 * (`reproducible: false`).
 */
export interface WorkBudget {
  /** Steps of the placement search. */
  readonly placementSteps: number;
  /** Steps of the board search. */
  readonly searchSteps: number;
  /** Node limit of one search step. */
  readonly stepNodes: number;
  /** Node limit of a stage's whole solve (the greedy board's loading, the whole program, the final loading). */
  readonly stageNodes: number;
  /**
   * Largest placement program, in columns, whose whole-program root runs beside the placement
   * search's first batch (src/engine/placement.ts); default {@link WHOLE_PLACEMENT_COLUMNS}.
   */
  readonly wholePlacementColumns?: number;
}

/**
 * Placement program columns up to which the root of the whole placement program runs (the first
 * batch of the placement search waits for it). Its time grows faster than the program: measured
 * on a quiet 2-core machine, sierra-4x4-400 (16,824 columns) gets 104 of 104 from it in about
 * 20 s at the 60 s limit, where the search alone stalls at 95–97; the generated 300-student school
 * (22,152) got 85 of 110 with it at 60 s (root cut by the clock after 26 s) against 107 without,
 * and the generated 1,200-student school (27,362) 165 of 348 at 120 s (the placement search's
 * 48 s went to it and its first batch).
 */
export const WHOLE_PLACEMENT_COLUMNS = 20_000;

/**
 * The budget for a time limit. Steps cost 0.02–9 s on the reference machine (2 cores, two steps
 * at once) depending on the school and the neighbourhood, so no count fits every school. The
 * counts are those the cheapest steps would use up within the limit (placement steps of 1 s:
 * mesa-7p-600's took 0.5 s, and at 2 s its placement search ended on the budget after 30 s, at
 * 142 of 161 while still improving; search steps of 0.02 s: Crestwood's slot-pair steps took
 * 0.02 s, and at 0.25 s its search ended on the budget after 10 s of a 60 s limit), so that on the bundled schools the time limit,
 * not the step budget, ends a search that is still below its bound (the search's families of
 * growing neighbourhoods, src/board/lns.ts, keep finding steps to try); on large schools the
 * clock ends the search first and the report says so.
 */
export function workBudget(limitSeconds: number): WorkBudget {
  const pairs = (seconds: number) => Math.max(1, Math.floor(limitSeconds / seconds)) * 2;
  return {
    placementSteps: pairs(1),
    searchSteps: pairs(0.02),
    stepNodes: 500,
    stageNodes: 100,
    wholePlacementColumns: WHOLE_PLACEMENT_COLUMNS,
  };
}
