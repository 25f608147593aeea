/**
 * Does a stronger solver help? (issue 14, item 5.) Builds the programs the engine solves, then
 * solves each with HiGHS under several option sets, with CBC (Debian's `coinor-cbc`, a native
 * reference only) and with CP-SAT (the npm package `or-tools-wasm`, installed outside the project),
 * at equal limits, one solve at a time, each in its own process, and prints one row per solve:
 * what it proved, its best value, its bound, when it found its first and its best solution, and
 * its peak memory. Every solution is checked against the program's rows (solver/feasibility.ts)
 * before it is counted. Results and the machine's load at the time: benchmarks/notes.md.
 *
 * Usage:
 *   npx tsx benchmarks/solvers.ts export <dir>              the programs as <name>.json (+ .mps)
 *   npx tsx benchmarks/solvers.ts run <solver> <dir>/<name>.json <seconds>
 *   npx tsx benchmarks/solvers.ts table <dir> <seconds> [solver...] [--only name,...]
 * Solvers: highs (the engine's options), highs-start (plus the program's start as a MIP start),
 * highs-heur (mip_heuristic_effort 0.3), highs-nosym (no symmetry detection), highs-seed2
 * (random_seed 2), cbc, cpsat (one search worker), cpsat8 (8 search workers: its portfolio),
 * cpsat8-hint (and the start as a solution hint). CP-SAT is read from an `npm install or-tools-wasm`
 * in the folder ORTOOLS_DIR (default /tmp/cpsat), outside the project's optional peer dependency, so
 * that these raw runs (its search log, its 8-worker portfolio) need no backend change.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Highs } from 'highs';
import { checkFeasibility, objectiveValue } from '../solver/feasibility.js';
import type { MipModel } from '../solver/mip.js';
import { fixColumns } from '../solver/mip.js';
import { writeMps } from '../solver/mps-format.js';
import { extractSubmodel } from '../solver/submodel.js';
import { solveMip } from '../solver/run.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
import { parseScenario } from '../src/scenario/parse.js';
import { scenarioProgram } from '../src/io/model-files.js';
import { buildInstance } from '../src/model/instance.js';
import { formulate } from '../src/model/formulation.js';
import { greedyBoard } from '../src/board/greedy.js';
import { loadGreedyBoard } from '../src/board/baseline.js';
import { scheduleToValues } from '../src/board/incumbent.js';
import { heldColumns } from '../src/board/lns.js';
import { neighbourhoods } from '../src/board/neighbourhoods.js';
import { boardColumnsOf, placementProgram, sectionKey } from '../src/engine/placement.js';

/** A program to solve, with a feasible start (the engine's own incumbent at that point) when it has one. */
interface Program {
  readonly name: string;
  readonly what: string;
  readonly model: MipModel;
  readonly start: number[] | null;
  /** Columns whose sum is pathway students placed (for the table), or null. */
  readonly placed: readonly number[] | null;
}

interface Row {
  readonly solver: string;
  readonly program: string;
  readonly status: string;
  readonly best: number | null;
  readonly bound: number | null;
  readonly placed: number | null;
  readonly firstAt: number | null;
  readonly bestAt: number | null;
  readonly seconds: number;
  /** CPU seconds of the solving process (user + system): what the machine's load does not stretch. */
  readonly cpu: number;
  readonly peakMb: number;
  readonly note?: string;
}

const root = resolve(import.meta.dirname, '..');
const scenarioOf = (file: string) => parseScenario(JSON.parse(readFileSync(join(root, file), 'utf8')), file);

