/**
 * Turning the program's counts (so many students of a group take course C at placement P)
 * into named students in named sections. Each part of a group (its members of one cohort, or
 * those in none) is split by {@link assignPart}: the students the program places get complete
 * timetables first, the others share what is left; seats are then spread evenly over
 * interchangeable sections (same course, same slots). Cohort members the counts could not
 * complete are then completed by moves where possible ({@link recoverPlacements}).
 */
import type { StudentGroup } from '../model/aggregate.js';
import type { Instance } from '../model/instance.js';
import type { PartPlan, PlannedSection } from '../model/plan.js';
import { assignPart, type PartItem } from './part-assignment.js';
import { recoverPlacements } from './recover.js';
import { Roster } from './roster.js';
import { getOrInsert } from '../map-entry.js';

interface Item extends PartItem {
  readonly course: string;
  readonly pattern: string;
}

/** Builds the roster from the board and the loading plan. */
export function disaggregate(inst: Instance, sections: readonly PlannedSection[], parts: readonly PartPlan[], capacity: (s: PlannedSection) => number): Roster {
  const roster = new Roster(sections, capacity);
  const cohortSections = new Map<string, PlannedSection[]>();
  const pooled = new Map<string, PlannedSection[]>();
  for (const s of sections) {
    const key = s.cohort ?? `${s.course}|${s.pattern}`;
    const into = s.cohort ? cohortSections : pooled;
    getOrInsert(into, key, () => []).push(s);
  }

  const members: Array<{ student: string; group: StudentGroup }> = [];
  const nextOfGroup = new Map<number, number>();
  // Cohort parts come before the no-cohort part of their group, so members are taken first.
  const ordered = [...parts].sort((a, b) => a.group - b.group || (a.cohort === null ? 1 : 0) - (b.cohort === null ? 1 : 0));
  for (const part of ordered) {
    const group = inst.groups[part.group];
    if (!group) continue;
    const start = nextOfGroup.get(part.group) ?? 0;
    const students = group.students.slice(start, start + part.count);
    nextOfGroup.set(part.group, start + part.count);

    const own = part.cohort ? (cohortSections.get(part.cohort) ?? []) : [];
    const blocked = new Set(own.flatMap((s) => s.slots));
    const items: Item[] = [];
    for (const [request, takes] of [...part.takes].sort((a, b) => a[0] - b[0])) {
      const safe = new Set(group.requests[request]?.safe ?? []);
      for (const t of takes) items.push({ request, slots: t.slots, count: t.count, safe: safe.has(t.course), course: t.course, pattern: t.pattern });
    }
    // Only cohort members can be placed; they need every request their cohort does not meet.
    const placing = part.cohort ? group.requests.flatMap((r, i) => (r.cohort ? [] : [i])) : [];
    const timetables = assignPart({ students: students.length, items, placing, blocked });

    if (part.cohort) for (const student of students) members.push({ student, group });
    students.forEach((student, i) => {
      for (const s of own) roster.enroll(student, s.id);
      for (const k of timetables[i] ?? []) {
        const item = items[k]!;
        // One section of a course per student, whichever request it meets.
        if (roster.holdsCourse(student, item.course)) continue;
        const candidates = (pooled.get(`${item.course}|${item.pattern}`) ?? []).filter((s) => roster.fits(student, s.id));
        if (candidates.length === 0) continue;
        const roomiest = candidates.reduce((a, b) => (roster.seatsLeft(b.id) > roster.seatsLeft(a.id) ? b : a));
        roster.enroll(student, roomiest.id);
      }
    });
  }
  recoverPlacements(roster, members);
  return roster;
}
