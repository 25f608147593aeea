/** Rules on time: placements, clashes and locks. */
import type { Section } from '../../solution/schema.js';
import { placementFault } from '../calendar.js';
import type { Lookup } from '../lookup.js';
import type { Violation } from '../violation.js';

/** A section's slots are exactly one valid placement of its course (periods, days, terms, allowed periods). */
export function placement(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    const course = book.courses.get(s.course);
    if (!course) continue;
    const fault = placementFault(book.scenario.calendar, book.slots, course, s.slots);
    if (fault)
      out.push({
        rule: 'placement',
        message: `section ${s.id} of ${s.course} meets in ${s.slots.join(', ')}, which is not a placement of the course: ${fault}`,
        sections: [s.id],
        slots: [...s.slots],
      });
  }
  return out;
}

/** Pairs of sections in one list that share a slot, with the shared slots. */
function overlaps(sections: readonly Section[]): { a: Section; b: Section; slots: string[] }[] {
  const found: { a: Section; b: Section; slots: string[] }[] = [];
  for (let i = 0; i < sections.length; i++) {
    const a = sections[i];
    if (!a) continue;
    const own = new Set(a.slots);
    for (let j = i + 1; j < sections.length; j++) {
      const b = sections[j];
      if (!b || b.id === a.id) continue;
      const shared = [...new Set(b.slots.filter((slot) => own.has(slot)))];
      if (shared.length > 0) found.push({ a, b, slots: shared });
    }
  }
  return found;
}

function groupBy(sections: readonly Section[], key: (s: Section) => string): Map<string, Section[]> {
  const groups = new Map<string, Section[]>();
  for (const s of sections) {
    const k = key(s);
    const list = groups.get(k);
    if (list) list.push(s);
    else groups.set(k, [s]);
  }
  return groups;
}

/** No student is in two sections that share a slot. */
export function studentClash(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const [student, sections] of book.timetables) {
    for (const { a, b, slots } of overlaps(sections)) {
      out.push({
        rule: 'student-clash',
        message: `student ${student} is in ${a.id} (${a.course}) and ${b.id} (${b.course}), which both meet in ${slots.join(', ')}`,
        students: [student],
        sections: [a.id, b.id],
        slots,
      });
    }
  }
  return out;
}

/** No teacher teaches two sections that share a slot. */
export function teacherClash(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const [teacher, sections] of groupBy(book.schedule.sections, (s) => s.teacher)) {
    for (const { a, b, slots } of overlaps(sections)) {
      out.push({
        rule: 'teacher-clash',
        message: `teacher ${teacher} teaches ${a.id} and ${b.id}, which both meet in ${slots.join(', ')}`,
        teachers: [teacher],
        sections: [a.id, b.id],
        slots,
      });
    }
  }
  return out;
}

/** No room holds two sections that share a slot. */
export function roomClash(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const [room, sections] of groupBy(book.schedule.sections, (s) => s.room)) {
    for (const { a, b, slots } of overlaps(sections)) {
      out.push({
        rule: 'room-clash',
        message: `room ${room} holds ${a.id} and ${b.id}, which both meet in ${slots.join(', ')}`,
        sections: [a.id, b.id],
        slots,
      });
    }
  }
  return out;
}

/** For each course and slot locked k times, at least k sections of the course meet in that slot. */
export function locks(book: Lookup): Violation[] {
  const out: Violation[] = [];
  const wanted = new Map<string, { course: string; slot: string; count: number }>();
  for (const l of book.scenario.locks) {
    const key = JSON.stringify([l.course, l.slot]);
    const entry = wanted.get(key);
    if (entry) entry.count++;
    else wanted.set(key, { course: l.course, slot: l.slot, count: 1 });
  }
  for (const { course, slot, count } of wanted.values()) {
    const meeting = book.schedule.sections.filter((s) => s.course === course && s.slots.includes(slot));
    if (meeting.length < count) {
      const have = meeting.length === 0 ? 'none does' : `only ${meeting.map((s) => s.id).join(', ')} ${meeting.length === 1 ? 'does' : 'do'}`;
      out.push({
        rule: 'lock',
        message: `${count === 1 ? 'a section' : `${count} sections`} of ${course} ${count === 1 ? 'is' : 'are'} locked to ${slot}, but ${have}`,
        sections: meeting.map((s) => s.id),
        slots: [slot],
      });
    }
  }
  return out;
}
