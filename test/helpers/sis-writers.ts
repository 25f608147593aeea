/**
 * Synthetic SIS exports: one generated school (its export plan, sis-export-plan.ts) written in
 * the shape each preset of presets/ reads, with the field names of the project's research notes
 * (../shared/sis-formats/NOTES.md). They live with the tests, not in src/, because they encode our
 * reading of each SIS's export for testing the importer; the package writes OneRoster, not SIS
 * files. Each export also holds rows the preset's filters must drop (another school, another
 * year, deleted or inactive rows), and PowerSchool's is tab-separated `.text` (Quick Export).
 * No real student data: every id and name comes from the generator.
 */
import { stringify } from 'csv-stringify/sync';
import type { Priority } from '../../src/scenario/schema.js';
import type { ExportPlan, PlannedSection } from './sis-export-plan.js';

/** File name → file text. */
export type ExportFiles = Map<string, string>;

export const SIS_NAMES = ['aeries', 'powerschool', 'infinite-campus', 'synergy'] as const;
export type SisName = (typeof SIS_NAMES)[number];

/** School and year codes the exports use; rows of other codes are there to be filtered out. */
export const SCHOOL = '101';
export const YEAR = '35';

const csv = (rows: readonly (readonly (string | number)[])[], delimiter = ',') =>
  stringify(
    rows.map((r) => r.map(String)),
    { delimiter, record_delimiter: '\n' },
  );

function calendarFile(plan: ExportPlan): string {
  const c = plan.scenario.calendar;
  return csv([
    ['setting', 'value'],
    ['name', plan.scenario.name],
    ['terms', c.terms.join(';')],
    ['days', c.days.join(';')],
    ['periods', c.periods.join(';')],
  ]);
}

/** Position (1-based) of a term in the calendar: the `#n` the presets map term codes to. */
const termIndex = (plan: ExportPlan, term: string) => plan.scenario.calendar.terms.indexOf(term) + 1;
const isYear = (plan: ExportPlan, s: PlannedSection) => s.terms.length === plan.scenario.calendar.terms.length;
const allDays = (plan: ExportPlan, s: PlannedSection) => s.days.length === plan.scenario.calendar.days.length;
const LOAD: Readonly<Record<Priority, number>> = { required: 10, requested: 20, recommended: 30 };
const GENDER: Readonly<Record<string, string>> = { Female: 'F', Male: 'M', Nonbinary: 'X' };
const gender = (groups: readonly string[] | undefined) => Object.entries(GENDER).find(([g]) => groups?.includes(g))?.[1] ?? '';
const teamCodes = (plan: ExportPlan, teacher: string) =>
  plan.scenario.pathways
    .filter((p) => p.team.includes(teacher))
    .map((p) => p.id)
    .join(',');
const courseTerms = (plan: ExportPlan, id: string) =>
  plan.scenario.courses.find((c) => c.id === id)?.meets.terms === 'all' ? plan.scenario.calendar.terms.length : 1;

