/**
 * The board built by hand practice, CTE first (CCASN guide, step 3): cohort sections first (the
 * CTE course, then the cohort's core courses), then singletons and doubletons by how many students
 * they share with what is already placed (the conflict matrix), then everything else, spreading a
 * course's sections over the day. Each section takes the placement and teacher that clash least,
 * keeping every teacher's prep and every team's common planning time. It is the engine's starting
 * board and, with first-fit loading, the greedy baseline the benchmarks compare against.
 */
import type { Pattern } from '../calendar/slots.js';
import { canTeachIn, type Instance } from '../model/instance.js';
import { getKnown, getOrInsert } from '../map-entry.js';

export interface BoardSection {
  readonly course: string;
  readonly teacher: string;
  readonly pattern: Pattern;
  readonly cohort?: string;
}

interface Unit {
  readonly course: string;
  readonly cohort?: string;
  readonly pathwayGrade?: string;
  readonly cte: boolean;
}

const CLASH = 1e6;

/** Students requesting both courses, for every pair (the conflict matrix). */
export function conflictMatrix(inst: Instance): Map<string, Map<string, number>> {
  const m = new Map<string, Map<string, number>>();
  for (const g of inst.groups) {
    const courses = g.requests.map((r) => r.course);
    for (const a of courses) {
      const row = getOrInsert(m, a, () => new Map());
      for (const b of courses) if (a !== b) row.set(b, (row.get(b) ?? 0) + g.students.length);
    }
  }
  return m;
}

