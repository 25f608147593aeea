/**
 * What importing a synthetic SIS export must give: the generator's scenario, less exactly what
 * that SIS's export cannot carry, in a canonical form (entities sorted by id, sets sorted) so two
 * scenarios compare field by field.
 *
 * "Equivalent" means: same calendar; same rooms (id, capacity; type where the SIS has room
 * types); same teachers (id, name, courses they may teach, sections at most, home room) where the
 * SIS has teacher and qualification tables, else as the section rows give them; same courses
 * (id, name, capacity, meets, grades, A–G subject, CTE flag, room type) with the section count of
 * the export's rows; same pathways (id, members, cohort courses per grade, cohort size, team,
 * common planning); same students (id, grade, pathway, requests in order, alternates in order,
 * priorities, gender); same locks. What each SIS cannot carry is listed in {@link CARRIES} and
 * replaced by what the export does say; nothing else is left out.
 */
import type { Course, Priority, Scenario } from '../../src/scenario/schema.js';
import type { ExportPlan, PlannedSection } from './sis-export-plan.js';
import type { SisName } from './sis-writers.js';

/** What one SIS's export (as the preset reads it) carries of a scenario. */
export interface Carries {
  /** `request`: per request; `course`: one load priority per course; `required-elective`: required or not; `none`. */
  readonly priorities: 'request' | 'course' | 'required-elective' | 'none';
  /** Teacher and qualification tables (loads, qualifications): else the section rows give both. */
  readonly qualifications: boolean;
  /** A teachers table (names, home rooms). */
  readonly teacherTable: boolean;
  /** Team codes on teachers (else a team is the teachers of its sections). */
  readonly teacherTeams: boolean;
  readonly courseGrades: boolean;
  readonly ag: boolean;
  readonly cte: boolean;
  /** Room types of rooms and courses (else every room and course is `general`). */
  readonly roomTypes: boolean;
  /** A course capacity (else the largest section size). */
  readonly courseCapacity: boolean;
  /** A lock flag on sections. */
  readonly locks: boolean;
}

/**
 * Per SIS. Never carried by any: A–G years completed (transcripts, not scheduling tables),
 * teacher unavailability (no field found), pathway names and sectors (exports carry the code
 * only), equity groups other than gender (district code tables).
 */
export const CARRIES: Readonly<Record<SisName, Carries>> = {
  powerschool: {
    priorities: 'course',
    qualifications: true,
    teacherTable: true,
    teacherTeams: true,
    courseGrades: true,
    ag: true,
    cte: true,
    roomTypes: true,
    courseCapacity: true,
    locks: true,
  },
  aeries: {
    priorities: 'none',
    qualifications: false,
    teacherTable: true,
    teacherTeams: true,
    courseGrades: true,
    ag: true,
    cte: true,
    roomTypes: true,
    courseCapacity: false,
    locks: false,
  },
  'infinite-campus': {
    priorities: 'required-elective',
    qualifications: false,
    teacherTable: false,
    teacherTeams: false,
    courseGrades: false,
    ag: false,
    cte: false,
    roomTypes: false,
    courseCapacity: true,
    locks: false,
  },
  synergy: {
    priorities: 'none',
    qualifications: false,
    teacherTable: false,
    teacherTeams: false,
    courseGrades: true,
    ag: true,
    cte: false,
    roomTypes: false,
    courseCapacity: false,
    locks: false,
  },
};

/** Teachers a section row names as the preset reads it (PowerSchool's preset reads one teacher column). */
const rowTeachers = (sis: SisName, s: PlannedSection) => (sis === 'powerschool' ? s.teachers.slice(0, 1) : s.teachers);

/** A scenario in canonical form for comparison (policy and pathway names/sectors left out). */
export function canonical(s: Scenario | ExpectedScenario) {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return {
    calendar: s.calendar,
    rooms: byId(s.rooms).map((r) => ({ id: r.id, type: r.type, capacity: r.capacity })),
    teachers: byId(s.teachers).map((t) => ({ id: t.id, name: t.name, courses: [...t.courses].sort(), maxSections: t.maxSections, room: t.room ?? null })),
    courses: byId(s.courses).map((c) => ({
      id: c.id,
      name: c.name,
      ag: c.ag ?? null,
      cte: c.cte ?? false,
      grades: [...c.grades].sort((a, b) => a - b),
      capacity: c.capacity,
      roomType: c.roomType,
      meets: c.meets,
      sections: c.sections ?? null,
      allowedPeriods: c.allowedPeriods ?? null,
    })),
    pathways: byId(s.pathways).map((p) => ({
      id: p.id,
      cohortSize: p.cohortSize,
      cohortCourses: Object.fromEntries(
        Object.entries(p.cohortCourses)
          .map(([g, list]): [string, string[]] => [g, [...list].sort()])
          .sort(),
      ),
      team: [...p.team].sort(),
      commonPlanning: p.commonPlanning,
    })),
    students: byId(s.students).map((st) => ({
      id: st.id,
      grade: st.grade,
      pathway: st.pathway ?? null,
      requests: st.requests,
      alternates: st.alternates ?? {},
      priorities: st.priorities ?? {},
      groups: [...(st.groups ?? [])].sort(),
    })),
    locks: [...s.locks].sort((a, b) => a.course.localeCompare(b.course) || a.slot.localeCompare(b.slot)),
  };
}

/** The parts of a scenario {@link canonical} reads. */
export type ExpectedScenario = Pick<Scenario, 'calendar' | 'rooms' | 'teachers' | 'courses' | 'pathways' | 'students' | 'locks'>;

