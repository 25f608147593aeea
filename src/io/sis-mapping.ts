/**
 * The mapping file (`pathway-scheduler/sis-mapping@2`) that describes an SIS export folder in
 * scenario terms: which file holds what, which column holds each field, what each code means,
 * and which rows to keep. docs/sis-mapping.md documents every field with examples; the presets
 * in presets/ are mappings of this format. Version 1 files are still read: they are converted
 * to version 2 on reading ({@link upgradeMappingV1}).
 */
import { z } from 'zod';
import { AG_SUBJECTS, calendarSchema, policySchema, prioritySchema } from '../scenario/schema.js';
import { InputError, otherDocument } from '../scenario/problems.js';
// Null-prototype records: an export may use any code (`constructor`, `__proto__`) as a key.
import { ownRecord } from '../scenario/own-record.js';
import { parseJsonText, readTextFile, zodProblems } from '../scenario/parse.js';
import { SIS_MAPPING_FORMAT_V1, sisMappingV1Schema, upgradeMappingV1 } from './sis-mapping-v1.js';

export const SIS_MAPPING_FORMAT = 'pathway-scheduler/sis-mapping@2';

/** A column name of an export file, exactly as in its header. */
const column = z.string().min(1);
const columns = z.array(column).min(1);
const positive = z.number().int().min(1);

