/**
 * An upper bound on pathway students placed that no valid schedule exceeds (SCENARIO.md: any
 * number of regular sections, as teachers, slots and rooms allow), with its source in words.
 *
 * Each pathway grade starts at its counting bound (src/bound/counting.ts: requests no section can
 * meet or the calendar cannot hold, cohort seats). Its placement relaxation (src/bound/
 * relaxation.ts) is solved, exactly or up to a node limit (then its proven dual bound, rounded
 * down, counts), and lowers it where it proves less. Then grades that share teachers
 * (src/bound/components.ts) are solved together, which is tighter where they compete for a
 * teacher; a group keeps the sum of its grades' bounds unless its own solve proves less. The sum
 * over the groups is the bound. Every solve has a node limit, so the value is the same on any
 * machine unless the clock stopped a solve first (`reproducible` says which). The time limit is a
 * cap over the whole bound, not a share per solve: a solve may use all the time left, so that a
 * machine on which every solve ends on its node limit within the cap gets the same value, however
 * the time falls between the solves. What the clock leaves unsolved keeps its counting bound.
 */
import { backendCapabilities, type BackendName } from '../../solver/index.js';
import type { MipResult } from '../../solver/backend.js';
import { solveMip } from '../../solver/run.js';
import type { Instance } from '../model/instance.js';
import { countingBound } from './counting.js';
import { sharingTeachers, split } from './components.js';
import { pathwayGrades, type PathwayGrade } from './members.js';
import { buildRelaxation, type Relaxation } from './relaxation.js';
import { limitingRules } from './explain.js';
import type { MipModel } from '../../solver/mip.js';
import { getKnown } from '../map-entry.js';
import pLimit from 'p-limit';

export interface UpperBoundOptions {
  readonly backend: BackendName;
  readonly seed: number;
  /** Branch-and-bound nodes per group of pathway grades (the work limit that keeps the bound reproducible). */
  readonly nodeLimit: number;
  /** Wall-clock seconds for the whole bound; a group the clock reaches keeps the bound it had. */
  readonly timeLimitSeconds: number;
  readonly signal?: AbortSignal;
  /**
   * Most columns of one group's program, counted as the sum of its grades' programs (an upper
   * bound on it, known without building it); a larger group is split by pathway, then by grade.
   * Default {@link DEFAULT_MAX_COLUMNS}.
   */
  readonly maxColumns?: number;
}

/** How one group of pathway grades was bounded. */
export interface GroupBound {
  /** Pathway grade keys (`HEALTH-10`). */
  readonly grades: readonly string[];
  readonly members: number;
  readonly value: number;
  /** `solved`: the relaxation's optimum; `dual bound`: its proven bound at a node or time limit; `counting`: the counting bounds, which no solve lowered. */
  readonly method: 'solved' | 'dual bound' | 'counting';
  /** Why the value is below the members, in words (empty when it is not). */
  readonly reason: string;
}

export interface UpperBound {
  /** Pathway students placed by no valid schedule beyond this many. */
  readonly value: number;
  /** The bound's source in words: how it was found and, for each group below its members, why. */
  readonly source: string;
  readonly groups: readonly GroupBound[];
  /** No solve was cut by the clock or an abort, so the same scenario, seed and node limit give this value. */
  readonly reproducible: boolean;
  /**
   * The counting bounds' sum (src/bound/counting.ts), before any solve: at least `value`, and the
   * same on every machine whatever the clock cut. A schedule that steers by the bound (stops at
   * it) must steer by this one to stay reproducible.
   */
  readonly counting: number;
}

/** Columns above which a group of pathway grades is split (about 10 s per solve on the reference machine). */
export const DEFAULT_MAX_COLUMNS = 6000;
/** Branch-and-bound nodes per group in the engine's solve (closes every random small school tried; see benchmarks/notes.md). */
export const BOUND_NODE_LIMIT = 200;
/** Solves of the bound at once: one per core of the reference machine (2 cores). */
export const BOUND_PARALLEL = 2;
/** Share of the engine's time limit the bound may take. */
export const BOUND_TIME_SHARE = 0.15;
/**
 * A solve given less time than this is not started: the group keeps its counting bound. Starting
 * the solver's worker alone took over a second on a loaded 2-core machine, which a solve with a
 * short limit (2 s: cap 0.3 s) could not spare before its first schedule.
 */
const MIN_SOLVE_SECONDS = 1;
/** Groups up to this many columns below their members get the rules that limit them named (src/bound/explain.ts). */
const EXPLAIN_MAX_COLUMNS = 3000;
/** Share of the time left that naming the limiting rules of one group may take. */
const EXPLAIN_SHARE = 0.5;

