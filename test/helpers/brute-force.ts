/**
 * The brute-force oracle: whether any schedule keeps every hard rule, and the most pathway
 * students any valid schedule places, found by trying every way to seat them. Written from
 * SCENARIO.md alone (slots and placements from school-time.ts), sharing no code with the engine,
 * its section plan or its checker:
 *
 * - A schedule may run any sections: the oracle opens a section (course, placement, cohort or
 *   not) whenever a student it seats needs one, so there is no planned section count; a cohort
 *   holds up to the pathway's `cohortSize` (seats permitting), with at most
 *   ⌈members / cohortSize⌉ cohorts per pathway grade.
 * - Students the oracle does not place sit in no section, which every rule allows; so only the
 *   locks (which need sections) and common planning time (which teacher unavailability alone can
 *   break) can leave a school with no valid schedule at all. `feasible` says whether one exists;
 *   `best` is 0 both when none does and when a valid schedule places nobody, and `feasible`
 *   tells the two apart.
 * - A pathway student is placed when every request is met (by the course or an alternate, one
 *   section per request, never two sections of one course), their cohort courses in their own
 *   cohort's sections, and, with `agRule: on-track`, they are A–G on track or their requests
 *   cannot reach it. Rules kept: placements, student, teacher and room clashes, credentials,
 *   unavailability, `maxSections`, prep in every term taught, common planning time, room type,
 *   seats (the course's and the room's), locks, cohorts (own members only, together, one section
 *   per course, size, count).
 * - The contract's enrollment rules (SCENARIO.md "Enrollment"): a student sits in at most one
 *   section of a course, and one section meets one request, so an alternate course taken for one
 *   request does not also meet another (nor a cohort course another request). Grades: a request
 *   outside a course's `grades` exists only under `gradeRule: "allow"` (parse refuses it under
 *   the strict default), which admits it; so the oracle seats students in any course they request.
 *   Priority tiers do not enter: the oracle counts pathway placement only.
 *
 * Search: pathway students one by one, each placed (every way to seat them in existing or new
 * sections) or left out, bounded by the best found; of identical students a prefix is placed.
 * The board, its teachers and rooms: oracle-board.ts. The oracle throws beyond `maxNodes` so that
 * a school too large for it fails loudly rather than slowly.
 */
import type { Scenario, Student } from '../../src/scenario/schema.js';
import { getKnown } from '../../src/map-entry.js';
import { agNeed, oracleBoard, SUBJECTS, type Sec, type Witness } from './oracle-board.js';

export { OracleGaveUp } from './oracle-board.js';

export interface OracleResult {
  /** Some schedule keeps every hard rule. */
  readonly feasible: boolean;
  /** The most pathway students a valid schedule places; 0 when there is none. */
  readonly best: number;
  /** A schedule placing `best` (teachers and rooms assigned), for the checker to confirm; null when none is valid. */
  readonly witness: Witness | null;
}

