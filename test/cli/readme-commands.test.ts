/**
 * The README's commands run as written (issue 15.4). Every command line of the README's `sh`
 * blocks runs, in the README's order, in one fresh copy of the package (a temporary folder
 * holding exactly what `npm pack` publishes, with this checkout's node_modules linked as
 * `npm install` would give them), and must exit 0. Short work budgets: every `--time-limit N`
 * is cut to at most `--time-limit 15` (and `npm start`'s in the copy's package.json), and a solve,
 * whatif or batch without one fails the test, since the README should say what limit it uses.
 * `npx pathway-scheduler` runs the copy's own bin (node_modules/.bin on the PATH).
 *
 * Commands the README marks in a trailing comment:
 * - `# needs Redis`: run against the tests' Redis (test/setup/redis.ts), its URL put in for the
 *   README's; a command that `runs until stopped` (the worker) runs in the background and must
 *   exit 0 on SIGTERM once every later command has run. No Redis: the test fails saying why.
 * - `# needs CBC`: run when CBC is installed; required under CI (as the CBC round trip in
 *   io-export.test.ts), otherwise reported loudly as not run.
 * - `# needs … (outside this repository)`: not run (the data is not in the package); listed.
 * `npm install` is not run (the copy has node_modules already) and `npm test` is this suite.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureBuilt, root } from '../helpers/built-cli.js';

/** One command line of the README. */
export interface ReadmeCommand {
  /** 1-based line of the README where it starts. */
  readonly line: number;
  /** The command, continuation lines joined, without its trailing comment. */
  readonly command: string;
  /** Its trailing comment (`# …`), or ''. */
  readonly comment: string;
}

/** Every command line of the `sh` blocks of a markdown text, in order. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  const lines = markdown.split('\n');
  let inSh = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (/^```/.test(raw)) {
      inSh = !inSh && raw.trim() === '```sh';
      continue;
    }
    if (!inSh) continue;
    let text = raw.trim();
    const start = i + 1;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${(lines[++i] ?? '').trim()}`;
    if (text === '' || text.startsWith('#')) continue;
    const hash = text.search(/\s#\s/);
    out.push({ line: start, command: (hash < 0 ? text : text.slice(0, hash)).trim(), comment: hash < 0 ? '' : text.slice(hash).trim() });
  }
  return out;
}

/**
 * Seconds. Short, yet long enough that the default school's first schedule exists on a loaded
 * machine: with 5 s, Harbor (700 students) ran out while building its greedy board at a load
 * average of 36 on 2 cores, a failure of the machine, not of the README.
 */
const TIME_LIMIT = 15;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const commands = readmeCommands(readme);
const ci = process.env['CI'] === 'true';
const hasCbc = spawnSync('cbc', ['-quit'], { stdio: 'ignore' }).status === 0;

type Plan = { readonly kind: 'run' | 'background' } | { readonly kind: 'not run'; readonly why: string };

/** What the test does with a README command, and why when it does not run it. */
function planOf(c: ReadmeCommand): Plan {
  if (/outside this repository/.test(c.comment)) return { kind: 'not run', why: c.comment };
  if (c.command === 'npm install && npm test') return { kind: 'not run', why: 'npm test is this test suite' };
  if (/needs CBC/.test(c.comment) && !hasCbc && !ci)
    return { kind: 'not run', why: 'CBC is not installed here (apt-get install coinor-cbc; required under CI)' };
  return { kind: /runs until stopped/.test(c.comment) ? 'background' : 'run' };
}

let copy = '';
const background: { command: ReadmeCommand; child: ChildProcess; output: string; exit: Promise<number | null> }[] = [];

/** The command as the test runs it: `npx pathway-scheduler` → the copy's bin, limits cut, the tests' Redis. */
function asRun(c: ReadmeCommand): string {
  let text = c.command
    .replace(/^npm install && /, '')
    .replace(/\bnpx pathway-scheduler\b/g, 'pathway-scheduler')
    .replace(/--time-limit (\d+(?:\.\d+)?)/g, (_, n: string) => `--time-limit ${Math.min(Number(n), TIME_LIMIT)}`);
  if (/needs Redis/.test(c.comment)) {
    const url = inject('redisUrl');
    if (!url) throw new Error(`README line ${c.line} needs Redis: ${inject('redisProblem') ?? 'no Redis for the tests'}`);
    text = text.replace(/redis:\/\/\S+/g, url);
  }
  return text;
}

