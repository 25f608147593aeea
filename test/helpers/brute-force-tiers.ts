/**
 * The strict-tier oracle: the lexicographic optimum of a strategy's tiers over every valid
 * schedule, found by trying every way to seat every student. Written from SCENARIO.md ("Request
 * priorities": required ≻ requested ≻ recommended after pathway placement, strict) and the
 * README's *Objective* (which request is in which tier, and the academic-first order), on the
 * board of oracle-board.ts; it shares no code with the engine, its objective or its checker.
 *
 * - `cte-first`: (pathway students placed, required requests met, requested met, recommended met).
 * - `academic-first`: (required, requested, recommended requests met of students outside
 *   pathways, pathway students placed, required, requested, recommended met of pathway students).
 * - A request's tier is its effective priority: a pathway student's cohort courses are required;
 *   with `agRule: "on-track"` so is a request for an A–G course of a subject the student is short
 *   in by the end of their grade, when they request no more courses of that subject than they are
 *   short; any other request has its own `priority` (default requested). A request met by an
 *   alternate counts in the request's tier.
 * - A request is met by one section of the course or of an alternate, one section per request and
 *   per course; a pathway student is placed when every request is met, their cohort courses in
 *   their own cohort's sections, and (on-track rule) they are A–G on track or their requests
 *   cannot reach it. A pathway student in no cohort may take regular sections of their cohort
 *   courses (they are then not placed).
 *
 * Search: students one by one (those of the highest tier first), each seated in every way: a cohort (or
 * none), then each request met by some section (an existing one or a new one at any placement) or
 * left unmet. Branch and bound on the tier vector: the bound adds, for each student still to seat,
 * the most each tier can gain from them alone on the board of locks (more sections only take seats
 * and slots away), so a branch whose bound is not lexicographically above the best is cut; a board
 * already searched with at least as good a vector is not searched again.
 */
import type { Priority, Scenario, Student } from '../../src/scenario/schema.js';
import { agNeed, oracleBoard, SUBJECTS, type Witness } from './oracle-board.js';

export { OracleGaveUp } from './oracle-board.js';

export type TierOrder = 'cte-first' | 'academic-first';

export interface TierOracleResult {
  /** Some schedule keeps every hard rule. */
  readonly feasible: boolean;
  /**
   * The lexicographic optimum of the tiers ({@link tierNames}), or null when no valid schedule
   * exists, or when `above` was given and no valid schedule is lexicographically above it.
   */
  readonly best: readonly number[] | null;
  /** A schedule with the values `best`, for the checker to confirm; null with `best`. */
  readonly witness: Witness | null;
}

export interface TierOracleOptions {
  readonly maxNodes?: number;
  /** At most this many regular sections of a course (the engine's section plan); any number when omitted. */
  readonly regularLimit?: (course: string) => number;
  /** Look only for schedules lexicographically above this tier vector (e.g. a schedule already known). */
  readonly above?: readonly number[];
}

const PRIORITIES: readonly Priority[] = ['required', 'requested', 'recommended'];

/** The tiers of the order, highest first, in the report's words. */
export function tierNames(order: TierOrder): string[] {
  const requests = (who: string) => PRIORITIES.map((p) => `${p} requests met${who}`);
  return order === 'cte-first'
    ? ['pathway students placed', ...requests('')]
    : [...requests(' (outside pathways)'), 'pathway students placed', ...requests(' (pathway students)')];
}

/** Positive when `a` is lexicographically above `b`. */
export function compareTiers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The effective priority of each of the student's requests (see the file header). */
export function effectivePriorities(s: Scenario, st: Student): Priority[] {
  const own = s.pathways.find((p) => p.id === st.pathway)?.cohortCourses[String(st.grade)] ?? [];
  const subject = (c: string) => s.courses.find((x) => x.id === c)?.ag ?? null;
  return st.requests.map((c) => {
    if (own.includes(c)) return 'required';
    const k = subject(c);
    if (k && s.policy.agRule === 'on-track') {
      const short = agNeed(k, st.grade) - (st.agCompleted?.[k] ?? 0);
      const asked = new Set(st.requests.filter((r) => subject(r) === k)).size;
      if (short > 0 && asked <= short) return 'required';
    }
    return st.priorities?.[c] ?? 'requested';
  });
}

/** Where a student's placement and each of their met requests count in the order's tier vector. */
function tierIndex(order: TierOrder, inPathway: boolean) {
  const rank = (p: Priority) => PRIORITIES.indexOf(p);
  return {
    placed: order === 'cte-first' ? 0 : 3,
    request: (p: Priority) => (order === 'cte-first' ? 1 + rank(p) : inPathway ? 4 + rank(p) : rank(p)),
  };
}