async function programs(): Promise<Program[]> {
  const out: Program[] = [];
  for (const [name, file] of [
    ['tiny-whole', 'fixtures/tiny-ab.json'],
    ['valley-whole', 'fixtures/valley-ab-150.json'],
  ] as const) {
    const scenario = scenarioOf(file);
    const inst = buildInstance(scenario);
    const form = formulate(inst);
    const model = scenarioProgram(scenario, 'cte-first');
    const start = scheduleToValues(form, loadGreedyBoard(inst, greedyBoard(inst)), model.columns.length);
    out.push({
      name,
      what: `${file}, whole program (cte-first), greedy loader as start`,
      model,
      start: checkFeasibility(model, start, 1e-6).feasible ? start : null,
      placed: form.terms.placed.map(([c]) => c),
    });
  }
  // Valley's placement program and placement-search steps, built as src/engine/placement.ts does.
  const scenario = scenarioOf('fixtures/valley-ab-150.json');
  const inst = buildInstance(scenario);
  const full = scenarioProgram(scenario, 'cte-first');
  const program = placementProgram(
    inst,
    full.columns.map((c) => c.name),
  );
  const { form, model } = program;
  const board = greedyBoard(inst);
  const onBoard = new Set(board.map(sectionKey));
  const fixed = new Map(form.vars.teach.map((v) => [v.col, onBoard.has(sectionKey(v)) ? 1 : 0]));
  const greedy = await solveMip(fixColumns(model, fixed), { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
  await shutdownSolverWorkers();
  // As searchPlacement starts: the better of the greedy loader's schedule and the greedy board loaded with pathway students.
  const fullForm = formulate(inst);
  const loader = program.fromFull(scheduleToValues(fullForm, loadGreedyBoard(inst, board), full.columns.length));
  const placedCols = form.terms.placed.map(([c]) => c);
  const count = (v: readonly number[]) => placedCols.reduce((n, j) => n + Math.round(v[j] ?? 0), 0);
  const start = greedy.values && count(greedy.values) > count(loader) ? greedy.values : loader;
  out.push({
    name: 'valley-placement',
    what: 'valley placement program, the better of the greedy loader and the greedy board as start',
    model,
    start,
    placed: placedCols,
  });
  const teach = boardColumnsOf(form);
  const steps = neighbourhoods(form, start, Math.max(80, Math.round(form.vars.teach.length * 0.2)), 200);
  // The first steps of the search, and one from the middle of its list.
  const picked = [...steps.slice(0, 3), steps[Math.floor(steps.length / 2)]].filter((n) => n !== undefined);
  for (const [k, n] of picked.entries()) {
    const sub = extractSubmodel(model, heldColumns(form, teach, n.free), start);
    const cols = new Map(sub.columns.map((j, i) => [j, i]));
    const placedSub = placedCols.map((j) => cols.get(j)).filter((i) => i !== undefined);
    out.push({
      name: `valley-step${k + 1}`,
      what: `valley placement step "${n.name}" from the greedy board (${sub.model.columns.length} columns)`,
      model: sub.model,
      start: sub.restrict(start),
      placed: placedSub,
    });
  }
  return out;
}

// ---- the solvers, each run in a child process -------------------------------------------------

const HIGHS_VARIANTS: Record<string, Record<string, unknown>> = {
  highs: {},
  'highs-start': {},
  'highs-heur': { mip_heuristic_effort: 0.3 },
  'highs-nosym': { mip_detect_symmetry: false },
  'highs-seed2': { random_seed: 2 },
};

interface Found {
  readonly t: number;
  readonly z: number;
}

async function runHighs(variant: string, p: Program, seconds: number): Promise<Omit<Row, 'peakMb' | 'cpu' | 'program' | 'solver'>> {
  const loadHighs = (await import('highs')).default as unknown as (o: object) => Promise<Highs>;
  const h = await loadHighs({ print: () => undefined, printErr: () => undefined });
  const { text } = writeMps(p.model, 'free');
  const m = h.createModel({ format: 'mps', data: text });
  m.options.set({ output_flag: false, presolve: 'on', time_limit: seconds, mip_rel_gap: 0, random_seed: 1, ...HIGHS_VARIANTS[variant] });
  if (variant === 'highs-start' && p.start) m.setSolution({ colValue: Float64Array.from(p.start) });
  const t0 = performance.now();
  const found: Found[] = [];
  const ct = h.constants.callbackType;
  const status = m.run({
    [ct.mipImprovingSolution](e) {
      if (e.data.objective_function_value !== undefined) found.push({ t: (performance.now() - t0) / 1000, z: e.data.objective_function_value });
      return undefined;
    },
  }).modelStatus;
  const secs = (performance.now() - t0) / 1000;
  const values = Array.from(m.getSolution().colValue);
  const ok = values.length === p.model.columns.length && checkFeasibility(p.model, values, 1e-5).feasible;
  const bound = Number(m.info.get('mip_dual_bound'));
  const names = Object.entries(h.constants.modelStatus).find(([, v]) => v === status)?.[0] ?? String(status);
  return summary(p, names, ok ? values : null, Number.isFinite(bound) ? bound : null, found, secs);
}

function summary(p: Program, status: string, values: number[] | null, bound: number | null, found: readonly Found[], seconds: number, note?: string) {
  const best = values ? objectiveValue(p.model, values) : null;
  const bestAt = best === null ? null : (found.find((f) => Math.abs(f.z - best) < 1e-6)?.t ?? null);
  return {
    status,
    best,
    bound,
    placed: values && p.placed ? p.placed.reduce((s, j) => s + Math.round(values[j] ?? 0), 0) : null,
    firstAt: found[0]?.t ?? null,
    bestAt,
    seconds,
    ...(note !== undefined ? { note } : {}),
  };
}

function runCbc(p: Program, file: string, seconds: number) {
  const mps = file.replace(/\.json$/, '.mps');
  const sol = file.replace(/\.json$/, '.cbc.sol');
  const t0 = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %U %S %M',
      'cbc',
      mps,
      ...(p.model.sense === 'max' ? ['max'] : []),
      'timeMode',
      'elapsed',
      'sec',
      String(seconds),
      'threads',
      '1',
      'randomSeed',
      '1',
      'solve',
      'solution',
      sol,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const secs = (performance.now() - t0) / 1000;
  const tm = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
  const measured = tm ? { cpu: Number(tm[1]) + Number(tm[2]), peakMb: Math.round(Number(tm[3]) / 1024) } : {};
  // With `max` CBC minimises the negated objective: its log's values are negated back here.
  const sign = p.model.sense === 'max' ? -1 : 1;
  const found: Found[] = [];
  let bound: number | null = null;
  for (const line of run.stdout.split('\n')) {
    const m = /Integer solution of (-?[\d.e+]+) found .*\(([\d.]+) seconds\)/.exec(line);
    if (m) found.push({ t: Number(m[2]), z: sign * Number(m[1]) });
    const b = /best possible (-?[\d.e+]+)/.exec(line);
    if (b) bound = sign * Number(b[1]);
  }
  const names = p.model.columns.map((c) => c.name);
  const written = writeMps(p.model, 'free');
  const index = new Map(written.columnNames.map((n, j) => [n, j]));
  const values = new Array<number>(names.length).fill(0);
  let status = 'no solution';
  try {
    const lines = readFileSync(sol, 'utf8').split('\n');
    status = lines[0]?.split(' - ')[0]?.trim() ?? status;
    for (const line of lines.slice(1)) {
      const f = line.trim().split(/\s+/);
      const j = f[1] !== undefined ? index.get(f[1]) : undefined;
      if (j !== undefined) values[j] = Number(f[2]);
    }
  } catch {
    return { ...summary(p, status, null, null, found, secs), ...measured };
  }
  const ok = checkFeasibility(p.model, values, 1e-5).feasible;
  if (/^Optimal/.test(status) && ok) bound = objectiveValue(p.model, values);
  return { ...summary(p, status, ok ? values : null, bound, found, secs), ...measured };
}

/** CP-SAT wants integer coefficients: every program here has them (tier weights are integers). */
async function runCpsat(p: Program, seconds: number, workers: number, useHint: boolean) {
  const dir = process.env['ORTOOLS_DIR'] ?? '/tmp/cpsat';
  const entry = createRequire(join(dir, 'package.json')).resolve('or-tools-wasm/cp-sat');
  const mod = (await import(pathToFileURL(entry).href)) as { CpSat: CpSatApi };
  const big = 2 ** 53;
  const bnd = (v: number) => (v === Infinity ? big : v === -Infinity ? -big : v);
  const variables = p.model.columns.map((c) => ({
    name: '',
    domain: c.kind === 'binary' ? [Math.max(0, c.lb), Math.min(1, c.ub)] : [bnd(Math.ceil(c.lb - 1e-9)), bnd(Math.floor(c.ub + 1e-9))],
  }));
  if (p.model.columns.some((c) => c.kind === 'continuous')) throw new Error('CP-SAT: continuous columns');
  const constraints = p.model.rows
    .filter((r) => r.lb !== -Infinity || r.ub !== Infinity)
    .map((r) => ({
      linear: { vars: [...r.cols], coeffs: r.coefs.map((c) => integral(c)), domain: [bnd(Math.ceil(r.lb - 1e-9)), bnd(Math.floor(r.ub + 1e-9))] },
    }));
  const sign = p.model.sense === 'max' ? -1 : 1;
  const nz = p.model.columns.map((c, j) => [j, c.obj] as const).filter(([, o]) => o !== 0);
  const objective = { vars: nz.map(([j]) => j), coeffs: nz.map(([, o]) => integral(o) * sign), offset: 0, scalingFactor: sign };
  const hint = p.start ? { vars: p.start.map((_, j) => j), values: p.start.map((v) => Math.round(v)) } : undefined;
  const proto = { variables, constraints, objective, ...(hint && useHint ? { solutionHint: hint } : {}) };
  const bytes = await mod.CpSat.createModel(proto);
  const found: Found[] = [];
  const t0 = performance.now();
  const off = p.model.objOffset ?? 0;
  // On Node 20 (Asyncify) the callbacks arrive only when the solve returns: the times come from
  // the search log's own stamps (`#3 1.52s best:258269 ...`).
  const result = await mod.CpSat.solve(
    bytes,
    { maxTimeInSeconds: seconds, numSearchWorkers: workers, randomSeed: 1, logSearchProgress: true },
    {
      onLog: (line) => {
        for (const m of line.matchAll(/^#\d+\s+([\d.]+)s best:(-?[\d.e+]+)/gm)) found.push({ t: Number(m[1]), z: Number(m[2]) + off });
      },
    },
  );
  const secs = (performance.now() - t0) / 1000;
  const r = result.response;
  const values = r?.solution && r.solution.length === p.model.columns.length ? r.solution.map(Number) : null;
  const ok = values !== null && checkFeasibility(p.model, values, 1e-6).feasible;
  return summary(p, String(r?.status ?? 'none'), ok ? values : null, r?.bestObjectiveBound !== undefined ? r.bestObjectiveBound + off : null, found, secs);
}

interface CpSatApi {
  createModel(proto: object): Promise<Uint8Array>;
  solve(
    model: Uint8Array,
    params: { maxTimeInSeconds: number; numSearchWorkers: number; randomSeed: number; logSearchProgress: boolean },
    callbacks: { onLog?: (line: string) => void },
  ): Promise<{ response: CpResponse | null }>;
}
interface CpResponse {
  status?: string | number;
  objectiveValue?: number;
  bestObjectiveBound?: number;
  solution?: Array<number | bigint | string>;
}

function integral(v: number): number {
  if (!Number.isInteger(v)) throw new Error(`CP-SAT: coefficient ${v} is not an integer`);
  return v;
}

// ---- driver -------------------------------------------------------------------------------------

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'export') {
  const dir = args[0] ?? '/tmp/solver-bench';
  mkdirSync(dir, { recursive: true });
  for (const p of await programs()) {
    writeFileSync(
      join(dir, `${p.name}.json`),
      JSON.stringify(p, (_, v: unknown) => (v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v)),
    );
    writeFileSync(join(dir, `${p.name}.mps`), writeMps(p.model, 'free').text);
    const startValue = p.start ? objectiveValue(p.model, p.start) : null;
    console.log(`${p.name}: ${p.model.columns.length} columns, ${p.model.rows.length} rows; start ${startValue ?? 'none'}; ${p.what}`);
  }
} else if (cmd === 'run') {
  const [solver = 'highs', file = '', limit = '30'] = args;
  const p = JSON.parse(readFileSync(file, 'utf8'), (_, v: unknown) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v)) as Program;
  const seconds = Number(limit);
  const r =
    solver in HIGHS_VARIANTS
      ? await runHighs(solver, p, seconds)
      : solver === 'cbc'
        ? runCbc(p, file, seconds)
        : solver.startsWith('cpsat')
          ? await runCpsat(p, seconds, solver.startsWith('cpsat8') ? 8 : 1, solver.endsWith('-hint'))
          : null;
  if (!r) throw new Error(`unknown solver ${solver}`);
  const usage = process.resourceUsage();
  // CBC's figures come from /usr/bin/time around it (r carries them); the others run in this process.
  console.log(JSON.stringify({ solver, program: p.name, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakMb: Math.round(usage.maxRSS / 1024), ...r }));
} else if (cmd === 'table') {
  const [dir = '/tmp/solver-bench', limit = '30', ...rest] = args;
  const onlyAt = rest.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((rest[onlyAt + 1] ?? '').split(',')) : null;
  const solvers = rest.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .filter((n) => !only || only.has(n));
  console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('| program | solver | status | best | bound | placed | first (s) | best at (s) | wall (s) | CPU (s) | peak MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const fmt = (v: number | null, d = 1) => (v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(d));
  for (const name of names) {
    for (const solver of solvers.length > 0 ? solvers : ['highs', 'highs-start', 'cbc', 'cpsat']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'run', solver, join(dir, `${name}.json`), limit], {
        encoding: 'utf8',
        cwd: root,
        timeout: (Number(limit) * 3 + 60) * 1000,
        maxBuffer: 64 * 2 ** 20,
      });
      const line = run.stdout.trim().split('\n').pop() ?? '';
      let r: Row;
      try {
        r = JSON.parse(line) as Row;
      } catch {
        console.log(`| ${name} | ${solver} | failed: ${(run.stderr || run.error?.message || '').trim().split('\n').at(-1) ?? ''} | | | | | | | |`);
        continue;
      }
      console.log(
        `| ${name} | ${solver} | ${r.status} | ${fmt(r.best)} | ${fmt(r.bound)} | ${fmt(r.placed)} | ${fmt(r.firstAt)} | ${fmt(r.bestAt)} | ${r.seconds.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.peakMb} |`,
      );
    }
  }
  console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
} else {
  console.error('usage: npx tsx benchmarks/solvers.ts export <dir> | run <solver> <file.json> <seconds> | table <dir> <seconds> [solver...]');
  process.exit(2);
}