export function bruteForce(s: Scenario, maxNodes = 2_000_000, regularLimit?: (course: string) => number): OracleResult {
  const board = oracleBoard(s, maxNodes, regularLimit);
  const { tick, course, placements, secs, cohortMembers, cohortCourses } = board;

  const agOk = (st: Student, taken: readonly string[]) => {
    if (s.policy.agRule !== 'on-track') return true;
    const years = (courses: readonly string[], k: (typeof SUBJECTS)[number]) =>
      (st.agCompleted?.[k] ?? 0) + new Set(courses.filter((c) => course.get(c)?.ag === k)).size;
    const reachable = SUBJECTS.every((k) => years(st.requests, k) >= agNeed(k, st.grade));
    return !reachable || SUBJECTS.every((k) => years(taken, k) >= agNeed(k, st.grade));
  };

  /** Every way to seat one student with every request met, calling `then` for each until it returns true. */
  const seat = (st: Student, then: () => boolean): boolean => {
    const own = cohortCourses(st);
    const lines = st.requests.filter((r) => !own.includes(r)).map((r) => [r, ...(st.alternates?.[r] ?? [])]);
    const { busy, taken, each } = board.seating();
    /** Ways a line could still be met now: joinable sections and free placements, counted loosely. */
    const options = (line: readonly string[]) => {
      let n = 0;
      for (const c of line) {
        const info = course.get(c);
        if (info === undefined || taken.includes(c)) continue;
        const cap = info.capacity;
        for (const sec of secs) if (sec.course === c && sec.cohort === null && sec.students.length < cap && !sec.slots.some((x) => busy.has(x))) n++;
        for (const slots of getKnown(placements, c, 'course')) if (!slots.some((x) => busy.has(x))) n++;
      }
      return n;
    };
    const met = lines.map(() => false);
    /** The line with the fewest options next (any order finds every way; this one fails soonest). */
    const requests = (left: number): boolean => {
      if (left === 0) return agOk(st, taken) && then();
      let pick = -1;
      let fewest = Infinity;
      for (let i = 0; i < lines.length; i++) {
        if (met[i]) continue;
        const n = options(lines[i]!);
        if (n < fewest) [pick, fewest] = [i, n];
      }
      if (fewest === 0) return false;
      met[pick] = true;
      let stop = false;
      for (const c of lines[pick]!) if (!stop && course.has(c) && !taken.includes(c)) stop = each(st, c, null, () => requests(left - 1));
      met[pick] = false;
      return stop;
    };
    if (own.length === 0) return requests(lines.length);
    for (const label of board.joinableCohorts(st)) {
      const cohortCourse = (k: number): boolean => {
        if (k < own.length) return each(st, own[k]!, label, () => cohortCourse(k + 1));
        cohortMembers.set(label, (cohortMembers.get(label) ?? 0) + 1);
        const stop = requests(lines.length);
        cohortMembers.set(label, (cohortMembers.get(label) ?? 0) - 1);
        return stop;
      };
      if (cohortCourse(0)) return true;
    }
    return false;
  };

  const members = s.students
    .filter((st) => st.pathway !== undefined)
    .map((st) => ({ st, key: JSON.stringify([st.pathway, st.grade, st.requests, st.alternates ?? {}, st.agCompleted ?? {}]) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  let feasible = false;
  let best = 0;
  let witness: Sec[] | null = null;
  // Boards already searched with these students left, and the most placed on the way there.
  const seen = new Map<string, number>();
  /** Members i.. placed or left out; true to stop the whole search (every member placed). */
  const place = (list: typeof members, i: number, placed: number, skipKey: string | null): boolean => {
    tick();
    if (placed + (list.length - i) <= best) return false;
    const state = `${board.boardKey()}|${list
      .slice(i)
      .map((m) => m.st.id)
      .join(' ')}|${skipKey ?? '-'}`;
    if ((seen.get(state) ?? -1) >= placed) return false;
    seen.set(state, placed);
    // A student who cannot be seated alone on this board never will be on a fuller one.
    const rest = list.slice(i).filter((m) => seat(m.st, () => true));
    if (placed + rest.length <= best) return false;
    if (rest.length === 0) {
      best = placed;
      witness = board.snapshot();
      return best === members.length;
    }
    const { st, key } = rest[0]!;
    const after = rest.slice(1);
    // Of identical students a prefix is placed: once one is left out, so are the rest.
    if (key !== skipKey && seat(st, () => place(after, 0, placed + 1, null))) return true;
    return place(after, 0, placed, key);
  };

  board.lockBoards(() => {
    feasible = true;
    witness ??= board.snapshot();
    return place(members, 0, 0, null);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the lockBoards callback, which the compiler's narrowing does not follow (microsoft/TypeScript#9998)
  return { feasible, best: feasible ? best : 0, witness: witness ? board.schedule(witness) : null };
}
