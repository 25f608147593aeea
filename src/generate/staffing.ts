/**
 * Staffing from section demand: teachers per department so that about 85–90% of teaching
 * capacity is used, each credentialed for the few courses of their department they are assigned,
 * part-time CTE staff with unavailable slots, and the teams of the pathways.
 */
import type { Calendar, Meets } from '../scenario/schema.js';
import { DEPARTMENT_GROUP, type Department } from './catalogue.js';
import { slotsPerSection, type CalendarShape } from './calendar-shape.js';
import type { Random } from './random.js';

/**
 * Share of teaching capacity the tallied sections use. A school is staffed for the sections its
 * request tally asks (a staffing allocation in FTE), so 1: full-time teachers at the calendar's
 * full load, and a department's last teacher hired for what is left (at least 2 sections, so a
 * small department has a little over).
 */
const UTILISATION = 1;

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
    const plans = loads.map((load, i) => {
      cumulative += load.maxSections;
      const upTo = i === loads.length - 1 ? sections.length : Math.round((total * cumulative) / capacity);
      const chunk = sections.slice(dealt, upTo);
      dealt = Math.max(dealt, upTo);
      const planned = new Map<string, number>();
      for (const c of chunk) planned.set(c.id, (planned.get(c.id) ?? 0) + 1);
      return planned;
    });
    const multi = (id: string) => (demand.get(id) ?? 0) >= 2;
    loads.forEach((load, i) => {
      const planned = plans[i] ?? new Map<string, number>();
      // Credentialed for the courses planned for them and, as department colleagues are, for the
      // multi-section courses of the teachers dealt next to them: every such course has two or
      // more teachers, so the board can move a section to another teacher.
      const neighbours = [...(plans[i - 1]?.keys() ?? []), ...(plans[i + 1]?.keys() ?? [])].filter(multi);
      const credentials = pool.cte ? pool.courses.map((c) => c.id) : [...new Set([...planned.keys(), ...neighbours])];
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

/**
 * Full-time teachers at the calendar's full load (a few with release time), then one at part of
 * a load for what is left: a department is staffed for the sections its tally asks, as a
 * school's staffing allocation is.
 */
function academicLoads(total: number, shape: CalendarShape, rng: Random): Load[] {
  const full = shape.fullLoad;
  const target = Math.ceil(total / UTILISATION);
  const loads: Load[] = [];
  let capacity = 0;
  while (target - capacity > full) {
    const load = rng.chance(shape.reducedShare) ? full - 1 : full;
    loads.push({ maxSections: load });
    capacity += load;
  }
  loads.push({ maxSections: Math.max(2, target - capacity) });
  return loads;
}

/**
 * CTE staff: a pathway whose sections fit half a load has one part-time industry teacher (the
 * last period(s) off); otherwise one full-time teacher and part-time teachers for the rest.
 */
function cteLoads(pool: Pool, total: number, shape: CalendarShape, rng: Random): Load[] {
  const cal: Calendar = shape.calendar;
  const width = Math.max(...pool.courses.map((c) => slotsPerSection(cal, c.meets)));
  const full = Math.max(1, Math.min(Math.floor(shape.fullLoad / width), Math.floor((shape.slots - 1) / width)));
  // A part-time industry teacher works about half a load, never in the last periods they are away.
  const partTime = (): Load => {
    const unavailable = shape.partTimeUnavailable(rng);
    return { maxSections: Math.max(1, Math.min(Math.ceil(full / 2), Math.floor((shape.slots - unavailable.length - 1) / width))), unavailable };
  };
  const target = Math.ceil(total / UTILISATION);
  const first = partTime();
  if (first.maxSections >= target) return [first];
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
    const score = (t: StaffedTeacher) => (team.includes(t.id) ? 10_000 : 0) - (onTeams.get(t.id) ?? 0) * 1_000 + (t.planned.get(course) ?? 0);
    const best = [...candidates].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id))[0];
    if (best && !team.includes(best.id)) team.push(best.id);
  }
  return team;
}
