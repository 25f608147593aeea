/**
 * Whether a scenario has a board once some rule groups are relaxed, decided on the diagnosis's
 * relaxable program and, independently of it, on the engine's own program.
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
    const tag = tagOf.get(ruleKey(g));
    expect(tag, `${ruleKey(g)} is a group of the relaxable program`).toBeDefined();
    return tag!;
  });
  return feasible(withRelaxed(program.model, new Set(tags)));
}

/** Whether the engine's whole program (students included) has any solution: the ground truth. */
export async function engineFeasible(scenario: Scenario): Promise<boolean> {
  const form = formulate(buildInstance(scenario));
  return feasible(form.builder.build('max', []));
}