/** PowerSchool: PowerScheduler tables as Quick Export writes them (tab-separated `.text`). */
function powerschool(plan: ExportPlan): ExportFiles {
  const s = plan.scenario;
  const tab = (rows: (string | number)[][]) => csv(rows, '\t');
  const termId = (sec: PlannedSection) => String(Number(YEAR) * 100 + (isYear(plan, sec) ? 0 : termIndex(plan, sec.terms[0] ?? '')));
  // A range `first-last`, or the one value; a planned section meets on at least one day and period.
  const span = (list: readonly string[]) => (list.length === 1 ? (list[0] ?? '') : `${list[0] ?? ''}-${list.at(-1) ?? ''}`);
  const days = (sec: PlannedSection) => span(sec.days);
  const periods = (sec: PlannedSection) => span(sec.periods);
  const files: ExportFiles = new Map();
  files.set('calendar.csv', calendarFile(plan));
  files.set(
    'ScheduleCourseCatalogs.text',
    tab([
      [
        'SchoolID',
        'YearID',
        'Course_Number',
        'Course_Name',
        'Sched_MaximumEnrollment',
        'TargetClassSize',
        'Sched_LengthInNumberOfTerms',
        'Sched_PeriodsPerMeeting',
        'RegGradeLevels',
        'Sched_CourseSubjectAreaCode',
        'Vocational',
        'Sched_Facilities',
        'Sched_LoadPriority',
        'Sched_GlobalSubstitution1',
        'Sched_GlobalSubstitution2',
        'Sched_GlobalSubstitution3',
      ],
      ...s.courses.map((c) => [
        SCHOOL,
        YEAR,
        c.id,
        c.name,
        c.capacity,
        c.capacity - 2,
        courseTerms(plan, c.id),
        c.meets.periods,
        c.grades.join(','),
        (c.ag ?? '').toUpperCase(),
        c.cte ? 1 : 0,
        c.roomType,
        LOAD[plan.loadPriority.get(c.id) ?? 'requested'],
        '',
        '',
        '',
      ]),
      // Another school's catalogue and last year's: the $school and $year filters drop them.
      ...s.courses.slice(0, 3).map((c) => ['999', YEAR, c.id, `${c.name} (other school)`, 20, 20, 1, 1, '9', '', 0, 'general', 10, '', '', '']),
      ...s.courses
        .slice(0, 2)
        .map((c) => [SCHOOL, String(Number(YEAR) - 1), c.id, `${c.name} (last year)`, 20, 20, 1, 1, '9', '', 0, 'general', 10, '', '', '']),
    ]),
  );
  files.set(
    'ScheduleSections.text',
    tab([
      ['SchoolID', 'Course_Number', 'Section_Number', 'Teacher', 'Room', 'Expression', 'TermID', 'Grade_Level', 'Team', 'MaxEnrollment', 'LockedSection'],
      ...plan.sections.map((sec) => [
        SCHOOL,
        sec.course,
        sec.number,
        sec.teachers[0] ?? '',
        sec.room,
        `${periods(sec)}(${days(sec)})`,
        termId(sec),
        sec.team?.grade ?? '',
        sec.team?.pathway ?? '',
        sec.maxSize,
        sec.locked ? 1 : 0,
      ]),
      ['999', s.courses[0]?.id ?? '', 1, '', 'X1', '1(A)', '3500', '', '', 20, 0],
    ]),
  );
  files.set(
    'SchoolStaff.text',
    tab([
      ['SchoolID', 'ID', 'LastFirst', 'Sched_MaximumCourses', 'Sched_Classroom', 'Sched_Team'],
      ...s.teachers.map((t) => [SCHOOL, t.id, t.name, t.maxSections, t.room ?? '', teamCodes(plan, t.id)]),
      ['999', 'T999', 'Other, School', 5, '', ''],
    ]),
  );
  files.set(
    'ScheduleTeacherAssignments.text',
    tab([
      ['TeacherKey', 'CourseNumber', 'SectionsAssigned'],
      ...s.teachers.flatMap((t) => t.courses.map((c) => [t.id, c, plan.sections.filter((x) => x.course === c && x.teachers[0] === t.id).length])),
    ]),
  );
  files.set(
    'ScheduleRooms.text',
    tab([['SchoolID', 'RoomNumber', 'Maximum', 'Facilities'], ...s.rooms.map((r) => [SCHOOL, r.id, r.capacity, r.type]), ['999', 'X1', 30, 'general']]),
  );
  files.set(
    'Students.text',
    tab([
      ['Next_School', 'Student_Number', 'Sched_NextYearGrade', 'Sched_NextYearTeam', 'Gender'],
      ...s.students.map((st) => [SCHOOL, st.id, st.grade, st.pathway ?? '', gender(st.groups)]),
      ['999', 'S999999', 10, '', 'F'],
    ]),
  );
  files.set(
    'ScheduleRequests.text',
    tab([
      ['SchoolID', 'YearID', 'Student_Number', 'CourseNumber', 'AlternateCourseNumber1', 'AlternateCourseNumber2', 'AlternateCourseNumber3'],
      ...s.students.flatMap((st) => st.requests.map((c) => [SCHOOL, YEAR, st.id, c, ...[0, 1, 2].map((k) => st.alternates?.[c]?.[k] ?? '')])),
      ['999', YEAR, 'S999999', s.courses[0]?.id ?? '', '', '', ''],
      [SCHOOL, String(Number(YEAR) - 1), s.students[0]?.id ?? '', 'OLDCOURSE', '', '', ''],
    ]),
  );
  return files;
}

