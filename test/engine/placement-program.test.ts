/**
 * The placement program (src/engine/placement.ts): it keeps every board rule and every pathway
 * student, so its optimum is the most pathway students any schedule with the engine's planned
 * sections places (brute force on random small schools, helpers/optimum.ts), and its solutions are
 * solutions of the whole program.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, readScenarioFile } from '../../src/scenario/parse.js';
import { buildInstance } from '../../src/model/instance.js';
import { evaluate, formulate } from '../../src/model/formulation.js';
import { placementProgram } from '../../src/engine/placement.js';
import { solveMip } from '../../solver/run.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { randomSchool } from '../helpers/random-school.js';
import { optimum } from '../helpers/optimum.js';
import { propertySeeds } from '../helpers/seeds.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

describe('placement program', () => {
  it('leaves out the loading of students outside pathways and keeps every board column', () => {
    const scenario = readScenarioFile('fixtures/valley-ab-150.json');
    const inst = buildInstance(scenario);
    const form = formulate(inst);
    const full = form.builder.build('max', []);
    const program = placementProgram(
      inst,
      full.columns.map((c) => c.name),
    );
    expect(program.form.vars.teach.map((v) => v.col).length).toBe(form.vars.teach.length);
    expect(program.model.columns.length).toBeLessThan(full.columns.length);
    const outside = new Set(inst.groups.flatMap((g, gi) => (g.pathway ? [] : [gi])));
    expect(program.form.vars.parts.filter((p) => outside.has(p.group)).every((p) => p.takes.length === 0)).toBe(true);
    const names = new Set(full.columns.map((c) => c.name));
    expect(program.model.columns.every((c) => names.has(c.name))).toBe(true);
  });

  it.each(propertySeeds())(
    'has the brute-force optimum of pathway placement, and its solutions are whole-program solutions ($label)',
    async ({ seed }) => {
      await fc.assert(
        fc.asyncProperty(randomSchool(), async (input) => {
          const scenario = parseScenario(input);
          const best = optimum(scenario);
          fc.pre(best !== null);
          const inst = buildInstance(scenario);
          const form = formulate(inst);
          const full = form.builder.build('max', []);
          const program = placementProgram(
            inst,
            full.columns.map((c) => c.name),
          );
          const result = await solveMip(program.model, { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
          if (result.termination === 'infeasible') return; // no board keeps the hard rules; the engine test covers this
          expect(result.termination).toBe('optimal');
          const { objective } = result;
          if (result.values === null || objective === null) expect.unreachable('an optimal result has values and an objective');
          const values = program.toFull(result.values, full.columns.length);
          expect(checkFeasibility(full, values, 1e-6).feasible).toBe(true);
          expect(Math.round(evaluate(form.terms.placed, values))).toBe(Math.round(objective));
          // Single-slot placements make the group counts exact: the optimum is brute force's (with the
          // engine's sections, and cohorts that fit their rooms: helpers/optimum.ts); otherwise the
          // program is a relaxation.
          const singleSlots = [...inst.courses.values()].every((c) => c.patterns.every((p) => p.slots.length === 1));
          if (singleSlots && !best.cohortRoomsShort) expect(Math.round(objective)).toBe(best.withinPlan);
          else expect(Math.round(objective)).toBeGreaterThanOrEqual(best.withinPlan);
        }),
        { numRuns: 40, seed },
      );
    },
    240_000,
  );
});
