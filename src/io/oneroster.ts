/**
 * A schedule as a OneRoster 1.2 CSV bulk set (1EdTech OneRoster CSV Binding 1.2): a zip holding
 * manifest.csv, academicSessions.csv, orgs.csv, courses.csv, classes.csv, users.csv, roles.csv
 * and enrollments.csv at its top level (no folder inside), with the 1.2 headers. Bulk files leave
 * `status` and `dateLastModified` empty, as the binding allows for bulk, which also keeps the
 * output free of the clock. orgs.csv and roles.csv are included because classes reference a
 * school org and 1.2 moved user roles out of users.csv.
 *
 * sourcedIds: the school's own ids may hold any character (`ENG 9`), while importers take
 * sourcedIds made of letters, digits and `-`, `.`, `_` (characters a REST URL carries as they
 * are; the binding's sourcedIds travel in such URLs too). Each id is therefore written by
 * {@link sourcedIdPart}, which keeps letters, digits and `-` and writes every other character as
 * `_` and its UTF-8 bytes in hex (`ENG 9` → `ENG_209`): the same id always gives the same
 * sourcedId, and two ids never give one. The original id stays in the record (`courseCode`,
 * `classCode`, `identifier`), so the mapping is recorded in the set itself.
 *
 * Scope: every sourcedId starts with the school's id, and those of the year's records (sessions,
 * courses, classes, enrollments) with the school year too, so another school's or next year's
 * export never reuses one. A person (users.csv, roles.csv) keeps the sourcedId from year to year,
 * as rostering expects: a new sourcedId every year would make a new account.
 */
import JSZip from 'jszip';
import type { Scenario } from '../scenario/schema.js';
import type { Solution } from '../solution/schema.js';
import { toCsv } from './csv-folder.js';
import { sectionList, viewsOf } from './schedule-views.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';
import { InputError, type InputProblem } from '../scenario/problems.js';
import { slotByName } from '../calendar/slots.js';

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

/** The files of the set, manifest first, in the order the zip holds them. */
export const ONEROSTER_FILES: readonly string[] = ['manifest.csv', ...Object.keys(ONEROSTER_HEADERS)];

/** Options of {@link oneRosterFiles} and {@link oneRosterZip}. */
export interface OneRosterOptions {
  /** The school year's end year (2028 for 2027–28): OneRoster's `schoolYear`, and part of every sourcedId of the year's records. */
  readonly schoolYear: number;
  /** The school's id (its code in the SIS, e.g. `101`): the school org's `identifier`, and the start of every sourcedId. */
  readonly schoolId: string;
}

/** Characters kept as they are in a sourcedId part; `.` joins parts, `_` starts an escape. */
const KEPT = /[A-Za-z0-9-]/;

/**
 * One id as part of a sourcedId: letters, digits and `-` as they are, any other character as
 * `_` followed by its UTF-8 bytes in two hex digits each (`ENG 9` → `ENG_209`, `_` → `_5F`).
 * Injective, so distinct ids give distinct sourcedIds.
 */
