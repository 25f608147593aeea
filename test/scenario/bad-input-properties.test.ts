/**
 * Mutated scenarios through the library (issue 12): random field deletions, type swaps,
 * out-of-range numbers and ids renamed to object-prototype keys. The only outcomes allowed are a
 * schedule the checker accepts, `infeasible`, or an InputError whose every problem has a path
 * and a fix: never another exception.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { InputError } from '../../src/scenario/problems.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { handScenarioInput } from '../helpers/hand-school.js';

// CI prints the seed so a failure can be replayed with FC_SEED.
const seed = Number(process.env['FC_SEED'] ?? Date.now() % 1_000_000);
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);

afterAll(async () => {
  await shutdownSolverWorkers();
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Ids a school might use that name Object.prototype members. */
const PROTOTYPE_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'] as const;
const OUT_OF_RANGE = [-1, 0, 0.5, -0.5, 1e9, 1e12, 2 ** 53, Number.MAX_VALUE, NaN, Infinity, -Infinity];
const ODD_VALUES: Json[] = [null, true, 'x', '', [], {}, 0, [1], { a: 1 }, '__proto__'];
const ENTITIES = ['rooms', 'teachers', 'courses', 'pathways', 'students'] as const;

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'swap'; pick: number; value: Json }
  | { kind: 'number'; pick: number; value: number }
  | { kind: 'rename'; entity: (typeof ENTITIES)[number]; index: number; to: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), pick: fc.nat(), value: fc.constantFrom(...ODD_VALUES) }),
  fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), value: fc.constantFrom(...OUT_OF_RANGE) }),
  fc.record({ kind: fc.constant('rename' as const), entity: fc.constantFrom(...ENTITIES), index: fc.nat(), to: fc.constantFrom(...PROTOTYPE_IDS) }),
);

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Sets an own property, even one named `__proto__`. */
const put = (o: { [key: string]: Json }, k: string, v: Json) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/** Every path in the document, and the number leaves among them. */
function paths(doc: Json, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(doc))
    doc.forEach((v, i) => {
      out.push([...at, i]);
      paths(v, [...at, i], out);
    });
  else if (isObject(doc))
    for (const k of Object.keys(doc)) {
      out.push([...at, k]);
      paths(doc[k]!, [...at, k], out);
    }
  return out;
}

function get(doc: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (Array.isArray(v) ? v[k as number]! : (v as { [key: string]: Json })[k as string]!), doc);
}

/** Every string equal to `from`, and every key, renamed to `to`. */
function rename(doc: Json, from: string, to: string): Json {
  if (doc === from) return to;
  if (Array.isArray(doc)) return doc.map((v) => rename(v, from, to));
  if (!isObject(doc)) return doc;
  const out: { [key: string]: Json } = {};
  for (const k of Object.keys(doc)) put(out, k === from ? to : k, rename(doc[k]!, from, to));
  return out;
}

function mutate(doc: Json, m: Mutation): Json {
  if (m.kind === 'rename') {
    const list = (doc as { [key: string]: Json })[m.entity];
    const item = Array.isArray(list) && list.length > 0 ? list[m.index % list.length] : undefined;
    return isObject(item) && typeof item['id'] === 'string' ? rename(doc, item['id'], m.to) : doc;
  }
  const all = paths(doc).filter((p) => m.kind !== 'number' || typeof get(doc, p) === 'number');
  if (all.length === 0) return doc;
  const path = all[m.pick % all.length]!;
  const copy = structuredClone(doc);
  const parent = get(copy, path.slice(0, -1));
  const key = path.at(-1) ?? expect.unreachable('paths() never yields the root');
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    // The mutation removes one property of a JSON document at a random path: a computed key is the point.
    else Reflect.deleteProperty(parent as { [key: string]: Json }, key);
  } else if (Array.isArray(parent)) parent[key as number] = m.value;
  else put(parent as { [key: string]: Json }, key as string, m.value);
  return copy;
}

/** An InputError as the CLI would print it: every problem names what is wrong and how to fix it. */
function expectUsableError(err: unknown): void {
  if (!(err instanceof InputError)) throw err;
  expect(err.problems.length).toBeGreaterThan(0);
  for (const p of err.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.fix?.length ?? 0).toBeGreaterThan(0);
    expect(p.message).not.toMatch(/^Invalid input$/);
  }
}

describe('mutated scenarios', () => {
  it('give a schedule the checker accepts, infeasible, or an InputError with a fix for every problem', async () => {
    const outcomes = new Map<string, number>();
    const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const doc = mutations.reduce<Json>((d, m) => mutate(d, m), handScenarioInput() as unknown as Json);
        let scenario;
        try {
          scenario = parseScenario(doc, 'mutant');
        } catch (err: unknown) {
          expectUsableError(err);
          count('refused');
          return;
        }
        // A short work budget: the hand school closes in a fraction of a second.
        const outcome = await solve(scenario, { timeLimitSeconds: 2 });
        count(outcome.status);
        if (outcome.status === 'scheduled') {
          expect(outcome.check.valid).toBe(true);
          expect(check(scenario, outcome.solution).valid).toBe(true);
        } else expect(outcome.status).toBe('infeasible');
      }),
      { numRuns: 150, seed },
    );
    console.log('outcomes of the mutated scenarios:', Object.fromEntries(outcomes));
  });

  it('ids named like object-prototype keys work for every kind of entity', async () => {
    for (const entity of ENTITIES) {
      for (const to of ['__proto__', 'constructor']) {
        const doc = mutate(handScenarioInput() as unknown as Json, { kind: 'rename', entity, index: 0, to });
        const scenario = parseScenario(doc, `${entity} renamed ${to}`);
        const outcome = await solve(scenario, { timeLimitSeconds: 2 });
        expect(outcome.status, `${entity} renamed ${to}`).toBe('scheduled');
        if (outcome.status !== 'scheduled') continue;
        expect(outcome.check.valid).toBe(true);
        // The renamed entity is in the schedule under its new id (any room may be chosen, so rooms are not looked for).
        const solution = outcome.solution;
        const used =
          entity === 'students'
            ? Object.keys(solution.enrollments)
            : entity === 'courses'
              ? solution.sections.map((s) => s.course)
              : entity === 'teachers'
                ? solution.sections.map((s) => s.teacher)
                : entity === 'pathways'
                  ? solution.sections.flatMap((s) => (s.cohort ? [s.cohort] : []))
                  : [to];
        expect(
          used.some((id) => id === to || id.startsWith(`${to}-`)),
          `${entity} renamed ${to}`,
        ).toBe(true);
      }
    }
  });
});
