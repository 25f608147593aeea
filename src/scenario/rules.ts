/**
 * The rule catalogue: the one place a hard rule of the master schedule is named. Each rule has an
 * id (kebab-case), one sentence in school words, the scenario facts it comes from, where the
 * integer program builds it, where the independent checker verifies it, and whether the
 * infeasibility diagnosis may relax it, with a label and fix options in school words when it may
 * (and why not when it may not).
 *
 * Everyone speaks these ids: model rows carry a {@link RuleRef} (`{ rule: 'prep', args: { teacher:
 * 'TW', term: 'Y' } }`), checker violations name their `rule`, the diagnosis names the groups it
 * relaxes. Nothing here knows the model or a solver: the checker may import this file as it imports
 * the scenario schema. The rules themselves come from SCENARIO.md ("Time", "Pathways, cohorts,
 * A–G") and the school practice in DOMAIN.md.
 */
import type { Scenario } from './schema.js';

/** Every rule id, in the order the checker lists violations (model-only rules after their kin). */
export const RULE_IDS = [
  'unknown-id',
  'duplicate-id',
  'placement',
  'student-clash',
  'teacher-clash',
  'room-clash',
  'qualification',
  'unavailable',
  'max-sections',
  'room-type',
  'room-capacity',
  'course-capacity',
  'lock',
  'section-count',
  'fixed-sections',
  'cohort-label',
  'cohort-exclusive',
  'cohort-together',
  'cohort-one-section',
  'cohort-clash',
  'cohort-size',
  'cohort-count',
  'not-requested',
  'duplicate-course',
  'one-section-per-course',
  'course-grade',
  'cpt',
  'prep',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

type NoArgs = Readonly<Record<string, never>>;

/**
 * What names one group of a rule: the unit the diagnosis relaxes. Model rows of one group share
 * their args (the row *name*, `prep[TW,Y]`, carries the detail); every value is an id or a count
 * as a string, so a group is plain data.
 */
export interface RuleArgs {
  'unknown-id': NoArgs;
  'duplicate-id': NoArgs;
  /** `field`: the fact that keeps the course out of other placements. */
  placement: { readonly course: string; readonly field: 'meets' | 'allowedPeriods' };
  'student-clash': NoArgs;
  'teacher-clash': { readonly teacher: string };
  'room-clash': NoArgs;
  qualification: NoArgs;
  unavailable: { readonly teacher: string; readonly slot: string };
  'max-sections': { readonly teacher: string };
  'room-type': { readonly roomType: string };
  'room-capacity': NoArgs;
  'course-capacity': { readonly course: string };
  lock: { readonly course: string; readonly slot: string };
  /** `planned`: the regular sections the requests need, as the model counts them. */
  'section-count': { readonly course: string; readonly planned: string };
  'fixed-sections': { readonly course: string };
  'cohort-label': NoArgs;
  'cohort-exclusive': NoArgs;
  'cohort-together': { readonly cohort: string };
  'cohort-one-section': { readonly cohort: string; readonly course: string };
  'cohort-clash': { readonly cohort: string; readonly pathway: string; readonly grade: string };
  'cohort-size': { readonly cohort: string };
  'cohort-count': NoArgs;
  'not-requested': NoArgs;
  'duplicate-course': NoArgs;
  'one-section-per-course': NoArgs;
  'course-grade': NoArgs;
  cpt: { readonly pathway: string };
  prep: { readonly teacher: string; readonly term: string };
}

// Both directions: every id has args, and every args entry is an id.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
// The assignment fails to type-check when they differ; `void` only marks the constant as used.
const idsMatchArgs: Same<RuleId, keyof RuleArgs> = true;
// eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- compile-time check with no runtime effect; the rule's fix drops `void`, leaving a bare expression that no-unused-expressions rejects
void idsMatchArgs;

/** One group of one rule, as model rows and the diagnosis carry it. */
export type RuleRef<K extends RuleId = RuleId> = { [R in K]: { readonly rule: R; readonly args: RuleArgs[R] } }[K];

/**
 * Which relaxations the diagnosis names first. A school asks for sections and locks (`request`)
 * and decides how a course meets (`shape`); what stands in their way is a limit of staff, rooms or
 * time (`limit`). Among the ways to make a scenario feasible, the diagnosis prefers to name limits,
 * so an impossible request is reported as the limit that blocks it.
 */
export const RELAX_ROLES = ['limit', 'shape', 'request'] as const;
export type RelaxRole = (typeof RELAX_ROLES)[number];

/** How the diagnosis may relax a rule, and how it says so. */
export interface Relaxation<K extends RuleId> {
  readonly role: RelaxRole;
  /** The group in a few school words (`TW prep period`). */
  readonly label: (args: RuleArgs[K], scenario: Scenario) => string;
  /** Ways to relax the group, in school words (`credential a second teacher for WELD2`). */
  readonly fixes: (args: RuleArgs[K], scenario: Scenario) => string[];
}

/** Where a rule lives in one part of the engine, or why it lives nowhere there. */
export type ModelSide =
  /** The constraint builder (a function of CONSTRAINT_FAMILIES in src/model/formulation.ts) that writes its rows. */
  | { readonly builder: string }
  /** Built into which columns exist (src/model/variables.ts, src/model/instance.ts), not as rows. */
  | { readonly columns: string }
  | { readonly none: string };
/** The checker function (in src/checker/check.ts's HARD_RULES) that verifies it, or why there is none. */
export type CheckerSide = { readonly check: string } | { readonly none: string };

export interface RuleEntry<K extends RuleId> {
  readonly id: K;
  /** The rule in one sentence of school words. */
  readonly statement: string;
  /** The scenario fields the rule reads, as JSON paths. */
  readonly facts: readonly string[];
  readonly model: ModelSide;
  readonly checker: CheckerSide;
  /** How the infeasibility diagnosis relaxes it, or why it never does. */
  readonly diagnosis: Relaxation<K> | { readonly never: string };
}

// ---- school words shared by the fix options ------------------------------------------------

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]) => items.join(', ');

