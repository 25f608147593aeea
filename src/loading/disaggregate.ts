/**
 * Turning the program's counts (so many students of a group take course C at placement P)
 * into named students in named sections. Each student gets one placement per request such that
 * none overlap; the first students of a part get complete schedules so that any shortfall falls
 * on as few students as possible, and seats are spread evenly over interchangeable sections.
 */
import type { Instance } from '../model/instance.js';
import type { PartPlan, PlannedSection } from './board.js';
import { Roster } from './roster.js';

interface Option {
  readonly course: string;
  readonly pattern: string;
  readonly slots: readonly string[];
  left: number;
}

const SEARCH_NODES = 5000;

/**
 * Chooses one option per request for one student, maximising the number of requests given,
 * within a bounded search.
 */
function chooseFor(requests: Option[][], blocked: ReadonlySet<string>): Array<Option | null> {
  const order = requests.map((_, i) => i).sort((a, b) => requests[a]!.length - requests[b]!.length);
  let best: Array<Option | null> = requests.map(() => null);
  let bestCount = -1;
  let nodes = 0;
  const current: Array<Option | null> = requests.map(() => null);
  const used = new Set(blocked);
  const dfs = (depth: number, given: number): boolean => {
    if (given + (order.length - depth) <= bestCount) return false;
    if (depth === order.length) {
      bestCount = given;
      best = [...current];
      return given === order.length;
    }
    if (++nodes > SEARCH_NODES) return false;
    const r = order[depth]!;
    const options = requests[r]!.filter((o) => o.left > 0).sort((a, b) => b.left - a.left);
    for (const o of options) {
      if (o.slots.some((s) => used.has(s))) continue;
      for (const s of o.slots) used.add(s);
      current[r] = o;
      const done = dfs(depth + 1, given + 1);
      for (const s of o.slots) used.delete(s);
      current[r] = null;
      if (done) return true;
    }
    return dfs(depth + 1, given);
  };
  dfs(0, 0);
  return best;
}

/** Builds the roster from the board and the loading plan. */
export function disaggregate(inst: Instance, sections: readonly PlannedSection[], parts: readonly PartPlan[], capacity: (s: PlannedSection) => number): Roster {
  const roster = new Roster(sections, capacity);
  const cohortSections = new Map<string, PlannedSection[]>();
  const pooled = new Map<string, PlannedSection[]>();
  for (const s of sections) {
    if (s.cohort) (cohortSections.get(s.cohort) ?? cohortSections.set(s.cohort, []).get(s.cohort)!).push(s);
    else (pooled.get(`${s.course}|${s.pattern}`) ?? pooled.set(`${s.course}|${s.pattern}`, []).get(`${s.course}|${s.pattern}`)!).push(s);
  }

  const nextOfGroup = new Map<number, number>();
  // Cohort parts come before the no-cohort part of their group, so members are taken first.
  const ordered = [...parts].sort((a, b) => a.group - b.group || (a.cohort === null ? 1 : 0) - (b.cohort === null ? 1 : 0));
  for (const part of ordered) {
    const group = inst.groups[part.group];
    if (!group) continue;
    const start = nextOfGroup.get(part.group) ?? 0;
    const students = group.students.slice(start, start + part.count);
    nextOfGroup.set(part.group, start + part.count);

    const cohortBusy = new Set<string>();
    const own = part.cohort ? (cohortSections.get(part.cohort) ?? []) : [];
    for (const s of own) for (const x of s.slots) cohortBusy.add(x);

    const requests: Option[][] = group.requests.map((_, ri) => (part.takes.get(ri) ?? []).map((t) => ({ ...t, left: t.count })));
    for (const student of students) {
      for (const s of own) roster.enroll(student, s.id);
      const choice = chooseFor(requests, cohortBusy);
      for (const o of choice) {
        if (!o) continue;
        const candidates = (pooled.get(`${o.course}|${o.pattern}`) ?? []).filter((s) => roster.fits(student, s.id));
        if (candidates.length === 0) continue;
        const roomiest = candidates.reduce((a, b) => (roster.seatsLeft(b.id) > roster.seatsLeft(a.id) ? b : a));
        roster.enroll(student, roomiest.id);
        o.left--;
      }
    }
  }
  return roster;
}