/** Aeries: SQL exports of CRS, SMS, TCH, ROM, STU, SSS, ACR and ACA, headers = Aeries column codes. */
function aeries(plan: ExportPlan): ExportFiles {
  const s = plan.scenario;
  const files: ExportFiles = new Map();
  const termCode = (sec: PlannedSection) => (isYear(plan, sec) ? 'Y' : (['F', 'S'][termIndex(plan, sec.terms[0] ?? '') - 1] ?? ''));
  files.set('calendar.csv', calendarFile(plan));
  files.set(
    'CRS.csv',
    csv([
      ['CN', 'CO', 'TM', 'LO', 'HI', 'U1', 'CTE', 'RT', 'TG', 'DEL'],
      ...s.courses.map((c) => [
        c.id,
        c.name,
        c.meets.terms === 'all' ? 'Y' : 'F',
        c.grades[0] ?? '',
        c.grades[c.grades.length - 1] ?? '',
        (c.ag ?? '').toUpperCase(),
        c.cte ? 'Y' : '',
        c.roomType,
        '',
        0,
      ]),
      ['OLD1', 'Inactive course', 'Y', 9, 12, '', '', 'general', 'I', 0],
      ['DEL1', 'Deleted course', 'Y', 9, 12, '', '', 'general', '', 1],
    ]),
  );
  files.set(
    'SMS.csv',
    csv([
      ['SC', 'SE', 'CN', 'PD', 'BL', 'DY', 'SM', 'TN', 'TN2', 'TN3', 'RM', 'MX', 'LO', 'HI', 'TM', 'DEL'],
      ...plan.sections.map((sec, i) => {
        const c = s.courses.find((x) => x.id === sec.course);
        return [
          SCHOOL,
          i + 1,
          sec.course,
          sec.periods[0] ?? '',
          sec.periods.length,
          allDays(plan, sec) ? 'MTWTF' : (sec.days[0] ?? ''),
          termCode(sec),
          sec.teachers[0] ?? '',
          sec.teachers[1] ?? '',
          '',
          sec.room,
          sec.maxSize,
          sec.team?.grade ?? c?.grades[0] ?? '',
          sec.team?.grade ?? c?.grades[c.grades.length - 1] ?? '',
          sec.team?.pathway ?? '',
          0,
        ];
      }),
      ['999', 1, s.courses[0]?.id ?? '', 1, 1, '', 'Y', '', '', '', 'X1', 20, 9, 12, '', 0],
      [SCHOOL, 9999, s.courses[0]?.id ?? '', 1, 1, '', 'Y', '', '', '', '', 20, 9, 12, '', 1],
    ]),
  );
  files.set(
    'TCH.csv',
    csv([
      ['SC', 'TN', 'TE', 'RM', 'TM', 'DEL'],
      ...s.teachers.map((t) => [SCHOOL, t.id, t.name, t.room ?? '', teamCodes(plan, t.id), 0]),
      [SCHOOL, 'T998', 'Deleted, Teacher', '', '', 1],
    ]),
  );
  files.set('ROM.csv', csv([['SC', 'RM', 'MX', 'TY'], ...s.rooms.map((r) => [SCHOOL, r.id, r.capacity, r.type]), ['999', 'X1', 30, 'general']]));
  files.set(
    'STU.csv',
    csv([
      ['SC', 'SN', 'ID', 'NG', 'TM', 'SX', 'DEL'],
      ...s.students.map((st, i) => [SCHOOL, st.id, 9_900_000 + i, st.grade, st.pathway ?? '', gender(st.groups), 0]),
      [SCHOOL, 'S999998', 1, 10, '', 'M', 1],
    ]),
  );
  const sss: (string | number)[][] = [['SC', 'SN', 'SQ', 'CN', 'DEL']];
  const acr: (string | number)[][] = [['SC', 'SN', 'SQ', 'CN', 'SRT']];
  const aca: (string | number)[][] = [['SC', 'SN', 'SSQ', 'ASQ']];
  for (const st of s.students) {
    let altSeq = 0;
    st.requests.forEach((c, i) => {
      sss.push([SCHOOL, st.id, i + 1, c, 0]);
      // Sort order SRT in steps of 10, as a person would number it; the rows are written in reverse.
      const alts = st.alternates?.[c] ?? [];
      alts.forEach((a, k) => {
        altSeq++;
        acr.push([SCHOOL, st.id, 100 + altSeq, a, 10 * (k + 1)]);
        aca.push([SCHOOL, st.id, i + 1, 100 + altSeq]);
      });
    });
  }
  sss.push([SCHOOL, 'S999998', 1, s.courses[0]?.id ?? '', 1]);
  // ACR and ACA rows in reverse, so that only SRT gives the order of a request's alternates.
  files.set('SSS.csv', csv(sss));
  files.set('ACR.csv', csv([acr[0] ?? [], ...acr.slice(1).reverse()]));
  files.set('ACA.csv', csv([aca[0] ?? [], ...aca.slice(1).reverse()]));
  return files;
}