function teacherName(s: Scenario, id: string): string {
  const t = s.teachers.find((x) => x.id === id);
  return t && t.name ? `${id} (${t.name})` : id;
}

/** Teachers other than `except` credentialed for the course. */
function otherTeachers(s: Scenario, course: string, except?: string): string[] {
  return s.teachers.filter((t) => t.id !== except && t.courses.includes(course)).map((t) => t.id);
}

/** Staffing: a second teacher for the courses only `teacher` teaches, or another for any of them. */
function credentialFix(s: Scenario, teacher: string, why: string): string {
  const courses = s.teachers.find((t) => t.id === teacher)?.courses ?? [];
  const sole = courses.filter((c) => otherTeachers(s, c, teacher).length === 0);
  if (sole.length > 0) return `credential a second teacher for ${list(sole)} (only ${teacher} teaches ${sole.length === 1 ? 'it' : 'them'}), ${why}`;
  return `let another qualified teacher take one of ${teacher}'s sections (${list(courses)}), ${why}`;
}

/** The calendar change that adds a slot to every day and term. */
function longerDay(s: Scenario, why: string): string {
  return `a ${s.calendar.periods.length + 1}-period day (one more period), ${why}`;
}

function meetsWords(s: Scenario, course: string): string {
  const m = s.courses.find((c) => c.id === course)?.meets;
  if (!m) return 'as it does';
  const parts = [m.periods === 2 ? 'as a double period' : 'as a single period'];
  if (s.calendar.days.length > 1) parts.push(m.days === 'all' ? 'every day' : 'on one day');
  if (s.calendar.terms.length > 1) parts.push(m.terms === 'all' ? 'all year' : 'one term');
  return parts.join(' ');
}

// ---- the catalogue -------------------------------------------------------------------------

const LOADING_NEVER_BLOCKS = 'a student can always be left out of a section (the report counts the request unmet), so the loading never blocks a schedule';
const READ_TIME = 'checked when the scenario is read (exit 2 naming the JSON path), before any solve';

