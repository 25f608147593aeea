/** Rules on teachers: credentials, availability, load, common planning time and prep. */
import type { Lookup } from '../lookup.js';
import type { Violation } from '../violation.js';

/** A teacher teaches only courses in their `courses` list. */
export function qualification(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    const teacher = book.teachers.get(s.teacher);
    if (teacher && book.courses.has(s.course) && !teacher.courses.includes(s.course)) {
      out.push({ rule: 'qualification', message: `teacher ${s.teacher} teaches ${s.id}, but ${s.course} is not among the courses they may teach (${teacher.courses.join(', ') || 'none'})`, teachers: [s.teacher], sections: [s.id] });
    }
  }
  return out;
}

/** A teacher teaches no section in a slot they are unavailable. */
export function unavailable(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    const off = new Set(book.teachers.get(s.teacher)?.unavailable ?? []);
    const hit = s.slots.filter((slot) => off.has(slot));
    if (hit.length > 0) out.push({ rule: 'unavailable', message: `teacher ${s.teacher} teaches ${s.id} in ${hit.join(', ')}, when they are unavailable`, teachers: [s.teacher], sections: [s.id], slots: hit });
  }
  return out;
}

/** A teacher teaches at most `maxSections` sections. */
export function maxSections(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const teacher of book.scenario.teachers) {
    const taught = book.schedule.sections.filter((s) => s.teacher === teacher.id);
    if (taught.length > teacher.maxSections) {
      out.push({ rule: 'max-sections', message: `teacher ${teacher.id} teaches ${taught.length} sections (${taught.map((s) => s.id).join(', ')}), more than their maximum of ${teacher.maxSections}`, teachers: [teacher.id], sections: taught.map((s) => s.id) });
    }
  }
  return out;
}

/** Slots in which the teacher is available and teaches nothing. */
export function freeSlots(book: Lookup, teacherId: string): Set<string> {
  const free = new Set(book.slots.keys());
  for (const slot of book.teachers.get(teacherId)?.unavailable ?? []) free.delete(slot);
  for (const s of book.schedule.sections) if (s.teacher === teacherId) for (const slot of s.slots) free.delete(slot);
  return free;
}

/** Slots in which every teacher of the team is available and teaches nothing. */
export function sharedFreeSlots(book: Lookup, team: readonly string[]): string[] {
  const [first, ...rest] = team;
  if (first === undefined) return [];
  const common = freeSlots(book, first);
  for (const t of rest) {
    const free = freeSlots(book, t);
    for (const slot of common) if (!free.has(slot)) common.delete(slot);
  }
  return [...common];
}

/** Each pathway team with `commonPlanning` k > 0 shares at least k slots in which all its teachers are available and free. */
export function commonPlanning(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const p of book.scenario.pathways) {
    if (p.commonPlanning <= 0 || p.team.length === 0) continue;
    const shared = sharedFreeSlots(book, p.team);
    if (shared.length < p.commonPlanning) {
      const have = shared.length === 0 ? 'none' : `only ${shared.join(', ')}`;
      out.push({ rule: 'cpt', message: `the ${p.id} team (${p.team.join(', ')}) needs ${p.commonPlanning} common planning slot${p.commonPlanning === 1 ? '' : 's'} in which all are free, and has ${have}`, teachers: [...p.team], slots: shared });
    }
  }
  return out;
}

/** Every teacher keeps, in each term they teach, at least one slot of that term in which they are available and free. */
export function prep(book: Lookup): Violation[] {
  const out: Violation[] = [];
  const terms = book.scenario.calendar.terms;
  for (const teacher of book.scenario.teachers) {
    const taught = book.schedule.sections.filter((s) => s.teacher === teacher.id);
    if (taught.length === 0) continue;
    const free = freeSlots(book, teacher.id);
    const termsTaught = new Set<number>();
    for (const s of taught) for (const slot of s.slots) {
      const at = book.slots.get(slot);
      if (at) termsTaught.add(at.term);
    }
    for (const term of termsTaught) {
      const freeInTerm = [...free].some((slot) => book.slots.get(slot)?.term === term);
      if (!freeInTerm) {
        const where = terms.length > 1 ? ` in term ${terms[term] ?? term}` : '';
        out.push({ rule: 'prep', message: `teacher ${teacher.id} has no free prep slot${where}: every slot is taught or unavailable`, teachers: [teacher.id], sections: taught.map((s) => s.id) });
      }
    }
  }
  return out;
}
