/**
 * The synthetic-school generator: a realistic California comprehensive high school (grades
 * 9–12, A–G catalogue, CTE pathways with cohorts, staffing and rooms sized from requests),
 * deterministic for a given seed. The result passes `parseScenario` with no problems.
 */
import { coursePatterns } from '../calendar/slots.js';
import { SCENARIO_FORMAT, type ScenarioInput } from '../scenario/schema.js';
import { calendarShape, slotsPerSection, studentCapacity } from './calendar-shape.js';
import { academicCatalogue, MATH_SEQUENCES, type Department } from './catalogue.js';
import { expectedSections } from './demand.js';
import { teacherNamer, TOWNS } from './names.js';
import { generateOptionsSchema, type GenerateOptions } from './options.js';
import { drawDemographics, type Demographics } from './population.js';
import { Random } from './random.js';
import { buildRooms, type RoomNeed } from './rooms.js';
import { cohortCore, SECTORS, type SectorTemplate } from './sectors.js';
import { pickTeam, staffSchool, type StaffCourse } from './staffing.js';
import { generateStudent, type StudentSeed } from './students.js';
import { InputError, problemsFromZod } from '../scenario/problems.js';

type CourseInput = ScenarioInput['courses'][number];
type PathwayInput = ScenarioInput['pathways'][number];

/** Share of students per grade 9..12: roughly equal, a little attrition by grade 12. */
const GRADE_SHARES = [0.26, 0.253, 0.247, 0.24];
/** Below this size a pathway is starting up (only a grade-10 cohort) and teachers are generalists. */
const STARTUP_SCHOOL = 120;
/** Stream labels, so that each part of the school draws from its own random stream. */
const STREAM = { school: 1, students: 2, staff: 3, rooms: 4, names: 5, locks: 6, members: 7 } as const;

