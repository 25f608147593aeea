/**
 * One measured benchmark run, in its own process so that its peak RSS is its own:
 * `node dist/benchmarks/child.js <school> <method>` prints one JSON line ({@link RunRecord}).
 * Every schedule goes through the independent checker before any of its numbers are used.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solve } from '../src/engine/solve.js';
import { check } from '../src/checker/index.js';
import { greedyCteFirstSchedule } from '../src/board/baseline.js';
import { combinatorialPlacementBound } from '../src/board/placement-bound.js';
import { greedyBoard } from '../src/board/greedy.js';
import { buildInstance } from '../src/model/instance.js';
import { schoolProgram } from '../src/model/program.js';
import { solveMip } from '../solver/run.js';
import { writeMps } from '../solver/mps-format.js';
import { modelSize, type MipModel } from '../solver/mip.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
import { loadSchool, schoolById } from './schools.js';
import type { RunRecord, NativeRecord } from './record.js';

const ROOT = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '..' : '../..', import.meta.url));
const METHODS = ['cte-first', 'academic-first', 'greedy', 'glpk', 'jsl', 'cbc'] as const;

const tally = (t: { count: number; total: number }) => ({ count: t.count, total: t.total });

async function main(): Promise<void> {
  const [schoolId, method] = process.argv.slice(2);
  if (!schoolId || !method || !(METHODS as readonly string[]).includes(method)) throw new Error(`usage: child <school> <${METHODS.join('|')}>`);
  const school = schoolById(schoolId);
  const scenario = loadSchool(school, ROOT);
  if (method === 'cbc') {
    process.stdout.write(`${JSON.stringify(await native(schoolId, scenario, school.limit))}\n`);
    return;
  }
  const started = performance.now();
  let record: RunRecord;
  if (method === 'greedy') {
    const schedule = greedyCteFirstSchedule(scenario);
    const wall = (performance.now() - started) / 1000;
    const checked = check(scenario, schedule);
    const bound = combinatorialPlacementBound(buildInstance(scenario));
    record = {
      school: schoolId,
      method,
      status: 'scheduled',
      valid: checked.valid,
      wall,
      rssMb: process.resourceUsage().maxRSS / 1024,
      placed: tally(checked.figures.pathwayPlaced),
      full: tally(checked.figures.fullyScheduled),
      requests: tally(checked.figures.requestsMet),
      placementBound: bound?.value ?? null,
      boundSource: bound?.source ?? null,
      firstSchedule: wall,
      stages: [],
    };
  } else {
    const strategy = method === 'academic-first' ? 'academic-first' : 'cte-first';
    const solver = method === 'glpk' || method === 'jsl' ? method : 'highs';
    let first: number | null = null;
    const outcome = await solve(scenario, {
      strategy,
      solver,
      timeLimitSeconds: school.limit,
      seed: 1,
      onProgress: (p) => {
        if (first === null && p.incumbent !== null) first = p.seconds;
      },
    });
    const wall = (performance.now() - started) / 1000;
    if (outcome.status !== 'scheduled') {
      record = {
        school: schoolId,
        method,
        status: outcome.status,
        valid: false,
        wall,
        rssMb: process.resourceUsage().maxRSS / 1024,
        placed: null,
        full: null,
        requests: null,
        placementBound: null,
        boundSource: null,
        firstSchedule: null,
        stages: [],
        note: outcome.status === 'infeasible' ? outcome.rules.join('; ') : outcome.message,
      };
    } else {
      // The checker, not the engine's own figures, decides.
      const checked = check(scenario, outcome.solution);
      const pb = outcome.solution.report.solver.placementBound;
      record = {
        school: schoolId,
        method,
        status: 'scheduled',
        valid: checked.valid,
        wall,
        rssMb: process.resourceUsage().maxRSS / 1024,
        placed: tally(checked.figures.pathwayPlaced),
        full: tally(checked.figures.fullyScheduled),
        requests: tally(checked.figures.requestsMet),
        placementBound: pb?.value ?? null,
        boundSource: pb?.source ?? null,
        firstSchedule: first,
        stages: outcome.solution.report.solver.stages.map((s) => `${s.name} ${s.seconds}s ${s.status}`),
      };
    }
  }
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

/** HiGHS (WebAssembly, in a worker) against native CBC on the same two models, written as MPS for CBC. */
async function native(schoolId: string, scenario: Parameters<typeof buildInstance>[0], limit: number): Promise<NativeRecord> {
  const { inst, form, model: whole } = schoolProgram(scenario, 'cte-first');
  const on = new Set(greedyBoard(inst).map((g) => `${g.course}|${g.teacher}|${g.pattern.key}|${g.cohort ?? ''}`));
  const fixed = new Map(form.vars.teach.map((v) => [v.col, on.has(`${v.course}|${v.teacher}|${v.pattern.key}|${v.cohort ?? ''}`) ? 1 : 0]));
  const loading: MipModel = {
    ...whole,
    columns: whole.columns.map((c, j) => {
      const v = fixed.get(j);
      return v === undefined ? c : { ...c, lb: v, ub: v };
    }),
  };
  const dir = mkdtempSync(join(tmpdir(), 'bench-cbc-'));
  const out: NativeRecord = { school: schoolId, method: 'cbc', models: [] };
  try {
    for (const [name, model] of [
      ['greedy-board loading', loading],
      ['whole program', whole],
    ] as const) {
      const size = modelSize(model);
      let t = performance.now();
      const h = await solveMip(model, { backend: 'highs', timeLimitSeconds: limit, mipGap: 0, seed: 1 });
      const highsWall = (performance.now() - t) / 1000;
      const file = join(dir, 'model.mps');
      // Maximisation written as minimisation of the negated objective: CBC's MPS reader ignores OBJSENSE.
      writeFileSync(file, writeMps({ ...model, sense: 'min', columns: model.columns.map((c) => ({ ...c, obj: -c.obj })) }, 'free').text);
      t = performance.now();
      let log = '';
      try {
        log = execFileSync('cbc', [file, 'sec', String(limit), 'threads', '1', 'randomSeed', '1', 'solve', 'quit'], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
          timeout: (limit * 3 + 60) * 1000,
        });
      } catch (e) {
        log = String((e as { stdout?: string }).stdout ?? e);
      }
      const cbcWall = (performance.now() - t) / 1000;
      const result = /Result - (.*)/.exec(log)?.[1]?.trim() ?? 'no result line';
      const objective = Number(/Objective value:\s*(-?[\d.e+]+)/.exec(log)?.[1] ?? NaN);
      const bound = Number(/(?:Lower|Upper) bound:\s*(-?[\d.e+]+)/.exec(log)?.[1] ?? NaN);
      out.models.push({
        model: name,
        columns: size.columns,
        rows: size.rows,
        nonzeros: size.nonzeros,
        highs: { status: h.termination, seconds: highsWall, objective: h.objective, bound: h.bound },
        cbc: {
          status: result,
          seconds: cbcWall,
          objective: Number.isFinite(objective) ? Math.abs(objective) : null,
          bound: Number.isFinite(bound) ? Math.abs(bound) : null,
        },
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

main()
  .catch((e: unknown) => {
    process.stdout.write(
      `${JSON.stringify({ school: process.argv[2], method: process.argv[3], status: 'error', note: e instanceof Error ? e.message : String(e) })}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => shutdownSolverWorkers());
