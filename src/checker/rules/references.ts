/** Rules on ids: everything a schedule names must exist, and section ids are unique. */
import type { Violation } from '../violation.js';
import type { Lookup } from '../lookup.js';

/** Every section's course, teacher and room exists, every enrolled student exists, and every enrolled section exists. */
export function unknownIds(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    if (!book.courses.has(s.course))
      out.push({ rule: 'unknown-id', message: `section ${s.id} is for course "${s.course}", which the scenario does not list`, sections: [s.id] });
    if (!book.teachers.has(s.teacher))
      out.push({
        rule: 'unknown-id',
        message: `section ${s.id} is taught by teacher "${s.teacher}", who is not on the staff list`,
        sections: [s.id],
        teachers: [s.teacher],
      });
    if (!book.rooms.has(s.room))
      out.push({ rule: 'unknown-id', message: `section ${s.id} meets in room "${s.room}", which the scenario does not list`, sections: [s.id] });
  }
  for (const [student, ids] of Object.entries(book.schedule.enrollments)) {
    if (!book.students.has(student))
      out.push({ rule: 'unknown-id', message: `enrollments name student "${student}", who is not in the scenario`, students: [student] });
    const missing = [...new Set(ids.filter((id) => !book.sections.has(id)))];
    if (missing.length > 0)
      out.push({
        rule: 'unknown-id',
        message: `student ${student} is enrolled in ${missing.join(', ')}, which ${missing.length === 1 ? 'is not a section' : 'are not sections'} of the schedule`,
        students: [student],
        sections: missing,
      });
  }
  return out;
}

/** Section ids are unique, and a student lists each section once. */
export function duplicateIds(book: Lookup): Violation[] {
  const out: Violation[] = [];
  const count = new Map<string, number>();
  for (const s of book.schedule.sections) count.set(s.id, (count.get(s.id) ?? 0) + 1);
  for (const [id, n] of count) if (n > 1) out.push({ rule: 'duplicate-id', message: `${n} sections have the id ${id}`, sections: [id] });
  for (const [student, ids] of Object.entries(book.schedule.enrollments)) {
    const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    if (twice.length > 0)
      out.push({ rule: 'duplicate-id', message: `student ${student} lists section ${twice.join(', ')} more than once`, students: [student], sections: twice });
  }
  return out;
}
