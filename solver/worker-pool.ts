/**
 * Solver worker threads: started from the TypeScript source (with the tsx loader) or from the
 * compiled `dist/` file, kept idle for reuse while healthy, and discarded once they crash, time
 * out or report a poisoned WebAssembly runtime. Every worker event is observed here.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from './protocol.js';

/** Why a worker stopped being usable: an uncaught error in it, or its thread ending. */
export type WorkerFailure = { readonly kind: 'error'; readonly error: unknown } | { readonly kind: 'exit'; readonly code: number };

export interface SolverWorker {
  readonly worker: Worker;
  /**
   * The worker's API through comlink. Its methods already return promises, so comlink's `Remote`
   * has the same call shape; typed as {@link WorkerApi} so the published types need no DOM lib.
   */
  readonly api: WorkerApi;
  /** Settles when the worker fails or exits; never rejects. */
  readonly failure: Promise<WorkerFailure>;
  /** Milliseconds from spawn until the thread was online (undefined until then). */
  startupMs: number | undefined;
  dead: boolean;
}

/** Two cores: more idle workers than this would only hold memory. */
const MAX_IDLE = 2;
const idle: SolverWorker[] = [];

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  // Running from sources (vitest, tsx): the worker is worker.ts and needs the tsx loader. On
  // Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's own entry module, so a
  // bootstrap registers tsx's ESM hooks inside the worker and then imports the entry.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function spawn(): SolverWorker {
  const spawnedAt = performance.now();
  const worker = startWorker();
  let settle: (f: WorkerFailure) => void = () => undefined;
  const failure = new Promise<WorkerFailure>((resolve) => {
    settle = resolve;
  });
  const handle: SolverWorker = { worker, api: Comlink.wrap<WorkerApi>(nodeEndpoint(worker)) as unknown as WorkerApi, failure, startupMs: undefined, dead: false };
  worker.once('online', () => {
    handle.startupMs = performance.now() - spawnedAt;
  });
  worker.on('error', (error) => {
    handle.dead = true;
    settle({ kind: 'error', error });
  });
  worker.on('messageerror', (error) => {
    // A message that could not be deserialised leaves comlink waiting forever: treat as a crash.
    handle.dead = true;
    settle({ kind: 'error', error });
  });
  worker.on('exit', (code) => {
    handle.dead = true;
    settle({ kind: 'exit', code });
    const at = idle.indexOf(handle);
    if (at >= 0) idle.splice(at, 1);
  });
  return handle;
}

/** A healthy worker for one solve: an idle one if any, else a new one. */
export function acquireWorker(): SolverWorker {
  let w = idle.pop();
  while (w?.dead) w = idle.pop();
  const handle = w ?? spawn();
  handle.worker.ref();
  return handle;
}

/** Returns a worker whose solve ended normally; it stays alive without holding the process open. */
export function releaseWorker(handle: SolverWorker): void {
  if (handle.dead || idle.length >= MAX_IDLE) {
    discardWorker(handle);
    return;
  }
  handle.worker.unref();
  idle.push(handle);
}

/** Terminates a worker that must never be reused. */
export function discardWorker(handle: SolverWorker): void {
  handle.dead = true;
  handle.worker.terminate().catch(() => undefined);
}

/** Terminates the idle workers (e.g. before a CLI exits or between test files). */
export async function shutdownSolverWorkers(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((w) => w.worker.terminate().catch(() => 0)));
}
