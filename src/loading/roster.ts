/**
 * Who sits in which section: the mutable state of student loading, with seat and clash checks.
 */
import type { PlannedSection } from '../model/plan.js';
import { emptyRecord } from '../scenario/own-record.js';
import { getOrInsert } from '../map-entry.js';

export class Roster {
  private readonly members = new Map<string, Set<string>>();
  private readonly ofStudent = new Map<string, Set<string>>();
  private readonly busySlots = new Map<string, Map<string, string>>();
  readonly byId: ReadonlyMap<string, PlannedSection>;
  private readonly capacity = new Map<string, number>();

  constructor(
    readonly sections: readonly PlannedSection[],
    capacity: (s: PlannedSection) => number,
  ) {
    this.byId = new Map(sections.map((s) => [s.id, s]));
    for (const s of sections) {
      this.members.set(s.id, new Set());
      this.capacity.set(s.id, capacity(s));
    }
  }

  /** The section with this id. @throws Error for an id the roster does not hold (a bug in the caller, not bad input). */
  section(id: string): PlannedSection {
    const s = this.byId.get(id);
    if (!s) throw new Error(`internal: unknown section ${id}`);
    return s;
  }

  seatsLeft(section: string): number {
    return (this.capacity.get(section) ?? 0) - (this.members.get(section)?.size ?? 0);
  }

  setCapacity(section: string, seats: number): void {
    this.capacity.set(section, seats);
  }

  capacityOf(section: string): number {
    return this.capacity.get(section) ?? 0;
  }

  /** The section the student already has in this slot, if any. */
  occupant(student: string, slot: string): string | undefined {
    return this.busySlots.get(student)?.get(slot);
  }

  /** True when the student has a free seat in the section and no other section in its slots. */
  fits(student: string, section: string): boolean {
    const s = this.byId.get(section);
    if (!s || this.seatsLeft(section) <= 0) return false;
    const busy = this.busySlots.get(student);
    return !busy || s.slots.every((x) => !busy.has(x));
  }

  enroll(student: string, section: string): void {
    const s = this.byId.get(section);
    if (!s) throw new Error(`internal: unknown section ${section}`);
    getOrInsert(this.members, section, () => new Set()).add(student);
    getOrInsert(this.ofStudent, student, () => new Set()).add(section);
    const busy = getOrInsert(this.busySlots, student, () => new Map());
    for (const x of s.slots) busy.set(x, section);
  }

  drop(student: string, section: string): void {
    const s = this.byId.get(section);
    if (!s) return;
    this.members.get(section)?.delete(student);
    this.ofStudent.get(student)?.delete(section);
    const busy = this.busySlots.get(student);
    for (const x of s.slots) if (busy?.get(x) === section) busy.delete(x);
  }

  /** Whether the student already sits in a section of the course (a student takes one section of a course). */
  holdsCourse(student: string, course: string): boolean {
    for (const id of this.ofStudent.get(student) ?? []) if (this.byId.get(id)?.course === course) return true;
    return false;
  }

  sectionsOf(student: string): string[] {
    return [...(this.ofStudent.get(student) ?? [])];
  }

  studentsIn(section: string): string[] {
    return [...(this.members.get(section) ?? [])];
  }

  /** Student id → section ids, students and sections in a stable order. */
  enrollments(students: readonly string[]): Record<string, string[]> {
    const order = new Map(this.sections.map((s, i) => [s.id, i]));
    const out = emptyRecord<string[]>();
    for (const id of students) out[id] = this.sectionsOf(id).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return out;
  }
}
