/**
 * The master-schedule build an SIS would hold for a generated school, before it is written in
 * any SIS's shape: every section as a row (the generator's own tally: one cohort section per
 * cohort and cohort course, tagged with its team and grade, plus regular sections), each with a
 * teacher (a team member for cohort sections), a room and a time, and one load priority per
 * course. The four writers (sis-writers.ts) write this one plan, so the four exports describe
 * the same school; the expected imports (sis-expected.ts) are computed from it too.
 */
import { coursePatterns, slotByName } from '../../src/calendar/slots.js';
import { expectedSections } from '../../src/generate/demand.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Course, Priority, Scenario, ScenarioInput } from '../../src/scenario/schema.js';

/** A section row of the plan. */
export interface PlannedSection {
  readonly course: string;
  /** 1, 2, ... within the course. */
  readonly number: number;
  /** Set on cohort sections. */
  readonly team: { readonly pathway: string; readonly grade: number } | undefined;
  /** Cohort size on cohort sections, the course capacity otherwise. */
  readonly maxSize: number;
  /** Teacher ids: none, one, or a co-teacher second. */
  readonly teachers: string[];
  readonly room: string;
  /** Where it meets: calendar terms, days and periods. */
  readonly terms: readonly string[];
  readonly days: readonly string[];
  readonly periods: readonly string[];
  /** Fixed by hand (from a scenario lock). */
  readonly locked: boolean;
}

export interface ExportPlan {
  readonly scenario: Scenario;
  readonly sections: readonly PlannedSection[];
  /** The one priority each course's requests get where an SIS keeps priority per course: the commonest. */
  readonly loadPriority: ReadonlyMap<string, Priority>;
}

const RANK: Readonly<Record<Priority, number>> = { required: 0, requested: 1, recommended: 2 };

