/**
 * Staffing from section demand: teachers per department so that about 85–90% of teaching
 * capacity is used, each credentialed for the few courses of their department they are assigned,
 * part-time CTE staff with unavailable slots, and the teams of the pathways.
 */
import type { Calendar, Meets } from '../scenario/schema.js';
import { DEPARTMENT_GROUP, type Department } from './catalogue.js';
import { slotsPerSection, type CalendarShape } from './calendar-shape.js';
import type { Random } from './random.js';

/** Target share of teaching capacity used by demand. */
const UTILISATION = 0.88;

export interface StaffCourse {
  readonly id: string;
  readonly dept: Department;
  readonly roomType: string;
  readonly meets: Meets;
}

export interface StaffedTeacher {
  readonly id: string;
  readonly name: string;
  readonly courses: string[];
  readonly maxSections: number;
  readonly unavailable?: string[];
  /** Room type of the course the teacher teaches most: the type of their home room. */
  readonly homeType: string;
  /** Sections of each course the staffing plan expects the teacher to teach. */
  readonly planned: ReadonlyMap<string, number>;
}

interface Pool {
  readonly name: string;
  readonly courses: StaffCourse[];
  readonly cte: boolean;
}

/** Groups courses into staffing pools: big departments alone, small ones merged by group. */
function pools(courses: readonly StaffCourse[], demand: ReadonlyMap<string, number>, fullLoad: number, generalists: boolean): Pool[] {
  const byDept = new Map<string, StaffCourse[]>();
  for (const c of courses) byDept.set(c.dept, [...(byDept.get(c.dept) ?? []), c]);
  const out = new Map<string, Pool>();
  for (const [dept, list] of byDept) {
    const total = list.reduce((s, c) => s + (demand.get(c.id) ?? 0), 0);
    const cte = dept.startsWith('cte:');
    const name = cte || (!generalists && total >= fullLoad / 2) ? dept : (DEPARTMENT_GROUP[dept] ?? dept);
    const pool = out.get(name) ?? { name, courses: [], cte };
    pool.courses.push(...list);
    out.set(name, pool);
  }
  return [...out.values()];
}

/**
 * Teachers for every course with demand. Ids are `T001`, `T002`, ... in department order.
 * @param nextName - draws a unique synthetic name.
 * @param generalists - a very small school: teachers cover a group of departments (humanities,
 *   STEM, arts and PE) rather than one.
 */
export function staffSchool(
  courses: readonly StaffCourse[],
  demand: ReadonlyMap<string, number>,
  shape: CalendarShape,
  rng: Random,
  nextName: () => string,
  generalists = false,
): StaffedTeacher[] {
  const teachers: StaffedTeacher[] = [];
  const newId = () => `T${String(teachers.length + 1).padStart(3, '0')}`;
  for (const pool of pools(courses, demand, shape.fullLoad, generalists)) {
    const total = pool.courses.reduce((s, c) => s + (demand.get(c.id) ?? 0), 0);
    if (total === 0) continue;
    const loads = pool.cte ? cteLoads(pool, total, shape, rng) : academicLoads(total, shape, rng);
    // Deal the pool's sections, in catalogue order, to teachers in proportion to their loads.
    const sections = pool.courses.flatMap((c) => Array<StaffCourse>(demand.get(c.id) ?? 0).fill(c));
    const capacity = loads.reduce((s, l) => s + l.maxSections, 0);
    let dealt = 0;
    let cumulative = 0;
    loads.forEach((load, i) => {
      cumulative += load.maxSections;
      const upTo = i === loads.length - 1 ? sections.length : Math.round((total * cumulative) / capacity);
      const chunk = sections.slice(dealt, upTo);
      dealt = Math.max(dealt, upTo);
      const planned = new Map<string, number>();
      for (const c of chunk) planned.set(c.id, (planned.get(c.id) ?? 0) + 1);
      let credentials = pool.cte ? pool.courses.map((c) => c.id) : [...planned.keys()];
      if (credentials.length === 0) credentials = [pool.courses[Math.min(i, pool.courses.length - 1)]?.id ?? ''];
      if (credentials.length < 2 && pool.courses.length > 1) {
        // A second credential in the same department gives the board room to move.
        const at = pool.courses.findIndex((c) => c.id === credentials[credentials.length - 1]);
        const neighbour = pool.courses[at + 1] ?? pool.courses[at - 1];
        if (neighbour) credentials.push(neighbour.id);
      }
      const main = [...planned.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? credentials[0];
      const homeType = pool.courses.find((c) => c.id === main)?.roomType ?? 'general';
      const teacher: StaffedTeacher = load.unavailable
        ? { id: newId(), name: nextName(), courses: credentials, maxSections: load.maxSections, unavailable: load.unavailable, homeType, planned }
        : { id: newId(), name: nextName(), courses: credentials, maxSections: load.maxSections, homeType, planned };
      teachers.push(teacher);
    });
  }
  return teachers;
}

interface Load {
  readonly maxSections: number;
  readonly unavailable?: string[];
}

/** Full-time teachers (a few with release time), the last one part-time to land near the target. */
function academicLoads(total: number, shape: CalendarShape, rng: Random): Load[] {
  const full = shape.fullLoad;
  const count = Math.max(1, Math.ceil(total / (full * UTILISATION)));
  const target = Math.ceil(total / UTILISATION);
  const loads: Load[] = [];
  for (let i = 0; i < count - 1; i++) loads.push({ maxSections: rng.chance(shape.reducedShare) ? full - 1 : full });
  const others = loads.reduce((s, l) => s + l.maxSections, 0);
  loads.push({ maxSections: Math.min(full, Math.max(2, target - others)) });
  return loads;
}

/**
 * CTE staff: one full-time teacher and, when needed, part-time industry teachers with the last
 * period(s) off; a pathway with little demand has only a part-time teacher.
 */
function cteLoads(pool: Pool, total: number, shape: CalendarShape, rng: Random): Load[] {
  const cal: Calendar = shape.calendar;
  const width = Math.max(...pool.courses.map((c) => slotsPerSection(cal, c.meets)));
  const full = Math.floor((shape.slots - 1) / width);
  const partTime = (): Load => {
    const unavailable = shape.partTimeUnavailable(rng);
    return { maxSections: Math.max(1, Math.floor((shape.slots - unavailable.length - 1) / width)), unavailable };
  };
  const target = Math.ceil(total / UTILISATION);
  if (total <= 0.6 * full) {
    const p = partTime();
    if (p.maxSections >= target || p.maxSections >= total + 1) return [p];
  }
  const loads: Load[] = [{ maxSections: full }];
  while (loads.reduce((s, l) => s + l.maxSections, 0) < target) loads.push(partTime());
  return loads;
}

/**
 * A pathway team: its CTE teachers plus, for each cohort core course, a teacher credentialed
 * for it, preferring teachers already on this team, then teachers on no other team, then those
 * planned to teach the most sections of the course.
 */
export function pickTeam(
  cteTeachers: readonly StaffedTeacher[],
  coreCourses: readonly string[],
  teachers: readonly StaffedTeacher[],
  onTeams: ReadonlyMap<string, number>,
): string[] {
  const team = cteTeachers.map((t) => t.id);
  for (const course of coreCourses) {
    const candidates = teachers.filter((t) => t.courses.includes(course));
    const score = (t: StaffedTeacher) =>
      (team.includes(t.id) ? 10_000 : 0) - (onTeams.get(t.id) ?? 0) * 1_000 + (t.planned.get(course) ?? 0);
    const best = [...candidates].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id))[0];
    if (best && !team.includes(best.id)) team.push(best.id);
  }
  return team;
}