export function bruteForceTiers(s: Scenario, order: TierOrder, options: TierOracleOptions = {}): TierOracleResult {
  const board = oracleBoard(s, options.maxNodes ?? 2_000_000, options.regularLimit);
  const { tick, course, cohortMembers, cohortCourses } = board;
  const width = tierNames(order).length;
  const add = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));

  const agOk = (st: Student, taken: readonly string[]) => {
    if (s.policy.agRule !== 'on-track') return true;
    const years = (courses: readonly string[], k: (typeof SUBJECTS)[number]) =>
      (st.agCompleted?.[k] ?? 0) + new Set(courses.filter((c) => course.get(c)?.ag === k)).size;
    const reachable = SUBJECTS.every((k) => years(st.requests, k) >= agNeed(k, st.grade));
    return !reachable || SUBJECTS.every((k) => years(taken, k) >= agNeed(k, st.grade));
  };

  // Students whose tiers come first are seated first, so the bound on those tiers tightens soonest.
  const inPathways = s.students.filter((st) => st.pathway !== undefined);
  const outside = s.students.filter((st) => st.pathway === undefined);
  const students = (order === 'cte-first' ? [...inPathways, ...outside] : [...outside, ...inPathways]).map((st) => {
    const priorities = effectivePriorities(s, st);
    const at = tierIndex(order, st.pathway !== undefined);
    const lines = st.requests.map((c, i) => ({
      course: c,
      accepts: [c, ...(st.alternates?.[c] ?? []).filter((a) => a !== c)],
      tier: at.request(priorities[i]!),
    }));
    return { st, lines, placedTier: at.placed };
  });
  type Seated = (typeof students)[number];

  /**
   * Every way to seat one student (each request met or not), calling `then` with the tier vector
   * they add until it returns true; `hopeless` cuts a partial seating whose most the student could
   * still add cannot lead anywhere.
   */
  const seatings = ({ st, lines, placedTier }: Seated, then: (gain: number[]) => boolean, hopeless: (most: number[]) => boolean = () => false): boolean => {
    const own = cohortCourses(st);
    const { taken, each } = board.seating();
    // Per line: undefined still open, true met, false left unmet.
    const met: Array<boolean | undefined> = lines.map(() => undefined);
    const most = (cohort: string | null) => {
      const gain = new Array<number>(width).fill(0);
      lines.forEach((l, i) => met[i] !== false && gain[l.tier]!++);
      if (cohort !== null && met.every((m) => m !== false)) gain[placedTier]!++;
      return gain;
    };
    const finish = (cohort: string | null): boolean => {
      const gain = new Array<number>(width).fill(0);
      lines.forEach((l, i) => met[i] && gain[l.tier]!++);
      if (cohort !== null && met.every(Boolean) && agOk(st, taken)) gain[placedTier]!++;
      return then(gain);
    };
    const line = (i: number, cohort: string | null): boolean => {
      if (i === lines.length) return finish(cohort);
      if (met[i]) return line(i + 1, cohort);
      if (hopeless(most(cohort))) return false;
      met[i] = true;
      let stop = false;
      for (const c of lines[i]!.accepts) if (!stop && course.has(c) && !taken.includes(c)) stop = each(st, c, null, () => line(i + 1, cohort));
      met[i] = false;
      stop ||= !hopeless(most(cohort)) && line(i + 1, cohort);
      met[i] = undefined;
      return stop;
    };
    for (const label of own.length > 0 ? board.joinableCohorts(st) : []) {
      const cohortCourse = (k: number): boolean => {
        if (k < own.length) return each(st, own[k]!, label, () => cohortCourse(k + 1));
        cohortMembers.set(label, (cohortMembers.get(label) ?? 0) + 1);
        lines.forEach((l, i) => own.includes(l.course) && (met[i] = true));
        const stop = line(0, label);
        lines.forEach((l, i) => own.includes(l.course) && (met[i] = undefined));
        cohortMembers.set(label, (cohortMembers.get(label) ?? 0) - 1);
        return stop;
      };
      if (cohortCourse(0)) return true;
    }
    return line(0, null);
  };

  let feasible = false;
  let best: number[] | null = options.above ? [...options.above] : null;
  let found = false;
  let witness: ReturnType<typeof board.snapshot> | null = null;

  board.lockBoards(() => {
    feasible = true;
    // The most each student can add alone on this board, tier by tier: a bound for any fuller board.
    const alone = students.map((x) => {
      const most = new Array<number>(width).fill(0);
      seatings(x, (gain) => {
        gain.forEach((g, i) => (most[i] = Math.max(most[i]!, g)));
        return false;
      });
      return most;
    });
    const rest = alone.map((_, i) => alone.slice(i).reduce(add, new Array<number>(width).fill(0)));
    rest.push(new Array<number>(width).fill(0));
    const seen = new Map<string, number[]>();
    /** Students i.. seated; true to stop the whole search (the bound is reached). */
    const search = (i: number, sum: number[]): boolean => {
      tick();
      if (best && compareTiers(add(sum, rest[i]!), best) <= 0) return false;
      if (i === students.length) {
        best = sum;
        found = true;
        witness = board.snapshot();
        return compareTiers(sum, rest[0]!) === 0;
      }
      const state = `${board.boardKey()}|${i}`;
      const before = seen.get(state);
      if (before && compareTiers(sum, before) <= 0) return false;
      seen.set(state, sum);
      // A partial seating of student i is cut when even the most it could still add, with the most the rest could, does not beat the best.
      const hopeless = (most: number[]) => best !== null && compareTiers(add(add(sum, most), rest[i + 1]!), best) <= 0;
      return seatings(students[i]!, (gain) => search(i + 1, add(sum, gain)), hopeless);
    };
    return search(0, new Array<number>(width).fill(0));
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the lockBoards callback, which the compiler's narrowing does not follow (microsoft/TypeScript#9998)
  if (!feasible || !found) return { feasible, best: null, witness: null };
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the lockBoards callback, which the compiler's narrowing does not follow (microsoft/TypeScript#9998)
  return { feasible, best, witness: witness ? board.schedule(witness) : null };
}
