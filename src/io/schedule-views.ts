/**
 * The views of a schedule that exports and the HTML report share: the board (teacher or room
 * × slot), each student's timetable, and the section list, all in a stable order.
 */
import { allSlots } from '../calendar/slots.js';
import { compareIds, lookup, rosterOf, timetableOf, type Lookup } from '../checker/lookup.js';
import type { Scenario } from '../scenario/schema.js';
import type { Section, Solution } from '../solution/schema.js';

/** A board: one row per teacher (or room), one cell per slot holding the sections there. */
export interface Board {
  readonly slots: readonly string[];
  readonly rows: readonly { readonly id: string; readonly label: string; readonly cells: readonly (readonly Section[])[] }[];
}

/** The schedule indexed for views. */
export function viewsOf(scenario: Scenario, solution: Pick<Solution, 'sections' | 'enrollments'>): Lookup {
  return lookup(scenario, solution);
}

function board(book: Lookup, ids: readonly { id: string; label: string }[], key: (s: Section) => string): Board {
  const slots = allSlots(book.scenario.calendar).map((s) => s.name);
  const index = new Map(slots.map((s, i) => [s, i]));
  const rows = ids.map(({ id, label }) => ({ id, label, cells: slots.map(() => [] as Section[]) }));
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  for (const section of [...book.sections.values()].sort((a, b) => compareIds(a.id, b.id))) {
    const row = rowOf.get(key(section));
    if (!row) continue;
    for (const slot of section.slots) {
      const i = index.get(slot);
      if (i !== undefined) row.cells[i]?.push(section);
    }
  }
  return { slots, rows };
}

/** Teachers × slots (the master board). */
export function teacherBoard(book: Lookup): Board {
  const ids = book.scenario.teachers.map((t) => ({ id: t.id, label: t.name ? `${t.name} (${t.id})` : t.id }));
  return board(book, ids, (s) => s.teacher);
}

/** Rooms × slots. */
export function roomBoard(book: Lookup): Board {
  const ids = book.scenario.rooms.map((r) => ({ id: r.id, label: `${r.id} (${r.type}, ${r.capacity})` }));
  return board(book, ids, (s) => s.room);
}

/** One line of a student's timetable. */
export interface TimetableLine {
  readonly student: string;
  readonly grade: number;
  readonly pathway: string;
  readonly section: string;
  readonly course: string;
  readonly courseName: string;
  readonly teacher: string;
  readonly room: string;
  readonly slots: string;
}

/** Every student's timetable, students in id order, sections by first slot. */
export function timetables(book: Lookup): TimetableLine[] {
  const slotOrder = new Map(allSlots(book.scenario.calendar).map((s, i) => [s.name, i]));
  const first = (s: Section) => Math.min(...s.slots.map((x) => slotOrder.get(x) ?? Number.MAX_SAFE_INTEGER));
  const lines: TimetableLine[] = [];
  for (const st of [...book.scenario.students].sort((a, b) => compareIds(a.id, b.id))) {
    for (const s of [...timetableOf(book, st.id)].sort((a, b) => first(a) - first(b) || compareIds(a.id, b.id))) {
      lines.push({
        student: st.id,
        grade: st.grade,
        pathway: st.pathway ?? '',
        section: s.id,
        course: s.course,
        courseName: book.courses.get(s.course)?.name ?? s.course,
        teacher: s.teacher,
        room: s.room,
        slots: s.slots.join(' '),
      });
    }
  }
  return lines;
}

/** Sections in id order with their enrolment count. */
export function sectionList(book: Lookup): { section: Section; enrolled: number }[] {
  return [...book.sections.values()].sort((a, b) => compareIds(a.id, b.id)).map((section) => ({ section, enrolled: rosterOf(book, section.id).length }));
}
