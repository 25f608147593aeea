/**
 * A combinatorial upper bound on pathway students placed, valid for every schedule that keeps
 * the hard rules (it needs no solver):
 * - a pathway grade places at most the seats of its cohorts (cohorts × cohort size);
 * - a cohort whose courses cannot all run (no qualified teacher free in any placement of one of
 *   them) holds nobody;
 * - a member is placeable only if each of their other requests has an A–G-safe choice that runs
 *   in a regular section, and the slots their courses need at the least fit in the calendar.
 * The placement program's `placedNeeds` rows say the same for every single student, so the
 * integer program can never place more than this either.
 */
import type { Instance } from '../model/instance.js';
import { canTeachIn } from '../model/instance.js';

export interface PlacementBound {
  readonly value: number;
  readonly source: string;
}

function canRun(inst: Instance, course: string): boolean {
  const info = inst.courses.get(course);
  if (!info) return false;
  return info.teachers.some((t) => info.patterns.some((p) => canTeachIn(inst.available.get(t) ?? new Set(), p)));
}

const minSlots = (inst: Instance, course: string) => Math.min(...(inst.courses.get(course)?.patterns ?? []).map((p) => p.slots.length));

/** The bound, or null when the school has no pathway students. */
export function combinatorialPlacementBound(inst: Instance): PlacementBound | null {
  const members = new Map<string, number>();
  const placeable = new Map<string, number>();
  for (const g of inst.groups) {
    if (!g.pathway) continue;
    const key = `${g.pathway}|${g.grade}`;
    members.set(key, (members.get(key) ?? 0) + g.students.length);
    let need = 0;
    let ok = true;
    for (const r of g.requests) {
      if (r.cohort) {
        need += minSlots(inst, r.course);
        continue;
      }
      const choices = r.safe.filter((c) => (inst.courses.get(c)?.regularSections ?? 0) > 0 && canRun(inst, c));
      if (choices.length === 0) ok = false;
      else need += Math.min(...choices.map((c) => minSlots(inst, c)));
    }
    if (need > inst.slots.length) ok = false;
    if (ok) placeable.set(key, (placeable.get(key) ?? 0) + g.students.length);
  }
  const total = [...members.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let value = 0;
  const limits = new Set<string>();
  for (const [key, m] of members) {
    const cohorts = inst.cohorts.filter((k) => `${k.pathway}|${k.grade}` === key);
    const runnable = cohorts.filter((k) => k.courses.every((c) => canRun(inst, c)));
    const seats = runnable.reduce((s, k) => s + k.size, 0);
    const p = placeable.get(key) ?? 0;
    const v = Math.min(m, p, seats);
    if (v < m)
      limits.add(cohorts.length === 0 ? 'pathway grades without cohort courses' : v === seats ? 'seats in cohorts' : 'members whose requests cannot all run');
    value += v;
  }
  const source = limits.size === 0 ? 'pathway students (every member placeable)' : `pathway students, less ${[...limits].sort().join(' and ')}`;
  return { value, source };
}
