/** Rules on student loading: students sit only in courses they asked for, once per request. */
import type { Lookup } from '../lookup.js';
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
      out.push({ rule: 'not-requested', message: `student ${id} is in ${extra.map((s) => `${s.id} (${s.course})`).join(', ')}, which they did not request`, students: [id], sections: extra.map((s) => s.id) });
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
    out.push({ rule: 'duplicate-course', message: `student ${id} is in ${involved.map((s) => `${s.id} (${s.course})`).join(', ')}, more sections than the requests they meet`, students: [id], sections: involved.map((s) => s.id) });
  }
  return out;
}
