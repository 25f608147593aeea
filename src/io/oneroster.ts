/**
 * A schedule as a OneRoster 1.2 CSV bulk set: manifest.csv, academicSessions.csv, orgs.csv,
 * courses.csv, classes.csv, users.csv, roles.csv and enrollments.csv, with the 1.2 headers.
 * Bulk files leave `status` and `dateLastModified` empty, as the spec allows for bulk, which
 * also keeps the output free of the clock. orgs.csv and roles.csv are included because
 * classes reference a school org and 1.2 moved user roles out of users.csv.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Solution } from '../solution/schema.js';
import { toCsv } from './csv-folder.js';
import { sectionList, viewsOf } from './schedule-views.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';
import { InputError } from '../scenario/problems.js';

export const ONEROSTER_HEADERS = {
  'academicSessions.csv': ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'],
  'orgs.csv': ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
  'courses.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'schoolYearSourcedId',
    'title',
    'courseCode',
    'grades',
    'orgSourcedId',
    'subjects',
    'subjectCodes',
  ],
  'classes.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'grades',
    'courseSourcedId',
    'classCode',
    'classType',
    'location',
    'schoolSourcedId',
    'termSourcedIds',
    'subjects',
    'subjectCodes',
    'periods',
  ],
  'users.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'resourceSourcedIds',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
  ],
  'roles.csv': ['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'beginDate', 'endDate', 'orgSourcedId', 'userProfileSourcedId'],
  'enrollments.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
    'primary',
    'beginDate',
    'endDate',
  ],
} as const;

export type OneRosterFile = keyof typeof ONEROSTER_HEADERS;

/** Options of {@link oneRosterFiles}. */
export interface OneRosterOptions {
  /** The school year's end year (2028 for 2027–28); OneRoster's `schoolYear`. */
  readonly schoolYear: number;
  /** School org sourcedId (default `school`). */
  readonly schoolId?: string;
}

/** CEDS grade code: `09`, `10`, `11`, `12`. */
const ceds = (g: number) => String(g).padStart(2, '0');
const list = (items: readonly string[]) => items.join(',');

