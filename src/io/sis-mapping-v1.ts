/**
 * Version 1 of the SIS mapping (`pathway-scheduler/sis-mapping@1`: four comma-separated files,
 * a course list with a section-count column, staffing rows, room rows and request rows with the
 * grade and priority on every row), kept so that version 1 files still import: each is converted
 * to the equivalent version 2 mapping, which imports to the same scenario.
 */
import { z } from 'zod';
// Null-prototype records: an export may use any code (`constructor`, `__proto__`) as a key.
import { ownRecord } from '../scenario/own-record.js';
import { calendarSchema, policySchema, prioritySchema } from '../scenario/schema.js';
import type { SisMappingInput } from './sis-mapping.js';

export const SIS_MAPPING_FORMAT_V1 = 'pathway-scheduler/sis-mapping@1';

const column = z.string().min(1);
const file = z.string().min(1);

export const sisMappingV1Schema = z.strictObject({
  format: z.literal(SIS_MAPPING_FORMAT_V1),
  name: z.string(),
  calendar: calendarSchema,
  /** SIS block name → period of the calendar. */
  blocks: ownRecord(z.string(), z.string()),
  listSeparator: z.string().min(1).default(','),
  courses: z.strictObject({
    file,
    id: column,
    name: column,
    length: column,
    allowedBlocks: column.optional(),
    minSize: column.optional(),
    targetSize: column.optional(),
    maxSize: column,
    sections: column,
  }),
  staffing: z.strictObject({ file, teacher: column, course: column, teacherName: column.optional() }),
  rooms: z.strictObject({
    file,
    room: column,
    course: column,
    teacher: column.optional(),
    type: z.string().min(1).default('general'),
    capacity: z.number().int().min(1),
  }),
  requests: z.strictObject({ file, student: column, grade: column, course: column, priority: column }),
  lengths: ownRecord(z.string(), z.enum(['one-term', 'full-year'])),
  grades: ownRecord(z.string(), z.number().int().min(9).max(12)),
  priorities: ownRecord(z.string(), prioritySchema),
  unschedulableRequests: z.enum(['error', 'drop']).default('error'),
  policy: policySchema.partial().optional(),
});
export type SisMappingV1 = z.infer<typeof sisMappingV1Schema>;

/**
 * The version 2 mapping that reads a version 1 export the same way: staffing rows are the
 * section rows (one teacher each; a teacher's rows are its sections at most), room rows are
 * room use, rooms take the constant type and capacity, every course meets one period every day,
 * and files are comma-separated.
 */
export function upgradeMappingV1(m: SisMappingV1): SisMappingInput {
  return {
    format: 'pathway-scheduler/sis-mapping@2',
    name: m.name,
    calendar: m.calendar,
    delimiter: ',',
    listSeparator: m.listSeparator,
    courses: {
      file: m.courses.file,
      id: m.courses.id,
      name: m.courses.name,
      length: m.courses.length,
      capacity: m.courses.maxSize,
      sections: m.courses.sections,
      ...(m.courses.allowedBlocks !== undefined ? { allowedPeriods: m.courses.allowedBlocks } : {}),
      ...(m.courses.minSize !== undefined ? { minSize: m.courses.minSize } : {}),
      ...(m.courses.targetSize !== undefined ? { targetSize: m.courses.targetSize } : {}),
    },
    sections: {
      file: m.staffing.file,
      course: m.staffing.course,
      teachers: [m.staffing.teacher],
      ...(m.staffing.teacherName !== undefined ? { teacherNames: [m.staffing.teacherName] } : {}),
    },
    roomUse: { file: m.rooms.file, room: m.rooms.room, course: m.rooms.course, ...(m.rooms.teacher !== undefined ? { teacher: m.rooms.teacher } : {}) },
    requests: { file: m.requests.file, student: m.requests.student, course: m.requests.course, grade: m.requests.grade, priority: m.requests.priority },
    values: { grades: m.grades, priorities: m.priorities, lengths: m.lengths, periods: m.blocks },
    defaults: { roomType: m.rooms.type, roomCapacity: m.rooms.capacity, meets: { periods: 1, days: 'all' } },
    unschedulableRequests: m.unschedulableRequests,
    ...(m.policy ? { policy: m.policy } : {}),
  };
}
