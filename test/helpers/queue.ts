/**
 * Helpers of the queue tests: the Redis URL from the global setup (failing with the reason when
 * there is none), CLI and worker processes, and waiting for a line of their output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import { Redis } from 'ioredis';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

/** The Redis of the test run. @throws Error saying how to get one (never a silent skip). */
export function redisUrl(): string {
  const url = inject('redisUrl');
  if (!url) throw new Error(inject('redisProblem') ?? 'no Redis for the queue tests');
  return url;
}

/** A child process with its output gathered, and a way to wait for a line of it. */
export interface Child {
  readonly process: ChildProcess;
  out: string;
  err: string;
  /** Resolves with the first match of `pattern` in stdout + stderr (or rejects when the process ends first). */
  readonly waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  /** Resolves with the exit code. */
  readonly exit: Promise<number | null>;
}

function track(child: ChildProcess): Child {
  const c: Child = {
    process: child,
    out: '',
    err: '',
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = (c.out + c.err).match(pattern);
          if (m) {
            child.stdout?.off('data', check);
            child.stderr?.off('data', check);
            resolve(m);
          }
        };
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
        child.once('close', () => {
          const m = (c.out + c.err).match(pattern);
          if (m) resolve(m);
          else reject(new Error(`the process ended before ${String(pattern)} appeared:\n${c.out}\n${c.err}`));
        });
        check();
      }),
    exit: new Promise((resolve) =>
      child.once('close', (code) => {
        resolve(code);
      }),
    ),
  };
  // Registered before any waitFor, so the text is there when a waiter looks.
  child.stdout?.prependListener('data', (d: Buffer) => (c.out += d.toString()));
  child.stderr?.prependListener('data', (d: Buffer) => (c.err += d.toString()));
  return c;
}

/** `pathway-scheduler <args>` from the sources, in `cwd`. */
export const cli = (cwd: string, ...args: string[]): Child =>
  track(spawn(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), ...args], { cwd }));

/** A worker process started through the library (see queue-worker.ts). */
export const libraryWorker = (options: object): Child =>
  track(spawn(process.execPath, ['--import', tsx, join(root, 'test/helpers/queue-worker.ts'), JSON.stringify(options)], { cwd: root }));

/** Keys of one queue in Redis (BullMQ's and ours), for checks that nothing is left. */
export async function queueKeys(url: string, name: string): Promise<string[]> {
  const redis = new Redis(url);
  try {
    return (await redis.keys(`bull:${name}:*`)).sort();
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` every 200 ms until it returns true (the test's own timeout bounds the wait). */
export async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 200));
}
