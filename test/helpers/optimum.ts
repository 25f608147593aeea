/**
 * What the engine's properties compare with: the brute-force optimum (brute-force.ts, any
 * sections) and the optimum within the engine's own section plan, with the shapes where today's
 * engine is known to fall below the first.
 *
 * The engine opens at most its planned regular sections of a course (src/model/instance.ts:
 * ⌈(requests − the members its cohorts seat) / seats⌉), and the optimum sometimes needs one
 * more: two cohorts whose members need a course in different periods. There the engine places
 * fewer than the optimum. Cohorts are capped at their courses' room seats since issue 14; the
 * `cohortRoomsShort` shape is kept for the properties that still tell it apart. Properties
 * assert the engine within [optimum within its plan, optimum].
 */
import type { Scenario } from '../../src/scenario/schema.js';
import { buildInstance } from '../../src/model/instance.js';
import { bruteForce, OracleGaveUp, type OracleResult } from './brute-force.js';
import { getKnown } from '../../src/map-entry.js';

export interface Optimum extends OracleResult {
  /** Most pathway students placed with at most the engine's planned regular sections of each course. */
  readonly withinPlan: number;
  /** Some cohort course's rooms seat fewer than min(cohort size, course capacity). */
  readonly cohortRoomsShort: boolean;
}

/** Node limit per oracle call: the slowest samples take about half a second. */
const NODES = 400_000;

/** The optimum, or null when the oracle gives up (about 1 sample in 300; properties discard it). */
export function optimum(scenario: Scenario): Optimum | null {
  const inst = buildInstance(scenario);
  try {
    const all = bruteForce(scenario, NODES);
    const withinPlan = bruteForce(scenario, NODES, (c) => inst.courses.get(c)?.regularSections ?? 0).best;
    return { ...all, withinPlan, cohortRoomsShort: cohortRoomsShort(scenario) };
  } catch (error) {
    if (error instanceof OracleGaveUp) return null;
    throw error;
  }
}

/** Some cohort course's rooms seat fewer than min(cohort size, course capacity): the engine's cohorts are then too large. */
export function cohortRoomsShort(scenario: Scenario): boolean {
  const courses = new Map(scenario.courses.map((c) => [c.id, c]));
  const seats = (id: string) => {
    const c = getKnown(courses, id, 'cohort course');
    return Math.min(c.capacity, Math.max(0, ...scenario.rooms.filter((r) => r.type === c.roomType).map((r) => r.capacity)));
  };
  return scenario.pathways.some((p) =>
    Object.values(p.cohortCourses)
      .flat()
      .some((c) => seats(c) < Math.min(p.cohortSize, getKnown(courses, c, 'cohort course').capacity)),
  );
}
