/**
 * The test of the tests (`npm run test:mutants`; not part of `npm test`): copies the repository
 * to a temporary folder, breaks the solver layer there on purpose (solver/run.ts, so that no
 * mutant hook lives in shipped code), runs the properties that must see the solver, and fails
 * unless each of them fails under each mutant. The unbroken copy runs first as the control,
 * where they must all pass.
 *
 * Mutants (every call of `solveMip`, whatever the backend):
 * - `dead`: returns `error` with no values, as a missing or crashing solver would;
 * - `garbage`: returns every column at its upper bound (lower bound when unbounded), marked optimal.
 *
 * Usage: `npm run test:mutants` (a few minutes: three vitest runs); `MUTANT=dead npm run test:mutants` for one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** The properties that must fail under every mutant, by file and by the start of their names. */
const WATCHED = [
  { file: 'test/solver/backend-properties.test.ts', name: 'the highs backend' },
  { file: 'test/solver/backend-properties.test.ts', name: 'the glpk backend' },
  { file: 'test/solver/backend-properties.test.ts', name: 'the jsl backend' },
  { file: 'test/engine/engine-properties.test.ts', name: 'says infeasible only when' },
] as const;

/** Where each mutant goes: right after `solveMip` has checked its options and handled an empty model. */
const ANCHOR = '  if (model.columns.length === 0) return solveEmpty(model, options.backend);\n';
const MUTANTS: Record<string, string> = {
  dead: `  return { termination: 'error', values: null, objective: null, bound: null, gap: null, seconds: 0, backend: options.backend, message: 'mutant: dead solver' };\n`,
  garbage: `  {\n    const values = model.columns.map((c) => (Number.isFinite(c.ub) ? c.ub : c.lb));\n    const z = objectiveValue(model, values);\n    return { termination: 'optimal', values, objective: z, bound: z, gap: 0, seconds: 0, backend: options.backend };\n  }\n`,
};

interface JsonReport {
  testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

/** Runs the watched files in the copy; returns, per watched property, whether every run of it passed. */
function runWatched(copy: string, label: string): Map<string, boolean> {
  const out = join(copy, `vitest-${label}.json`);
  const files = [...new Set(WATCHED.map((w) => w.file))];
  const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files, '--reporter=json', `--outputFile=${out}`], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, FC_SEED: process.env['FC_SEED'] ?? '4242', CI: '' },
    timeout: 900_000,
  });
  if (!existsSync(out)) throw new Error(`vitest wrote no report for ${label}:\n${run.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
  const verdict = new Map<string, boolean>();
  for (const w of WATCHED) {
    const runs = report.testResults
      .filter((f) => f.name.endsWith(w.file))
      .flatMap((f) => f.assertionResults)
      .filter((a) => a.fullName.includes(w.name));
    if (runs.length === 0) throw new Error(`no test named "${w.name}" in ${w.file}`);
    verdict.set(
      `${w.file} › ${w.name}`,
      runs.every((a) => a.status === 'passed'),
    );
  }
  return verdict;
}

const copy = mkdtempSync(join(tmpdir(), 'ps-mutants-'));
let ok = true;
try {
  for (const entry of ['src', 'solver', 'wasm', 'test', 'fixtures', 'package.json', 'tsconfig.json', 'vitest.config.ts'])
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const runTs = join(copy, 'solver/run.ts');
  const original = readFileSync(runTs, 'utf8');
  if (!original.includes(ANCHOR)) throw new Error('solver/run.ts changed: the mutants need a new anchor');

  const control = runWatched(copy, 'control');
  for (const [name, passed] of control) {
    console.log(`control  ${passed ? 'passes' : 'FAILS '}  ${name}`);
    if (!passed) ok = false;
  }
  const chosen = process.env['MUTANT'] ? [process.env['MUTANT']] : Object.keys(MUTANTS);
  for (const mutant of chosen) {
    const body = MUTANTS[mutant];
    if (!body) throw new Error(`unknown mutant ${mutant}; known: ${Object.keys(MUTANTS).join(', ')}`);
    writeFileSync(runTs, original.replace(ANCHOR, ANCHOR + body));
    for (const [name, passed] of runWatched(copy, mutant)) {
      console.log(`${mutant.padEnd(8)} ${passed ? 'SURVIVES' : 'killed  '}  ${name}`);
      if (passed) ok = false;
    }
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}
console.log(ok ? 'every watched property passes unbroken and fails under every mutant' : 'the tests of the tests failed');
process.exit(ok ? 0 : 1);