/** File name → CSV text for the whole set, manifest included. */
export function oneRosterFiles(
  scenarioInput: Scenario,
  solutionInput: Pick<Solution, 'sections' | 'enrollments'>,
  options: OneRosterOptions,
): Map<string, string> {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  if (!Number.isInteger(options.schoolYear) || options.schoolYear < 2000 || options.schoolYear > 2100) {
    throw new InputError('<options>', [
      {
        path: 'schoolYear',
        message: `bad school year ${String(options.schoolYear)}`,
        fix: 'give the end year of the school year, 2000–2100 (2028 for 2027-28)',
      },
    ]);
  }
  const book = viewsOf(scenario, solution);
  const school = options.schoolId ?? 'school';
  const y = options.schoolYear;
  const yearStart = `${y - 1}-08-15`;
  const yearEnd = `${y}-06-10`;
  const terms = scenario.calendar.terms;
  const yearId = `year-${y}`;
  const termId = (t: string) => (terms.length === 1 ? yearId : `term-${y}-${t}`);
  const termDates = (i: number): [string, string] =>
    terms.length === 1 ? [yearStart, yearEnd] : i === 0 ? [yearStart, `${y - 1}-12-20`] : [`${y}-01-06`, yearEnd];
  const sessions: string[][] = [[yearId, '', '', `${y - 1}-${String(y).slice(2)}`, 'schoolYear', yearStart, yearEnd, '', String(y)]];
  if (terms.length > 1) {
    terms.forEach((t, i) => {
      const [start, end] = termDates(Math.min(i, 1));
      sessions.push([termId(t), '', '', `${t} ${y - 1}-${String(y).slice(2)}`, terms.length === 2 ? 'semester' : 'term', start, end, yearId, String(y)]);
    });
  }
  const orgs = [[school, '', '', scenario.name, 'school', school, '']];
  const courses = scenario.courses.map((c) => [`course-${c.id}`, '', '', yearId, c.name || c.id, c.id, list(c.grades.map(ceds)), school, '', '']);
  const termOfSlot = (slot: string) => (terms.length > 1 ? (slot.split('.')[0] ?? '') : (terms[0] ?? ''));
  const periodOfSlot = (slot: string) => slot.split('.').at(-1) ?? slot;
  const classes = sectionList(book).map(({ section: s }) => {
    const course = book.courses.get(s.course);
    const sectionTerms = [...new Set(s.slots.map(termOfSlot))];
    return [
      `class-${s.id}`,
      '',
      '',
      `${course?.name ?? s.course} (${s.id})`,
      list((course?.grades ?? []).map(ceds)),
      `course-${s.course}`,
      s.id,
      'scheduled',
      s.room,
      school,
      list(sectionTerms.map(termId)),
      '',
      '',
      list([...new Set(s.slots.map(periodOfSlot))]),
    ];
  });
  const users: string[][] = [];
  const roles: string[][] = [];
  for (const t of scenario.teachers) {
    const [given, ...rest] = (t.name || t.id).split(/\s+/);
    users.push([
      `teacher-${t.id}`,
      '',
      '',
      'true',
      t.id.toLowerCase(),
      '',
      given ?? t.id,
      rest.join(' ') || t.id,
      '',
      t.id,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      school,
      '',
    ]);
    roles.push([`role-teacher-${t.id}`, '', '', `teacher-${t.id}`, 'primary', 'teacher', '', '', school, '']);
  }
  for (const st of scenario.students) {
    users.push([
      `student-${st.id}`,
      '',
      '',
      'true',
      st.id.toLowerCase(),
      '',
      'Student',
      st.id,
      '',
      st.id,
      '',
      '',
      '',
      '',
      ceds(st.grade),
      '',
      '',
      '',
      '',
      '',
      '',
      school,
      '',
    ]);
    roles.push([`role-student-${st.id}`, '', '', `student-${st.id}`, 'primary', 'student', '', '', school, '']);
  }
  const enrollments: string[][] = [];
  for (const { section: s } of sectionList(book)) {
    enrollments.push([`enr-${s.id}-${s.teacher}`, '', '', `class-${s.id}`, school, `teacher-${s.teacher}`, 'teacher', 'true', '', '']);
  }
  for (const st of scenario.students) {
    for (const s of book.timetables.get(st.id) ?? [])
      enrollments.push([`enr-${s.id}-${st.id}`, '', '', `class-${s.id}`, school, `student-${st.id}`, 'student', 'false', '', '']);
  }
  const data: Record<OneRosterFile, string[][]> = {
    'academicSessions.csv': sessions,
    'orgs.csv': orgs,
    'courses.csv': courses,
    'classes.csv': classes,
    'users.csv': users,
    'roles.csv': roles,
    'enrollments.csv': enrollments,
  };
  const files = new Map<string, string>();
  const manifest: string[][] = [
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
  ];
  const all = [
    'academicSessions',
    'categories',
    'classes',
    'classResources',
    'courses',
    'courseResources',
    'demographics',
    'enrollments',
    'lineItemLearningObjectiveIds',
    'lineItems',
    'lineItemScoreScales',
    'orgs',
    'resources',
    'resultLearningObjectiveIds',
    'results',
    'resultScoreScales',
    'roles',
    'scoreScales',
    'userProfiles',
    'userResources',
    'users',
  ];
  for (const name of all) manifest.push([`file.${name}`, `${name}.csv` in data ? 'bulk' : 'absent']);
  manifest.push(['source.systemName', 'pathway-scheduler'], ['source.systemCode', scenario.name]);
  files.set('manifest.csv', toCsv(manifest));
  for (const [name, rows] of Object.entries(data)) files.set(name, toCsv([[...ONEROSTER_HEADERS[name as OneRosterFile]], ...rows]));
  return files;
}
