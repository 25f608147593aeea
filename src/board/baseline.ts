/**
 * The greedy CTE-first loader, the hand practice the engine is measured against: the greedy
 * CTE-first board (src/board/greedy.ts), then students loaded first-fit into an empty roster,
 * pathway students first (each joins a cohort with room, then their highest-priority requests
 * first), then everyone else, with rooms assigned as the engine assigns them. No solver runs.
 */
import type { Scenario } from '../scenario/schema.js';
import { buildInstance, type Instance } from '../model/instance.js';
import { numberSections } from '../model/plan.js';
import { Roster } from '../loading/roster.js';
import { finishSchedule, type Schedule } from '../loading/schedule.js';
import { greedyBoard, type BoardSection } from './greedy.js';

/** A complete schedule by the greedy CTE-first loader; check it with the checker before use. */
export function greedyCteFirstSchedule(scenario: Scenario): Schedule {
  const inst = buildInstance(scenario);
  return loadGreedyBoard(inst, greedyBoard(inst));
}

/** The greedy CTE-first loader on a board {@link greedyBoard} already built for `inst`. */
export function loadGreedyBoard(inst: Instance, board: readonly BoardSection[]): Schedule {
  const slotOrder = new Map(inst.slots.map((s, i) => [s.name, i]));
  const sections = numberSections(
    board.map((s) => ({ course: s.course, teacher: s.teacher, slots: s.pattern.slots, pattern: s.pattern.key, ...(s.cohort ? { cohort: s.cohort } : {}) })),
    slotOrder,
  );
  const roster = new Roster(sections, (s) => inst.courses.get(s.course)?.seats ?? 0);
  return finishSchedule(inst, roster, true);
}
