/**
 * Rules on student loading: students sit only in courses they asked for, once per request, in
 * at most one section of a course, and (under `policy.gradeRule: "strict"`) only in courses
 * offered to their grade.
 */
import { courseLabel, type Lookup } from '../lookup.js';
import { matchRequests, requestLines } from '../matching.js';
import type { Violation } from '../violation.js';

/** A student sits only in sections of courses they requested or of an alternate of a request. */
export function notRequested(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const [id, sections] of book.timetables) {
    const student = book.students.get(id);
    if (!student) continue;
    const accepted = new Set(requestLines(book.scenario, student).flatMap((l) => l.accepts));
    const extra = sections.filter((s) => !accepted.has(s.course));
    if (extra.length > 0) {
      out.push({
        rule: 'not-requested',
        message: `student ${id} is in ${extra.map((s) => `${s.id} (${s.course})`).join(', ')}, which they did not request`,
        students: [id],
        sections: extra.map((s) => s.id),
      });
    }
  }
  return out;
}

/** A student holds at most one section per request; a course and its alternate both taken count twice. */
export function duplicateCourse(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const [id, sections] of book.timetables) {
    const student = book.students.get(id);
    if (!student) continue;
    const match = matchRequests(requestLines(book.scenario, student), sections);
    if (match.surplus.length === 0) continue;
    // Name every section competing for the crowded requests, not only the one left over.
    const surplusCourses = new Set(match.surplus.map((s) => s.course));
    const crowded = new Set(match.lines.filter((l) => l.accepts.some((c) => surplusCourses.has(c))).flatMap((l) => l.accepts));
    const involved = sections.filter((s) => crowded.has(s.course));
    out.push({
      rule: 'duplicate-course',
      message: `student ${id} is in ${involved.map((s) => `${s.id} (${s.course})`).join(', ')}, more sections than the requests they meet`,
      students: [id],
      sections: involved.map((s) => s.id),
    });
  }
  return out;
}

/**
 * A student is in at most one section of a course (SCENARIO.md, "Enrollment"): an alternate
 * course taken for one request does not also meet another.
 */
export function oneSectionPerCourse(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const [id, sections] of book.timetables) {
    const byCourse = new Map<string, string[]>();
    for (const s of sections) byCourse.set(s.course, [...(byCourse.get(s.course) ?? []), s.id]);
    for (const [course, ids] of byCourse) {
      if (ids.length < 2) continue;
      out.push({
        rule: 'one-section-per-course',
        message: `student ${id} is in ${ids.length} sections of ${courseLabel(book, course)}: ${ids.join(', ')}`,
        students: [id],
        sections: ids,
      });
    }
  }
  return out;
}

/**
 * Under `policy.gradeRule: "strict"` (the default), a student sits only in courses whose
 * `grades` include theirs (SCENARIO.md, "Grades"); `allow` admits it.
 */
export function courseGrade(book: Lookup): Violation[] {
  if (book.scenario.policy.gradeRule !== 'strict') return [];
  const out: Violation[] = [];
  for (const [id, sections] of book.timetables) {
    const student = book.students.get(id);
    if (!student) continue;
    for (const s of sections) {
      const course = book.courses.get(s.course);
      if (!course || course.grades.includes(student.grade)) continue;
      out.push({
        rule: 'course-grade',
        message: `student ${id} (grade ${student.grade}) is in ${s.id} of ${courseLabel(book, s.course)}, which is for grades ${course.grades.join(', ')}`,
        students: [id],
        sections: [s.id],
      });
    }
  }
  return out;
}
