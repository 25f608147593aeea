/**
 * A scenario's whole integer program as the engine builds it (src/io/model-files.ts
 * `scenarioProgram`), with what decodes its values into a schedule, so that tests can solve it with
 * one backend directly: no greedy loader, no stages, no fallback between them and the checker.
 */
import type { MipModel } from '../../solver/mip.js';
import { scenarioProgram } from '../../src/io/model-files.js';
import { buildInstance } from '../../src/model/instance.js';
import { formulate, evaluate, type Formulation } from '../../src/model/formulation.js';
import { decode } from '../../src/model/decode.js';
import { buildSchedule, type Schedule } from '../../src/loading/schedule.js';
import type { Scenario, Strategy } from '../../src/scenario/schema.js';

export interface WholeProgram {
  readonly model: MipModel;
  readonly form: Formulation;
  /** Named students in sections, rooms assigned, for the program's values. */
  schedule(values: readonly number[]): Schedule;
  /** Pathway students the program counts placed in these values. */
  placed(values: readonly number[]): number;
}

export function wholeProgram(scenario: Scenario, strategy: Strategy = 'cte-first'): WholeProgram {
  const inst = buildInstance(scenario);
  const form = formulate(inst);
  return {
    model: scenarioProgram(scenario, strategy),
    form,
    schedule: (values) => buildSchedule(inst, decode(form, values)),
    placed: (values) => Math.round(evaluate(form.terms.placed, values)),
  };
}
