/**
 * Greedy completion of a roster, the way a counselor finishes loading by hand: pathway students
 * first, highest-priority requests first, first section with a free seat and no clash, else move
 * one of the student's other sections to a sibling section to free the slot; a pathway student
 * outside any cohort joins a cohort that still has room. Also the whole of the greedy CTE-first
 * loader when started from an empty roster.
 */
import type { GroupRequest, StudentGroup } from '../model/aggregate.js';
import type { Instance } from '../model/instance.js';
import type { Roster } from './roster.js';

/** Higher tiers first (src/model/objective.ts). */
const RANK = { required: 0, requested: 1, recommended: 2 } as const;

export interface StudentRef {
  readonly id: string;
  readonly group: StudentGroup;
}

/** Students in loading order: pathway students (in scenario pathway order) first, then the rest, by id. */
export function loadingOrder(inst: Instance, pathwayFirst = true): StudentRef[] {
  const pathwayRank = new Map(inst.scenario.pathways.map((p, i) => [p.id, i]));
  const refs = inst.groups.flatMap((group) => group.students.map((id) => ({ id, group })));
  const rank = (r: StudentRef) => (r.group.pathway === undefined ? 1e6 : (pathwayRank.get(r.group.pathway) ?? 1e6));
  return refs.sort((a, b) => (pathwayFirst ? rank(a) - rank(b) : 0) || (a.id < b.id ? -1 : 1));
}

function metBy(roster: Roster, student: string, r: GroupRequest): string | undefined {
  const choices = new Set(r.choices);
  return roster.sectionsOf(student).find((id) => choices.has(roster.byId.get(id)?.course ?? ''));
}

/** Sections a student may join for a request: regular sections, or their own cohort's. */
function candidates(roster: Roster, r: GroupRequest, cohort: string | undefined): string[] {
  const out: string[] = [];
  for (const course of r.choices) {
    for (const s of roster.sections) if (s.course === course && (!s.cohort || s.cohort === cohort)) out.push(s.id);
  }
  return out;
}

function cohortOf(roster: Roster, student: string): string | undefined {
  for (const id of roster.sectionsOf(student)) {
    const c = roster.byId.get(id)?.cohort;
    if (c) return c;
  }
  return undefined;
}

/** Tries to seat the student in one of the sections, moving at most one other section of theirs. */
function seat(roster: Roster, student: string, options: readonly string[]): boolean {
  for (const id of options) {
    if (roster.fits(student, id)) {
      roster.enroll(student, id);
      return true;
    }
  }
  for (const id of options) {
    const target = roster.section(id);
    if (roster.seatsLeft(id) <= 0) continue;
    const blockers = new Set(target.slots.map((x) => roster.occupant(student, x)).filter((x): x is string => x !== undefined));
    if (blockers.size !== 1) continue;
    const blocker = roster.section([...blockers][0]!);
    if (blocker.cohort) continue;
    roster.drop(student, blocker.id);
    roster.enroll(student, id);
    const sibling = roster.sections.find((s) => s.course === blocker.course && !s.cohort && s.id !== blocker.id && roster.fits(student, s.id));
    if (sibling) {
      roster.enroll(student, sibling.id);
      return true;
    }
    roster.drop(student, id);
    roster.enroll(student, blocker.id);
  }
  return false;
}

/** A pathway student outside every cohort joins one with room whose sections fit their schedule. */
function joinCohort(inst: Instance, roster: Roster, ref: StudentRef): void {
  if (!ref.group.pathway || cohortOf(roster, ref.id)) return;
  const cohorts = inst.cohorts.filter((k) => k.pathway === ref.group.pathway && k.grade === ref.group.grade);
  for (const k of cohorts) {
    const own = roster.sections.filter((s) => s.cohort === k.id);
    if (own.length < k.courses.length) continue;
    const size = roster.studentsIn(own[0]!.id).length;
    if (size >= k.size || own.some((s) => roster.seatsLeft(s.id) <= 0)) continue;
    const courses = new Set(k.courses);
    const replaced = roster.sectionsOf(ref.id).filter((id) => courses.has(roster.section(id).course));
    for (const id of replaced) roster.drop(ref.id, id);
    if (own.every((s) => roster.fits(ref.id, s.id))) {
      for (const s of own) roster.enroll(ref.id, s.id);
      return;
    }
    for (const id of replaced) roster.enroll(ref.id, id);
  }
}

/**
 * Meets as many unmet requests as the free seats allow, in loading order; a second pass gives
 * students passed over the seats and moves that later students opened.
 */
export function completeRoster(inst: Instance, roster: Roster, order: readonly StudentRef[]): void {
  for (let pass = 0; pass < 2; pass++) {
    let seated = 0;
    for (const ref of order) {
      joinCohort(inst, roster, ref);
      const cohort = cohortOf(roster, ref.id);
      const requests = [...ref.group.requests].sort((a, b) => RANK[a.priority] - RANK[b.priority]);
      for (const r of requests) {
        if (metBy(roster, ref.id, r)) continue;
        if (seat(roster, ref.id, candidates(roster, r, cohort))) seated++;
      }
    }
    if (pass > 0 || seated === 0) break;
  }
}