/** Infinite Campus: Ad hoc exports; one section row per placement (term × day × period). */
function infiniteCampus(plan: ExportPlan): ExportFiles {
  const s = plan.scenario;
  const files: ExportFiles = new Map();
  const name = new Map(s.teachers.map((t) => [t.id, t.name]));
  files.set('calendar.csv', calendarFile(plan));
  files.set(
    'ic_courses.csv',
    csv([
      ['courseNumber', 'courseName', 'maxStudents', 'terms', 'periods', 'sectionsToBuild'],
      ...s.courses.map((c) => [c.id, c.name, c.capacity, courseTerms(plan, c.id), c.meets.periods, plan.sections.filter((x) => x.course === c.id).length]),
    ]),
  );
  const rows: (string | number)[][] = [
    [
      'courseNumber',
      'sectionNumber',
      'teacherPersonID',
      'teacherName',
      'roomName',
      'periodName',
      'periodScheduleName',
      'termName',
      'gradeLevel',
      'teamName',
      'maxStudents',
    ],
  ];
  for (const sec of plan.sections) {
    for (const term of sec.terms)
      for (const day of sec.days)
        for (const period of sec.periods) {
          // IC keeps one primary teacher per section row here; the co-teacher is a row of its own.
          for (const t of sec.teachers.length > 0 ? sec.teachers : [''])
            rows.push([
              sec.course,
              sec.number,
              t,
              name.get(t) ?? '',
              sec.room,
              period,
              day,
              term,
              sec.team ? String(sec.team.grade).padStart(2, '0') : '',
              sec.team?.pathway ?? '',
              sec.maxSize,
            ]);
        }
  }
  files.set('ic_sections.csv', csv(rows));
  files.set('ic_rooms.csv', csv([['roomName', 'maxStudents'], ...s.rooms.map((r) => [r.id, r.capacity])]));
  files.set(
    'ic_students.csv',
    csv([
      ['studentNumber', 'grade', 'teamName', 'gender'],
      ...s.students.map((st) => [st.id, String(st.grade).padStart(2, '0'), st.pathway ?? '', gender(st.groups)]),
    ]),
  );
  const type = (p: Priority | undefined) => (p === 'required' ? 'Required' : 'Elective');
  files.set(
    'ic_requests.csv',
    csv([
      ['studentNumber', 'courseNumber', 'requestType'],
      ...s.students.flatMap((st) =>
        st.requests.flatMap((c) => [[st.id, c, type(st.priorities?.[c])], ...(st.alternates?.[c] ?? []).map((a) => [st.id, a, 'Alternate'])]),
      ),
    ]),
  );
  return files;
}

