/**
 * The placement search's first family (src/board/member-courses.ts): a pathway grade with every
 * course its unplaced members need, big courses included. Its shape on generated schools, and
 * that the placement search (src/engine/placement.ts) uses it: on a generated 300-student
 * 7-period school one batch of it places more than one batch of the board search's families.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { generateScenario } from '../../src/generate/scenario.js';
import { buildInstance } from '../../src/model/instance.js';
import { evaluate, formulate, type Formulation } from '../../src/model/formulation.js';
import { greedyBoard } from '../../src/board/greedy.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import { scheduleToValues } from '../../src/board/incumbent.js';
import { memberCourses, placementFamilies } from '../../src/board/member-courses.js';
import { neighbourhoodFamilies, unplacedByPathwayGrade } from '../../src/board/neighbourhoods.js';
import { improveBoard } from '../../src/board/lns.js';
import { objectiveTiers } from '../../src/model/objective.js';
import { placementProgram, placementSearchFamilies, searchPlacement, sectionKey } from '../../src/engine/placement.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { propertySeeds } from '../helpers/seeds.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** A generated 7-period school (double-period CTE labs) and the greedy loader's solution on its greedy board. */
function school(students: number, pathways: number, seed: number) {
  const scenario = parseScenario(generateScenario({ students, calendar: 'trad7', pathways, seed }));
  const inst = buildInstance(scenario);
  const form = formulate(inst);
  const columns = form.builder.build('max', []).columns.length;
  return { inst, form, values: scheduleToValues(form, greedyCteFirstSchedule(scenario), columns), columns };
}

/** Columns of each regular course and of each pathway grade's cohort sections. */
function columnsOf(form: Formulation) {
  const regular = new Map<string, Set<number>>();
  const grade = new Map<string, Set<number>>();
  for (const v of form.vars.teach) {
    if (v.cohort) {
      const k = form.inst.cohorts.find((c) => c.id === v.cohort);
      if (!k) throw new Error(`cohort ${v.cohort} of a section is not in the instance`);
      const key = `${k.pathway}|${k.grade}`;
      grade.set(key, (grade.get(key) ?? new Set()).add(v.col));
    } else regular.set(v.course, (regular.get(v.course) ?? new Set()).add(v.col));
  }
  return { regular, grade };
}

/** Courses whose safe choices the unplaced members of a pathway grade request outside their cohort. */
function wanted(form: Formulation, values: readonly number[], key: string): Set<string> {
  const placed = new Map<number, number>();
  for (const p of form.vars.parts) if (p.placed !== undefined) placed.set(p.group, (placed.get(p.group) ?? 0) + Math.round(values[p.placed] ?? 0));
  const out = new Set<string>();
  form.inst.groups.forEach((g, gi) => {
    if (!g.pathway || `${g.pathway}|${g.grade}` !== key || g.students.length <= (placed.get(gi) ?? 0)) return;
    for (const r of g.requests) if (!r.cohort) for (const c of r.safe) out.add(c);
  });
  return out;
}