/** Every hard rule, keyed by id, in {@link RULE_IDS} order. */
export const RULE_CATALOGUE: { readonly [K in RuleId]: RuleEntry<K> } = {
  'unknown-id': {
    id: 'unknown-id',
    statement: 'Every course, teacher, room and student a schedule names is in the scenario, and every section a student is in is in the schedule.',
    facts: ['courses[].id', 'teachers[].id', 'rooms[].id', 'students[].id'],
    model: { none: "the program is built from the scenario's own ids" },
    checker: { check: 'unknownIds' },
    diagnosis: { never: `a scenario's ids are ${READ_TIME}` },
  },
  'duplicate-id': {
    id: 'duplicate-id',
    statement: 'No two sections share an id, and a student lists each of their sections once.',
    facts: [],
    model: { none: 'the decoder numbers the sections itself' },
    checker: { check: 'duplicateIds' },
    diagnosis: { never: 'it is a property of a schedule file, not of the school' },
  },
  placement: {
    id: 'placement',
    statement:
      'A section meets in one placement of its course: the slots its `meets` describes (a single or double period, on one day or every day, for one term or the year), within its `allowedPeriods`.',
    facts: ['courses[].meets', 'courses[].allowedPeriods', 'calendar'],
    model: { columns: 'a course gets a column only for each of its placements' },
    checker: { check: 'placement' },
    diagnosis: {
      role: 'shape',
      label: ({ course, field }, s) => {
        const c = s.courses.find((x) => x.id === course);
        return field === 'allowedPeriods'
          ? `${course} only in periods ${list(c?.allowedPeriods ?? s.calendar.periods)}`
          : `${course} meets ${meetsWords(s, course)}`;
      },
      fixes: ({ course, field }, s) => {
        const c = s.courses.find((x) => x.id === course);
        if (field === 'allowedPeriods') {
          const allowed = new Set(c?.allowedPeriods ?? s.calendar.periods);
          const others = s.calendar.periods.filter((p) => !allowed.has(p));
          return [`allow ${course} in period${others.length === 1 ? '' : 's'} ${list(others)} too (allowedPeriods)`];
        }
        const m = c?.meets;
        const ways: string[] = [];
        if (m?.periods === 2) ways.push(`let ${course} meet as a single period`);
        if (m?.days === 'all' && s.calendar.days.length > 1) ways.push(`let ${course} meet on one rotation day`);
        if (m?.terms === 'all' && s.calendar.terms.length > 1) ways.push(`let ${course} run for one term`);
        return ways.length > 0 ? ways : [`change how ${course} meets ("meets")`];
      },
    },
  },
  'student-clash': {
    id: 'student-clash',
    statement: 'No student is in two sections that share a slot, nor in another section while their cohort meets.',
    facts: ['students[].requests'],
    model: { builder: 'loading' },
    checker: { check: 'studentClash' },
    diagnosis: { never: LOADING_NEVER_BLOCKS },
  },
  'teacher-clash': {
    id: 'teacher-clash',
    statement: 'No teacher teaches two sections that share a slot.',
    facts: ['teachers[].courses'],
    model: { builder: 'teacherClash' },
    checker: { check: 'teacherClash' },
    diagnosis: { never: 'a teacher in two rooms at once is no fix' },
  },
  'room-clash': {
    id: 'room-clash',
    statement: 'No room holds two sections that share a slot.',
    facts: ['rooms[]'],
    model: { none: 'rooms are assigned after the solve (src/loading/rooms.ts); the room-type rule keeps enough rooms of each type free in every slot' },
    checker: { check: 'roomClash' },
    diagnosis: { never: 'two sections in one room at once is no fix; the diagnosis relaxes the room count instead (room-type)' },
  },
  qualification: {
    id: 'qualification',
    statement: 'A teacher teaches only the courses on their `courses` list (credentialed and assigned).',
    facts: ['teachers[].courses'],
    model: { columns: 'a teacher gets columns only for the courses they may teach' },
    checker: { check: 'qualification' },
    diagnosis: {
      never:
        'credentialing a teacher is offered as a fix of the rules it relieves (prep, maxSections, unavailability, CPT, fixed counts); relaxing it here would add a column for every teacher, course and placement',
    },
  },
  unavailable: {
    id: 'unavailable',
    statement: 'A teacher teaches no section, and plans no common planning time, in a slot they are unavailable.',
    facts: ['teachers[].unavailable'],
    model: { columns: 'a teacher gets no column in a slot they are unavailable; the diagnosis restates it as rows (src/model/relaxable.ts)' },
    checker: { check: 'unavailable' },
    diagnosis: {
      role: 'limit',
      label: ({ teacher, slot }) => `${teacher} unavailable in ${slot}`,
      fixes: ({ teacher, slot }, s) => [
        `ask ${teacherName(s, teacher)} to be available in ${slot}`,
        credentialFix(s, teacher, `so ${teacher} is needed in fewer slots`),
      ],
    },
  },
  'max-sections': {
    id: 'max-sections',
    statement: 'A teacher teaches at most their `maxSections` sections.',
    facts: ['teachers[].maxSections'],
    model: { builder: 'maxSections' },
    checker: { check: 'maxSections' },
    diagnosis: {
      role: 'limit',
      label: ({ teacher }, s) => `${teacher} teaches at most ${plural(s.teachers.find((t) => t.id === teacher)?.maxSections ?? 0, 'section')}`,
      fixes: ({ teacher }, s) => [
        `raise ${teacherName(s, teacher)}'s maxSections above ${s.teachers.find((t) => t.id === teacher)?.maxSections ?? 0}`,
        credentialFix(s, teacher, `so ${teacher} teaches fewer sections`),
      ],
    },
  },
  'room-type': {
    id: 'room-type',
    statement: 'A section meets in a room of the type its course needs, so no slot holds more sections needing a type than there are rooms of that type.',
    facts: ['rooms[].type', 'courses[].roomType'],
    model: { builder: 'roomTypes' },
    checker: { check: 'roomType' },
    diagnosis: {
      role: 'limit',
      label: ({ roomType }, s) => `only ${plural(s.rooms.filter((r) => r.type === roomType).length, `${roomType} room`)}`,
      fixes: ({ roomType }, s) => {
        const courses = s.courses.filter((c) => c.roomType === roomType).map((c) => c.id);
        const fixes = [
          `add a ${roomType} room (now ${s.rooms.filter((r) => r.type === roomType).length})`,
          `let a course that needs a ${roomType} room (${list(courses)}) meet in another room type`,
        ];
        if (s.courses.some((c) => c.roomType === roomType && c.allowedPeriods))
          fixes.push(`allow those courses in more periods (allowedPeriods), so their sections spread out`);
        fixes.push(longerDay(s, 'so those sections spread over more slots'));
        return fixes;
      },
    },
  },
  'room-capacity': {
    id: 'room-capacity',
    statement: 'A section holds no more students than its room seats.',
    facts: ['rooms[].capacity'],
    model: {
      columns: 'a section seats the course capacity or its largest room of the type, whichever is smaller (src/model/instance.ts), in the course-capacity rows',
    },
    checker: { check: 'roomCapacity' },
    diagnosis: { never: LOADING_NEVER_BLOCKS },
  },
  'course-capacity': {
    id: 'course-capacity',
    statement: "A section holds no more students than its course's `capacity`.",
    facts: ['courses[].capacity'],
    model: { builder: 'loading' },
    checker: { check: 'courseCapacity' },
    diagnosis: { never: LOADING_NEVER_BLOCKS },
  },
  lock: {
    id: 'lock',
    statement: 'A locked slot holds a section of the locked course (as many as there are identical locks).',
    facts: ['locks[]'],
    model: { builder: 'locks' },
    checker: { check: 'locks' },
    diagnosis: {
      role: 'request',
      label: ({ course, slot }) => `lock ${course} in ${slot}`,
      fixes: ({ course, slot }) => [`move or remove the lock of ${course} in ${slot}`, `make a qualified teacher and a room free in ${slot}`],
    },
  },
  'section-count': {
    id: 'section-count',
    statement:
      'Besides its cohort sections, a course runs at most the sections its other requests fill (⌈requests / seats⌉), unless the scenario fixes its count.',
    facts: ['students[].requests', 'courses[].capacity', 'courses[].sections'],
    model: { builder: 'sectionCounts' },
    checker: { none: 'more sections than the requests need break no rule of the school; the planned count only sizes the board' },
    diagnosis: {
      role: 'request',
      label: ({ course, planned }) => `${course} runs at most ${plural(Number(planned), 'regular section')} (planned from its requests)`,
      fixes: ({ course, planned }) => [`fix the section count of ${course} above ${planned} ("sections"), e.g. to open a locked section`],
    },
  },
  'fixed-sections': {
    id: 'fixed-sections',
    statement: 'A course with a fixed `sections` count runs exactly that many sections, cohort sections included.',
    facts: ['courses[].sections'],
    model: { builder: 'sectionCounts' },
    checker: { none: 'not checked yet: the program keeps a fixed count exactly, but a schedule file is not held to it' },
    diagnosis: {
      role: 'request',
      label: ({ course }, s) => `${plural(s.courses.find((c) => c.id === course)?.sections ?? 0, 'section')} of ${course}`,
      fixes: ({ course }, s) => {
        const n = s.courses.find((c) => c.id === course)?.sections ?? 0;
        const teachers = otherTeachers(s, course);
        return [
          `change the fixed section count of ${course} (now ${n}) or omit it so it is derived from requests`,
          `credential ${teachers.length <= 1 ? 'a second' : 'another'} teacher for ${course} (now ${teachers.length === 0 ? 'none' : list(teachers)})`,
        ];
      },
    },
  },
  'cohort-label': {
    id: 'cohort-label',
    statement: "A cohort section's label reads PATHWAY-GRADE-N and names a pathway grade whose cohort courses include the section's course.",
    facts: ['pathways[].cohortCourses'],
    model: { none: "the decoder writes the labels of the model's own cohorts" },
    checker: { check: 'cohortLabel' },
    diagnosis: { never: 'it is a property of a schedule file, not of the school' },
  },
  'cohort-exclusive': {
    id: 'cohort-exclusive',
    statement: "A cohort section holds only students of its cohort's pathway and grade.",
    facts: ['students[].pathway', 'pathways[].cohortCourses'],
    model: { columns: "cohort sections get no seats for other students; only the cohort's members fill them" },
    checker: { check: 'cohortExclusive' },
    diagnosis: { never: LOADING_NEVER_BLOCKS },
  },
  'cohort-together': {
    id: 'cohort-together',
    statement: 'The members of a cohort sit together in one section of every cohort course, so a cohort has members only when it has a section of each.',
    facts: ['pathways[].cohortCourses'],
    model: { builder: 'cohorts' },
    checker: { check: 'cohortTogether' },
    diagnosis: { never: 'a cohort may stay empty (its students are then reported not placed), so it never makes a scenario infeasible' },
  },
  'cohort-one-section': {
    id: 'cohort-one-section',
    statement: 'A cohort has at most one section of each course.',
    facts: ['pathways[].cohortCourses'],
    model: { builder: 'sectionCounts' },
    checker: { check: 'cohortOneSection' },
    diagnosis: {
      never: 'a cohort split over two sections of one course is no cohort; the diagnosis relaxes the section counts and locks that ask for them instead',
    },
  },
  'cohort-clash': {
    id: 'cohort-clash',
    statement: "A cohort's own sections never share a slot, so its members can take them all.",
    facts: ['pathways[].cohortCourses', 'courses[].meets'],
    model: { builder: 'cohorts' },
    checker: {
      none: "the checker sees it where it matters, as a student clash of the cohort's members (student-clash); an empty cohort's sections harm no one",
    },
    diagnosis: {
      role: 'shape',
      label: ({ cohort }) => `${cohort} sections never overlap`,
      fixes: ({ pathway, grade }, s) => {
        const courses = s.pathways.find((p) => p.id === pathway)?.cohortCourses[grade] ?? [];
        return [
          `allow ${list(courses)} in more periods (allowedPeriods)`,
          `credential more teachers for ${list(courses)}`,
          `take a course off ${pathway}'s grade ${grade} cohort courses`,
          longerDay(s, "so the cohort's sections fit side by side"),
        ];
      },
    },
  },
  'cohort-size': {
    id: 'cohort-size',
    statement: "A cohort holds at most its pathway's `cohortSize` students (fewer when a cohort course seats fewer).",
    facts: ['pathways[].cohortSize', 'courses[].capacity'],
    model: { builder: 'cohorts' },
    checker: { check: 'cohortSize' },
    diagnosis: { never: 'a cohort may always take fewer students (the others are reported not placed), so it never makes a scenario infeasible' },
  },
  'cohort-count': {
    id: 'cohort-count',
    statement: 'A pathway grade forms at most ⌈members / cohortSize⌉ cohorts.',
    facts: ['pathways[].cohortSize', 'students[].pathway'],
    model: { columns: 'the model forms exactly that many cohorts (src/model/instance.ts)' },
    checker: { check: 'cohortCount' },
    diagnosis: { never: 'a cohort the model forms need not run, so it never makes a scenario infeasible' },
  },
  'not-requested': {
    id: 'not-requested',
    statement: 'A student sits only in sections of courses they requested, or of an alternate of a request.',
    facts: ['students[].requests', 'students[].alternates'],
    model: { columns: 'a student gets seats only for their requests and alternates' },
    checker: { check: 'notRequested' },
    diagnosis: { never: LOADING_NEVER_BLOCKS },
  },
  'duplicate-course': {
    id: 'duplicate-course',
    statement: 'A student holds at most one section per request: a course and its alternate taken for one request count twice.',
    facts: ['students[].requests', 'students[].alternates'],
    model: { builder: 'loading' },
    checker: { check: 'duplicateCourse' },
    diagnosis: { never: LOADING_NEVER_BLOCKS },
  },
  'one-section-per-course': {
    id: 'one-section-per-course',
    statement: 'A student is in at most one section of a course, alternates included.',
    facts: ['students[].requests', 'students[].alternates'],
    model: { builder: 'loading' },
    checker: { check: 'oneSectionPerCourse' },
    diagnosis: { never: LOADING_NEVER_BLOCKS },
  },
  'course-grade': {
    id: 'course-grade',
    statement: 'A student requests, or takes as an alternate, only courses offered to their grade, unless `policy.gradeRule` is `allow`.',
    facts: ['courses[].grades', 'students[].grade', 'policy.gradeRule'],
    model: { none: `${READ_TIME}; with gradeRule "allow" such a request is admitted` },
    checker: { check: 'courseGrade' },
    diagnosis: { never: `it is ${READ_TIME}, so no parsed scenario is infeasible because of it` },
  },
  cpt: {
    id: 'cpt',
    statement: 'Each pathway team shares `commonPlanning` slots in which all its teachers are available and none of them teaches (common planning time).',
    facts: ['pathways[].team', 'pathways[].commonPlanning', 'teachers[].unavailable'],
    model: { builder: 'commonPlanning' },
    checker: { check: 'commonPlanning' },
    diagnosis: {
      role: 'limit',
      label: ({ pathway }) => `${pathway} team CPT`,
      fixes: ({ pathway }, s) => {
        const p = s.pathways.find((x) => x.id === pathway);
        const k = p?.commonPlanning ?? 1;
        return [
          k > 1
            ? `ask for fewer common planning slots for the ${pathway} team (commonPlanning ${k - 1})`
            : `drop common planning time for the ${pathway} team (commonPlanning 0)`,
          `take a teacher off the ${pathway} team`,
          `credential another teacher for a team member's courses (${list(p?.team ?? [])}), so the team has a free slot in common`,
          longerDay(s, `so the ${pathway} team shares a free slot`),
        ];
      },
    },
  },
  prep: {
    id: 'prep',
    statement: 'Every teacher keeps, in each term they teach, at least one slot in which they are available and teach nothing (prep).',
    facts: ['teachers[].maxSections', 'teachers[].unavailable', 'calendar'],
    model: { builder: 'prep' },
    checker: { check: 'prep' },
    diagnosis: {
      role: 'limit',
      label: ({ teacher, term }, s) => `${teacher} prep period${s.calendar.terms.length > 1 ? ` in term ${term}` : ''}`,
      fixes: ({ teacher, term }, s) => {
        const fixes = [credentialFix(s, teacher, `so ${teacher} keeps a free period`), `give ${teacherName(s, teacher)} one section fewer`];
        const off = s.teachers.find((t) => t.id === teacher)?.unavailable ?? [];
        if (off.length > 0)
          fixes.push(`make ${teacher} available in one more slot${s.calendar.terms.length > 1 ? ` of term ${term}` : ''} (now unavailable in ${list(off)})`);
        fixes.push(longerDay(s, `so ${teacher} keeps a free period`));
        return fixes;
      },
    },
  },
};

