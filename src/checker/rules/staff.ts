/** Rules on teachers: credentials, availability, load, common planning time and prep. */
import type { Lookup } from '../lookup.js';
import type { Violation } from '../violation.js';
import { commonPlanningSlots, freeTime, keepsCommonPlanning, termsWithoutPrep } from '../free-time.js';

/** A teacher teaches only courses in their `courses` list. */
export function qualification(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    const teacher = book.teachers.get(s.teacher);
    if (teacher && book.courses.has(s.course) && !teacher.courses.includes(s.course)) {
      out.push({
        rule: 'qualification',
        message: `teacher ${s.teacher} teaches ${s.id}, but ${s.course} is not among the courses they may teach (${teacher.courses.join(', ') || 'none'})`,
        teachers: [s.teacher],
        sections: [s.id],
      });
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
    if (hit.length > 0)
      out.push({
        rule: 'unavailable',
        message: `teacher ${s.teacher} teaches ${s.id} in ${hit.join(', ')}, when they are unavailable`,
        teachers: [s.teacher],
        sections: [s.id],
        slots: hit,
      });
  }
  return out;
}

/** A teacher teaches at most `maxSections` sections. */
export function maxSections(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const teacher of book.scenario.teachers) {
    const taught = book.schedule.sections.filter((s) => s.teacher === teacher.id);
    if (taught.length > teacher.maxSections) {
      out.push({
        rule: 'max-sections',
        message: `teacher ${teacher.id} teaches ${taught.length} sections (${taught.map((s) => s.id).join(', ')}), more than their maximum of ${teacher.maxSections}`,
        teachers: [teacher.id],
        sections: taught.map((s) => s.id),
      });
    }
  }
  return out;
}

/** Each pathway team with `commonPlanning` k > 0 shares at least k slots in which all its teachers are available and free. */
export function commonPlanning(book: Lookup): Violation[] {
  const out: Violation[] = [];
  const free = freeTime(book);
  for (const p of book.scenario.pathways) {
    if (keepsCommonPlanning(book, free, p)) continue;
    const shared = commonPlanningSlots(book, free, p);
    const have = shared.length === 0 ? 'none' : `only ${shared.join(', ')}`;
    out.push({
      rule: 'cpt',
      message: `the ${p.id} team (${p.team.join(', ')}) needs ${p.commonPlanning} common planning slot${p.commonPlanning === 1 ? '' : 's'} in which all are free, and has ${have}`,
      teachers: [...p.team],
      slots: shared,
    });
  }
  return out;
}

/** Every teacher keeps, in each term they teach, at least one slot of that term in which they are available and free. */
export function prep(book: Lookup): Violation[] {
  const out: Violation[] = [];
  const terms = book.scenario.calendar.terms;
  const free = freeTime(book);
  for (const teacher of book.scenario.teachers) {
    const taught = book.schedule.sections.filter((s) => s.teacher === teacher.id);
    if (taught.length === 0) continue;
    for (const term of termsWithoutPrep(
      book,
      free.get(teacher.id) ?? new Set(),
      taught.flatMap((s) => s.slots),
    )) {
      const where = terms.length > 1 ? ` in term ${terms[term] ?? term}` : '';
      out.push({
        rule: 'prep',
        message: `teacher ${teacher.id} has no free prep slot${where}: every slot is taught or unavailable`,
        teachers: [teacher.id],
        sections: taught.map((s) => s.id),
      });
    }
  }
  return out;
}
