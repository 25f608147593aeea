/**
 * `import-solution` trusts nothing (issue 17 item 3, audit H6), as a property over solution files
 * of random small schools (helpers/random-school.ts), on a fixed and a random seed. Each school's
 * exported program is solved by HiGHS and its answer written as a CBC file (`status - objective
 * value z`, then `index name value reduced-cost`, zeros omitted) or a HiGHS file (model status,
 * primal status, objective, then `# Columns` and `name value` for every column). That file
 * imports, with the stated and the recomputed objective equal to HiGHS's and a schedule the
 * checker accepts. Every mutation of it is refused with the problem it has, before any schedule is
 * made:
 * - emptied (or only blank lines);
 * - its status made one that has no solution (Infeasible, Unbounded, Error);
 * - a column's name changed to one the model lacks;
 * - a value on an integer column made fractional;
 * - a value put outside its column's bounds;
 * - a line of prose put among the values.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { InputError } from '../../src/scenario/problems.js';
import { exportProgram, importProgramSolution, scenarioProgram } from '../../src/io/model-files.js';
import { solveMip } from '../../solver/run.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { randomSchool } from '../helpers/random-school.js';
import { propertySeeds } from '../helpers/seeds.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** Runs per seed (one HiGHS solve and seven imports each). */
const RUNS = 25;

type Style = 'cbc' | 'highs';

/** A column's value line in the file's style. */
const valueLine = (style: Style, j: number, name: string, v: number) => (style === 'cbc' ? `${String(j).padStart(7)} ${name} ${v} 0` : `${name} ${v}`);

/** A solver's solution file for these values, with some columns' lines replaced (`edits`), or a line put before one. */
function solutionFile(
  style: Style,
  status: string,
  objective: number,
  names: readonly string[],
  values: readonly number[],
  edits: ReadonlyMap<number, string> = new Map(),
): string {
  // CBC omits zero values; HiGHS lists every column.
  const lines = names.flatMap((name, j) => {
    const edited = edits.get(j);
    if (edited !== undefined) return [edited];
    const v = values[j] ?? 0;
    return style === 'cbc' && v === 0 ? [] : [valueLine(style, j, name, v)];
  });
  const head =
    style === 'cbc'
      ? [`${status} - objective value ${objective}`]
      : ['Model status', status, '', '# Primal solution values', 'Feasible', `Objective ${objective}`, `# Columns ${names.length}`];
  return `${[...head, ...lines].join('\n')}\n`;
}

const refusals = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
};

const cases = fc.record({
  input: randomSchool(),
  style: fc.constantFrom<Style>('cbc', 'highs'),
  blank: fc.constantFrom('', '\n', '  \n\n'),
  noSolution: fc.constantFrom('Infeasible', 'Unbounded', 'Error'),
  // Which column each mutation touches, as a share of the candidates (resolved once the program is known).
  at: fc.record({
    unknown: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fractional: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    outside: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    prose: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  }),
});

describe.each(propertySeeds())('import-solution on mutated solution files of random small schools ($label)', ({ seed }) => {
  it('imports the solver’s file and refuses each mutation of it with the problem it has', async () => {
    const seen = { runs: 0, solved: 0 };
    await fc.assert(
      fc.asyncProperty(cases, async ({ input, style, blank, noSolution, at }) => {
        seen.runs++;
        const scenario = parseScenario(input);
        const model = scenarioProgram(scenario);
        const { map } = exportProgram(scenario, 'mps');
        const result = await solveMip(model, { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
        if (result.values === null) return;
        seen.solved++;
        const values = result.values.map((v, j) => (model.columns[j]!.kind === 'continuous' ? v : Math.round(v)));
        const z = result.objective ?? expect.unreachable('a result with values has an objective');
        const file = (edits?: ReadonlyMap<number, string>, status = 'Optimal') => solutionFile(style, status, z, map.columns, values, edits);
        const line = (j: number, name = map.columns[j]!, v = values[j]!) => valueLine(style, j, name, v);
        const imp = (text: string) => () => importProgramSolution(scenario, map, text, 'model.sol');

        const good = importProgramSolution(scenario, map, file(), 'model.sol');
        expect(good.check.violations).toEqual([]);
        expect(good.objective).toBeCloseTo(z, 6);
        expect(good.recomputedObjective).toBeCloseTo(z, 6);
        expect(good.status).toBe('Optimal');

        expect(refusals(imp(blank))).toEqual(['the solver solution file is empty']);
        expect(refusals(imp(file(undefined, noSolution)))).toContainEqual(`the solver says "${noSolution}": there is no schedule to import`);

        const pick = (share: number, ok: (j: number) => boolean) => {
          const js = map.columns.map((_, j) => j).filter(ok);
          return js[Math.floor(share * js.length)];
        };

        const renamed = pick(at.unknown, () => true) ?? expect.unreachable('the model has no columns');
        const renamedName = map.columns[renamed] ?? expect.unreachable(`no column ${renamed}`);
        expect(refusals(imp(file(new Map([[renamed, line(renamed, `${renamedName}_X`)]]))))).toEqual([
          `the file names 1 column the model lacks: ${renamedName}_X`,
        ]);

        const integral = pick(at.fractional, (j) => model.columns[j]!.kind !== 'continuous' && model.columns[j]!.ub - model.columns[j]!.lb >= 1);
        if (integral !== undefined) {
          const v = model.columns[integral]!.lb + 0.5;
          expect(refusals(imp(file(new Map([[integral, line(integral, undefined, v)]]))))).toEqual([
            expect.stringMatching(new RegExp(`^1 integer column has a value that is not whole: ${escape(model.columns[integral]!.name)} = ${v}$`)),
          ]);
        }

        const bounded = pick(at.outside, (j) => Number.isFinite(model.columns[j]!.ub)) ?? expect.unreachable('the model has no bounded column');
        const over = model.columns[bounded]!.ub + 1;
        expect(refusals(imp(file(new Map([[bounded, line(bounded, undefined, over)]]))))).toEqual([
          expect.stringMatching(new RegExp(`^1 value lies outside the column's bounds: ${escape(model.columns[bounded]!.name)} = ${over} \\(allowed`)),
        ]);

        const before = pick(at.prose, () => true) ?? expect.unreachable('the model has no columns');
        const prose = refusals(imp(file(new Map([[before, `The solver ran out of memory\n${line(before)}`]]))));
        expect(prose).toEqual([expect.stringMatching(/^1 line is neither a value nor a status, e\.g\. "The solver ran out of memory"/)]);
      }),
      { numRuns: RUNS, seed },
    );
    console.log(`import-solution: ${seen.runs} schools, program solved in ${seen.solved}`);
    expect(seen.solved).toBeGreaterThanOrEqual(RUNS * 0.8);
  }, 300_000);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
