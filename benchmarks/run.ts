/**
 * The benchmark runner: `npm run build && npm run bench` (or `npx tsx benchmarks/run.ts`).
 * Each (school, method) is one tinybench task of one iteration that runs the measured solve in a
 * child process (so peak RSS is per run) with a hard timeout; records accumulate in
 * benchmarks/results.json (so the suite can run in parts) and benchmarks/RESULTS.md is rewritten
 * from all of them after every run.
 *
 * Options: `--schools S,M,...` (default: all), `--methods cte-first,...`, `--curve` (the scaling
 * curve only), `--native` (HiGHS vs native CBC only), `--all` (table, curve and native),
 * `--render` (only rewrite RESULTS.md from results.json and notes.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { CURVE, SCHOOLS, schoolById } from './schools.js';
import type { NativeRecord, RunRecord } from './record.js';
import { renderResults } from './render.js';

const fromSource = import.meta.url.endsWith('.ts');
const ROOT = fileURLToPath(new URL(fromSource ? '..' : '../..', import.meta.url));
const RESULTS_JSON = `${ROOT}/benchmarks/results.json`;
const RESULTS_MD = `${ROOT}/benchmarks/RESULTS.md`;

/** Methods per school: the solver-free and engine rows everywhere; glpk and jsl only where they may finish. */
function methodsFor(school: string): string[] {
  const base = ['cte-first', 'academic-first', 'greedy'];
  if (school === 'tiny' || school === 'valley') return [...base, 'glpk', 'jsl'];
  if (school === 'S') return [...base, 'glpk', 'jsl'];
  if (school === 'M' || school === 'sierra' || school === 'mesa') return [...base, 'glpk'];
  return base;
}

type Stored = { runs: Record<string, RunRecord>; native: Record<string, NativeRecord>; commands: string[] };

function load(): Stored {
  if (!existsSync(RESULTS_JSON)) return { runs: {}, native: {}, commands: [] };
  return JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Stored;
}

function runChild(school: string, method: string, limit: number): RunRecord | NativeRecord {
  const child = fromSource ? [`${ROOT}/benchmarks/child.ts`] : [`${ROOT}/dist/benchmarks/child.js`];
  const args = fromSource ? ['--import', 'tsx', ...child, school, method] : [...child, school, method];
  // Hard stop: limit × 1.5 + 60 s for solver runs; the native comparison runs two models on two solvers.
  const hard = (method === 'cbc' ? limit * 8 + 120 : limit * 1.5 + 60) * 1000;
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: hard, maxBuffer: 1 << 26, killSignal: 'SIGKILL' });
  const line = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1);
  if (line) return JSON.parse(line) as RunRecord | NativeRecord;
  const wall = (performance.now() - started) / 1000;
  const why = r.error
    ? `killed after ${wall.toFixed(0)} s (hard limit ${(hard / 1000).toFixed(0)} s)`
    : `exit ${r.status ?? r.signal ?? '?'}: ${r.stderr.trim().split('\n').slice(-2).join(' ')}`;
  return {
    school,
    method,
    status: r.error ? 'killed' : 'error',
    valid: false,
    wall,
    rssMb: 0,
    placed: null,
    full: null,
    requests: null,
    placementBound: null,
    boundSource: null,
    firstSchedule: null,
    stages: [],
    note: why,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  // No options: everything (so `npm run bench` reproduces the whole of RESULTS.md).
  const all = argv.includes('--all') || argv.length === 0;
  const onlyCurve = argv.includes('--curve');
  const onlyNative = argv.includes('--native');
  const schools = opt('--schools')?.split(',') ?? SCHOOLS.map((s) => s.id);
  const methods = opt('--methods')?.split(',');
  const jobs: Array<{ school: string; method: string }> = [];
  if (all || (!onlyCurve && !onlyNative))
    for (const s of schools) for (const m of methodsFor(s)) if (!methods || methods.includes(m)) jobs.push({ school: s, method: m });
  if (all || onlyCurve) for (const s of CURVE) jobs.push({ school: s.id, method: 'cte-first' });
  if (all || onlyNative) for (const s of ['S', 'M', 'mesa']) jobs.push({ school: s, method: 'cbc' });

  const stored = load();
  if (argv.includes('--render')) {
    writeFileSync(RESULTS_MD, renderResults(stored, machine(), notes()));
    return;
  }
  const command = `node ${fromSource ? '--import tsx benchmarks/run.ts' : 'dist/benchmarks/run.js'} ${argv.join(' ')}`.trim();
  if (!stored.commands.includes(command)) stored.commands.push(command);
  const bench = new Bench({ iterations: 1, time: 0, warmup: false });
  for (const job of jobs) {
    const school = schoolById(job.school);
    // An async function: tinybench calls a plain one once more to learn whether it returns a promise.
    // eslint-disable-next-line @typescript-eslint/require-await
    bench.add(`${job.school} ${job.method}`, async () => {
      const rec = runChild(job.school, job.method, school.limit);
      if ('models' in rec) stored.native[job.school] = rec;
      else stored.runs[`${job.school}|${job.method}`] = rec;
      writeFileSync(RESULTS_JSON, `${JSON.stringify(stored, null, 1)}\n`);
      writeFileSync(RESULTS_MD, renderResults(stored, machine(), notes()));
      process.stderr.write(
        `${job.school} ${job.method}: ${'models' in rec ? 'native done' : `${rec.status} ${rec.placed ? `${rec.placed.count}/${rec.placed.total} placed` : ''} ${rec.wall.toFixed(1)} s`}\n`,
      );
    });
  }
  await bench.run();
  writeFileSync(RESULTS_MD, renderResults(stored, machine(), notes()));
}

/** Hand-written findings (benchmarks/notes.md), appended to RESULTS.md. */
function notes(): string {
  const file = `${ROOT}/benchmarks/notes.md`;
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function machine(): string {
  return `${cpus().length} cores (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`;
}

void main();