/** Splits n into parts proportional to shares (largest remainder). */
function apportion(n: number, shares: readonly number[]): number[] {
  const exact = shares.map((s) => n * s);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = n - out.reduce((s, x) => s + x, 0);
  for (let k = 0; k < left; k++) {
    const i = order[k % order.length]?.[1] ?? 0;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

interface PathwayPlan {
  readonly sector: SectorTemplate;
  readonly cohortSize: number;
  /** Members per grade (only grades with members). */
  readonly members: ReadonlyMap<number, number>;
}

/**
 * Students in one cohort of an academy as schools plan them: 25–35 per grade (California
 * Partnership Academies enrol about 30 a grade), at most the cohort size, so each cohort fills
 * the sections reserved for it.
 */
const ACADEMY_COHORT_MIN = 25;
/** Academies together take at most this share of a grade (wall-to-wall academy schools aside). */
const ACADEMY_GRADE_SHARE = 0.5;

/**
 * Members per pathway and grade: about a third to 45% of grades 10–12 in academies of whole
 * cohorts of 25 to `cohortSize` students (one cohort a grade up to about 40 members, then two,
 * ...). A school too small to fill its academies this way gets smaller ones, with half a grade
 * spread over them (valley, fixtures/whatif/, shows what that costs).
 */
function planPathways(sectors: readonly SectorTemplate[], gradeSizes: ReadonlyMap<number, number>, students: number, rng: Random): PathwayPlan[] {
  const share = rng.between(0.33, 0.45);
  const startup = students < STARTUP_SCHOOL;
  const grades = startup ? [10] : [10, 11, 12];
  const plans = sectors.map((sector) => ({ sector, cohortSize: rng.int(28, 32), members: new Map<number, number>() }));
  for (const g of grades) {
    const size = gradeSizes.get(g) ?? 0;
    const target = ((startup ? 0.6 : share) * size) / Math.max(1, plans.length);
    const room = Math.floor(((startup ? 0.6 : ACADEMY_GRADE_SHARE) * size) / Math.max(1, plans.length));
    for (const plan of plans) {
      const cohorts = Math.max(1, Math.round(target / 30));
      const filled = Math.min(plan.cohortSize * cohorts, Math.max(ACADEMY_COHORT_MIN * cohorts, Math.round(target) + rng.int(-2, 2)));
      const m = Math.min(filled, room);
      if (m > 0) plan.members.set(g, m);
    }
  }
  return plans;
}

/** Chooses members by weighted draws without replacement; interest differs by gender. */
function drawMembers(pool: number[], count: number, weight: (i: number) => number, rng: Random): number[] {
  const chosen: number[] = [];
  for (let k = 0; k < count && pool.length > 0; k++) {
    const i = rng.weighted(pool.map((idx, at) => [at, weight(idx)] as const));
    chosen.push(pool[i] as number);
    pool.splice(i, 1);
  }
  return chosen;
}

/**
 * Generates a synthetic school scenario.
 * @param options - validated with {@link generateOptionsSchema}; throws a ZodError when invalid.
 * @returns a scenario (format v1) with `policy` left to its defaults.
 */
export function generateScenario(options: GenerateOptions): ScenarioInput {
  const parsed = generateOptionsSchema.safeParse(options);
  if (!parsed.success) throw new InputError('<options>', problemsFromZod(parsed.error, 'see GenerateOptions'));
  const opts = parsed.data;
  const shape = calendarShape(opts.calendar);
  const cal = shape.calendar;
  const rng = (label: number) => Random.stream(opts.seed, label);
  const schoolRng = rng(STREAM.school);

  const sequence = schoolRng.chance(0.5) ? 'integrated' : 'traditional';
  const templates = academicCatalogue(sequence).filter((t) => opts.students >= t.minStudents);
  const sectors = SECTORS.slice(0, opts.pathways);
  const sizes = apportion(opts.students, GRADE_SHARES);
  const gradeSizes = new Map(sizes.map((n, i) => [9 + i, n]));
  const plans = planPathways(sectors, gradeSizes, opts.students, schoolRng);

  // Courses: the academic catalogue plus one CTE course per pathway grade with members.
  const dept = new Map<string, Department>();
  const courses: CourseInput[] = [];
  for (const t of templates) {
    dept.set(t.id, t.dept);
    const course: CourseInput = { id: t.id, name: t.name, grades: [...t.grades], capacity: t.capacity, roomType: t.roomType, meets: { ...shape.meets } };
    courses.push(t.ag === null ? course : { ...course, ag: t.ag });
  }
  const pathwayCourses = new Map<string, Record<string, string[]>>();
  const cteIds = new Map<string, string[]>();
  for (const plan of plans) {
    const cohortCourses: Record<string, string[]> = {};
    const ids: string[] = [];
    for (const [g] of [...plan.members].sort((a, b) => a[0] - b[0])) {
      const [id, name, ag] = plan.sector.courses[g - 10] ?? [];
      if (id === undefined || name === undefined) continue;
      dept.set(id, `cte:${plan.sector.id}`);
      ids.push(id);
      const base: CourseInput = { id, name, cte: true, grades: [g], capacity: 32, roomType: plan.sector.roomType, meets: { ...shape.cteMeets } };
      courses.push(ag ? { ...base, ag } : base);
      cohortCourses[String(g)] = [id, ...(cohortCore(plan.sector)[g] ?? [])];
    }
    pathwayCourses.set(plan.sector.id, cohortCourses);
    cteIds.set(plan.sector.id, ids);
  }
  const courseById = new Map(courses.map((c) => [c.id, c]));

  // Students: demographics first, then pathway members, then requests.
  const demoRng = rng(STREAM.students);
  const memberRng = rng(STREAM.members);
  const idBase = demoRng.int(100, 899);
  const seeds: StudentSeed[] = [];
  for (const [g, size] of gradeSizes) {
    const people: { demographics: Demographics; propensity: number; pathway?: string }[] = [];
    for (let i = 0; i < size; i++) people.push({ demographics: drawDemographics(demoRng), propensity: demoRng.next() });
    const pool = people.map((_, i) => i);
    for (const plan of plans) {
      const m = plan.members.get(g) ?? 0;
      const weight = (i: number) => {
        const d = (people[i] as (typeof people)[number]).demographics;
        // Students with IEPs and English learners are under-represented in many academies.
        return (plan.sector.genderWeight[d.gender] ?? 1) * (d.iep ? 0.75 : 1) * (d.el ? 0.8 : 1);
      };
      for (const i of drawMembers(pool, m, weight, memberRng)) (people[i] as (typeof people)[number]).pathway = plan.sector.id;
    }
    for (const person of people) {
      const id = `S${String(idBase + seeds.length).padStart(6, '0')}`;
      const cohort = person.pathway === undefined ? undefined : pathwayCourses.get(person.pathway)?.[String(g)];
      const base = { id, grade: g, demographics: person.demographics, propensity: person.propensity };
      seeds.push(person.pathway !== undefined && cohort ? { ...base, pathway: { id: person.pathway, cohortCourses: cohort } } : base);
    }
  }
  const requestRng = rng(STREAM.students + 100);
  const ctx = {
    offered: new Set(courses.map((c) => c.id)),
    grades: new Map(courses.map((c) => [c.id, c.grades])),
    mathSequence: MATH_SEQUENCES[sequence],
    coTaughtMath: sequence === 'integrated' ? 'IM1C' : 'ALG1C',
    cost: (id: string) => {
      const c = courseById.get(id);
      return c ? slotsPerSection(cal, c.meets) : 1;
    },
    capacity: studentCapacity(shape),
  };
  const students = seeds.map((s) => generateStudent(s, ctx, requestRng));

  // Only courses someone requested are offered; alternates may only name offered courses.
  const requested = new Set(students.flatMap((s) => s.requests));
  const offered = courses.filter((c) => requested.has(c.id));
  for (const s of students) {
    if (!s.alternates) continue;
    const kept = Object.entries(s.alternates)
      .map(([c, alts]) => [c, alts.filter((a) => requested.has(a))] as const)
      .filter(([, alts]) => alts.length > 0);
    if (kept.length > 0) s.alternates = Object.fromEntries(kept);
    else delete s.alternates;
  }

  const pathways: PathwayInput[] = plans.map((plan) => ({
    id: plan.sector.id,
    name: plan.sector.name,
    sector: plan.sector.sector,
    cohortSize: plan.cohortSize,
    cohortCourses: pathwayCourses.get(plan.sector.id) ?? {},
    team: [],
    commonPlanning: 1,
  }));
  const demand = expectedSections({ courses: offered, pathways, students });

  const staffCourses: StaffCourse[] = offered.map((c) => ({ id: c.id, dept: dept.get(c.id) ?? 'elective', roomType: c.roomType, meets: c.meets }));
  const staffed = staffSchool(staffCourses, demand, shape, rng(STREAM.staff), teacherNamer(rng(STREAM.names)), opts.students < STARTUP_SCHOOL);
  const onTeams = new Map<string, number>();
  for (const p of pathways) {
    const cte = new Set(cteIds.get(p.id) ?? []);
    const core = Object.values(p.cohortCourses)
      .flat()
      .filter((c) => !cte.has(c));
    const team = pickTeam(
      staffed.filter((t) => t.courses.some((c) => cte.has(c))),
      core,
      staffed,
      onTeams,
    );
    for (const t of team) onTeams.set(t, (onTeams.get(t) ?? 0) + 1);
    p.team = team;
  }

  // Rooms by type, in order of first use; every teacher gets a home room of their main type.
  const needs = new Map<string, RoomNeed>();
  for (const c of offered) {
    const use = (demand.get(c.id) ?? 0) * slotsPerSection(cal, c.meets);
    const prev = needs.get(c.roomType) ?? { type: c.roomType, slotUse: 0, capacity: 0, homeTeachers: 0 };
    needs.set(c.roomType, { ...prev, slotUse: prev.slotUse + use, capacity: Math.max(prev.capacity, c.capacity) });
  }
  for (const t of staffed) {
    const prev = needs.get(t.homeType);
    if (prev) needs.set(t.homeType, { ...prev, homeTeachers: prev.homeTeachers + 1 });
  }
  const rooms = buildRooms([...needs.values()], shape.slots, rng(STREAM.rooms));
  const roomsByType = new Map<string, string[]>();
  for (const r of rooms) roomsByType.set(r.type, [...(roomsByType.get(r.type) ?? []), r.id]);
  const homeIndex = new Map<string, number>();
  const teachers: ScenarioInput['teachers'] = staffed.map((t) => {
    const k = homeIndex.get(t.homeType) ?? 0;
    homeIndex.set(t.homeType, k + 1);
    const room = roomsByType.get(t.homeType)?.[k];
    const out: ScenarioInput['teachers'][number] = { id: t.id, name: t.name, courses: t.courses, maxSections: t.maxSections };
    if (t.unavailable) out.unavailable = t.unavailable;
    if (room !== undefined) out.room = room;
    return out;
  });

  const scenario: ScenarioInput = {
    format: SCENARIO_FORMAT,
    name: opts.name ?? `${TOWNS[opts.seed % TOWNS.length] ?? 'Valley'} HS (synthetic), ${shape.label}, ${opts.students} students`,
    calendar: { terms: [...cal.terms], days: [...cal.days], periods: [...cal.periods] },
    rooms,
    teachers,
    courses: offered,
    pathways,
    students,
  };
  const locks = apLocks(offered, demand, cal, opts.students, rng(STREAM.locks));
  if (locks.length > 0) scenario.locks = locks;
  return scenario;
}

/** In larger schools, a couple of singleton AP courses are fixed by hand in plausible slots. */
function apLocks(courses: readonly CourseInput[], demand: ReadonlyMap<string, number>, cal: ScenarioInput['calendar'], students: number, rng: Random) {
  if (students < 800) return [];
  const singletons = courses.filter((c) => c.id.startsWith('AP') && demand.get(c.id) === 1);
  const locks: { course: string; slot: string }[] = [];
  for (const course of rng.shuffle(singletons).slice(0, 2)) {
    const free = coursePatterns(cal, course).filter((p) => !locks.some((l) => p.slots.includes(l.slot)));
    if (free.length === 0) continue;
    const slot = rng.pick(free).slots[0];
    if (slot !== undefined) locks.push({ course: course.id, slot });
  }
  return locks;
}
