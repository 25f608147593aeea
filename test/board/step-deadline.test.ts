/**
 * The board search's steps end by the search's `until`: a step started just before it is given
 * only the time left, not its whole `stepSeconds`, so the stage after the search keeps its time
 * and the solve keeps its limit (a step that ran its whole cap took a 60 s solve to 65 s).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { buildInstance } from '../../src/model/instance.js';
import { formulate } from '../../src/model/formulation.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import { scheduleToValues } from '../../src/board/incumbent.js';
import { improveBoard } from '../../src/board/lns.js';
import { strategyObjective, withObjective } from '../../src/model/objective.js';
import { shutdownSolverWorkers } from '../../solver/index.js';
import type * as Tiers from '../../src/board/tiers.js';

const stepLimits = vi.hoisted(() => [] as number[]);
vi.mock('../../src/board/tiers.js', async (importOriginal) => {
  const real = await importOriginal<typeof Tiers>();
  return {
    ...real,
    solveTiers: (...args: Parameters<typeof Tiers.solveTiers>) => {
      stepLimits.push(args[2].timeLimitSeconds);
      return real.solveTiers(...args);
    },
  };
});

afterAll(() => shutdownSolverWorkers());

describe('board search near its end', () => {
  it('gives no step more time than is left before until, under a node limit too', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(new URL('../../fixtures/tiny-ab.json', import.meta.url), 'utf8')));
    const form = formulate(buildInstance(scenario));
    const goal = strategyObjective('cte-first', form);
    const model = withObjective(form.builder.build('max', []), goal.objective);
    const start = scheduleToValues(form, greedyCteFirstSchedule(scenario), model.columns.length);
    // A clock stopped 2 s before the search's end; steps may otherwise take 60 s each.
    const outcome = await improveBoard(form, model, goal, new Set(form.vars.teach.map((v) => v.col)), start, {
      backend: 'highs',
      seed: 1,
      now: () => 10,
      until: 12,
      stepSeconds: 60,
      stepNodes: 5,
      maxSteps: 4,
      maxFree: 40,
      maxTouched: 30,
      parallel: 2,
    });
    expect(outcome.steps).toBe(4);
    expect(stepLimits.length).toBeGreaterThanOrEqual(4);
    for (const limit of stepLimits) expect(limit).toBeLessThanOrEqual(2);
  });
});