/** Delimiters of export files; `auto` picks tab, `;`, `|` or `,` from the header line. */
export const DELIMITERS = ['auto', ',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Row-filter values given on the command line (`--school`, `--year`). */
export const FILTER_PARAMETERS = ['$school', '$year'] as const;
export type FilterParameter = (typeof FILTER_PARAMETERS)[number];

/** Where a table is and which of its rows count. Every file part of a mapping has these. */
const fileFields = {
  /**
   * File name in the export folder. When it is absent, a file with the same stem and another
   * extension (`.csv`, `.txt`, `.text`, `.tsv`; any case) is read instead.
   */
  file: z.string().min(1),
  /** Field delimiter of this file (default: the mapping's `delimiter`). */
  delimiter: z.enum(DELIMITERS).optional(),
  /**
   * Keeps a row only when, for every column listed, its value is one of the given values
   * (case-insensitive; `""` matches an empty cell), or equals the command-line parameter named
   * (`"$school"` = `--school`, `"$year"` = `--year`). Without the parameter, the filter is
   * skipped when the column holds one value only, and is an error when it holds several.
   */
  where: ownRecord(column, z.union([z.array(z.string()).min(1), z.enum(FILTER_PARAMETERS)])).optional(),
  /** Drops a row when its value in a listed column is one of the given values (deleted rows). */
  whereNot: ownRecord(column, z.array(z.string()).min(1)).optional(),
};

/**
 * How a section's time is written. `expression`: PowerSchool-style `period(days)` meetings such
 * as `1-2(A-E)` (periods 1–2, days A to E) or `1(A) 1(B)`; a bare `3` is period 3 on every day.
 * Otherwise a `period` column, with an optional `block` length (Aeries `PD` + `BL`: period 3
 * block 2 = periods 3–4) or `end` period (Synergy `PERIOD_BEGIN`..`PERIOD_END`), and an
 * optional `day` column (a rotation day, through `values.days`).
 */
export const slotSchema = z.union([
  z.strictObject({ expression: column }),
  z.strictObject({ period: column, block: column.optional(), end: column.optional(), day: column.optional() }),
]);
export type SlotColumns = z.infer<typeof slotSchema>;

const coursesSchema = z.strictObject({
  ...fileFields,
  /** Course code: the id requests and sections use. */
  id: column,
  /** Title (default: the code). */
  name: column.optional(),
  /**
   * Maximum section size → `capacity`. Omitted: the largest `sections.maxSize` of the course's
   * sections outside teams, else of its team sections (Aeries and Synergy keep sizes per section).
   */
  capacity: column.optional(),
  /** Minimum section size → `minSize` (a running section below it is reported under-filled). */
  minSize: column.optional(),
  /** Target size: read and checked, but scenario v1 has no field for it (the import says so). */
  targetSize: column.optional(),
  /** Section count. Omitted: the number of `sections` rows of the course (several rows with one section id count once). */
  sections: column.optional(),
  /** Course length: looked up in `values.lengths`, else read as a number of terms (1 = one term; the calendar's term count = the year). */
  length: column.optional(),
  /** Periods per meeting: 1, or 2 for a double period. */
  periodsPerMeeting: column.optional(),
  /** Periods its sections may use, a list cell (`1A, 1B`) through `values.periods`; empty = all. */
  allowedPeriods: column.optional(),
  /** Lowest and highest grade that may take it (both or neither). */
  gradeLow: column.optional(),
  gradeHigh: column.optional(),
  /** Grades that may take it, a list cell (`9,10`). Without grade columns: the grades of the students requesting it. */
  grades: column.optional(),
  /** UC A–G subject, through `values.ag` (default: the letters a–g; anything else = not A–G). */
  ag: column.optional(),
  /** CTE flag: a value in `values.cte` (default yes, y, true, 1, x) = CTE. */
  cte: column.optional(),
  /** Room type its sections need, through `values.roomTypes` (empty = `defaults.roomType`). */
  roomType: column.optional(),
  /** Course load priority, through `values.priorities`: the priority of every request of the course without its own. */
  priority: column.optional(),
  /** Course-wide substitutes (PowerSchool global substitutions), appended to every request's alternates. */
  alternates: columns.optional(),
});

const sectionsSchema = z.strictObject({
  ...fileFields,
  /** Course code of the section. */
  course: column,
  /** Section number: rows with the same course and number are one section (one row per meeting or term). Omitted: one row = one section. */
  id: column.optional(),
  /** Teacher id columns (several teachers per section: `TN`, `TN2`, `TN3`). Each becomes qualified for the course. */
  teachers: z.array(column).default([]),
  /** Teacher name columns, in the order of `teachers`. */
  teacherNames: columns.optional(),
  /** Room of the section (a room of the scenario; counts towards teachers' home rooms). */
  room: column.optional(),
  /** The section's time; see {@link slotSchema}. */
  slot: slotSchema.optional(),
  /** Term code of the section, through `values.terms` (`year` = every term). */
  term: column.optional(),
  /** Grade range of the section: the grades whose cohort a team section serves. */
  gradeLow: column.optional(),
  gradeHigh: column.optional(),
  /** Team, house or academy code: a team section is a cohort section of that pathway. */
  team: column.optional(),
  /** Maximum enrollment of the section: the cohort size of its team. */
  maxSize: column.optional(),
  /** Lock flag: a flagged, placed section becomes a lock. Without it, `placement` decides. */
  locked: column.optional(),
  /**
   * What a placed section becomes: `shape` (default) only gives the course its `meets`;
   * `lock` also fixes a section there (a lock on its first slot); `allowed-periods` also
   * limits the course to the periods its sections use.
   */
  placement: z.enum(['shape', 'lock', 'allowed-periods']).default('shape'),
});

const teachersSchema = z.strictObject({
  ...fileFields,
  id: column,
  name: column.optional(),
  /** Sections at most. Omitted: the teacher's rows in `sections`. */
  maxSections: column.optional(),
  /** Home room. Omitted: the room the teacher's sections use most. */
  room: column.optional(),
  /** Team codes the teacher belongs to (a list cell): the pathway teams sharing common planning time. */
  team: column.optional(),
});

const qualificationsSchema = z.strictObject({
  ...fileFields,
  /** Teacher id and a course code the teacher may teach (one row per pair). */
  teacher: column,
  course: column,
});

const roomsSchema = z.strictObject({
  ...fileFields,
  id: column,
  /** Seats (default `defaults.roomCapacity`). */
  capacity: column.optional(),
  /** Room type, through `values.roomTypes` (empty = `defaults.roomType`). */
  type: column.optional(),
});

const roomUseSchema = z.strictObject({
  ...fileFields,
  /** A room used by a course (and teacher): names the room and counts towards home rooms. */
  room: column,
  course: column,
  teacher: column.optional(),
});

const groupSchema = z.strictObject({
  /** A column of the students file whose value is an equity label. */
  column,
  /** Value → label (values not listed give no label). Omitted: the non-empty value itself. */
  labels: ownRecord(z.string(), z.string().min(1)).optional(),
});

const studentsSchema = z.strictObject({
  ...fileFields,
  /** Student id, as the request rows write it (the join key). */
  id: column,
  /** Next year's grade, through `values.grades`. */
  grade: column,
  /** Team, house or academy code: the student's pathway. */
  team: column.optional(),
  /** Columns giving equity labels (EL, SED, gender, ...). */
  groups: z.array(groupSchema).optional(),
});

const requestsSchema = z.strictObject({
  ...fileFields,
  student: column,
  course: column,
  /** Grade on the request row (when there is no `students` file). */
  grade: column.optional(),
  /** Request priority, through `values.priorities`; empty or omitted: the course's, else `defaults.priority`. */
  priority: column.optional(),
  /** Alternates as extra columns of the request row (PowerSchool `AlternateCourseNumber1..3`). */
  alternates: columns.optional(),
  /**
   * Alternates as flagged rows (Infinite Campus request type `Alternate`): a row whose `column`
   * holds one of `values` is an alternate for the course in `forCourse`, or without it for the
   * student's primary request on the row before.
   */
  alternateFlag: z.strictObject({ column, values: z.array(z.string()).min(1), forCourse: column.optional() }).optional(),
  /** The row's key (Aeries `SSS.SQ`), referenced by `alternates.link`. */
  key: column.optional(),
});

const alternatesSchema = z
  .strictObject({
    ...fileFields,
    student: column,
    /** The alternate course code. */
    course: column,
    /** Sort order among one request's alternates (smallest first); omitted: file order. */
    order: column.optional(),
    /** Separate table: the requested course the row substitutes for (Synergy). */
    forCourse: column.optional(),
    /** Linked table: this row's key, and the link file pairing request keys with alternate keys (Aeries ACR + ACA). */
    key: column.optional(),
    link: z.strictObject({ ...fileFields, student: column, request: column, alternate: column }).optional(),
  })
  .refine((a) => (a.forCourse !== undefined) !== (a.link !== undefined && a.key !== undefined), {
    error: 'give either "forCourse" (a separate table) or "key" and "link" (a linked table)',
  });

const valuesSchema = z.strictObject({
  /** Grade code → grade 9–12 (default: 9–12, also written 09). */
  grades: ownRecord(z.string(), z.number().int().min(9).max(12)).optional(),
  /** Priority code → required, requested or recommended. */
  priorities: ownRecord(z.string(), prioritySchema).optional(),
  /** Course length code → one term or the full year. */
  lengths: ownRecord(z.string(), z.enum(['one-term', 'full-year'])).optional(),
  /** Term code → `year`, a calendar term, or `#n` (the calendar's n-th term). Default: calendar term names. */
  terms: ownRecord(z.string(), z.string().min(1)).optional(),
  /** Period code → calendar period (default: the calendar's period names). */
  periods: ownRecord(z.string(), z.string().min(1)).optional(),
  /** Day code → `all`, a calendar day, or `#n` (default: the calendar's day names). */
  days: ownRecord(z.string(), z.string().min(1)).optional(),
  /** A–G code → subject a–g, or `none`. */
  ag: ownRecord(z.string(), z.enum([...AG_SUBJECTS, 'none'])).optional(),
  /** Values of the CTE flag meaning CTE. */
  cte: z.array(z.string()).optional(),
  /** Values of the lock flag meaning locked. */
  locked: z.array(z.string()).optional(),
  /** Room type code → scenario room type (default: the code). */
  roomTypes: ownRecord(z.string(), z.string().min(1)).optional(),
});

const defaultsSchema = z.strictObject({
  /** Priority of a request with none of its own or of its course. */
  priority: prioritySchema.default('requested'),
  /** Room type of a room or course without one. */
  roomType: z.string().min(1).default('general'),
  /** Seats of a room without a capacity. */
  roomCapacity: positive.default(36),
  /** How a course meets when neither its columns nor its placed sections say (default: 1 period; every day with one day, else one day; the year). */
  meets: z
    .strictObject({
      periods: z.union([z.literal(1), z.literal(2)]).optional(),
      days: z.enum(['one', 'all']).optional(),
      terms: z.enum(['one', 'all']).optional(),
    })
    .default({}),
});

const pathwaysSchema = z.strictObject({
  /** Team code → pathway name and sector, or `null` for a code that is not a pathway (a house). Omitted: every code is a pathway named by its code. */
  codes: ownRecord(z.string(), z.union([z.null(), z.strictObject({ name: z.string().optional(), sector: z.string().optional() })])).optional(),
  /** Students per cohort when no team section gives a max enrollment (default: the smallest capacity of the cohort courses). */
  cohortSize: positive.optional(),
  /** Common free slots of each team (default 1). */
  commonPlanning: z.number().int().min(0).default(1),
});

/** A calendar written in the mapping, or read from a file of the export folder in the layout of the project's calendar.csv (`setting,value` rows `name`, `terms`, `days`, `periods`, lists separated by `;`). */
const calendarSourceSchema = z.union([calendarSchema, z.strictObject({ file: z.string().min(1) })]);

export const sisMappingSchema = z
  .strictObject({
    format: z.literal(SIS_MAPPING_FORMAT),
    /** Scenario name (a calendar file's `name` replaces it). */
    name: z.string(),
    calendar: calendarSourceSchema,
    /** Default field delimiter of every file (default `auto`). */
    delimiter: z.enum(DELIMITERS).default('auto'),
    /** Separator of list cells (default `,`). */
    listSeparator: z.string().min(1).default(','),
    courses: coursesSchema,
    sections: sectionsSchema.optional(),
    teachers: teachersSchema.optional(),
    qualifications: qualificationsSchema.optional(),
    rooms: roomsSchema.optional(),
    roomUse: roomUseSchema.optional(),
    students: studentsSchema.optional(),
    requests: requestsSchema,
    alternates: alternatesSchema.optional(),
    values: valuesSchema.default({}),
    defaults: defaultsSchema.default({ priority: 'requested', roomType: 'general', roomCapacity: 36, meets: {} }),
    pathways: pathwaysSchema.default({ commonPlanning: 1 }),
    /**
     * A request that no schedule can meet (course missing from the course list, no section, no
     * teacher, or outside the student's grades under `policy.gradeRule` strict): `error`, a bad
     * row; `drop`, listed as left out and counted as unmet by the import summary.
     */
    unschedulableRequests: z.enum(['error', 'drop']).default('error'),
    /** Policy of the scenario; `gradeRule: "allow"` admits requests outside a course's grades. */
    policy: policySchema.partial().optional(),
  })
  .refine((m) => m.students !== undefined || m.requests.grade !== undefined, {
    error: 'give "students" (a students file with the grade) or "requests.grade"',
    path: ['requests', 'grade'],
  })
  .refine((m) => m.alternates?.link === undefined || m.requests.key !== undefined, {
    error: 'a linked alternates table needs "requests.key"',
    path: ['requests', 'key'],
  })
  .refine((m) => (m.courses.gradeLow === undefined) === (m.courses.gradeHigh === undefined), {
    error: 'give both "gradeLow" and "gradeHigh", or neither',
    path: ['courses', 'gradeHigh'],
  })
  .refine((m) => m.courses.grades === undefined || m.courses.gradeLow === undefined, {
    error: 'give "grades" or "gradeLow"/"gradeHigh", not both',
    path: ['courses', 'grades'],
  })
  .refine((m) => m.courses.sections !== undefined || m.sections !== undefined, {
    error: 'give "courses.sections" (a count column) or a "sections" file to count',
    path: ['courses', 'sections'],
  })
  .refine((m) => m.courses.capacity !== undefined || m.sections?.maxSize !== undefined, {
    error: 'give "courses.capacity" or "sections.maxSize"',
    path: ['courses', 'capacity'],
  });

export type SisMapping = z.infer<typeof sisMappingSchema>;
export type SisMappingInput = z.input<typeof sisMappingSchema>;
/** One file part of a mapping: where the table is and which rows count. */
export interface FileRef {
  readonly file: string;
  readonly delimiter?: Delimiter | undefined;
  readonly where?: Readonly<Record<string, readonly string[] | FilterParameter>> | undefined;
  readonly whereNot?: Readonly<Record<string, readonly string[]>> | undefined;
}

/**
 * Validates a mapping given as a JS value: version 2 as is, version 1 converted to version 2.
 * @param source - names the mapping in errors.
 * @throws {@link InputError} listing every schema problem with its JSON path.
 */
export function parseSisMapping(value: unknown, source: string): SisMapping {
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format === SIS_MAPPING_FORMAT_V1) {
    const v1 = sisMappingV1Schema.safeParse(value);
    if (!v1.success) throw new InputError(source, zodProblems(v1.error));
    return sisMappingSchema.parse(upgradeMappingV1(v1.data));
  }
  if (format !== SIS_MAPPING_FORMAT) {
    throw (
      otherDocument(value, SIS_MAPPING_FORMAT, source) ??
      new InputError(source, [
        {
          path: 'format',
          message: `unknown mapping format ${JSON.stringify(format)}`,
          fix: `use "${SIS_MAPPING_FORMAT}" (or "${SIS_MAPPING_FORMAT_V1}" for a version 1 file)`,
        },
      ])
    );
  }
  const result = sisMappingSchema.safeParse(value);
  if (!result.success) throw new InputError(source, zodProblems(result.error));
  return result.data;
}

/** Reads and validates a mapping file (version 1 or 2). @throws {@link InputError} */
export function readSisMapping(path: string): SisMapping {
  return parseSisMapping(parseJsonText(readTextFile(path), path), path);
}