/** How the diagnosis may relax the rule of `ref`, or null when it never does. */
function relaxationOf(ref: RuleRef): Relaxation<RuleId> | null {
  const d = RULE_CATALOGUE[ref.rule].diagnosis;
  // The entry is keyed by ref.rule, so its functions take exactly ref.args.
  return 'never' in d ? null : (d as Relaxation<RuleId>);
}

/** The relaxation role of a rule the diagnosis may relax, or null. */
export function relaxRole(rule: RuleId): RelaxRole | null {
  const d = RULE_CATALOGUE[rule].diagnosis;
  return 'never' in d ? null : d.role;
}

/**
 * One group of a relaxable rule in school words: its label and its fix options.
 * @throws Error when the rule is one the diagnosis never relaxes (a programming error).
 */
export function describeRule(ref: RuleRef, scenario: Scenario): { label: string; fixes: string[] } {
  const r = relaxationOf(ref);
  if (!r) throw new Error(`rule ${ref.rule} is never relaxed: ${(RULE_CATALOGUE[ref.rule].diagnosis as { never: string }).never}`);
  const args = ref.args as never;
  return { label: r.label(args, scenario), fixes: r.fixes(args, scenario) };
}

/** A stable key for one rule group (`prep [["teacher","TW"],["term","Y"]]`), for maps and sorting; never parsed. */
export function ruleKey(ref: RuleRef): string {
  const args = ref.args as Readonly<Record<string, string>>;
  return `${ref.rule} ${JSON.stringify(
    Object.keys(args)
      .sort()
      .map((k) => [k, args[k]]),
  )}`;
}
