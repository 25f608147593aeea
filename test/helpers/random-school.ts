/**
 * Small random schools shaped like real ones, for property tests: a traditional day, an A/B
 * rotation or a 4x4 block; one or two pathways in grades 10 and 11 whose cohorts (one or two per
 * pathway) take a CTE course (often a double period in the one lab) and sometimes English
 * together; every-day and full-year courses; students outside pathways; alternates; all three
 * priorities; A–G on or off with completed years that leave some students needing this year's
 * courses; part-time teachers with unavailable slots; few rooms, some smaller than a class; and
 * sometimes a lock. Small enough (≤ 6 slots, ≤ 4 pathway students) for the brute-force oracle
 * (brute-force.ts).
 *
 * The shapes whose rules are changing in the engine contract are off by default and turned on by
 * {@link SchoolOptions}: alternates shared between requests (one course could meet two of a
 * student's requests) and requests outside a course's grades.
 */
import fc from 'fast-check';
import type { AgSubject, Priority, ScenarioInput } from '../../src/scenario/schema.js';
import { getKnown } from '../../src/map-entry.js';
import { present } from './present.js';
import { placementsOf, slotsOf } from './school-time.js';
import { keepCoursesTeachable } from './teachable.js';

export interface SchoolOptions {
  /**
   * Also generate alternates that are another of the student's requests, or that two requests
   * share (SCENARIO.md "Enrollment": a student is in at most one section of a course).
   */
  readonly sharedAlternates?: boolean;
  /**
   * Also generate requests and alternates for a course outside the student's grade (grade-10
   * electives requested in grade 11, and as an alternate of English), under `policy.gradeRule:
   * "allow"` (SCENARIO.md "Grades": the default strict rule refuses them as input).
   */
  readonly offGradeRequests?: boolean;
  /** `always`: every school has a double-period course that pathway students take. Default: mixed. */
  readonly doublePeriods?: 'mixed' | 'always' | 'never';
  /** `scarce`: one lab, holding every CTE course and Biology, so that another lab can place more students. */
  readonly labs?: 'mixed' | 'scarce';
  /**
   * `contested`: two to four students outside pathways besides the members, and A–G off (on-track
   * makes most requests required), so that requests of different priorities compete for seats,
   * sections and periods: the shape where strict tiers and weighted sums part.
   */
  readonly priorities?: 'mixed' | 'contested';
}

type CalendarKind = 'trad' | 'ab' | '4x4';
const CALENDARS: Record<CalendarKind, { terms: string[]; days: string[]; periods: string[] }> = {
  trad: { terms: ['Y'], days: ['D'], periods: ['1', '2', '3', '4'] },
  ab: { terms: ['Y'], days: ['A', 'B'], periods: ['1', '2', '3'] },
  '4x4': { terms: ['F', 'S'], days: ['D'], periods: ['1', '2', '3'] },
};

/** Academic courses a school may offer, each with its A–G subject and its same-subject alternate. */
const ACADEMIC = [
  { id: 'MATH', ag: 'c' },
  { id: 'BIO', ag: 'd', alternate: 'CHEM' },
  { id: 'SPAN', ag: 'e', alternate: 'FREN' },
  { id: 'HIST', ag: 'a' },
  { id: 'ART', ag: 'f' },
] as const;
const ALTERNATE_AG: Record<string, AgSubject> = { CHEM: 'd', FREN: 'e' };
/** Cumulative A–G years by the end of grades 9–12 (SCENARIO.md). */
const AG_MIN: Record<AgSubject, readonly number[]> = {
  a: [0, 1, 2, 2],
  b: [1, 2, 3, 4],
  c: [1, 2, 3, 3],
  d: [0, 1, 2, 2],
  e: [0, 1, 2, 2],
  f: [0, 0, 1, 1],
  g: [0, 0, 0, 1],
};

const student = fc.record({
  grade: fc.constantFrom(10, 11),
  /** Which offered electives (by position) they request. */
  picks: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  english: fc.boolean(),
  priorities: fc.array(fc.constantFrom<Priority>('required', 'requested', 'recommended'), { minLength: 6, maxLength: 6 }),
  alternates: fc.boolean(),
  /** 0: completed years leave nothing to do this year; 1: they need their requested A–G courses; 2: also one year short that no request gives. */
  agNeed: fc.constantFrom(0, 1, 1, 2),
  shared: fc.nat(),
});
type StudentDraw = typeof student extends fc.Arbitrary<infer T> ? T : never;

