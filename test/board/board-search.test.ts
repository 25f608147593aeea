/**
 * The board search's parts: the combinatorial placement bound is a real bound, the greedy
 * CTE-first loader's schedule passes the checker and reads back as a feasible solution of the
 * program, and the neighbourhoods free only board columns and are a function of the solution.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { buildInstance } from '../../src/model/instance.js';
import { formulate, evaluate } from '../../src/model/formulation.js';
import { check } from '../../src/checker/index.js';
import { combinatorialPlacementBound } from '../../src/board/placement-bound.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import { scheduleToValues } from '../../src/board/incumbent.js';
import { neighbourhoodFamilies, neighbourhoods } from '../../src/board/neighbourhoods.js';
import { heldColumns, improveBoard, type LnsOptions, type LnsStepSize } from '../../src/board/lns.js';
import { compareTierValues, strategyObjective, tierValues, withObjective } from '../../src/model/objective.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { shutdownSolverWorkers } from '../../solver/index.js';
import { FROZEN_CLOCK_SEARCH } from '../helpers/frozen-search.js';
import type { MipModel } from '../../solver/mip.js';
import { randomSchool } from '../helpers/random-school.js';
import { optimum } from '../helpers/optimum.js';
import { propertySeeds } from '../helpers/seeds.js';
import { handScenario, handSchedule } from '../helpers/hand-school.js';

afterAll(() => shutdownSolverWorkers());

const fixture = (name: string) => parseScenario(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));

describe('combinatorial placement bound', () => {
  // Not yet "never below the optimum": it counts a request as possible only where the engine plans
  // a regular section, and the optimum sometimes needs one the plan lacks (helpers/optimum.ts);
  // there the bound is below the optimum and the engine calls its schedule optimal (issue 14).
  it.each(propertySeeds())('is never below the brute-force optimum within the engine’s section plan ($label)', ({ seed }) => {
    fc.assert(
      fc.property(randomSchool(), (input) => {
        const scenario = parseScenario(input);
        const best = optimum(scenario);
        fc.pre(best !== null);
        const bound = combinatorialPlacementBound(buildInstance(scenario));
        expect(bound?.value ?? 0).toBeGreaterThanOrEqual(best.withinPlan);
      }),
      { numRuns: 150, seed },
    );
  });

  it('counts every member of valley, where all can be placed', () => {
    expect(combinatorialPlacementBound(buildInstance(fixture('valley-ab-150.json')))).toEqual({
      value: 42,
      source: 'pathway students (every member placeable)',
    });
  });

  it('counts only the seats of the cohorts when the cohort course seats fewer than the members', () => {
    // Health Science 1 seats one: the one HEALTH cohort (two members, cohort size 2) holds one.
    const scenario = handScenario((s) => {
      s.courses[1]!.capacity = 1;
    });
    expect(combinatorialPlacementBound(buildInstance(scenario))).toEqual({ value: 1, source: 'pathway students, less seats in cohorts' });
  });
});

describe('greedy CTE-first loader', () => {
  for (const name of ['tiny-ab.json', 'valley-ab-150.json', 'sierra-4x4-400.json']) {
    it(`gives a schedule the checker accepts and the program reads back as feasible (${name})`, () => {
      const scenario = fixture(name);
      const schedule = greedyCteFirstSchedule(scenario);
      const checked = check(scenario, schedule);
      expect(checked.violations).toEqual([]);
      const bound = combinatorialPlacementBound(buildInstance(scenario));
      expect(checked.figures.pathwayPlaced.count).toBeLessThanOrEqual(bound?.value ?? 0);

      const form = formulate(buildInstance(scenario));
      const model = form.builder.build('max', []);
      const values = scheduleToValues(form, schedule, model.columns.length);
      expect(checkFeasibility(model, values, 1e-6).feasible).toBe(true);
      // The program counts a student placed only under its own (stricter or equal) rule.
      expect(evaluate(form.terms.placed, values)).toBeLessThanOrEqual(checked.figures.pathwayPlaced.count);
    });
  }
});

describe('neighbourhoods of the board search', () => {
  it('free only board columns, respect the size limit, and depend only on the solution', () => {
    const scenario = fixture('valley-ab-150.json');
    const form = formulate(buildInstance(scenario));
    const model = form.builder.build('max', []);
    const values = scheduleToValues(form, greedyCteFirstSchedule(scenario), model.columns.length);
    const board = new Set(form.vars.teach.map((v) => v.col));
    const first = neighbourhoods(form, values, 60, 40);
    const again = neighbourhoods(form, values, 60, 40);
    expect(again.map((n) => [n.name, [...n.free]])).toEqual(first.map((n) => [n.name, [...n.free]]));
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]!.name).toMatch(/^pathway /);
    for (const n of first) {
      expect(n.free.size).toBeLessThanOrEqual(60);
      for (const c of n.free) expect(board.has(c)).toBe(true);
      const held = heldColumns(form, board, n.free);
      for (const c of n.free) expect(held.has(c)).toBe(false);
    }
  });
});

describe('large-neighbourhood search under work limits', () => {
  it('with a node limit per step and a step budget gives the same values on every run, from submodels only', async () => {
    const scenario = fixture('tiny-ab.json');
    const form = formulate(buildInstance(scenario));
    const goal = strategyObjective('cte-first', form);
    const model: MipModel = withObjective(form.builder.build('max', []), goal.objective);
    const start = scheduleToValues(form, greedyCteFirstSchedule(scenario), model.columns.length);
    expect(checkFeasibility(model, start, 1e-6).feasible).toBe(true);
    const board = new Set(form.vars.teach.map((v) => v.col));
    const sizes: LnsStepSize[] = [];
    // A clock that never moves: only the work limits can end a step or the search.
    const options: LnsOptions = {
      backend: 'highs',
      seed: 1,
      until: Number.POSITIVE_INFINITY,
      now: () => 0,
      stepSeconds: 60,
      stepNodes: 5,
      maxSteps: 3,
      maxFree: 40,
      maxTouched: 30,
      parallel: 2,
      onStepSize: (s) => sizes.push(s),
    };
    const first = await improveBoard(form, model, goal, board, start, options);
    const second = await improveBoard(form, model, goal, board, start, options);
    expect(first.stop).toBe('step-limit');
    expect(first.steps).toBe(3);
    expect(first.timeCutSteps).toBe(0);
    expect(first.improvements).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(checkFeasibility(model, first.values, 1e-6).feasible).toBe(true);
    expect(compareTierValues(tierValues(goal.tiers, first.values), tierValues(goal.tiers, start))).toBeGreaterThan(0);
    expect(sizes).toHaveLength(6);
    for (const s of sizes) expect(s.columns).toBeLessThan(s.fullColumns);
  }, 55_000);
});

describe('the board search’s stall rule', () => {
  it('families grow: each later family frees more columns at most, and all are a function of the solution and seed', () => {
    const scenario = fixture('valley-ab-150.json');
    const form = formulate(buildInstance(scenario));
    const model = form.builder.build('max', []);
    const values = scheduleToValues(form, greedyCteFirstSchedule(scenario), model.columns.length);
    const board = new Set(form.vars.teach.map((v) => v.col));
    const families = neighbourhoodFamilies(form, 60, 40, 1);
    expect(families.length).toBeGreaterThan(1);
    const lists = families.map((f) => f.of(values));
    expect(neighbourhoodFamilies(form, 60, 40, 1).map((f) => f.of(values).map((n) => n.name))).toEqual(lists.map((l) => l.map((n) => n.name)));
    const widest = lists.map((l) => Math.max(0, ...l.map((n) => n.free.size)));
    expect(widest.at(-1) ?? expect.unreachable('no neighbourhood family')).toBeGreaterThan(widest[0]!);
    for (const l of lists) for (const n of l) for (const c of n.free) expect(board.has(c)).toBe(true);
  });

  it('is not the first local optimum: from a schedule nothing improves, every neighbourhood of every family is tried before it stops', async () => {
    // The hand school's valid schedule places both members and meets every request: nothing improves it.
    const scenario = handScenario();
    const form = formulate(buildInstance(scenario));
    const goal = strategyObjective('cte-first', form);
    const model: MipModel = withObjective(form.builder.build('max', []), goal.objective);
    const start = scheduleToValues(form, handSchedule(), model.columns.length);
    expect(checkFeasibility(model, start, 1e-6).feasible).toBe(true);
    const board = new Set(form.vars.teach.map((v) => v.col));
    const options = FROZEN_CLOCK_SEARCH;
    const sizes = neighbourhoodFamilies(form, options.maxFree, options.maxTouched, options.seed).map((f) => new Set(f.of(start).map((n) => n.name)).size);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.slice(1).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const outcome = await improveBoard(form, model, goal, board, start, options);
    expect(outcome).toMatchObject({ stop: 'local-optimum', improvements: 0 });
    expect(outcome.steps).toBe(sizes.reduce((a, b) => a + b, 0));
  }, 55_000);
});
