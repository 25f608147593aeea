/**
 * The column-mapping file that describes an SIS-style export (a course list, teacher staffing
 * per section, section rooms, and one row per student course request) in scenario terms.
 * `fixtures/crestwood-mapping.json` is the one shipped for the Crestwood export.
 */
import { z } from 'zod';
import { calendarSchema, policySchema, prioritySchema } from '../scenario/schema.js';
import { InputError } from '../scenario/problems.js';
import { parseJsonText, readTextFile, zodProblems } from '../scenario/parse.js';

export const SIS_MAPPING_FORMAT = 'pathway-scheduler/sis-mapping@1';

const column = z.string().min(1);
const file = z.string().min(1);

export const sisMappingSchema = z.strictObject({
  format: z.literal(SIS_MAPPING_FORMAT),
  /** Scenario name. */
  name: z.string(),
  calendar: calendarSchema,
  /** SIS block name → period of the calendar (e.g. `"1A": "1A"`). */
  blocks: z.record(z.string(), z.string()),
  /** Separator of list cells such as `1A, 1B, 3` (default ","). */
  listSeparator: z.string().min(1).default(','),
  courses: z.strictObject({
    file,
    id: column,
    name: column,
    /** Column whose value is looked up in `lengths`. */
    length: column,
    /** Column listing the blocks a section may use; empty = all. */
    allowedBlocks: column.optional(),
    minSize: column.optional(),
    /** Read and checked; scenario v1 has no target size, so it is reported, not used. */
    targetSize: column.optional(),
    maxSize: column,
    sections: column,
  }),
  staffing: z.strictObject({ file, teacher: column, course: column, teacherName: column.optional() }),
  rooms: z.strictObject({ file, room: column, course: column, teacher: column.optional(), type: z.string().min(1).default('general'), capacity: z.number().int().min(1) }),
  requests: z.strictObject({ file, student: column, grade: column, course: column, priority: column }),
  /** Length value → one term or full year. */
  lengths: z.record(z.string(), z.enum(['one-term', 'full-year'])),
  /** Grade value (case-insensitive) → grade 9–12. */
  grades: z.record(z.string(), z.number().int().min(9).max(12)),
  /** Priority value (case-insensitive) → scenario priority. */
  priorities: z.record(z.string(), prioritySchema),
  /**
   * What to do with a request for a course that is not in the course list, or that offers no
   * section or has no teacher: `error` (a bad row), or `drop` (listed as not importable, and
   * counted as unmet by the import summary).
   */
  unschedulableRequests: z.enum(['error', 'drop']).default('error'),
  policy: policySchema.partial().optional(),
});
export type SisMapping = z.infer<typeof sisMappingSchema>;

/** Reads and validates a mapping file. @throws {@link InputError} */
export function readSisMapping(path: string): SisMapping {
  const result = sisMappingSchema.safeParse(parseJsonText(readTextFile(path), path));
  if (!result.success) throw new InputError(path, zodProblems(result.error));
  return result.data;
}
