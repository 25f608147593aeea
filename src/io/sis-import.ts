/**
 * Importing an SIS export folder through a mapping (sis-mapping.ts): every file is found and
 * read (sis-files.ts), then the course catalogue and sections (sis-courses.ts), teachers and
 * rooms (sis-staff.ts), students, requests and alternates (sis-requests.ts) and pathways
 * (sis-pathways.ts) are read into one scenario. Every bad row of every file is reported at once;
 * nothing is returned unless the whole import is good. Requests no schedule can meet may be
 * dropped by the mapping and are then returned, so figures can still be given against every
 * request of the export.
 */
import { InputError, type InputProblem } from '../scenario/problems.js';
import { parseScenario } from '../scenario/parse.js';
import { SCENARIO_FORMAT, type Course, type Scenario, type ScenarioInput, type Teacher } from '../scenario/schema.js';
import type { SisContext } from './sis-context.js';
import { readCatalogue } from './sis-courses.js';
import { readSisCalendar } from './sis-calendar.js';
import { SisFolder, type FilterParameters, type SisTable } from './sis-files.js';
import type { FileRef, SisMapping } from './sis-mapping.js';
import { readPathways } from './sis-pathways.js';
import { readRequests, type DroppedAlternate, type DroppedRequest } from './sis-requests.js';
import { CalendarCodes } from './sis-slots.js';
import { readStaff } from './sis-staff.js';

export type { DroppedAlternate, DroppedRequest } from './sis-requests.js';

/** What an SIS import produced. */
export interface SisImport {
  readonly scenario: Scenario;
  /** Requests left out by `unschedulableRequests: "drop"`, each with its row. */
  readonly dropped: readonly DroppedRequest[];
  /** Alternates left out (course missing, no section or teacher, outside the student's grades). */
  readonly droppedAlternates: readonly DroppedAlternate[];
  /** Request rows read (after the row filters), kept or dropped; alternate rows not counted. */
  readonly requestRows: number;
  /** Things the scenario cannot express, or the export lacks, said once each. */
  readonly notes: readonly string[];
}

