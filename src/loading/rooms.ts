/**
 * Rooms for the sections on the board: a room of the course's type, free in every slot of the
 * section, large enough for its students; the teacher's home room when it qualifies, else the
 * smallest room that fits. Sections with more slots and more students choose first.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Roster } from './roster.js';
import { getOrInsert } from '../map-entry.js';

export interface RoomResult {
  readonly rooms: Map<string, string>;
  /** Sections no room could be found for (their students are dropped). */
  readonly unroomed: string[];
  /** Students removed from a section because the only free room was too small. */
  readonly trimmed: Array<{ section: string; student: string }>;
}

export function assignRooms(scenario: Scenario, roster: Roster, keepFirst: (student: string) => number): RoomResult {
  const rooms = new Map<string, string>();
  const taken = new Map<string, Set<string>>();
  const home = new Map(scenario.teachers.map((t) => [t.id, t.room]));
  const trimmed: Array<{ section: string; student: string }> = [];
  const unroomed: string[] = [];
  const course = new Map(scenario.courses.map((c) => [c.id, c]));
  const order = [...roster.sections].sort(
    (a, b) => b.slots.length - a.slots.length || roster.studentsIn(b.id).length - roster.studentsIn(a.id).length || a.id.localeCompare(b.id),
  );
  for (const s of order) {
    const type = course.get(s.course)?.roomType;
    const size = roster.studentsIn(s.id).length;
    const free = scenario.rooms.filter((r) => r.type === type && s.slots.every((x) => !taken.get(r.id)?.has(x)));
    if (free.length === 0) {
      unroomed.push(s.id);
      for (const st of roster.studentsIn(s.id)) {
        const leave = s.cohort ? roster.sectionsOf(st).filter((id) => roster.byId.get(id)?.cohort === s.cohort) : [s.id];
        for (const id of leave) roster.drop(st, id);
      }
      roster.setCapacity(s.id, 0);
      continue;
    }
    const fitting = free.filter((r) => r.capacity >= size).sort((a, b) => a.capacity - b.capacity || a.id.localeCompare(b.id));
    const preferred = fitting.find((r) => r.id === home.get(s.teacher));
    const room = preferred ?? fitting[0] ?? free.reduce((a, b) => (b.capacity > a.capacity ? b : a));
    rooms.set(s.id, room.id);
    for (const x of s.slots) getOrInsert(taken, room.id, () => new Set()).add(x);
    const seats = Math.min(roster.capacityOf(s.id), room.capacity);
    roster.setCapacity(s.id, seats);
    const students = roster.studentsIn(s.id).sort((a, b) => keepFirst(a) - keepFirst(b) || a.localeCompare(b));
    for (const st of students.slice(seats)) {
      // A cohort travels together: a student who loses one cohort section leaves the cohort.
      const leave = s.cohort ? roster.sectionsOf(st).filter((id) => roster.byId.get(id)?.cohort === s.cohort) : [s.id];
      for (const id of leave) roster.drop(st, id);
      trimmed.push({ section: s.id, student: st });
    }
  }
  return { rooms, unroomed, trimmed };
}
