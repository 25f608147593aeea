/** Sections per course: those the schedule runs, or (without a schedule) those the engine plans. */
import { buildInstance } from '../model/instance.js';
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';

export function sectionsPerCourse(scenario: Scenario, solution?: Schedule): Map<string, number> {
  const out = new Map<string, number>(scenario.courses.map((c) => [c.id, 0]));
  if (solution) {
    for (const s of solution.sections) out.set(s.course, (out.get(s.course) ?? 0) + 1);
    return out;
  }
  const inst = buildInstance(scenario);
  for (const [id, info] of inst.courses) out.set(id, info.fixedSections ?? info.regularSections);
  for (const k of inst.cohorts) for (const c of k.courses) if (inst.courses.get(c)?.fixedSections === undefined) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
}