const pathway = fc.record({
  grade: fc.constantFrom(10, 11),
  english: fc.boolean(),
  double: fc.integer({ min: 0, max: 2 }),
  cohortSize: fc.constantFrom(2, 3),
  commonPlanning: fc.constantFrom(0, 1, 1),
  members: fc.array(student, { minLength: 1, maxLength: 3 }),
});

const course = fc.record({
  capacity: fc.constantFrom(2, 3, 3),
  /** Every-day (A/B) or full-year (4x4) rather than one day or one term. */
  everyDay: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
  lab: fc.boolean(),
  teacher: fc.nat(),
  second: fc.option(fc.nat(), { freq: 3 }),
});

const teacher = fc.record({
  maxSections: fc.constantFrom(1, 2, 2, 3),
  /** Slots (by position) a part-time teacher cannot teach. */
  unavailable: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1, maxLength: 2 }),
  /** Part-time: one in four teachers, one in two of those who teach a CTE course. */
  partTime: fc.integer({ min: 0, max: 3 }),
});

const draw = fc.record({
  calendar: fc.constantFrom<CalendarKind>('trad', 'ab', '4x4'),
  pathways: fc.array(pathway, { minLength: 1, maxLength: 2 }),
  electives: fc.subarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 3 }),
  courses: fc.array(course, { minLength: 10, maxLength: 10 }),
  teachers: fc.array(teacher, { minLength: 3, maxLength: 5 }),
  others: fc.array(student, { minLength: 0, maxLength: 3 }),
  rooms: fc.record({
    general: fc.constantFrom(1, 2, 2),
    generalCapacity: fc.constantFrom(2, 3, 3),
    labs: fc.constantFrom(1, 1, 2),
    labCapacity: fc.constantFrom(2, 3),
  }),
  agOn: fc.integer({ min: 0, max: 4 }).map((x) => x < 3),
  lock: fc.option(fc.record({ course: fc.nat(), slot: fc.nat() }), { freq: 3 }),
  /** Students outside pathways for `priorities: 'contested'` (last, so that other schools draw as before). */
  contested: fc.array(student, { minLength: 2, maxLength: 4 }),
});
type Draw = typeof draw extends fc.Arbitrary<infer T> ? T : never;

/**
 * Random small schools; see the file header. Every one is valid input: it passes the scenario
 * schema, the references and the impossible-data checks (every requested course teachable).
 */
export function randomSchool(options: SchoolOptions = {}): fc.Arbitrary<ScenarioInput> {
  return draw.map((d) => buildSchool(d, options));
}

