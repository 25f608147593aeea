/**
 * Teachers' free time, the one derivation of it: the slots in which a teacher is available (not
 * in `unavailable`) and teaches nothing. Prep (a free slot in every term taught) and common
 * planning time (slots free for the whole team) are read off it by the checker's rules `prep` and
 * `cpt`, the figures, the explanations (which ask whether a teacher could open one more section),
 * the teachers report and the HTML board, so none of them can disagree with the checker.
 * SCENARIO.md, "Common planning time"; the rule catalogue's `cpt` and `prep`.
 */
import type { Pathway } from '../scenario/schema.js';
import type { Lookup } from './lookup.js';

/** Teacher id → the slots they are available in and teach nothing. */
export type FreeTime = ReadonlyMap<string, ReadonlySet<string>>;

/** Every scenario teacher's free slots, in calendar order (sections of unknown teachers are ignored). */
export function freeTime(book: Lookup): Map<string, Set<string>> {
  const free = new Map<string, Set<string>>();
  for (const t of book.scenario.teachers) {
    if (free.has(t.id)) continue;
    const off = new Set(t.unavailable ?? []);
    free.set(t.id, new Set([...book.slots.keys()].filter((slot) => !off.has(slot))));
  }
  for (const s of book.sections.values()) {
    const own = free.get(s.teacher);
    if (own) for (const slot of s.slots) own.delete(slot);
  }
  return free;
}

/** Slots, in calendar order, in which every teacher of the team is available and free; none for an empty team. */
export function teamFreeSlots(book: Lookup, free: FreeTime, team: readonly string[]): string[] {
  if (team.length === 0) return [];
  return [...book.slots.keys()].filter((slot) => team.every((t) => free.get(t)?.has(slot) ?? false));
}

/**
 * The pathway team's common planning time: the slots its whole team shares free, when it asks for
 * any (`commonPlanning` > 0 and a team); empty otherwise.
 */
export function commonPlanningSlots(book: Lookup, free: FreeTime, pathway: Pathway): string[] {
  return pathway.commonPlanning > 0 && pathway.team.length > 0 ? teamFreeSlots(book, free, pathway.team) : [];
}

/** Whether the team shares at least the `commonPlanning` slots it asks for (true when it asks for none). */
export function keepsCommonPlanning(book: Lookup, free: FreeTime, pathway: Pathway): boolean {
  return pathway.commonPlanning <= 0 || pathway.team.length === 0 || commonPlanningSlots(book, free, pathway).length >= pathway.commonPlanning;
}

/**
 * Term indexes in which a teacher who teaches in `taught` slots has no free slot left (no prep).
 * @param free - the teacher's free slots.
 * @param taught - the slots they teach in; only the terms of these need a prep slot.
 */
export function termsWithoutPrep(book: Lookup, free: ReadonlySet<string>, taught: Iterable<string>): number[] {
  const terms = new Set<number>();
  for (const slot of taught) {
    const at = book.slots.get(slot);
    if (at) terms.add(at.term);
  }
  return [...terms].filter((term) => ![...free].some((slot) => book.slots.get(slot)?.term === term)).sort((a, b) => a - b);
}
