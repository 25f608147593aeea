/**
 * The placement program: the school's integer program with the students outside pathways left
 * out and pathway students placed as its only objective.
 *
 * Why it bounds every schedule: placement depends on the board (which stays whole: every
 * section, teacher, room, lock and CPT rule) and on the loading of pathway students. Students
 * outside pathways only take seats, and none of their requests is a hard rule, so leaving them
 * out removes no schedule's placement, and the group counts are exact (src/model/aggregate.ts).
 * Its proven bound is therefore a bound on pathway students
 * placed in any valid schedule, and its optimum is the best placement the school allows.
 *
 * Being far smaller than the whole program (the loading of most students is gone), it is closed
 * to optimality on schools where the whole program is not; its board, loaded with every
 * student, is then the engine's start for the requests.
 */
import type { MipModel } from '../../solver/mip.js';
import { extractSubmodel } from '../../solver/submodel.js';
import type { BackendName } from '../../solver/index.js';
import { solveMip } from '../../solver/run.js';
import type { Instance } from '../model/instance.js';
import { evaluate, formulate, type Formulation } from '../model/formulation.js';
import { improveBoard, type LnsOutcome } from '../board/lns.js';
import { memberCourseFamilies, placementFamilies } from '../board/member-courses.js';
import { neighbourhoodFamilies, type NeighbourhoodFamily } from '../board/neighbourhoods.js';
import { objectiveTiers } from '../model/objective.js';

export interface PlacementProgram {
  readonly form: Formulation;
  /** Maximise pathway students placed. */
  readonly model: MipModel;
  /** The placement program's values of a full-program solution (same columns by name). */
  fromFull(values: readonly number[]): number[];
  /** A full-program solution from the placement program's: students outside pathways get no seat. */
  toFull(values: readonly number[], columns: number): number[];
}

/**
 * Builds the placement program of the instance whose full program has the column names
 * `fullNames`. Groups keep their indices (students outside pathways keep their group with no
 * requests), so every column of the placement program has the same name in the full one.
 */
export function placementProgram(inst: Instance, fullNames: readonly string[]): PlacementProgram {
  const reduced: Instance = { ...inst, groups: inst.groups.map((g) => (g.pathway ? g : { ...g, requests: [] })) };
  const form = formulate(reduced);
  const model = form.builder.build('max', form.terms.placed);
  const fullIndex = new Map(fullNames.map((n, j) => [n, j]));
  const toFullIndex = model.columns.map((c) => {
    const j = fullIndex.get(c.name);
    if (j === undefined) throw new Error(`placement program column ${c.name} is not in the full program`);
    return j;
  });
  return {
    form,
    model,
    fromFull: (values) => toFullIndex.map((j) => values[j] ?? 0),
    toFull: (values, columns) => {
      const full = new Array<number>(columns).fill(0);
      toFullIndex.forEach((j, i) => (full[j] = Math.round(values[i] ?? 0)));
      return full;
    },
  };
}

/** Columns of a formulation's board (sections and CPT slots). */
export function boardColumnsOf(form: Formulation): Set<number> {
  return new Set([...form.vars.teach.map((v) => v.col), ...[...form.vars.cpt.values()].flat().map((v) => v.col)]);
}

/** Key of a section on a board, the same in every formulation of the school. */
export const sectionKey = (v: { course: string; teacher: string; pattern: { key: string }; cohort?: string }) =>
  `${v.course}|${v.teacher}|${v.pattern.key}|${v.cohort ?? ''}`;

export interface PlacementSearchOptions {
  readonly backend: BackendName;
  readonly seed: number;
  readonly now: () => number;
  /** Seconds (from `now()`) after which no new step starts. */
  readonly until: number;
  readonly stepSeconds: number;
  /** Most steps (the search's work limit, which keeps it reproducible). */
  readonly maxSteps?: number;
  /** Node limit of one step (with `maxSteps`, the search no longer depends on the clock). */
  readonly stepNodes?: number;
  /** Largest program, in columns, whose whole-program root runs beside the first batch (see wholeStepFits). */
  readonly wholeColumns: number;
  readonly parallel: number;
  /** Stop once this many students are placed (the bound: nothing better exists). */
  readonly target: number | null;
  /** Sections of a first board to try (see {@link sectionKey}). */
  readonly greedyBoard: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  readonly onImprove?: (placed: number) => void;
}

export interface PlacementSearchResult {
  /** Pathway students the best board places (the placement program's count). */
  readonly placed: number;
  /** That board as a full-program solution, students outside pathways not yet loaded. */
  readonly values: number[];
  readonly lns: LnsOutcome;
}