export function sourcedIdPart(id: string): string {
  let out = '';
  for (const ch of id) {
    if (KEPT.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const sourcedId = (...parts: readonly string[]) => parts.map(sourcedIdPart).join('.');

/** CEDS grade code: `09`, `10`, `11`, `12`. */
const ceds = (g: number) => String(g).padStart(2, '0');
const list = (items: readonly string[]) => items.join(',');

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The school year and its terms as dates: the year from 15 August to 10 June (a California
 * instructional year of about 180 days), each of n terms an equal, contiguous share of it in
 * calendar order (the first starts on the year's first day, each next one the day after the one
 * before ends, the last ends on the year's last day).
 */
export function termDates(schoolYear: number, terms: number): { year: [string, string]; terms: [string, string][] } {
  const start = Date.UTC(schoolYear - 1, 7, 15);
  const end = Date.UTC(schoolYear, 5, 10);
  const days = Math.round((end - start) / DAY_MS) + 1;
  const out: [string, string][] = [];
  for (let i = 0; i < terms; i++) {
    const first = start + Math.round((days * i) / terms) * DAY_MS;
    const last = start + (Math.round((days * (i + 1)) / terms) - 1) * DAY_MS;
    out.push([isoDate(first), isoDate(last)]);
  }
  return { year: [isoDate(start), isoDate(end)], terms: out };
}

function checkOptions(options: OneRosterOptions): void {
  const problems: InputProblem[] = [];
  if (!Number.isInteger(options.schoolYear) || options.schoolYear < 2000 || options.schoolYear > 2100) {
    problems.push({
      path: 'schoolYear',
      message: `bad school year ${String(options.schoolYear)}`,
      fix: 'give the end year of the school year, 2000–2100 (2028 for 2027-28)',
    });
  }
  if (typeof options.schoolId !== 'string' || options.schoolId.trim() === '') {
    problems.push({
      path: 'schoolId',
      message: 'no school id',
      fix: "give the school's id in your SIS (e.g. 101): every sourcedId starts with it, so two schools' sets never collide",
    });
  }
  if (problems.length > 0) throw new InputError('<options>', problems);
}

/**
 * File name → CSV text for the whole set, manifest included.
 * @throws {@link InputError} for a bad school year or a missing school id, or a scenario and schedule that do not parse.
 */
export function oneRosterFiles(
  scenarioInput: Scenario,
  solutionInput: Pick<Solution, 'sections' | 'enrollments'>,
  options: OneRosterOptions,
): Map<string, string> {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  checkOptions(options);
  const book = viewsOf(scenario, solution);
  const school = options.schoolId;
  const y = options.schoolYear;
  const year = String(y);
  const schoolRef = sourcedId(school);
  const yearRef = sourcedId(school, year);
  const { calendar } = scenario;
  const terms = calendar.terms;
  const termRef = (t: string) => (terms.length === 1 ? yearRef : sourcedId(school, year, 'term', t));
  const title = `${y - 1}-${String(y).slice(2)}`;
  const dates = termDates(y, terms.length);
  const sessions: string[][] = [[yearRef, '', '', title, 'schoolYear', dates.year[0], dates.year[1], '', year]];
  if (terms.length > 1) {
    terms.forEach((t, i) => {
      const [start, end] = dates.terms[i] ?? dates.year;
      sessions.push([termRef(t), '', '', `${t} ${title}`, terms.length === 2 ? 'semester' : 'term', start, end, yearRef, year]);
    });
  }
  const courseRef = (id: string) => sourcedId(school, year, 'course', id);
  const classRef = (id: string) => sourcedId(school, year, 'class', id);
  const teacherRef = (id: string) => sourcedId(school, 'teacher', id);
  const studentRef = (id: string) => sourcedId(school, 'student', id);
  const orgs = [[schoolRef, '', '', scenario.name, 'school', school, '']];
  const courses = scenario.courses.map((c) => [courseRef(c.id), '', '', yearRef, c.name || c.id, c.id, list(c.grades.map(ceds)), schoolRef, '', '']);
  // A class's periods name the rotation day as well as the period (`A.3`, `B.3`), so that two
  // classes on different days never seem to clash; its terms are in termSourcedIds.
  const slots = slotByName(calendar);
  const periodToken = (name: string) => {
    const slot = slots.get(name);
    if (!slot) return sourcedIdPart(name);
    return calendar.days.length > 1 ? `${sourcedIdPart(slot.day)}.${sourcedIdPart(slot.period)}` : sourcedIdPart(slot.period);
  };
  const sections = sectionList(book);
  const classes = sections.map(({ section: s }) => {
    const course = book.courses.get(s.course);
    const sectionTerms = terms.filter((t) => s.slots.some((slot) => slots.get(slot)?.term === t));
    return [
      classRef(s.id),
      '',
      '',
      `${course?.name ?? s.course} (${s.id})`,
      list((course?.grades ?? []).map(ceds)),
      courseRef(s.course),
      s.id,
      'scheduled',
      s.room,
      schoolRef,
      list((sectionTerms.length > 0 ? sectionTerms : terms).map(termRef)),
      '',
      '',
      list([...new Set(s.slots.map(periodToken))]),
    ];
  });
  const users: string[][] = [];
  const roles: string[][] = [];
  for (const t of scenario.teachers) {
    const [given, ...rest] = (t.name || t.id).split(/\s+/);
    users.push([
      teacherRef(t.id),
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
      schoolRef,
      '',
    ]);
    roles.push([sourcedId(school, 'role', 'teacher', t.id), '', '', teacherRef(t.id), 'primary', 'teacher', '', '', schoolRef, '']);
  }
  for (const st of scenario.students) {
    users.push([
      studentRef(st.id),
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
      schoolRef,
      '',
    ]);
    roles.push([sourcedId(school, 'role', 'student', st.id), '', '', studentRef(st.id), 'primary', 'student', '', '', schoolRef, '']);
  }
  const enrollments: string[][] = [];
  for (const { section: s } of sections) {
    enrollments.push([
      sourcedId(school, year, 'enrollment', s.id, 'teacher', s.teacher),
      '',
      '',
      classRef(s.id),
      schoolRef,
      teacherRef(s.teacher),
      'teacher',
      'true',
      '',
      '',
    ]);
  }
  for (const st of scenario.students) {
    for (const s of book.timetables.get(st.id) ?? []) {
      enrollments.push([
        sourcedId(school, year, 'enrollment', s.id, 'student', st.id),
        '',
        '',
        classRef(s.id),
        schoolRef,
        studentRef(st.id),
        'student',
        'false',
        '',
        '',
      ]);
    }
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

/** Every entry's date in the zip: fixed, so the same schedule gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * The set as importers take it: one zip with the files at its top level, manifest.csv first.
 * Deflated; every entry dated {@link ZIP_DATE}, so the bytes depend only on the schedule.
 * @throws as {@link oneRosterFiles}.
 */
export async function oneRosterZip(scenario: Scenario, solution: Pick<Solution, 'sections' | 'enrollments'>, options: OneRosterOptions): Promise<Uint8Array> {
  const files = oneRosterFiles(scenario, solution, options);
  const zip = new JSZip();
  for (const name of ONEROSTER_FILES) zip.file(name, files.get(name) ?? '', { date: ZIP_DATE });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
