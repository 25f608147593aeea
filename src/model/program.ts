/**
 * The school's integer program, assembled in one place: the instance (src/model/instance.ts),
 * its formulation (every rule as rows), and the strategy's objective as strict tiers with
 * dominating weights (src/model/objective.ts). The engine, the model export and the import of an
 * external solver's solution all start here, so they solve and read back the same program.
 */
import type { MipModel } from '../../solver/mip.js';
import type { Scenario, Strategy } from '../scenario/schema.js';
import { buildInstance, type Instance } from './instance.js';
import { formulationSteps, type Formulation } from './formulation.js';
import { strategyObjective, withObjective, type StrategyObjective } from './objective.js';

export interface SchoolProgram {
  readonly inst: Instance;
  readonly form: Formulation;
  /** The strategy's tiers and weights on this formulation. */
  readonly goal: StrategyObjective;
  /** The whole program, maximising the weighted tiers. */
  readonly model: MipModel;
}

/**
 * {@link schoolProgram} as steps (it yields after each group's columns and each rule's rows), for
 * a caller that keeps the event loop alive on a large school (src/engine/pace.ts).
 */
export function* schoolProgramSteps(inst: Instance, strategy: Strategy): Generator<string, SchoolProgram> {
  const form = yield* formulationSteps(inst);
  const goal = strategyObjective(strategy, form);
  return { inst, form, goal, model: withObjective(form.builder.build('max', []), goal.objective) };
}

/**
 * The scenario's whole program under the strategy.
 * @param alone - students kept in groups of their own (see {@link buildInstance}).
 */
export function schoolProgram(scenario: Scenario, strategy: Strategy, alone?: ReadonlySet<string>): SchoolProgram {
  const steps = schoolProgramSteps(buildInstance(scenario, alone), strategy);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