const defined = (xs: readonly (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);

/** Reads every file part of the mapping, checking its columns; undefined for absent parts. */
function readTables(m: SisMapping, folder: SisFolder) {
  const slot = m.sections?.slot;
  const slotColumns = !slot ? [] : 'expression' in slot ? [slot.expression] : [slot.period, slot.block, slot.end, slot.day];
  const part = (ref: FileRef | undefined, required: readonly (string | undefined)[], optional: readonly (string | undefined)[] = []): SisTable | undefined =>
    ref ? folder.table(ref, defined(required), defined(optional)) : undefined;
  const c = m.courses;
  return {
    courses: part(c, [
      c.id,
      c.name,
      c.capacity,
      c.minSize,
      c.targetSize,
      c.sections,
      c.length,
      c.periodsPerMeeting,
      c.allowedPeriods,
      c.gradeLow,
      c.gradeHigh,
      c.grades,
      c.ag,
      c.cte,
      c.roomType,
      c.priority,
      ...(c.alternates ?? []),
    ]),
    sections:
      m.sections &&
      part(
        m.sections,
        [
          m.sections.course,
          m.sections.id,
          ...m.sections.teachers,
          ...(m.sections.teacherNames ?? []),
          m.sections.room,
          ...slotColumns,
          m.sections.term,
          m.sections.gradeLow,
          m.sections.gradeHigh,
          m.sections.maxSize,
          m.sections.locked,
        ],
        [m.sections.team],
      ),
    teachers: m.teachers && part(m.teachers, [m.teachers.id, m.teachers.name, m.teachers.maxSections, m.teachers.room], [m.teachers.team]),
    qualifications: m.qualifications && part(m.qualifications, [m.qualifications.teacher, m.qualifications.course]),
    rooms: m.rooms && part(m.rooms, [m.rooms.id, m.rooms.capacity, m.rooms.type]),
    roomUse: m.roomUse && part(m.roomUse, [m.roomUse.room, m.roomUse.course, m.roomUse.teacher]),
    students: m.students && part(m.students, [m.students.id, m.students.grade], [m.students.team, ...(m.students.groups ?? []).map((g) => g.column)]),
    requests: part(m.requests, [
      m.requests.student,
      m.requests.course,
      m.students ? undefined : m.requests.grade,
      m.requests.priority,
      ...(m.requests.alternates ?? []),
      m.requests.alternateFlag?.column,
      m.requests.alternateFlag?.forCourse,
      m.requests.key,
    ]),
    alternates: m.alternates && part(m.alternates, [m.alternates.student, m.alternates.course, m.alternates.order, m.alternates.forCourse, m.alternates.key]),
    link: m.alternates?.link && part(m.alternates.link, [m.alternates.link.student, m.alternates.link.request, m.alternates.link.alternate]),
  };
}

/** Says which optional columns (teams, groups) an export lacks. */
function absentNotes(tables: ReturnType<typeof readTables>): string[] {
  const notes: string[] = [];
  for (const t of [tables.sections, tables.teachers, tables.students]) {
    for (const col of t?.absent ?? []) notes.push(`column "${col}" is absent from ${t?.label ?? ''}, so nothing is read from it`);
  }
  return notes;
}

/** Rewrites a scenario problem's JSON path to name the row its entity came from. */
function locate(problem: InputProblem, origins: ReadonlyMap<string, string>): InputProblem {
  const m = /^(\w+\[\d+\])/.exec(problem.path);
  const origin = m ? origins.get(m[1] ?? '') : undefined;
  return origin ? { ...problem, path: `${origin} (${problem.path})` } : problem;
}

/**
 * Imports the export in `folder` as `mapping` describes it.
 * @param parameters - values of the mapping's `$school`/`$year` row filters (`--school`, `--year`).
 * @throws {@link InputError} naming file, row, column, value and expected form for every bad
 * row, every missing file or column (with near matches), and every scenario rule the result
 * would break.
 */
export function importSis(folder: string, mapping: SisMapping, parameters: FilterParameters = {}): SisImport {
  const problems: InputProblem[] = [];
  const files = new SisFolder(folder, mapping.delimiter, parameters, problems);
  const tables = readTables(mapping, files);
  const cal = readSisCalendar(mapping, files, problems);
  if (problems.length > 0 || !cal || !tables.courses || !tables.requests) throw new InputError(folder, problems);
  const notes = absentNotes(tables);
  const ctx: SisContext = { mapping, calendar: cal.calendar, codes: new CalendarCodes(cal.calendar, mapping.values), problems, notes };

  const catalogue = readCatalogue(ctx, tables.courses, tables.sections);
  const staff = readStaff(ctx, catalogue, tables, tables.courses.label);
  const staffed = new Set([...staff.teachers.values()].flatMap((t) => t.courses));
  const requests = readRequests(ctx, catalogue, staffed, {
    students: tables.students,
    requests: tables.requests,
    alternates: tables.alternates,
    link: tables.link,
  });
  if (problems.length > 0) throw new InputError(folder, problems);

  const listed = [...catalogue.courses.values()];
  const keptCourses = listed.filter((c) => c.sections > 0 && staffed.has(c.id));
  const kept = new Set(keptCourses.map((c) => c.id));
  const targets = mapping.courses.targetSize !== undefined ? listed.filter((c) => c.row.cells.raw(mapping.courses.targetSize ?? '') !== '').length : 0;
  if (targets > 0) notes.push(`target section sizes (${targets} courses) are read but not used: scenario v1 has capacity (the maximum) and minSize only`);
  const unscheduled = listed.filter((c) => !kept.has(c.id)).map((c) => c.id);
  if (unscheduled.length > 0) notes.push(`courses left out (no section offered or no teacher staffed): ${unscheduled.join(', ')}`);
  if (requests.droppedAlternates.length > 0)
    notes.push(
      `${requests.droppedAlternates.length} alternates name a course the scenario cannot hold (missing, no section or teacher, or outside the student's grades) and were left out`,
    );

  const { pathways, pathwayOf } = readPathways(ctx, catalogue, staff.teachers, requests.students, kept);
  // Without grade ranges in the export, a course is offered to the grades that name it, as a request or an alternate.
  const requestGrades = new Map<string, Set<number>>();
  for (const s of requests.students) {
    for (const c of [...s.requests, ...Object.values(s.alternates).flat()]) (requestGrades.get(c) ?? requestGrades.set(c, new Set()).get(c))?.add(s.grade);
  }

  const origins = new Map<string, string>();
  const courses: Course[] = keptCourses.map((c, i) => {
    origins.set(`courses[${i}]`, `${c.row.table.label}, row ${c.row.row.row}`);
    return {
      id: c.id,
      name: c.name,
      ...(c.ag !== undefined ? { ag: c.ag } : {}),
      ...(c.cte ? { cte: true } : {}),
      capacity: c.capacity,
      meets: c.meets,
      sections: c.sections,
      ...(c.allowedPeriods ? { allowedPeriods: c.allowedPeriods } : {}),
      ...(c.minSize !== undefined ? { minSize: c.minSize } : {}),
      grades: c.grades ?? [...(requestGrades.get(c.id) ?? new Set([9, 10, 11, 12]))].sort((a, b) => a - b),
      roomType: c.roomType,
    };
  });
  const teachers: Teacher[] = [...staff.teachers.values()].map((t, i) => {
    origins.set(`teachers[${i}]`, t.origin);
    return {
      id: t.id,
      name: t.name,
      courses: t.courses.filter((c) => kept.has(c)),
      maxSections: t.maxSections ?? t.sections,
      ...(t.room !== '' ? { room: t.room } : {}),
    };
  });
  pathways.forEach((p, i) => origins.set(`pathways[${i}]`, p.origin));
  const input: ScenarioInput = {
    format: SCENARIO_FORMAT,
    name: cal.name,
    calendar: cal.calendar,
    rooms: staff.rooms,
    teachers,
    courses,
    pathways: pathways.map((p) => p.pathway),
    students: requests.students.map((s, i) => {
      origins.set(`students[${i}]`, s.origin);
      const pathway = pathwayOf.get(s.id);
      return {
        id: s.id,
        grade: s.grade,
        ...(pathway !== undefined ? { pathway } : {}),
        requests: s.requests,
        ...(Object.keys(s.alternates).length > 0 ? { alternates: s.alternates } : {}),
        ...(Object.keys(s.priorities).length > 0 ? { priorities: s.priorities } : {}),
        ...(s.groups.length > 0 ? { groups: s.groups } : {}),
      };
    }),
    ...(catalogue.locks.some((l) => kept.has(l.course)) ? { locks: catalogue.locks.filter((l) => kept.has(l.course)) } : {}),
    ...(mapping.policy ? { policy: mapping.policy } : {}),
  };
  let scenario: Scenario;
  try {
    scenario = parseScenario(input, folder);
  } catch (err: unknown) {
    if (err instanceof InputError)
      throw new InputError(
        folder,
        err.problems.map((p) => locate(p, origins)),
      );
    throw err;
  }
  return { scenario, dropped: requests.dropped, droppedAlternates: requests.droppedAlternates, requestRows: requests.requestRows, notes };
}
