/** Rules on rooms and seats. */
import { rosterOf, type Lookup } from '../lookup.js';
import type { Violation } from '../violation.js';

/** A section meets in a room of the type its course needs. */
export function roomType(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    const course = book.courses.get(s.course);
    const room = book.rooms.get(s.room);
    if (course && room && room.type !== course.roomType) {
      out.push({
        rule: 'room-type',
        message: `section ${s.id} of ${s.course} needs a ${course.roomType} room, but room ${s.room} is ${room.type}`,
        sections: [s.id],
      });
    }
  }
  return out;
}

/** A section holds no more students than its room seats. */
export function roomCapacity(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    const room = book.rooms.get(s.room);
    const enrolled = rosterOf(book, s.id).length;
    if (room && enrolled > room.capacity)
      out.push({ rule: 'room-capacity', message: `section ${s.id} has ${enrolled} students, but room ${s.room} seats ${room.capacity}`, sections: [s.id] });
  }
  return out;
}

/** A section holds no more students than its course's capacity. */
export function courseCapacity(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    const course = book.courses.get(s.course);
    const enrolled = rosterOf(book, s.id).length;
    if (course && enrolled > course.capacity)
      out.push({
        rule: 'course-capacity',
        message: `section ${s.id} has ${enrolled} students, above the class size of ${course.capacity} for ${s.course}`,
        sections: [s.id],
      });
  }
  return out;
}
