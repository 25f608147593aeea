/**
 * The scenario and the schedule indexed by id, built once per check. Unknown ids are kept out
 * of the derived lists so that each rule sees only what it can judge; the reference rule
 * reports them.
 */
import type { Course, Pathway, Room, Scenario, Student, Teacher } from '../scenario/schema.js';
import type { Section } from '../solution/schema.js';
import { slotPositions, type SlotPosition } from './calendar.js';
import type { Schedule } from './violation.js';

export interface Lookup {
  readonly scenario: Scenario;
  readonly schedule: Schedule;
  readonly courses: ReadonlyMap<string, Course>;
  readonly teachers: ReadonlyMap<string, Teacher>;
  readonly rooms: ReadonlyMap<string, Room>;
  readonly pathways: ReadonlyMap<string, Pathway>;
  readonly students: ReadonlyMap<string, Student>;
  /** The first section with each id. */
  readonly sections: ReadonlyMap<string, Section>;
  /** Section id → ids of the students enrolled in it (each once, in enrollment order). */
  readonly rosters: ReadonlyMap<string, readonly string[]>;
  /** Student id → the existing sections they are enrolled in (each once). */
  readonly timetables: ReadonlyMap<string, readonly Section[]>;
  readonly slots: ReadonlyMap<string, SlotPosition>;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** Indexes a scenario and a schedule. */
export function lookup(scenario: Scenario, schedule: Schedule): Lookup {
  const sections = byId(schedule.sections);
  const rosters = new Map<string, string[]>();
  for (const s of sections.keys()) rosters.set(s, []);
  const timetables = new Map<string, Section[]>();
  for (const [student, ids] of Object.entries(schedule.enrollments)) {
    const own: Section[] = [];
    for (const id of new Set(ids)) {
      const section = sections.get(id);
      if (!section) continue;
      own.push(section);
      rosters.get(id)?.push(student);
    }
    timetables.set(student, own);
  }
  return {
    scenario,
    schedule,
    courses: byId(scenario.courses),
    teachers: byId(scenario.teachers),
    rooms: byId(scenario.rooms),
    pathways: byId(scenario.pathways),
    students: byId(scenario.students),
    sections,
    rosters,
    timetables,
    slots: slotPositions(scenario.calendar),
  };
}

/** Students enrolled in a section. */
export function rosterOf(book: Lookup, sectionId: string): readonly string[] {
  return book.rosters.get(sectionId) ?? [];
}

/** Existing sections a student is enrolled in. */
export function timetableOf(book: Lookup, studentId: string): readonly Section[] {
  return book.timetables.get(studentId) ?? [];
}

/** A course named for people: `Biology (BIO)`, or the bare id when unknown. */
export function courseLabel(book: Lookup, courseId: string): string {
  const course = book.courses.get(courseId);
  return course && course.name && course.name !== courseId ? `${course.name} (${courseId})` : courseId;
}

/** Seats a section can hold: the smaller of its course's and its room's capacity. */
export function seatLimit(book: Lookup, section: Section): number | undefined {
  const course = book.courses.get(section.course)?.capacity;
  const room = book.rooms.get(section.room)?.capacity;
  if (course === undefined) return room;
  if (room === undefined) return course;
  return Math.min(course, room);
}

/** Compares ids so that `BIO-2` sorts before `BIO-10`, independently of the machine's locale. */
export function compareIds(a: string, b: string): number {
  const split = (s: string) => s.split(/(\d+)/);
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