/** Builds the plan of a generated school (deterministic). */
export function planExport(input: ScenarioInput): ExportPlan {
  const scenario = parseScenario(input, 'generated');
  const cal = scenario.calendar;
  const slots = slotByName(cal);
  const counts = expectedSections(scenario);
  const courses = new Map(scenario.courses.map((c) => [c.id, c]));
  const load = new Map(scenario.teachers.map((t) => [t.id, t.maxSections]));
  const teams = new Map(scenario.pathways.map((p) => [p.id, new Set(p.team)]));

  // Section rows: cohort sections first, then regular ones.
  interface Draft {
    course: Course;
    team: PlannedSection['team'];
    maxSize: number;
    teachers: string[];
  }
  const drafts: Draft[] = [];
  const cohortSections = new Map<string, number>();
  for (const p of scenario.pathways) {
    for (const [g, list] of Object.entries(p.cohortCourses)) {
      const members = scenario.students.filter((s) => s.pathway === p.id && s.grade === Number(g)).length;
      const cohorts = Math.ceil(members / p.cohortSize);
      for (const c of list) {
        const course = courses.get(c);
        if (!course) continue;
        for (let k = 0; k < cohorts; k++) drafts.push({ course, team: { pathway: p.id, grade: Number(g) }, maxSize: p.cohortSize, teachers: [] });
        cohortSections.set(c, (cohortSections.get(c) ?? 0) + cohorts);
      }
    }
  }
  for (const course of scenario.courses) {
    const regular = (counts.get(course.id) ?? 0) - (cohortSections.get(course.id) ?? 0);
    for (let k = 0; k < regular; k++) drafts.push({ course, team: undefined, maxSize: course.capacity, teachers: [] });
  }

  // Teachers: cohort sections to a qualified team member, then courses with the fewest qualified
  // teachers first; the teacher with the most load left; never past a teacher's maxSections.
  const qualified = (course: string) => scenario.teachers.filter((t) => t.courses.includes(course));
  const pick = (candidates: readonly string[]) =>
    [...candidates].filter((t) => (load.get(t) ?? 0) > 0).sort((a, b) => (load.get(b) ?? 0) - (load.get(a) ?? 0) || a.localeCompare(b))[0];
  const order = drafts
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        Number(b.d.team !== undefined) - Number(a.d.team !== undefined) || qualified(a.d.course.id).length - qualified(b.d.course.id).length || a.i - b.i,
    );
  for (const { d } of order) {
    const ids = qualified(d.course.id).map((t) => t.id);
    const team = d.team ? teams.get(d.team.pathway) : undefined;
    const t = pick(team ? ids.filter((id) => team.has(id)) : ids);
    if (t === undefined) continue;
    d.teachers.push(t);
    load.set(t, (load.get(t) ?? 0) - 1);
    // Co-taught courses get a second teacher when one is free: several teachers per section.
    if (/co-taught/i.test(d.course.name) && !team) {
      const second = pick(ids.filter((id) => id !== t));
      if (second !== undefined) {
        d.teachers.push(second);
        load.set(second, (load.get(second) ?? 0) - 1);
      }
    }
  }
  // A course whose sections found no teacher with load left still gets one, so it stays offered.
  for (const course of scenario.courses) {
    const own = drafts.filter((d) => d.course.id === course.id && !d.team);
    const first = own[0] ?? drafts.find((d) => d.course.id === course.id);
    const q = qualified(course.id)[0];
    if (first && q && drafts.every((d) => d.course.id !== course.id || d.teachers.length === 0)) first.teachers.push(q.id);
  }

  // Rooms: the first teacher's home room when its type fits, else the rooms of the type in turn.
  const byType = new Map<string, string[]>();
  for (const r of scenario.rooms) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  const roomType = new Map(scenario.rooms.map((r) => [r.id, r.type]));
  const home = new Map(scenario.teachers.map((t) => [t.id, t.room]));
  const turn = new Map<string, number>();
  const room = (d: Draft): string => {
    const h = d.teachers[0] !== undefined ? home.get(d.teachers[0]) : undefined;
    if (h !== undefined && roomType.get(h) === d.course.roomType) return h;
    const list = byType.get(d.course.roomType) ?? [];
    const k = turn.get(d.course.roomType) ?? 0;
    turn.set(d.course.roomType, k + 1);
    return list[k % Math.max(1, list.length)] ?? '';
  };

  // Times: locked sections at their lock, the others spread over the course's placements.
  const locks = new Map<string, string[]>();
  for (const l of scenario.locks) locks.set(l.course, [...(locks.get(l.course) ?? []), l.slot]);
  const numbers = new Map<string, number>();
  const sections: PlannedSection[] = drafts.map((d, i) => {
    const number = (numbers.get(d.course.id) ?? 0) + 1;
    numbers.set(d.course.id, number);
    const patterns = coursePatterns(cal, d.course);
    const lockSlot = locks.get(d.course.id)?.shift();
    const pattern = (lockSlot !== undefined ? patterns.find((p) => p.slots[0] === lockSlot) : undefined) ?? patterns[(i * 5 + number) % patterns.length];
    const cells = (pattern?.slots ?? []).map((s) => slots.get(s)).filter((s) => s !== undefined);
    const uniq = (xs: readonly string[], all: readonly string[]) => all.filter((x) => xs.includes(x));
    return {
      course: d.course.id,
      number,
      team: d.team,
      maxSize: d.maxSize,
      teachers: d.teachers,
      room: room(d),
      terms: uniq(
        cells.map((s) => s.term),
        cal.terms,
      ),
      days: uniq(
        cells.map((s) => s.day),
        cal.days,
      ),
      periods: uniq(
        cells.map((s) => s.period),
        cal.periods,
      ),
      locked: lockSlot !== undefined,
    };
  });

  const loadPriority = new Map<string, Priority>();
  for (const course of scenario.courses) {
    const tally = new Map<Priority, number>();
    for (const s of scenario.students)
      if (s.requests.includes(course.id)) tally.set(s.priorities?.[course.id] ?? 'requested', (tally.get(s.priorities?.[course.id] ?? 'requested') ?? 0) + 1);
    const best = [...tally].sort((a, b) => b[1] - a[1] || RANK[a[0]] - RANK[b[0]])[0];
    loadPriority.set(course.id, best?.[0] ?? 'requested');
  }
  return { scenario, sections, loadPriority };
}