/** Synergy: SQL Query exports of rev.EPC_* joins, semicolon-separated. */
function synergy(plan: ExportPlan): ExportFiles {
  const s = plan.scenario;
  const files: ExportFiles = new Map();
  const semi = (rows: (string | number)[][]) => csv(rows, ';');
  const name = new Map(s.teachers.map((t) => [t.id, t.name]));
  const grade = (g: number | undefined) => (g === undefined ? '' : String(g).padStart(2, '0'));
  const termCode = (sec: PlannedSection) => (isYear(plan, sec) ? 'YR' : `S${termIndex(plan, sec.terms[0] ?? '')}`);
  files.set('calendar.csv', calendarFile(plan));
  files.set(
    'synergy_courses.csv',
    semi([
      ['COURSE_ID', 'COURSE_TITLE', 'COURSE_DURATION', 'GRADE_RANGE_LOW', 'GRADE_RANGE_HIGH', 'SUBJECT_AREA_1', 'INACTIVE'],
      ...s.courses.map((c) => [
        c.id,
        c.name,
        c.meets.terms === 'all' ? 'YR' : 'Sem',
        grade(c.grades[0]),
        grade(c.grades[c.grades.length - 1]),
        (c.ag ?? '').toUpperCase(),
        'N',
      ]),
      ['OLD2', 'Retired course', 'YR', '09', '12', '', 'Y'],
    ]),
  );
  files.set(
    'synergy_sections.csv',
    semi([
      [
        'SECTION_ID',
        'COURSE_ID',
        'BADGE_NUM',
        'TEACHER_NAME',
        'LINKED_BADGE_NUM',
        'LINKED_TEACHER_NAME',
        'ROOM_SIMPLE',
        'PERIOD_BEGIN',
        'PERIOD_END',
        'MEET_DAY_CODE',
        'TERM_CODE',
        'GRADE_RANGE_LOW',
        'GRADE_RANGE_HIGH',
        'TEAM',
        'MAX_STUDENTS',
      ],
      ...plan.sections.map((sec) => [
        `${sec.course}-${sec.number}`,
        sec.course,
        sec.teachers[0] ?? '',
        name.get(sec.teachers[0] ?? '') ?? '',
        sec.teachers[1] ?? '',
        name.get(sec.teachers[1] ?? '') ?? '',
        sec.room,
        sec.periods[0] ?? '',
        sec.periods[sec.periods.length - 1] ?? '',
        allDays(plan, sec) ? '' : (sec.days[0] ?? ''),
        termCode(sec),
        grade(sec.team?.grade),
        grade(sec.team?.grade),
        sec.team?.pathway ?? '',
        sec.maxSize,
      ]),
    ]),
  );
  files.set('synergy_rooms.csv', semi([['ROOM_SIMPLE', 'ROOM_CAPACITY'], ...s.rooms.map((r) => [r.id, r.capacity])]));
  files.set(
    'synergy_students.csv',
    semi([['SIS_NUMBER', 'GRADE_LEVEL', 'TEAM', 'GENDER'], ...s.students.map((st) => [st.id, grade(st.grade), st.pathway ?? '', gender(st.groups)])]),
  );
  files.set('synergy_requests.csv', semi([['SIS_NUMBER', 'COURSE_ID'], ...s.students.flatMap((st) => st.requests.map((c) => [st.id, c]))]));
  // A request's alternates in reverse, so that only ALT_ORDER gives their order.
  files.set(
    'synergy_request_alternates.csv',
    semi([
      ['SIS_NUMBER', 'COURSE_ID', 'ALT_COURSE_ID', 'ALT_ORDER'],
      ...s.students.flatMap((st) => Object.entries(st.alternates ?? {}).flatMap(([c, alts]) => alts.map((a, k) => [st.id, c, a, k + 1]).reverse())),
    ]),
  );
  return files;
}

/** The plan's school as an export of `sis`. */
export function writeSisExport(sis: SisName, plan: ExportPlan): ExportFiles {
  switch (sis) {
    case 'aeries':
      return aeries(plan);
    case 'powerschool':
      return powerschool(plan);
    case 'infinite-campus':
      return infiniteCampus(plan);
    case 'synergy':
      return synergy(plan);
  }
}
