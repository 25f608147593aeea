/**
 * From the program's board and loading plan to a complete schedule: named students in sections,
 * rooms, then greedy completion with the seats left.
 */
import type { Instance } from '../model/instance.js';
import type { Decoded } from '../model/decode.js';
import type { Section } from '../solution/schema.js';
import { disaggregate } from '../loading/disaggregate.js';
import { assignRooms } from '../loading/rooms.js';
import { completeRoster, loadingOrder } from '../loading/repair.js';
import type { Roster } from '../loading/roster.js';
import { emptyRecord } from '../scenario/own-record.js';
import { getKnown } from '../map-entry.js';

export interface Schedule {
  readonly sections: Section[];
  readonly enrollments: Record<string, string[]>;
}

/** Sections, rooms and enrollments for a decoded board, in CTE-first loading order. */
export function buildSchedule(inst: Instance, decoded: Decoded, pathwayFirst = true): Schedule {
  const seats = (course: string) => inst.courses.get(course)?.seats ?? 0;
  const roster = disaggregate(inst, decoded.sections, decoded.parts, (s) => seats(s.course));
  return finishSchedule(inst, roster, pathwayFirst);
}

/** Rooms, completion and the final listing of a roster. */
export function finishSchedule(inst: Instance, roster: Roster, pathwayFirst = true): Schedule {
  const order = loadingOrder(inst, pathwayFirst);
  const rank = new Map(order.map((r, i) => [r.id, i]));
  const { rooms, unroomed } = assignRooms(inst.scenario, roster, (st) => rank.get(st) ?? 0);
  completeRoster(inst, roster, order);

  const locked = new Set(inst.scenario.locks.map((l) => l.course));
  const dropped = new Set(unroomed);
  const sections: Section[] = [];
  for (const s of roster.sections) {
    if (dropped.has(s.id)) continue;
    const info = inst.courses.get(s.course);
    // An empty regular section costs a teacher and a room for nothing, unless the scenario asked for it.
    if (roster.studentsIn(s.id).length === 0 && !s.cohort && info?.fixedSections === undefined && !locked.has(s.course)) continue;
    sections.push({
      id: s.id,
      course: s.course,
      teacher: s.teacher,
      room: getKnown(rooms, s.id, 'room of section'),
      slots: [...s.slots],
      ...(s.cohort ? { cohort: s.cohort } : {}),
    });
  }
  const kept = new Set(sections.map((s) => s.id));
  const all = roster.enrollments(inst.scenario.students.map((s) => s.id));
  const enrollments = emptyRecord<string[]>();
  for (const [id, list] of Object.entries(all)) enrollments[id] = list.filter((x) => kept.has(x));
  return { sections, enrollments };
}