/**
 * The bound (see the module comment), or null when the school has no pathway students.
 * @param inst - the school's instance (only its scenario is read: the bound keeps none of the engine's planning).
 * @throws only for programming or environment errors; a solver failure leaves a group at its counting bound.
 */
export async function placementUpperBound(inst: Instance, options: UpperBoundOptions): Promise<UpperBound | null> {
  const started = performance.now();
  const left = () => options.timeLimitSeconds - (performance.now() - started) / 1000;
  const scenario = inst.scenario;
  const grades = pathwayGrades(scenario);
  if (grades.length === 0) return null;
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const bounds = backendCapabilities(options.backend).bound;
  // Set from the solves' closures (TypeScript's narrowing does not see those writes).
  let reproducible = true as boolean;
  const run = async (model: MipModel, seconds: number) => {
    const result = await solveMip(model, {
      backend: options.backend,
      timeLimitSeconds: Math.max(0.1, seconds),
      mipGap: 0,
      seed: options.seed,
      nodeLimit: options.nodeLimit,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (result.termination === 'time-limit' || result.termination === 'interrupted') reproducible = false;
    return result;
  };

  /** The group's bound: its relaxation's if that proves less than `prior` (a bound already known), else `prior`. */
  const boundGroup = async (part: readonly PathwayGrade[], relaxation: Relaxation, seconds: number, prior: GroupBound): Promise<GroupBound> => {
    if (relaxation.noSchedule)
      return {
        ...prior,
        value: 0,
        method: 'counting',
        reason: 'no valid schedule exists: a pathway team’s teachers are never all available together for common planning',
      };
    if (prior.value === 0) return prior;
    if (seconds < MIN_SOLVE_SECONDS || options.signal?.aborted) {
      reproducible = false;
      return prior;
    }
    const result = await run(relaxation.model, seconds);
    if (result.termination === 'infeasible')
      return {
        ...prior,
        value: 0,
        method: 'solved',
        reason: 'no valid schedule exists: the locks, common planning time and teacher availability cannot all hold',
      };
    const proven = provenValue(result, bounds);
    if (proven === null || proven.value >= prior.value) return prior;
    let reason = proven.method === 'solved' ? 'solved exactly' : 'its proven bound at the work limit';
    if (proven.method === 'solved' && relaxation.model.columns.length <= EXPLAIN_MAX_COLUMNS && left() > MIN_SOLVE_SECONDS) {
      const until = left() * EXPLAIN_SHARE;
      const t0 = left();
      const limits = await limitingRules(scenario, part, proven.value, async (model) => {
        const spent = t0 - left();
        if (spent >= until || options.signal?.aborted) return null;
        const r = await run(model, until - spent);
        return r.termination === 'optimal' && r.objective !== null ? Math.round(r.objective) : null;
      });
      if (limits.length > 0) reason += `; limited by ${limits.join(', ')}`;
    }
    return { grades: part.map((g) => g.key), members: prior.members, value: Math.max(0, proven.value), method: proven.method, reason };
  };

  // Pass 1, pathway grade by pathway grade: small programs that close fast. Pass 2, grades that
  // share teachers together (as large as maxColumns allows): tighter where they compete. Building
  // a program takes time too (seconds on the largest schools), so none is built once the clock
  // or Ctrl-C has stopped the bound. The solves of a pass run BOUND_PARALLEL at a time (one per
  // core): each has its node limit, so the values do not depend on which ends first.
  const stopped = () => left() < MIN_SOLVE_SECONDS || options.signal?.aborted === true;
  const limit = pLimit(BOUND_PARALLEL);
  /** Columns of each pathway grade's program; a group's program has at most their sum (it shares sections). */
  const columns = new Map<string, number>();
  const priors = countingGroups(scenario, grades);
  const counted = sum(priors, 'value');
  const singles = await Promise.all(
    grades.map(async (g, i) => {
      const prior = priors[i]!;
      if (prior.value === 0) return prior;
      return limit(async () => {
        if (stopped()) {
          reproducible = false;
          return prior;
        }
        const relaxation = buildRelaxation(scenario, [g]);
        columns.set(g.key, relaxation.model.columns.length);
        return boundGroup([g], relaxation, left(), prior);
      });
    }),
  );
  const single = new Map(grades.map((g, i) => [g.key, singles[i]!]));
  const merged = sharingTeachers(scenario, grades)
    .flatMap((group) => split(group, (part) => part.reduce((n, g) => n + (columns.get(g.key) ?? Infinity), 0) <= maxColumns))
    .filter((part) => part.length > 1);
  const mergedBounds = await Promise.all(
    merged.map((part) => {
      const pieces = part.map((g) => getKnown(single, g.key, 'bound of pathway grade'));
      const prior: GroupBound = {
        grades: part.map((g) => g.key),
        members: sum(pieces, 'members'),
        value: sum(pieces, 'value'),
        method: 'counting',
        reason: '',
      };
      return limit(async () => {
        if (stopped()) {
          reproducible = false;
          return { pieces, found: prior, prior };
        }
        return { pieces, found: await boundGroup(part, buildRelaxation(scenario, part), left(), prior), prior };
      });
    }),
  );
  const groups: GroupBound[] = [];
  const covered = new Set<string>();
  merged.forEach((part, i) => {
    const { pieces, found, prior } = mergedBounds[i]!;
    if (found !== prior) groups.push(found);
    else groups.push(...pieces);
    for (const g of part) covered.add(g.key);
  });
  for (const g of grades) if (!covered.has(g.key)) groups.push(getKnown(single, g.key, 'bound of pathway grade'));
  groups.sort((a, b) => grades.findIndex((g) => g.key === a.grades[0]) - grades.findIndex((g) => g.key === b.grades[0]));
  const cut = reproducible ? '' : ' (the clock or Ctrl-C stopped some of its solves: those pathway grades keep their counting bound)';
  return { value: sum(groups, 'value'), source: describe(groups, merged.length) + cut, groups, reproducible, counting: counted };
}

const sum = (list: readonly GroupBound[], field: 'members' | 'value') => list.reduce((s, g) => s + g[field], 0);

/** Each pathway grade at its counting bound (src/bound/counting.ts), in the order of `grades`. */
function countingGroups(scenario: Instance['scenario'], grades: readonly PathwayGrade[]): GroupBound[] {
  return grades.map((g) => {
    const counting = countingBound(scenario, g);
    return {
      grades: [g.key],
      members: g.members,
      value: counting.value,
      method: 'counting',
      reason: counting.limits.map((l) => `${g.key}: ${l}`).join('; '),
    };
  });
}

/**
 * The counting part of the bound alone (src/bound/counting.ts), with no solve: instant, the same
 * on every machine, and never below {@link placementUpperBound}'s value. It is the bound to
 * report when a schedule already places this many (no relaxation can prove less than a schedule
 * reaches), and the one a solve starts from before the relaxation is solved.
 * @returns the bound, or null when the school has no pathway students.
 */
export function countingUpperBound(inst: Instance): UpperBound | null {
  const grades = pathwayGrades(inst.scenario);
  if (grades.length === 0) return null;
  const groups = countingGroups(inst.scenario, grades);
  const value = sum(groups, 'value');
  const below = groups.filter((g) => g.value < g.members);
  const how = 'counting (cohort seats, and requests some teacher, room and the calendar can meet)';
  const source =
    below.length === 0
      ? `pathway students: every one of the ${value} placeable by ${how}`
      : `${how}: ${below.map((g) => `${g.grades.join('+')} ≤ ${g.value} of ${g.members} (${g.reason})`).join('; ')}`;
  return { value, source, groups, reproducible: true, counting: value };
}

/** What a solve proves: its optimum, or its dual bound rounded down (placed students are whole). */
function provenValue(result: MipResult, reportsBound: boolean): { value: number; method: 'solved' | 'dual bound' } | null {
  if (result.termination === 'optimal' && result.objective !== null) return { value: Math.round(result.objective), method: 'solved' };
  if (result.termination === 'infeasible') return { value: 0, method: 'solved' };
  if (reportsBound && result.bound !== null && Number.isFinite(result.bound)) return { value: Math.floor(result.bound + 1e-6), method: 'dual bound' };
  return null;
}

function describe(groups: readonly GroupBound[], merged: number): string {
  const members = sum(groups, 'members');
  const below = groups.filter((g) => g.value < g.members);
  const how = `placement relaxation without planned section counts, solved per pathway grade${merged > 0 ? ` and per group of pathway grades sharing teachers (${merged})` : ''}`;
  if (below.length === 0) return `pathway students: every one of the ${members} placeable in the ${how}`;
  return `${how}: ${below.map((g) => `${g.grades.join('+')} ≤ ${g.value} of ${g.members} (${g.reason})`).join('; ')}`;
}