/**
 * Large-neighbourhood search for the board that places the most pathway students, on the
 * placement program (its steps skip the loading of every student outside pathways, so they are
 * several times cheaper than the whole program's), over the families of
 * src/board/member-courses.ts (a pathway grade with every course its unplaced members need
 * first). Starts from the better of `start` (a full
 * solution) and the greedy board loaded with pathway students; on programs up to
 * `wholeColumns` columns the root of the whole placement program runs beside the
 * first batch of steps, and the search goes on from the better board. The outcome's `steps`,
 * `improvements` and cut counts include that solve as one step.
 */
export async function searchPlacement(
  program: PlacementProgram,
  start: readonly number[] | null,
  columns: number,
  options: PlacementSearchOptions,
): Promise<PlacementSearchResult | null> {
  const { form, model } = program;
  const placedOf = (v: readonly number[]) => Math.round(evaluate(form.terms.placed, v));
  let best: number[] | null = start ? program.fromFull(start) : null;
  const left = () => options.until - options.now();
  if (left() > 1 && !options.signal?.aborted) {
    // The greedy board's sections held, and with them the seats of every section not on it
    // (solver/submodel.ts): on the 3,500-student benchmark school the worker received all
    // 213,094 columns of the placement program for this solve and kept 440 MB after it.
    const board = new Map(form.vars.teach.map((v) => [v.col, options.greedyBoard.has(sectionKey(v)) ? 1 : 0]));
    const held = extractSubmodel(
      model,
      board,
      Array.from(model.columns, (_, j) => board.get(j) ?? 0),
      { holdForcedZeros: true },
    );
    const greedy =
      held.violatedRow === undefined
        ? await solveMip(held.model, {
            backend: options.backend,
            timeLimitSeconds: Math.max(0.5, Math.min(options.stepSeconds, left() / 2)),
            mipGap: 0,
            seed: options.seed,
            ...(options.stepNodes !== undefined ? { nodeLimit: options.stepNodes } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
          })
        : null;
    const values = greedy?.values ? held.expand(greedy.values) : null;
    if (values && (!best || placedOf(values) > placedOf(best))) best = values;
  }
  if (!best) return null;
  options.onImprove?.(placedOf(best));
  const stop = new AbortController();
  const forward = () => {
    stop.abort();
  };
  options.signal?.addEventListener('abort', forward, { once: true });
  const reached = (v: readonly number[]) => options.target !== null && placedOf(v) >= options.target;
  if (reached(best)) stop.abort();
  const teach = new Set(form.vars.teach.map((v) => v.col));
  const placedOnly = { tiers: objectiveTiers(form, 'cte-first').filter((t) => t.kind === 'placed'), weights: [1] };
  const maxFree = Math.max(80, Math.round(form.vars.teach.length * 0.2));
  const maxTouched = 200;
  const families = placementSearchFamilies(model, options.wholeColumns, form, maxFree, maxTouched, options.seed);
  const search = (from: readonly number[], parallel: number, maxSteps: number | undefined) =>
    improveBoard(form, model, placedOnly, teach, from, {
      backend: options.backend,
      seed: options.seed,
      now: options.now,
      until: options.until,
      stepSeconds: options.stepSeconds,
      ...(maxSteps !== undefined ? { maxSteps } : {}),
      ...(options.stepNodes !== undefined ? { stepNodes: options.stepNodes } : {}),
      maxFree,
      maxTouched,
      families,
      parallel,
      signal: stop.signal,
      onImprove: (v) => {
        options.onImprove?.(placedOf(v));
        // The bound is reached: no board places more, so the search ends here.
        if (reached(v)) stop.abort();
      },
    });
  try {
    // The first batch: the whole placement program beside the first search step (see wholeStepFits).
    const first = wholeStepFits(model, options, left()) ? await firstBatch(program, best, options, stop.signal, search) : null;
    if (first) {
      best = first.values;
      if (first.wholeImproved) options.onImprove?.(placedOf(best));
      if (reached(best)) stop.abort();
    }
    const rest = options.maxSteps !== undefined ? Math.max(0, options.maxSteps - (first?.lns.steps ?? 0)) : undefined;
    const lns = await search(best, options.parallel, rest);
    const outcome = first ? joined(first, lns) : lns;
    return { placed: placedOf(outcome.values), values: program.toFull(outcome.values, columns), lns: outcome };
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
}

/**
 * The placement search's families. Above `wholeColumns` columns, where the whole placement
 * program's root does not run, a pathway grade with every course its unplaced members need
 * comes first (src/board/member-courses.ts): on the generated 1,200-student school (27,362
 * columns) it placed 348 of 348 in 24 s of search where the board search's families reached
 * about 200 in 50 s. Up to it, the board search's families first and the member-course families
 * after them, once those stall: on valley-ab-150 (5,658 columns) the board families reach 42 of
 * 42 at step 57, and with the member-course families first it stayed at 41 even over 121 steps;
 * on mesa-7p-600 (10,524) the board families alone stopped at 142 of 161, and with the
 * member-course families after them it placed 154 at the 60 s limit (benchmarks/notes.md,
 * "Placement on the generated 1,200-student school").
 */
export function placementSearchFamilies(
  model: MipModel,
  wholeColumns: number,
  form: Formulation,
  maxFree: number,
  maxTouched: number,
  seed: number,
): NeighbourhoodFamily[] {
  if (model.columns.length > wholeColumns) return placementFamilies(form, maxFree, maxTouched, seed);
  return [...neighbourhoodFamilies(form, maxFree, maxTouched, seed), ...memberCourseFamilies(form, maxFree, maxTouched)];
}

/**
 * Why placement programs up to `wholeColumns` columns (the work budget's `wholePlacementColumns`,
 * src/engine/stages.ts) get a solve of the whole placement program, at its root node only (a work limit: its result is the same on any machine unless the clock stops it),
 * beside the first search step. The search's neighbourhoods (a pathway grade, a pair of slots)
 * hold every other section where the greedy board put it, and where the greedy board is far from
 * the best one they stall below it: on sierra-4x4-400 (16,824 columns) every family of them stalls
 * at 95 of 104, while the root of the whole placement program places all 104 (HiGHS's sub-MIP
 * heuristic, 21 s on a loaded 2-core machine). On mesa-7p-600 (10,524) and valley-ab-150 (5,658)
 * the root finds nothing in 15 s and 7 s; it runs beside the search's first batch, so it costs
 * the time by which it outlasts that batch; on harbor-ab-700 (50,984) it found nothing in 60 s,
 * and on the generated 300-student school (22,152) it was cut by the clock at 60 s and the first
 * batch waited for it, so larger programs, for their time limit, do without it. Returns whether
 * the first batch holds that step: a program small enough, and time left.
 */
function wholeStepFits(model: MipModel, options: PlacementSearchOptions, left: number): boolean {
  return model.columns.length <= options.wholeColumns && left > 1 && !options.signal?.aborted;
}

interface FirstBatch {
  /** The better of the whole-program step's and the search step's solutions (placement program columns). */
  readonly values: number[];
  readonly wholeImproved: boolean;
  readonly wholeCut: boolean;
  readonly wholeTimeCut: boolean;
  readonly lns: LnsOutcome;
}

/**
 * The whole placement program (root node only, warm-started from `start`) beside the search's own
 * first batch (its first `parallel` steps, unchanged), both to their own work limits, then the
 * better of the two: the result does not depend on which finishes first, and where the whole
 * program finds nothing better the search goes on from the board its first batch left.
 */
async function firstBatch(
  program: PlacementProgram,
  start: number[],
  options: PlacementSearchOptions,
  signal: AbortSignal,
  search: (from: readonly number[], parallel: number, maxSteps: number | undefined) => Promise<LnsOutcome>,
): Promise<FirstBatch> {
  const { form, model } = program;
  const placedOf = (v: readonly number[]) => Math.round(evaluate(form.terms.placed, v));
  const [whole, lns] = await Promise.all([
    solveMip(model, {
      backend: options.backend,
      timeLimitSeconds: Math.max(0.5, options.until - options.now()),
      mipGap: 0,
      seed: options.seed,
      nodeLimit: 1,
      start,
      signal,
    }),
    search(start, options.parallel, Math.min(options.parallel, options.maxSteps ?? Infinity)),
  ]);
  const wholeImproved = whole.values !== null && placedOf(whole.values) > placedOf(lns.values);
  return {
    values: wholeImproved ? whole.values.map((v, j) => (model.columns[j]?.kind === 'continuous' ? v : Math.round(v))) : lns.values,
    wholeImproved,
    wholeCut: whole.termination !== 'optimal' && whole.termination !== 'gap-reached',
    wholeTimeCut: whole.termination === 'time-limit',
    lns,
  };
}

/** The search's outcome over the first batch and the rest, the whole-program step counted as one step. */
function joined(first: FirstBatch, rest: LnsOutcome): LnsOutcome {
  return {
    values: rest.values,
    steps: first.lns.steps + 1 + rest.steps,
    // Of the batch only the better solution is kept, as in the search's own batches.
    improvements: (first.wholeImproved ? 1 : first.lns.improvements) + rest.improvements,
    stop: rest.stop,
    cutSteps: first.lns.cutSteps + (first.wholeCut ? 1 : 0) + rest.cutSteps,
    timeCutSteps: first.lns.timeCutSteps + (first.wholeTimeCut ? 1 : 0) + rest.timeCutSteps,
  };
}