function environment(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${join(copy, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' };
}

beforeAll(() => {
  ensureBuilt();
  const npm = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(npm.status).toBe(0);
  const files = (JSON.parse(npm.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  copy = mkdtempSync(join(tmpdir(), 'pathway-readme-'));
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    cpSync(join(root, f), join(copy, f));
  }
  // What `npm install` gives the copy: the dependencies, and the package's own command.
  mkdirSync(join(copy, 'node_modules/.bin'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(copy, 'node_modules', name));
  }
  const bin = join(copy, 'node_modules/.bin/pathway-scheduler');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${join(copy, 'dist/src/cli/main.js')}" "$@"\n`);
  chmodSync(bin, 0o755);
  const pkgFile = join(copy, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts['start']).toMatch(/--time-limit \d+/);
  pkg.scripts['start'] = pkg.scripts['start']!.replace(/--time-limit \d+/, `--time-limit ${TIME_LIMIT}`);
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
}, 300_000);

afterAll(() => {
  for (const b of background) if (b.child.exitCode === null) b.child.kill('SIGKILL');
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('the README', () => {
  it('has its commands in sh blocks, every solve with a time limit, and marks what it needs', () => {
    expect(commands.length).toBeGreaterThan(30);
    const names = new Set(commands.flatMap((c) => [...c.command.matchAll(/npx pathway-scheduler (\S+)/g)].map((m) => m[1])));
    for (const name of ['solve', 'check', 'generate', 'import', 'export', 'import-solution', 'report', 'whatif', 'batch', 'worker'])
      expect(names, `an example of ${name}`).toContain(name);
    const kinds = new Set(commands.flatMap((c) => [...c.command.matchAll(/--kind (\S+)/g)].map((m) => m[1])));
    expect([...kinds].sort()).toEqual(['balance', 'conflicts', 'equity', 'explain', 'infeasibility', 'rooms', 'tallies', 'teachers']);
    for (const c of commands) {
      if (/npx pathway-scheduler (solve|whatif|batch)\b/.test(c.command)) expect(c.command, `README line ${c.line}`).toMatch(/--time-limit \d+/);
      if (/--queue/.test(c.command)) expect(c.comment, `README line ${c.line} uses a queue`).toMatch(/needs Redis/);
      if (/external-data|\.\.\/shared/.test(c.command)) expect(c.comment, `README line ${c.line} reads outside the package`).toMatch(/outside this repository/);
      expect(c.command, `README line ${c.line}: a placeholder, not a command`).not.toMatch(/<[a-z.]+>|\[--/);
    }
    const notRun = commands.map((c) => ({ c, plan: planOf(c) })).filter((x) => x.plan.kind === 'not run');
    if (notRun.length > 0)
      console.warn(
        `\n*** README commands not run:\n${notRun.map(({ c, plan }) => `  line ${c.line}: ${c.command}\n    (${'why' in plan ? plan.why : ''})`).join('\n')}\n`,
      );
    // Only the marked kinds are left out.
    for (const { c } of notRun) expect(`${c.command} ${c.comment}`).toMatch(/outside this repository|npm test|needs CBC/);
  });

  it('prints the version with --version', () => {
    const r = spawnSync('sh', ['-c', 'pathway-scheduler --version'], { cwd: copy, env: environment(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('runs every command of its sh blocks, in order, on a fresh copy of the package: each exits 0', async () => {
    const failures: string[] = [];
    for (const c of commands) {
      const plan = planOf(c);
      if (plan.kind === 'not run') continue;
      const text = asRun(c);
      if (plan.kind === 'background') {
        const child = spawn('sh', ['-c', `exec ${text}`], { cwd: copy, env: environment() });
        const entry = {
          command: c,
          child,
          output: '',
          exit: new Promise<number | null>((resolve) =>
            child.once('close', (code) => {
              resolve(code);
            }),
          ),
        };
        child.stdout.on('data', (d: Buffer) => (entry.output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (entry.output += d.toString()));
        background.push(entry);
        continue;
      }
      const r = spawnSync('sh', ['-c', text], { cwd: copy, env: environment(), encoding: 'utf8', timeout: 240_000 });
      if (r.status !== 0)
        failures.push(
          `README line ${c.line}: \`${c.command}\` (run as \`${text}\`) exited ${String(r.status ?? r.signal)}\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`,
        );
    }
    for (const b of background) {
      b.child.kill('SIGTERM');
      const code = await b.exit;
      if (code !== 0) failures.push(`README line ${b.command.line}: \`${b.command.command}\` exited ${String(code)} on SIGTERM\n${b.output.slice(-1500)}`);
    }
    expect(failures).toEqual([]);
    // The commands left what they say they write.
    for (const f of ['solution.json', 'report.html', 'oneroster.zip', 'tiny.json', 'results/summary.csv', 'whatif-valley', 'school-oneroster.zip'])
      expect(existsSync(join(copy, f)), f).toBe(true);
  }, 1_200_000);
});
