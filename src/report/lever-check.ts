/**
 * Checking an add-section lever cheaply, on the fixed board: the schedule's sections with the one
 * section added, every student kept where they are, then re-loaded by the loader's greedy
 * completion (src/loading/repair.ts: pathway students first, highest priority first, a free seat
 * that fits, else one of their sections moved to a sibling), and judged by the independent
 * checker. The figures are compared with the same re-loading without the section, so the lever is
 * credited only with what it adds.
 */
import { check, lookup, seatLimit } from '../checker/index.js';
import type { CheckResult, Schedule } from '../checker/violation.js';
import type { LeverPlan } from '../explain/levers.js';
import { buildInstance, type Instance } from '../model/instance.js';
import { Roster } from '../loading/roster.js';
import { completeRoster, loadingOrder } from '../loading/repair.js';
import type { Scenario } from '../scenario/schema.js';
import type { Figures, LeverCheck, Section } from '../solution/schema.js';

/** The schedule re-loaded on its own board: everyone kept, then the greedy completion. */
function reload(inst: Instance, scenario: Scenario, schedule: Schedule): Schedule {
  const book = lookup(scenario, schedule);
  const sections = [...book.sections.values()];
  const planned = sections.map((s) => ({
    id: s.id,
    course: s.course,
    teacher: s.teacher,
    slots: s.slots,
    pattern: s.slots.join('+'),
    ...(s.cohort ? { cohort: s.cohort } : {}),
  }));
  const roster = new Roster(planned, (p) => seatLimit(book, book.sections.get(p.id) ?? { ...p, room: '', slots: [...p.slots] }) ?? 0);
  for (const [student, own] of book.timetables) for (const s of own) roster.enroll(student, s.id);
  completeRoster(inst, roster, loadingOrder(inst, scenario.policy.strategy !== 'academic-first'));
  return { sections, enrollments: roster.enrollments(scenario.students.map((s) => s.id)) };
}

/** A section id for the course that the schedule does not use yet (`BIO-3`). */
function freshId(schedule: Schedule, course: string): string {
  const used = new Set(schedule.sections.map((s) => s.id));
  for (let n = schedule.sections.filter((s) => s.course === course).length + 1; ; n++) if (!used.has(`${course}-${n}`)) return `${course}-${n}`;
}

/** Checks add-section levers on one schedule, re-loading the schedule without a lever once for all of them. */
export interface LeverChecker {
  /**
   * What one more section does when the students are re-loaded with it.
   * @param plan - an `add-section` lever of {@link findLevers} on this schedule.
   * @returns the checker's verdict on the schedule with the section (on the scenario with the
   *   teacher's `maxSections` raised by one when the lever asks for it) and the figures it gains
   *   over re-loading without the section.
   */
  readonly addSection: (plan: Extract<LeverPlan, { kind: 'add-section' }>) => LeverCheck;
}

/** A checker of levers on the schedule; the work starts with the first lever checked. */
export function leverChecker(scenario: Scenario, schedule: Schedule): LeverChecker {
  // Loading reads requests, cohorts and seats, never maxSections: one instance serves every lever.
  let inst: Instance | undefined;
  let before: CheckResult | undefined;
  return {
    addSection(plan) {
      inst ??= buildInstance(scenario);
      before ??= check(scenario, reload(inst, scenario, schedule));
      const changed: Scenario = plan.raiseMax
        ? { ...scenario, teachers: scenario.teachers.map((t) => (t.id === plan.teacher ? { ...t, maxSections: t.maxSections + 1 } : t)) }
        : scenario;
      const added: Section = { id: freshId(schedule, plan.course), course: plan.course, teacher: plan.teacher, room: plan.room, slots: [...plan.slots] };
      const after = check(changed, reload(inst, changed, { sections: [...schedule.sections, added], enrollments: schedule.enrollments }));
      const was = before.figures;
      const gain = (f: (x: Figures) => number) => f(after.figures) - f(was);
      return {
        valid: after.valid,
        requestsMet: gain((f) => f.requestsMet.count),
        requiredMet: gain((f) => f.requestsByPriority.required.count),
        fullyScheduled: gain((f) => f.fullyScheduled.count),
        pathwayPlaced: gain((f) => f.pathwayPlaced.count),
      };
    },
  };
}

/** One add-section lever checked on its own ({@link leverChecker}). */
export function checkAddSection(scenario: Scenario, schedule: Schedule, plan: Extract<LeverPlan, { kind: 'add-section' }>): LeverCheck {
  return leverChecker(scenario, schedule).addSection(plan);
}
