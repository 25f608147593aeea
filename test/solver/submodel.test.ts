/**
 * Submodels of a MIP with held columns: solving the submodel and mapping the answer back gives a
 * point feasible for the full model with the same objective as solving the full model with the
 * same columns held at their values.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractSubmodel } from '../../solver/submodel.js';
import { fixColumns } from '../../solver/mip.js';
import { checkFeasibility, objectiveValue } from '../../solver/feasibility.js';
import { shutdownSolverWorkers, solveMip } from '../../solver/index.js';
import type { MipColumn, MipModel, MipRow, VarKind } from '../../solver/mip.js';

afterAll(() => shutdownSolverWorkers());

const seed = Number(process.env['FC_SEED'] ?? Date.now() % 1_000_000);
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);

/** A small random MIP with a known feasible integral point (`point`) and a held subset. */
const heldMip = fc
  .record({
    columns: fc.array(
      fc.record({
        kind: fc.constantFrom<VarKind>('binary', 'integer', 'continuous'),
        ub: fc.integer({ min: 1, max: 6 }),
        obj: fc.integer({ min: -5, max: 5 }),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 2, maxLength: 8 },
    ),
    rows: fc.array(
      fc.record({
        coefs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 }),
        below: fc.option(fc.integer({ min: 0, max: 4 })),
        above: fc.option(fc.integer({ min: 0, max: 4 })),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
    offset: fc.integer({ min: -10, max: 10 }),
    held: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ columns: cs, rows: rs, sense, offset, held: h }) => {
    const columns: MipColumn[] = cs.map((c, j) => ({ name: `x${j}`, kind: c.kind, lb: 0, ub: c.kind === 'binary' ? 1 : c.ub, obj: c.obj }));
    const point = columns.map((c, j) => Math.round((cs[j]?.at ?? 0) * c.ub));
    const rows: MipRow[] = rs.map((r, i) => {
      const cols: number[] = [];
      const coefs: number[] = [];
      columns.forEach((_, j) => {
        const a = r.coefs[j] ?? 0;
        if (a !== 0) {
          cols.push(j);
          coefs.push(a);
        }
      });
      const activity = cols.reduce((s, j, k) => s + (coefs[k] ?? 0) * (point[j] ?? 0), 0);
      return { name: `r${i}`, cols, coefs, lb: r.below === null ? -Infinity : activity - r.below, ub: r.above === null ? Infinity : activity + r.above };
    });
    const model: MipModel = { sense, columns, rows, objOffset: offset };
    const held = new Set(columns.map((_, j) => j).filter((j) => h[j]));
    return { model, point, held };
  });

describe('submodel extraction', () => {
  it('solving the submodel and mapping back matches solving the held full model', async () => {
    await fc.assert(
      fc.asyncProperty(heldMip, fc.boolean(), async ({ model, point, held }, holdForcedZeros) => {
        const options = { backend: 'highs', timeLimitSeconds: 10, mipGap: 0, seed: 1 } as const;
        const whole = await solveMip(fixColumns(model, new Map([...held].map((j) => [j, point[j] ?? 0]))), options);
        const sub = extractSubmodel(model, held, point, { holdForcedZeros });
        expect(sub.violatedRow).toBeUndefined();
        expect(sub.model.columns.length).toBe(model.columns.length - held.size - sub.forcedZeros);
        for (const r of sub.model.rows) expect(r.cols.length).toBeGreaterThan(0);
        const part = await solveMip(sub.model, { ...options, start: sub.restrict(point) });
        // `gap-reached` here is HiGHS's absolute gap tolerance (1e-6): optimal for integral objectives.
        expect(['optimal', 'gap-reached']).toContain(whole.termination);
        expect(['optimal', 'gap-reached']).toContain(part.termination);
        const full = sub.expand(part.values ?? []);
        expect(checkFeasibility(model, full, 1e-6).firstProblem).toBeUndefined();
        for (const j of held) expect(full[j]).toBe(point[j]);
        // The held part of the objective travels as the submodel's offset.
        expect(part.objective).toBeCloseTo(objectiveValue(model, full), 6);
        expect(part.objective).toBeCloseTo(whole.objective ?? NaN, 6);
      }),
      { numRuns: 25, seed },
    );
  }, 50_000);

  it('with an objective and rows given as options, gives the submodel of the model carrying them', () => {
    fc.assert(
      fc.property(
        heldMip,
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 }),
        ({ model, point, held }, objective, floorCoefs) => {
          const n = model.columns.length;
          // A row over every column, as a tier floor is: it may be dropped (all held) or kept.
          const floor: MipRow = { name: 'floor', cols: model.columns.map((_, j) => j), coefs: floorCoefs.slice(0, n), lb: -Infinity, ub: 40 };
          const carrying: MipModel = { ...model, columns: model.columns.map((c, j) => ({ ...c, obj: objective[j] ?? 0 })), rows: [...model.rows, floor] };
          const given = extractSubmodel(model, held, point, { objective: Float64Array.from(objective.slice(0, n)), rows: [floor] });
          const expected = extractSubmodel(carrying, held, point);
          expect(given.model).toEqual(expected.model);
          expect(given.columns).toEqual(expected.columns);
          expect(given.droppedRows).toBe(expected.droppedRows);
          expect(given.violatedRow).toBe(expected.violatedRow);
        },
      ),
      { numRuns: 100, seed },
    );
  });

  it('drops rows with only held columns, shifts the others, and reports a violated dropped row', () => {
    const model: MipModel = {
      sense: 'max',
      columns: [0, 1, 2].map((j) => ({ name: `x${j}`, kind: 'integer', lb: 0, ub: 5, obj: j + 1 })),
      rows: [
        { name: 'both', cols: [0, 1], coefs: [1, 2], lb: 3, ub: 7 },
        { name: 'heldOnly', cols: [0, 2], coefs: [1, 1], lb: -Infinity, ub: 4 },
      ],
    };
    const sub = extractSubmodel(model, new Set([0, 2]), [1, 4, 3]);
    expect(sub.columns).toEqual([1]);
    expect(sub.droppedRows).toBe(1);
    expect(sub.model.rows).toEqual([{ name: 'both', cols: [0], coefs: [2], lb: 2, ub: 6 }]);
    expect(sub.model.objOffset).toBe(1 + 3 * 3);
    expect(sub.violatedRow).toBeUndefined();
    expect(sub.restrict([1, 4, 3])).toEqual([4]);
    expect(sub.expand([2])).toEqual([1, 2, 3]);
    expect(extractSubmodel(model, new Set([0, 2]), [1, 4, 4]).violatedRow).toBe('heldOnly');
  });

  it('holds at 0 the free columns a row forces to 0 once the held columns are in', () => {
    // seats ≤ 30·open: with the section held closed, its seats x1 and x2 can only be 0.
    const model: MipModel = {
      sense: 'max',
      columns: [
        { name: 'open', kind: 'binary', lb: 0, ub: 1, obj: 0 },
        ...[1, 2, 3].map((j) => ({ name: `x${j}`, kind: 'integer' as const, lb: 0, ub: 30, obj: 1 })),
      ],
      rows: [
        { name: 'seats', cols: [1, 2, 0], coefs: [1, 1, -30], lb: -Infinity, ub: 0 },
        { name: 'total', cols: [1, 2, 3], coefs: [1, 1, 1], lb: -Infinity, ub: 40 },
      ],
    };
    const closed = extractSubmodel(model, new Set([0]), [0, 0, 0, 5], { holdForcedZeros: true });
    expect(closed.forcedZeros).toBe(2);
    expect(closed.columns).toEqual([3]);
    expect(closed.model.rows).toEqual([{ name: 'total', cols: [0], coefs: [1], lb: -Infinity, ub: 40 }]);
    expect(closed.expand([7])).toEqual([0, 0, 0, 7]);
    // Held open, the section's row leaves its seats free.
    const open = extractSubmodel(model, new Set([0]), [1, 0, 0, 5], { holdForcedZeros: true });
    expect(open.forcedZeros).toBe(0);
    expect(open.columns).toEqual([1, 2, 3]);
    // Without the option, forced zeros stay free (a search step keeps them).
    expect(extractSubmodel(model, new Set([0]), [0, 0, 0, 5]).columns).toEqual([1, 2, 3]);
  });
});