export interface ExpectedImport {
  readonly scenario: ExpectedScenario;
  /** Requests listed as left out: student and course. */
  readonly dropped: readonly string[];
  readonly droppedAlternates: readonly string[];
}

/**
 * The import the export of `sis` written from `plan` must give.
 * @param gradeRule - the mapping's policy.gradeRule (strict drops requests outside a course's grades).
 */
export function expectedImport(sis: SisName, plan: ExportPlan, gradeRule: 'strict' | 'allow' = 'strict'): ExpectedImport {
  const g = plan.scenario;
  const carry = CARRIES[sis];
  const sections = plan.sections;
  const course = new Map(g.courses.map((c) => [c.id, c]));

  // Requests and alternates outside a course's grades are left out under the strict rule, when the export has grade ranges.
  const outside = (c: string, grade: number) => gradeRule === 'strict' && carry.courseGrades && !(course.get(c)?.grades.includes(grade) ?? false);
  const dropped: string[] = [];
  const droppedAlternates: string[] = [];
  const priorityOf = (st: Scenario['students'][number], c: string): Priority => {
    const own = st.priorities?.[c] ?? 'requested';
    if (carry.priorities === 'request') return own;
    if (carry.priorities === 'course') return plan.loadPriority.get(c) ?? 'requested';
    if (carry.priorities === 'required-elective') return own === 'required' ? 'required' : 'requested';
    return 'requested';
  };
  const students = g.students.flatMap((st) => {
    const requests = st.requests.filter((c) => {
      if (!outside(c, st.grade)) return true;
      dropped.push(`${st.id} ${c}`);
      return false;
    });
    if (requests.length === 0) return [];
    const alternates: Record<string, string[]> = {};
    const priorities: Record<string, Priority> = {};
    for (const c of requests) {
      const alts = (st.alternates?.[c] ?? []).filter((a) => {
        if (!outside(a, st.grade)) return true;
        droppedAlternates.push(`${st.id} ${c} ${a}`);
        return false;
      });
      if (alts.length > 0) alternates[c] = alts;
      const p = priorityOf(st, c);
      if (p !== 'requested') priorities[c] = p;
    }
    const genders = (st.groups ?? []).filter((x) => ['Female', 'Male', 'Nonbinary'].includes(x));
    return [{ id: st.id, grade: st.grade, ...(st.pathway !== undefined ? { pathway: st.pathway } : {}), requests, alternates, priorities, groups: genders }];
  });

  const requestGrades = new Map<string, Set<number>>();
  for (const st of students)
    for (const c of [...st.requests, ...Object.values(st.alternates).flat()]) (requestGrades.get(c) ?? requestGrades.set(c, new Set()).get(c))?.add(st.grade);
  const teamSizes = new Map<string, number>();
  for (const s of sections) if (s.team) teamSizes.set(s.course, Math.max(teamSizes.get(s.course) ?? 0, s.maxSize));
  const courses: Course[] = g.courses.map((c) => {
    const rows = sections.filter((s) => s.course === c.id);
    const regular = rows.some((s) => !s.team);
    const capacity = carry.courseCapacity || regular ? c.capacity : (teamSizes.get(c.id) ?? c.capacity);
    const grades = carry.courseGrades ? c.grades : [...(requestGrades.get(c.id) ?? new Set([9, 10, 11, 12]))].sort((a, b) => a - b);
    return {
      id: c.id,
      name: c.name,
      ...(carry.ag && c.ag ? { ag: c.ag } : {}),
      ...(carry.cte && c.cte ? { cte: true } : {}),
      grades,
      capacity,
      roomType: carry.roomTypes ? c.roomType : 'general',
      meets: c.meets,
      sections: rows.length,
    };
  });

  // Teachers: from their tables, or from the section rows (qualification = a section of the course, load = sections).
  const named = (id: string) => sections.filter((s) => rowTeachers(sis, s).includes(id));
  const fromRows = (id: string) => ({ courses: [...new Set(named(id).map((s) => s.course))], maxSections: named(id).length });
  const mostUsedRoom = (id: string) => {
    const use = new Map<string, number>();
    for (const s of named(id)) if (s.room !== '') use.set(s.room, (use.get(s.room) ?? 0) + 1);
    return [...use].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  };
  const teacherIds =
    carry.teacherTable || carry.qualifications ? g.teachers.map((t) => t.id) : g.teachers.map((t) => t.id).filter((id) => named(id).length > 0);
  const teachers = teacherIds.map((id) => {
    const t = g.teachers.find((x) => x.id === id);
    const work = carry.qualifications ? { courses: t?.courses ?? [], maxSections: t?.maxSections ?? 0 } : fromRows(id);
    const room = (carry.teacherTable ? t?.room : undefined) ?? mostUsedRoom(id);
    return { id, name: t?.name ?? '', ...work, ...(room !== undefined ? { room } : {}) };
  });

  const pathways = g.pathways.map((p) => {
    const team = new Set(carry.teacherTeams ? p.team : []);
    for (const s of sections) if (s.team?.pathway === p.id) for (const t of rowTeachers(sis, s)) team.add(t);
    return { ...p, team: [...team] };
  });
  return {
    scenario: {
      calendar: g.calendar,
      rooms: g.rooms.map((r) => ({ ...r, type: carry.roomTypes ? r.type : 'general' })),
      teachers,
      courses,
      pathways,
      students,
      locks: carry.locks ? g.locks : [],
    },
    dropped,
    droppedAlternates,
  };
}