function buildSchool(draw: Draw, options: SchoolOptions): ScenarioInput {
  const d = options.priorities === 'contested' ? { ...draw, others: draw.contested, agOn: false } : draw;
  const calendar = CALENDARS[d.calendar];
  const slots = slotsOf(calendar);
  // At most four pathway students in all, so the oracle stays fast.
  let room = 4;
  const pathways = d.pathways
    .map((p, i) => {
      const members = p.members.slice(0, Math.max(0, room));
      room -= members.length;
      return { ...p, id: `P${i + 1}`, cte: `CT${i + 1}`, members };
    })
    .filter((p) => p.members.length > 0);
  const electives = d.electives.map((k) => ACADEMIC[k]!);
  const anyAlternates = [...pathways.flatMap((p) => p.members), ...d.others].some((s) => s.alternates);
  type CatalogueEntry = { id: string; ag: AgSubject | null; cte?: boolean; double: boolean; lab: boolean };
  const catalogue: CatalogueEntry[] = [
    ...pathways.map((p): CatalogueEntry => ({
      id: p.cte,
      ag: 'g',
      cte: true,
      double: options.doublePeriods === 'always' ? true : options.doublePeriods === 'never' ? false : p.double === 0,
      lab: true,
    })),
    { id: 'ENG', ag: 'b', double: false, lab: false },
    ...electives.map((e, k): CatalogueEntry => ({
      id: e.id,
      ag: e.ag,
      double: false,
      lab: e.id === 'BIO' && (options.labs === 'scarce' || (d.courses[k]?.lab ?? false)),
    })),
    ...(anyAlternates
      ? electives.flatMap((e) => ('alternate' in e ? [{ id: e.alternate, ag: ALTERNATE_AG[e.alternate]!, double: false, lab: false }] : []))
      : []),
  ];
  const meets = (c: (typeof catalogue)[number], everyDay: boolean) => {
    const periods = c.double ? (2 as const) : (1 as const);
    const daily = everyDay && !c.double;
    if (d.calendar === 'trad') return { periods, days: 'all' as const, terms: 'all' as const };
    if (d.calendar === 'ab') return { periods, days: daily ? ('all' as const) : ('one' as const), terms: 'all' as const };
    return { periods, days: 'all' as const, terms: daily ? ('all' as const) : ('one' as const) };
  };
  const courses = catalogue.map((c, k) => {
    const draw = d.courses[k % d.courses.length]!;
    const cohortGrades = pathways.filter((p) => p.cte === c.id).map((p) => p.grade);
    return {
      id: c.id,
      name: `Course ${c.id}`,
      ag: c.ag,
      ...(c.cte ? { cte: true } : {}),
      // CTE courses are for their pathway's grade; with off-grade requests on, electives are for
      // grade 10 only, so grade 11 students request them outside their grade.
      grades: cohortGrades.length > 0 ? [...new Set(cohortGrades)].sort() : options.offGradeRequests && c.id !== 'ENG' ? [10] : [10, 11],
      capacity: draw.capacity,
      roomType: c.lab ? 'lab' : 'general',
      meets: meets(c, draw.everyDay),
    };
  });
  const has = (id: string) => courses.some((c) => c.id === id);

  const teacherIds = d.teachers.map((_, i) => `T${i + 1}`);
  const qualified = new Map<string, string[]>();
  courses.forEach((c, k) => {
    const draw = d.courses[k % d.courses.length]!;
    const first = teacherIds[draw.teacher % teacherIds.length]!;
    const second = draw.second === null ? null : teacherIds[draw.second % teacherIds.length]!;
    qualified.set(c.id, [...new Set([first, ...(second ? [second] : [])])]);
  });
  // A teacher the draw gave no course takes one, so every teacher on the staff list can teach.
  teacherIds.forEach((id, i) => {
    if (![...qualified.values()].some((list) => list.includes(id))) getKnown(qualified, courses[i % courses.length]!.id, 'course').push(id);
  });
  const cteTeachers = new Set(pathways.flatMap((p) => qualified.get(p.cte) ?? []));
  const teachers = d.teachers.map((t, i) => {
    const id = teacherIds[i]!;
    const partTime = t.partTime === 0 || (t.partTime === 1 && cteTeachers.has(id));
    const unavailable = partTime ? t.unavailable.filter((k) => k < slots.length).map((k) => slots[k]!) : [];
    return {
      id,
      name: `Teacher ${i + 1}`,
      courses: courses.filter((c) => qualified.get(c.id)?.includes(id)).map((c) => c.id),
      maxSections: t.maxSections,
      ...(unavailable.length > 0 ? { unavailable } : {}),
    };
  });

  const requestsOf = (s: StudentDraw, cohort: string[], pathwayGrade: number | null) => {
    const grade = pathwayGrade ?? s.grade;
    const picked = electives.filter((_, k) => s.picks[k]).map((e) => e.id);
    const others = [...(s.english && !cohort.includes('ENG') ? ['ENG'] : []), ...picked].filter((c) => !cohort.includes(c));
    // At most four requests, and no more than the week can hold (a double or every-day section takes two slots).
    const slotsUsed = (id: string) => {
      const c = present(
        courses.find((x) => x.id === id),
        `random school: no course ${id}`,
      );
      return c.meets.periods * (c.meets.days === 'all' ? calendar.days.length : 1) * (c.meets.terms === 'all' ? calendar.terms.length : 1);
    };
    const requests = [...cohort];
    let used = cohort.reduce((n, c) => n + slotsUsed(c), 0);
    for (const c of others) {
      if (used + slotsUsed(c) > slots.length || requests.length >= 4) continue;
      requests.push(c);
      used += slotsUsed(c);
    }
    if (requests.length === 0) requests.push('ENG');
    const priorities: Record<string, Priority> = {};
    requests.forEach((r, k) => {
      if (!cohort.includes(r) && s.priorities[k] !== 'requested') priorities[r] = s.priorities[k]!;
    });
    const alternates: Record<string, string[]> = {};
    if (s.alternates) {
      for (const e of ACADEMIC)
        if ('alternate' in e && requests.includes(e.id) && has(e.alternate) && !requests.includes(e.alternate)) alternates[e.id] = [e.alternate];
      if (options.sharedAlternates) {
        const plain = requests.filter((r) => !cohort.includes(r) && alternates[r] === undefined);
        const shared = Object.values(alternates)[0]?.[0];
        const target = plain[s.shared % Math.max(1, plain.length)];
        if (shared && target) alternates[target] = [shared];
        else if (plain.length >= 2) alternates[plain[0]!] = [plain[1]!];
      }
      // Off-grade alternates of an in-grade request too: English with an elective (grade 10 only) in its place.
      const elective = electives.find((e) => !requests.includes(e.id))?.id;
      if (options.offGradeRequests && grade === 11 && requests.includes('ENG') && !cohort.includes('ENG') && alternates['ENG'] === undefined && elective)
        alternates['ENG'] = [elective];
    }
    // A–G: completed years up to last year's minimum, less what this year's requests must give.
    const agCompleted: Partial<Record<AgSubject, number>> = {};
    const subjects: AgSubject[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (const k of subjects) {
      const need = AG_MIN[k][grade - 9] ?? 0;
      const given = requests.filter((r) => courses.find((c) => c.id === r)?.ag === k).length;
      agCompleted[k] = Math.max(0, need - (s.agNeed >= 1 ? Math.min(1, given) : 0));
    }
    if (s.agNeed === 2) {
      const short = subjects.find((k) => (agCompleted[k] ?? 0) > 0 && !requests.some((r) => courses.find((c) => c.id === r)?.ag === k));
      if (short) agCompleted[short] = (agCompleted[short] ?? 0) - 1;
    }
    return {
      requests,
      ...(Object.keys(priorities).length > 0 ? { priorities } : {}),
      ...(Object.keys(alternates).length > 0 ? { alternates } : {}),
      agCompleted,
    };
  };

  const students = [
    ...pathways.flatMap((p) => {
      const cohort = [p.cte, ...(p.english ? ['ENG'] : [])];
      return p.members.map((m, i) => ({ id: `${p.id}M${i + 1}`, grade: p.grade, pathway: p.id, ...requestsOf(m, cohort, p.grade) }));
    }),
    ...d.others.map((s, i) => ({ id: `S${i + 1}`, grade: s.grade, ...requestsOf(s, [], s.grade) })),
  ];

  const lockable = courses.filter((c) =>
    students.some((s) => s.requests.includes(c.id) && !('pathway' in s && pathways.find((p) => p.id === s.pathway)?.cte === c.id)),
  );
  const locks: Array<{ course: string; slot: string }> = [];
  if (d.lock && lockable.length > 0) {
    const c = lockable[d.lock.course % lockable.length]!;
    const usable = [...new Set(placementsOf(calendar, c).flat())];
    if (usable.length > 0) locks.push({ course: c.id, slot: usable[d.lock.slot % usable.length]! });
  }

  const school: ScenarioInput = {
    format: 'pathway-scheduler/scenario@1',
    name: `random ${d.calendar} school`,
    calendar,
    rooms: [
      ...Array.from({ length: d.rooms.general }, (_, i) => ({ id: `R${i + 1}`, type: 'general', capacity: d.rooms.generalCapacity })),
      ...Array.from({ length: options.labs === 'scarce' ? 1 : d.rooms.labs }, (_, i) => ({ id: `LAB${i + 1}`, type: 'lab', capacity: d.rooms.labCapacity })),
    ],
    teachers,
    courses,
    pathways: pathways.map((p) => ({
      id: p.id,
      name: `Pathway ${p.id}`,
      sector: 'Engineering and Architecture',
      cohortSize: p.cohortSize,
      cohortCourses: { [String(p.grade)]: [p.cte, ...(p.english ? ['ENG'] : [])] },
      team: [...new Set([p.cte, ...(p.english ? ['ENG'] : [])].map((c) => getKnown(qualified, c, 'course')[0]!))],
      commonPlanning: p.commonPlanning,
    })),
    students,
    locks,
    // Off-grade requests are valid input only where the policy admits them.
    policy: { agRule: d.agOn ? 'on-track' : 'off', timeLimitSeconds: 20, ...(options.offGradeRequests ? { gradeRule: 'allow' as const } : {}) },
  };
  // A part-time teacher may have been drawn unavailable in every placement of the only course
  // they can take for a request: give them a placement back, as parse requires.
  keepCoursesTeachable(school);
  return school;
}
