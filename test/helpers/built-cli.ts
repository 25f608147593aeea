/**
 * The built command line (`npm run build` → dist/), spawned by the tests that check exit codes
 * and messages: it starts in a fraction of the time the TypeScript loader takes. When dist/ is
 * missing or older than the sources, it is built first (one build at a time across test files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const main = join(root, 'dist/src/cli/main.js');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = () => !existsSync(main) || ['src', 'solver', 'wasm'].some((d) => newest(join(root, d)) > statSync(main).mtimeMs);

/** Builds dist/ if it is missing or older than the sources. */
export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = join(root, '.build-lock');
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (tries > 600) throw new Error('another test file has held the build lock for 5 minutes: remove .build-lock');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI in `cwd`. */
export function runCli(cwd: string, args: readonly string[], timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, [main, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A JavaScript stack trace: `    at fn (file.js:12:5)`. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
