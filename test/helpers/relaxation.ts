/**
 * Whether a scenario has a board once some rule groups are relaxed, decided on the diagnosis's
 * relaxable program and, independently of it, on the engine's own program of the scenario edited
 * so that the groups no longer bind.
 */
import { expect } from 'vitest';
import { solveMip } from '../../solver/run.js';
import type { MipModel } from '../../solver/mip.js';
import { withRelaxed } from '../../src/engine/infeasibility.js';
import { relaxableProgram } from '../../src/model/relaxable.js';
import { buildInstance } from '../../src/model/instance.js';
import { formulate } from '../../src/model/formulation.js';
import { ruleKey, type RuleRef } from '../../src/scenario/rules.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { getKnown } from '../../src/map-entry.js';
import { present } from './present.js';

/** A small work budget: tiny schools are decided at the root or in a few nodes. */
const BUDGET = { backend: 'highs', seed: 1, mipGap: 1, timeLimitSeconds: 20, nodeLimit: 5000 } as const;

/** Feasibility of a model; fails the test when the budget ran out before a verdict. */
export async function feasible(model: MipModel): Promise<boolean> {
  const result = await solveMip(model, BUDGET);
  expect(['optimal', 'gap-reached', 'infeasible'], `no verdict within the work budget (${result.termination})`).toContain(result.termination);
  return result.values !== null;
}

/**
 * Whether the scenario has a board with `groups` relaxed (their rows dropped from the relaxable
 * program). Every group must exist in the program.
 */
export async function feasibleRelaxing(scenario: Scenario, groups: readonly RuleRef[]): Promise<boolean> {
  const program = relaxableProgram(scenario);
  const tagOf = new Map(program.rules.map((ref, tag) => [ruleKey(ref), tag]));
  const tags = groups.map((g) => {
    return getKnown(tagOf, ruleKey(g), 'relaxable program group');
  });
  return feasible(withRelaxed(program.model, new Set(tags)));
}

/** Whether the engine's whole program (students included) has any solution: the ground truth. */
export async function engineFeasible(scenario: Scenario): Promise<boolean> {
  const form = formulate(buildInstance(scenario));
  return feasible(form.builder.build('max', []));
}

/**
 * The scenario edited so that the groups cannot bind, when every group has such an edit: a slot
 * given back, `maxSections` without limit, the locks removed, no common planning time, as many
 * rooms of a type as slots could ask for, no `allowedPeriods`. Null when a group has none (prep,
 * planned and fixed counts, a course's `meets`, a cohort's sections apart): the program is then
 * the only judge.
 */
export function relaxedScenario(scenario: Scenario, groups: readonly RuleRef[]): Scenario | null {
  const s = structuredClone(scenario);
  for (const g of groups) {
    switch (g.rule) {
      case 'unavailable': {
        const t = present(
          s.teachers.find((x) => x.id === g.args.teacher),
          `no teacher ${g.args.teacher}`,
        );
        t.unavailable = (t.unavailable ?? []).filter((slot) => slot !== g.args.slot);
        break;
      }
      case 'max-sections':
        present(
          s.teachers.find((x) => x.id === g.args.teacher),
          `no teacher ${g.args.teacher}`,
        ).maxSections = 1000;
        break;
      case 'lock':
        s.locks = s.locks.filter((l) => l.course !== g.args.course || l.slot !== g.args.slot);
        break;
      case 'cpt':
        present(
          s.pathways.find((p) => p.id === g.args.pathway),
          `no pathway ${g.args.pathway}`,
        ).commonPlanning = 0;
        break;
      case 'room-type': {
        const like = s.rooms.filter((r) => r.type === g.args.roomType);
        const capacity = Math.max(...like.map((r) => r.capacity));
        for (let i = 0; i < s.teachers.length; i++) s.rooms.push({ id: `${g.args.roomType}-extra-${i}`, type: g.args.roomType, capacity });
        break;
      }
      case 'placement':
        if (g.args.field !== 'allowedPeriods') return null;
        delete present(
          s.courses.find((c) => c.id === g.args.course),
          `no course ${g.args.course}`,
        ).allowedPeriods;
        break;
      default:
        return null;
    }
  }
  return s;
}
