/**
 * An upper bound on pathway students placed that no valid schedule exceeds (SCENARIO.md: any
 * number of regular sections, as teachers, slots and rooms allow), with its source in words.
 *
 * Per group of pathway grades (src/bound/components.ts), the smaller of:
 * - the counting bound of its grades (src/bound/counting.ts: requests no section can meet,
 *   requests that cannot fit the calendar, cohort seats), and
 * - the placement relaxation of its members (src/bound/relaxation.ts), solved exactly or, when its
 *   node or time limit stops it, by its proven dual bound rounded down.
 * The sum over the groups is the bound. Each group's solve has a node limit, so the value is the
 * same on any machine unless the clock stopped a solve first (`reproducible` says which).
 */
import { backendCapabilities, type BackendName } from '../../solver/capabilities.js';
import type { MipResult } from '../../solver/backend.js';
import { solveMip } from '../../solver/run.js';
import type { Instance } from '../model/instance.js';
import { countingBound } from './counting.js';
import { sharingTeachers, split } from './components.js';
import { pathwayGrades, type PathwayGrade } from './members.js';
import { buildRelaxation, type Relaxation } from './relaxation.js';
import { limitingRules } from './explain.js';
import type { MipModel } from '../../solver/mip.js';

export interface UpperBoundOptions {
  readonly backend: BackendName;
  readonly seed: number;
  /** Branch-and-bound nodes per group of pathway grades (the work limit that keeps the bound reproducible). */
  readonly nodeLimit: number;
  /** Wall-clock seconds for the whole bound; a group the clock reaches keeps its counting bound. */
  readonly timeLimitSeconds: number;
  readonly signal?: AbortSignal;
  /**
   * Most columns of one group's program; a larger group is split by pathway, then by grade.
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
  /** `solved`: the relaxation's optimum; `dual bound`: its proven bound at a node or time limit; `counting`: no solve, or the counting bound was smaller. */
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
}

/** Columns above which a group of pathway grades is split (about 10 s per solve on the reference machine). */
export const DEFAULT_MAX_COLUMNS = 6000;
/** Branch-and-bound nodes per group in the engine's solve (closes every random small school tried; see benchmarks/notes.md). */
export const BOUND_NODE_LIMIT = 200;
/** Share of the engine's time limit the bound may take. */
export const BOUND_TIME_SHARE = 0.15;
/** A solve given less time than this is not started: the group keeps its counting bound. */
const MIN_SOLVE_SECONDS = 0.2;
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
  const counting = new Map(grades.map((g) => [g.key, countingBound(scenario, g)]));
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const built = new Map<string, Relaxation>();
  const relaxationOf = (group: readonly PathwayGrade[]) => {
    const key = group.map((g) => g.key).join('+');
    return built.get(key) ?? built.set(key, buildRelaxation(scenario, group)).get(key)!;
  };
  const parts = sharingTeachers(scenario, grades).flatMap((group) => split(group, (g) => relaxationOf(g).model.columns.length <= maxColumns));
  const bounds = backendCapabilities(options.backend).bound;
  let reproducible = true;
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
  const groups: GroupBound[] = [];
  for (const [i, part] of parts.entries()) {
    const keys = part.map((g) => g.key);
    const members = part.reduce((s, g) => s + g.members, 0);
    const count = part.reduce((s, g) => s + counting.get(g.key)!.value, 0);
    const countReason = part.flatMap((g) => counting.get(g.key)!.limits.map((l) => `${g.key}: ${l}`)).join('; ');
    const byCounting: GroupBound = { grades: keys, members, value: count, method: 'counting', reason: countReason };
    const relaxation = relaxationOf(part);
    built.clear();
    if (relaxation.noSchedule) {
      groups.push({ ...byCounting, value: 0, reason: 'no valid schedule exists: a pathway team’s teachers are never all available together for common planning' });
      continue;
    }
    const seconds = left() / (parts.length - i);
    if (count === 0 || seconds < MIN_SOLVE_SECONDS || options.signal?.aborted) {
      if (count > 0) reproducible = false;
      groups.push(byCounting);
      continue;
    }
    const result = await run(relaxation.model, seconds);
    const proven = provenValue(result, bounds);
    if (result.termination === 'infeasible') {
      groups.push({ ...byCounting, value: 0, method: 'solved', reason: 'no valid schedule exists: the locks, common planning time and teacher availability cannot all hold' });
    } else if (proven === null || proven.value >= count) {
      groups.push(byCounting);
    } else {
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
      groups.push({ grades: keys, members, value: Math.max(0, proven.value), method: proven.method, reason });
    }
  }
  const value = groups.reduce((s, g) => s + g.value, 0);
  return { value, source: describe(groups, parts.length), groups, reproducible };
}

/** What a solve proves: its optimum, or its dual bound rounded down (placed students are whole). */
function provenValue(result: MipResult, reportsBound: boolean): { value: number; method: 'solved' | 'dual bound' } | null {
  if (result.termination === 'optimal' && result.objective !== null) return { value: Math.round(result.objective), method: 'solved' };
  if (result.termination === 'infeasible') return { value: 0, method: 'solved' };
  if (reportsBound && result.bound !== null && Number.isFinite(result.bound)) return { value: Math.floor(result.bound + 1e-6), method: 'dual bound' };
  return null;
}

function describe(groups: readonly GroupBound[], parts: number): string {
  const members = groups.reduce((s, g) => s + g.members, 0);
  const below = groups.filter((g) => g.value < g.members);
  const how = `placement relaxation without planned section counts, per group of pathway grades sharing teachers (${parts} group${parts === 1 ? '' : 's'})`;
  if (below.length === 0) return `pathway students: every one of the ${members} placeable in the ${how}`;
  return `${how}: ${below.map((g) => `${g.grades.join('+')} ≤ ${g.value} of ${g.members} (${g.reason})`).join('; ')}`;
}
