/**
 * The board search's course-set neighbourhoods (src/board/neighbourhoods.ts): on a school
 * without pathways, from a board where every slot and pathway family is stuck, freeing every
 * section of the courses around an unmet request still meets more requests.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { generateScenario } from '../../src/generate/scenario.js';
import { buildInstance } from '../../src/model/instance.js';
import { formulate } from '../../src/model/formulation.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import { scheduleToValues } from '../../src/board/incumbent.js';
import { boardSearchFamilies, courseSets, neighbourhoodFamilies, randomCourseSets, unmetRequests } from '../../src/board/neighbourhoods.js';
import { improveBoard } from '../../src/board/lns.js';
import { FROZEN_CLOCK_SEARCH } from '../helpers/frozen-search.js';
import { compareTierValues, strategyObjective, tierValues, withObjective } from '../../src/model/objective.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { shutdownSolverWorkers } from '../../solver/index.js';
import type { MipModel } from '../../solver/mip.js';

afterAll(() => shutdownSolverWorkers());

/** A generated 30-student school in a 6-period day, no pathways; the slot families stall on it below what course sets reach. */
function school() {
  const scenario = parseScenario(generateScenario({ students: 30, calendar: 'trad6', pathways: 0, seed: 7 }));
  const form = formulate(buildInstance(scenario));
  const goal = strategyObjective('cte-first', form);
  const model: MipModel = withObjective(form.builder.build('max', []), goal.objective);
  const start = scheduleToValues(form, greedyCteFirstSchedule(scenario), model.columns.length);
  return { form, goal, model, start, board: new Set(form.vars.teach.map((v) => v.col)) };
}

const options = FROZEN_CLOCK_SEARCH;

describe('course-set neighbourhoods of the board search', () => {
  it('meet more requests where the slot families are stuck', async () => {
    const { form, goal, model, start, board } = school();
    expect(form.inst.cohorts).toEqual([]);
    const stuck = await improveBoard(form, model, goal, board, start, options);
    expect(stuck.stop).toBe('local-optimum');
    const families = boardSearchFamilies(form, options.maxFree, options.maxTouched, options.seed).filter((f) => f.name.startsWith('course sets'));
    expect(families.map((f) => f.name)).toEqual(['course sets of 4', 'course sets of 8', 'course sets of 16']);
    const kept: string[] = [];
    const better = await improveBoard(form, model, goal, board, stuck.values, { ...options, families, onImprove: (_, name) => kept.push(name) });
    expect(better.improvements).toBeGreaterThan(0);
    expect(kept.every((name) => name.startsWith('courses '))).toBe(true);
    expect(compareTierValues(tierValues(goal.tiers, better.values), tierValues(goal.tiers, stuck.values))).toBeGreaterThan(0);
    expect(checkFeasibility(model, better.values, 1e-6).feasible).toBe(true);
    // Reproducible under work limits.
    expect(await improveBoard(form, model, goal, board, stuck.values, { ...options, families })).toEqual(better);
  }, 60_000);

  it('free every section of their courses, start from an unmet request, and grow by family', () => {
    const { form, start } = school();
    const unmet = unmetRequests(form, start);
    expect(unmet.length).toBeGreaterThan(0);
    const sets = courseSets(form, start, 4, 0, 80, 60, 1);
    expect(sets.length).toBeGreaterThan(0);
    // The first set holds a course of the first unmet request (the course or an alternate).
    const first = form.inst.groups[unmet[0]!.group]!.requests[unmet[0]!.request]!;
    const named = (n: (typeof sets)[number]) => n.name.replace(/^courses /, '').split('+');
    expect(named(sets[0]!).some((c) => first.choices.includes(c))).toBe(true);
    for (const n of sets) {
      const courses = named(n);
      expect(courses.length).toBeLessThanOrEqual(4);
      // Every placement of every teacher of those courses, and nothing else.
      const columns = form.vars.teach.filter((v) => !v.cohort && courses.includes(v.course)).map((v) => v.col);
      expect([...n.free].sort((a, b) => a - b)).toEqual(columns.sort((a, b) => a - b));
    }
    expect(new Set(sets.map((n) => n.name)).size).toBe(sets.length);
    // A larger family leaves out the sets a smaller one already tried, and depends only on the solution and seed.
    const larger = courseSets(form, start, 8, 4, 160, 120, 1);
    for (const n of larger) expect(named(n).length).toBeGreaterThan(4);
    expect(courseSets(form, start, 8, 4, 160, 120, 1).map((n) => [n.name, [...n.free]])).toEqual(larger.map((n) => [n.name, [...n.free]]));
    // Course sets follow the first, cheapest family of pathway grades and slot pairs.
    const names = boardSearchFamilies(form, 40, 30, 1).map((f) => f.name);
    expect(names.slice(0, 3)).toEqual([neighbourhoodFamilies(form, 40, 30, 1)[0]!.name, 'course sets of 4', 'course sets of 8']);
    expect(names.at(-1)).toBe('random course sets');
  });

  it('drawn at random come from the seed and the board only, and free every section of their courses', () => {
    const { form, start } = school();
    const draw = (seed: number, values: readonly number[]) => randomCourseSets(form, values, 8, 32, 400, 400, seed).map((n) => [n.name, [...n.free]] as const);
    const first = draw(1, start);
    expect(first.length).toBeGreaterThan(10);
    expect(draw(1, start)).toEqual(first);
    expect(draw(2, start)).not.toEqual(first);
    // Another board (one section off) draws other sets.
    const moved = [...start];
    const on = form.vars.teach.find((v) => !v.cohort && Math.round(start[v.col] ?? 0) > 0) ?? expect.unreachable('no section on the board');
    moved[on.col] = 0;
    expect(draw(1, moved)).not.toEqual(first);
    for (const [name, free] of first) {
      const courses = name.replace(/^random courses /, '').split('+');
      expect(courses.length).toBeGreaterThan(0);
      expect(courses.length).toBeLessThanOrEqual(8);
      const columns = form.vars.teach.filter((v) => !v.cohort && courses.includes(v.course)).map((v) => v.col);
      expect([...free].sort((a, b) => a - b)).toEqual(columns.sort((a, b) => a - b));
    }
  });
});