describe('pathway grades with their members’ courses', () => {
  it.each(propertySeeds())(
    'free a grade’s cohort sections and every section of its unplaced members’ courses, most unplaced first, within the limits ($label)',
    ({ seed }) => {
      let tried = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 60, max: 160 }),
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 1000 }),
          fc.integer({ min: 20, max: 120 }),
          (students, pathways, s, maxFree) => {
            const { form, values } = school(students, pathways, s);
            const unplaced = unplacedByPathwayGrade(form, values);
            const { regular, grade } = columnsOf(form);
            const short = [...unplaced].filter(([key, n]) => n > 0 && grade.has(key));
            // Unlimited: exactly the cohort sections and every column of every wanted course.
            const all = memberCourses(form, values, Infinity, Infinity);
            tried += all.length;
            expect(all.map((n) => n.name).sort()).toEqual(short.map(([key]) => `pathway ${key.replace('|', ' grade ')} with its members' courses`).sort());
            const counts = all.map((n) => unplaced.get(n.name.replace(/^pathway (\S+) grade (\d+).*$/, '$1|$2')) ?? 0);
            expect(counts).toEqual([...counts].sort((a, b) => b - a));
            for (const [key] of short) {
              const n = all.find((x) => x.name.startsWith(`pathway ${key.replace('|', ' grade ')} `));
              const expected = new Set([...(grade.get(key) ?? [])]);
              for (const c of wanted(form, values, key)) for (const col of regular.get(c) ?? []) expected.add(col);
              expect(n && [...n.free].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
            }
            // Limited: never more than maxFree columns beyond the cohort's own, and whole courses only.
            for (const n of memberCourses(form, values, maxFree, 60)) {
              const key = n.name.replace(/^pathway (\S+) grade (\d+).*$/, '$1|$2');
              const cohort = grade.get(key) ?? new Set<number>();
              expect([...cohort].every((col) => n.free.has(col))).toBe(true);
              const courses = [...regular].filter(([, cols]) => [...cols].some((col) => n.free.has(col)));
              for (const [, cols] of courses) expect([...cols].every((col) => n.free.has(col))).toBe(true);
              if (courses.length > 0) expect(n.free.size).toBeLessThanOrEqual(maxFree);
            }
          },
        ),
        { numRuns: 6, seed },
      );
      // The samples are not all fully placed already: some grade had a neighbourhood to check.
      expect(tried).toBeGreaterThan(0);
    },
    120_000,
  );

  it('with what blocks them, also free the courses that keep the wanted courses’ teachers busy in the grade’s free slots, and only those', () => {
    const { form, values } = school(300, 2, 2);
    const plain = memberCourses(form, values, Infinity, Infinity);
    const wider = memberCourses(form, values, Infinity, Infinity, true);
    expect(wider.length).toBe(plain.length);
    let extra = 0;
    plain.forEach((n, i) => {
      const w = wider[i]!;
      expect(w.name).toBe(`${n.name} and what blocks them`);
      expect([...n.free].every((col) => w.free.has(col))).toBe(true);
      const courseOf = new Map(form.vars.teach.map((v) => [v.col, v.course]));
      const wantedCourses = new Set([...n.free].map((col) => courseOf.get(col)));
      const teachers = new Set([...wantedCourses].flatMap((c) => form.inst.courses.get(c ?? '')?.teachers ?? []));
      const key = n.name.replace(/^pathway (\S+) grade (\d+).*$/, '$1|$2');
      const cohortSlots = new Set(
        form.vars.teach
          .filter(
            (v) => v.cohort && Math.round(values[v.col] ?? 0) > 0 && form.inst.cohorts.some((k) => k.id === v.cohort && `${k.pathway}|${k.grade}` === key),
          )
          .flatMap((v) => v.pattern.slots),
      );
      const added = new Set([...w.free].filter((col) => !n.free.has(col)).map((col) => courseOf.get(col)));
      extra += added.size;
      for (const c of added) {
        // A section of it on the board, taught by a teacher of a wanted course, in a slot the cohort leaves free.
        const blocks = form.vars.teach.some(
          (v) =>
            v.course === c && !v.cohort && Math.round(values[v.col] ?? 0) > 0 && teachers.has(v.teacher) && v.pattern.slots.some((s) => !cohortSlots.has(s)),
        );
        expect(blocks).toBe(true);
      }
    });
    expect(extra).toBeGreaterThan(0);
    // The placement search tries them once the plain family has stalled, before the board search's families.
    expect(
      placementFamilies(form, 80, 200, 1)
        .map((f) => f.name)
        .slice(0, 3),
    ).toEqual([
      "pathway grades with their members' courses",
      "pathway grades with their members' courses and what blocks them",
      'pathway grades and slot pairs',
    ]);
  });

  it('frees courses with more than three sections, which the board search’s pathway-grade neighbourhood leaves where they are', () => {
    const { form, values } = school(300, 2, 2);
    const big = new Set([...form.inst.courses].filter(([, info]) => info.regularSections > 3).map(([c]) => c));
    const freed = memberCourses(form, values, Infinity, Infinity).flatMap((n) =>
      form.vars.teach.filter((v) => !v.cohort && n.free.has(v.col)).map((v) => v.course),
    );
    expect(freed.some((c) => big.has(c))).toBe(true);
  });

  it('come after the board search’s families in the placement search of a program small enough for its whole-program root, first above it', () => {
    const { inst } = school(300, 2, 2);
    const form = formulate(inst);
    const { model } = placementProgram(
      inst,
      form.builder.build('max', []).columns.map((c) => c.name),
    );
    const names = (wholeColumns: number) => placementSearchFamilies(model, wholeColumns, form, 80, 200, 1).map((f) => f.name);
    const board = neighbourhoodFamilies(form, 80, 200, 1).map((f) => f.name);
    const members = placementFamilies(form, 80, 200, 1)
      .map((f) => f.name)
      .filter((n) => !board.includes(n));
    expect(members.length).toBe(2);
    expect(names(model.columns.length)).toEqual([...board, ...members]);
    expect(names(model.columns.length - 1)).toEqual([...members, ...board]);
  });

  it('come first in the placement search: one batch of it places more than one of the board search’s families, the same on every run', async () => {
    const { inst } = school(300, 2, 2);
    const form = formulate(inst);
    const full = form.builder.build('max', []);
    const program = placementProgram(
      inst,
      full.columns.map((c) => c.name),
    );
    // A clock that never moves: the work limits alone end steps and the search.
    const limits = { backend: 'highs' as const, seed: 1, now: () => 0, until: 600, stepSeconds: 300, stepNodes: 500, maxSteps: 2, parallel: 2 };
    const options = {
      ...limits,
      wholeColumns: 0,
      target: null,
      greedyBoard: new Set(greedyBoard(inst).map(sectionKey)),
    };
    const found = await searchPlacement(program, null, full.columns.length, options);
    if (found === null) expect.unreachable('the school has a greedy board to start from');
    expect(found.lns.steps).toBe(2);
    expect(checkFeasibility(full, found.values, 1e-6).feasible).toBe(true);
    // The same batch of the board search's own families, from the same start (the greedy board's placement).
    const { form: pf, model } = program;
    const start = await searchPlacement(program, null, full.columns.length, { ...options, maxSteps: 0 });
    if (start === null) expect.unreachable('the greedy board loads');
    const goal = { tiers: objectiveTiers(pf, 'cte-first').filter((t) => t.kind === 'placed'), weights: [1] };
    const maxFree = Math.max(80, Math.round(pf.vars.teach.length * 0.2));
    const lns = {
      ...limits,
      maxFree,
      maxTouched: 200,
    };
    const teach = new Set(pf.vars.teach.map((v) => v.col));
    const from = program.fromFull(start.values);
    const placedOf = (v: readonly number[]) => Math.round(evaluate(pf.terms.placed, v));
    const old = await improveBoard(pf, model, goal, teach, from, { ...lns, families: neighbourhoodFamilies(pf, maxFree, 200, 1) });
    const mine = await improveBoard(pf, model, goal, teach, from, { ...lns, families: placementFamilies(pf, maxFree, 200, 1) });
    expect(placedOf(mine.values)).toBe(found.placed);
    expect(found.placed).toBeGreaterThan(placedOf(old.values));
    const again = await searchPlacement(program, null, full.columns.length, options);
    expect(again?.values).toEqual(found.values);
  }, 180_000);
});