export function greedyBoard(inst: Instance): BoardSection[] {
  const steps = greedyBoardSteps(inst);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** {@link greedyBoard} as steps: it yields after placing each section, for callers that keep the event loop alive. */
export function* greedyBoardSteps(inst: Instance): Generator<string, BoardSection[]> {
  const conflicts = conflictMatrix(inst);
  const cohortOf = new Map(inst.cohorts.map((k) => [k.id, k]));
  const cohortsPerGrade = new Map<string, number>();
  for (const k of inst.cohorts) cohortsPerGrade.set(`${k.pathway}|${k.grade}`, (cohortsPerGrade.get(`${k.pathway}|${k.grade}`) ?? 0) + 1);
  // Members of a pathway grade requesting a course, for regular sections sharing time with a cohort.
  const memberDemand = new Map<string, Map<string, number>>();
  for (const g of inst.groups) {
    if (!g.pathway) continue;
    const key = `${g.pathway}|${g.grade}`;
    const row = getOrInsert(memberDemand, key, () => new Map());
    for (const r of g.requests) if (!r.cohort) row.set(r.course, (row.get(r.course) ?? 0) + g.students.length);
  }

  const units: Unit[] = [];
  for (const k of inst.cohorts) {
    for (const c of k.courses) units.push({ course: c, cohort: k.id, pathwayGrade: `${k.pathway}|${k.grade}`, cte: inst.courses.get(c)?.course.cte ?? false });
  }
  const regular: Unit[] = [];
  for (const [id, info] of inst.courses) for (let i = 0; i < info.regularSections; i++) regular.push({ course: id, cte: info.course.cte ?? false });
  const degree = (c: string) => [...(conflicts.get(c)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const sectionsOf = (c: string) => inst.courses.get(c)?.regularSections ?? 1;
  units.sort((a, b) => Number(b.cte) - Number(a.cte));
  regular.sort((a, b) => sectionsOf(a.course) - sectionsOf(b.course) || degree(b.course) - degree(a.course) || a.course.localeCompare(b.course));
  const locked = new Map<string, string[]>();
  for (const l of inst.scenario.locks) getOrInsert(locked, l.course, () => []).push(l.slot);
  const all = [...units, ...regular].sort((a, b) => Number(locked.has(b.course)) - Number(locked.has(a.course)));

  const placed: Array<BoardSection & { unit: Unit }> = [];
  const atSlot = new Map<string, Array<BoardSection & { unit: Unit }>>();
  const teacherBusy = new Map<string, Set<string>>();
  const teacherLoad = new Map<string, number>();
  const roomUse = new Map<string, number>();
  const teams = inst.scenario.pathways.filter((p) => p.commonPlanning > 0 && p.team.length > 0);

  const unitCost = (u: Unit, other: Unit): number => {
    if (u.cohort && other.cohort) return u.cohort === other.cohort ? CLASH : 0;
    if (u.cohort || other.cohort) {
      const [k, r] = u.cohort ? [u, other] : [other, u];
      // A cohort unit is built with both its cohort and its pathway grade.
      if (k.cohort === undefined || k.pathwayGrade === undefined) throw new Error(`cohort unit of ${k.course} without its cohort or pathway grade`);
      const cohort = cohortOf.get(k.cohort);
      if (cohort?.courses.includes(r.course)) return 0;
      const demand = memberDemand.get(k.pathwayGrade)?.get(r.course) ?? 0;
      return (demand / (cohortsPerGrade.get(k.pathwayGrade) ?? 1)) * (1 / sectionsOf(r.course));
    }
    if (u.course === other.course) return 0.5;
    return (conflicts.get(u.course)?.get(other.course) ?? 0) / (sectionsOf(u.course) * sectionsOf(other.course));
  };

  const keepsPlanning = (teacher: string, pattern: Pattern): boolean => {
    const busy = teacherBusy.get(teacher) ?? new Set<string>();
    const available = getKnown(inst.available, teacher, 'availability of teacher');
    for (const term of inst.scenario.calendar.terms) {
      const inTerm = inst.slots.filter((s) => s.term === term && available.has(s.name));
      if (inTerm.length === 0) continue;
      const free = inTerm.filter((s) => !busy.has(s.name) && !pattern.slots.includes(s.name)).length;
      if (free < 1) return false;
    }
    for (const p of teams) {
      if (!p.team.includes(teacher)) continue;
      const common = inst.slots.filter(
        (s) => !pattern.slots.includes(s.name) && p.team.every((t) => inst.available.get(t)?.has(s.name) && !teacherBusy.get(t)?.has(s.name)),
      ).length;
      if (common < p.commonPlanning) return false;
    }
    return true;
  };

  for (const u of all) {
    yield 'greedy board';
    const info = inst.courses.get(u.course);
    if (!info) continue;
    const type = info.course.roomType;
    const rooms = inst.roomsOfType.get(type) ?? 0;
    const cohortId = u.cohort;
    const team = cohortId ? new Set(inst.scenario.pathways.find((p) => p.id === cohortOf.get(cohortId)?.pathway)?.team ?? []) : new Set<string>();
    const lockSlots = (locked.get(u.course) ?? []).filter((slot) => !placed.some((s) => s.course === u.course && s.pattern.slots.includes(slot)));
    let best: { teacher: string; pattern: Pattern; cost: number } | undefined;
    for (const pattern of info.patterns) {
      if (lockSlots.length > 0 && !pattern.slots.includes(lockSlots[0]!)) continue;
      if (pattern.slots.some((s) => (roomUse.get(`${type}|${s}`) ?? 0) >= rooms)) continue;
      let cost = 0;
      for (const s of pattern.slots) for (const other of atSlot.get(s) ?? []) cost += unitCost(u, other.unit);
      if (cost >= CLASH) continue;
      for (const teacher of info.teachers) {
        if (!canTeachIn(getKnown(inst.available, teacher, 'availability of teacher'), pattern)) continue;
        if ((teacherLoad.get(teacher) ?? 0) >= (inst.teachers.get(teacher)?.maxSections ?? 0)) continue;
        const busy = teacherBusy.get(teacher);
        if (busy && pattern.slots.some((s) => busy.has(s))) continue;
        if (!keepsPlanning(teacher, pattern)) continue;
        // Team teachers teach their cohorts; otherwise the less loaded teacher takes the section.
        const total = cost + (u.cohort && !team.has(teacher) ? 0.25 : 0) + (teacherLoad.get(teacher) ?? 0) * 0.01;
        if (!best || total < best.cost) best = { teacher, pattern, cost: total };
      }
    }
    if (!best) continue;
    const section = { course: u.course, teacher: best.teacher, pattern: best.pattern, ...(u.cohort ? { cohort: u.cohort } : {}), unit: u };
    placed.push(section);
    for (const s of best.pattern.slots) {
      getOrInsert(atSlot, s, () => []).push(section);
      getOrInsert(teacherBusy, best.teacher, () => new Set()).add(s);
      roomUse.set(`${type}|${s}`, (roomUse.get(`${type}|${s}`) ?? 0) + 1);
    }
    teacherLoad.set(best.teacher, (teacherLoad.get(best.teacher) ?? 0) + 1);
  }
  // A cohort missing any of its sections cannot hold anyone: free its other sections' teachers.
  const complete = new Set(inst.cohorts.filter((k) => k.courses.every((c) => placed.some((s) => s.cohort === k.id && s.course === c))).map((k) => k.id));
  return placed.filter((s) => !s.cohort || complete.has(s.cohort)).map(({ unit: _unit, ...s }) => s);
}
