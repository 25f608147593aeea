/**
 * One worker thread, as both pools use it (the solver pool in solver/worker-pool.ts and the
 * what-if variant pool in src/whatif/pool.ts): started from the compiled `dist/` file or from the
 * TypeScript source, every event of the thread observed (`message`, `messageerror`, `error`,
 * `exit`), and once it fails or is terminated it is dead and never used again. Each pool keeps
 * only its own policy: how many threads, when to reuse one, what a failure means to its caller.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Why a thread stopped being usable: an uncaught error in it, a message from it that could not be
 * deserialised (an answer that can never arrive), or the thread ending.
 */
export type WorkerFailure =
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'messageerror'; readonly error: Error }
  | { readonly kind: 'exit'; readonly code: number };

export interface WorkerThread {
  /** The thread itself, for a message adapter such as comlink's; use {@link onMessage} to listen. */
  readonly worker: Worker;
  /** Settles with the first failure of the thread (its `exit` included); never rejects. */
  readonly failure: Promise<WorkerFailure>;
  /**
   * Calls `listener` once with the thread's first failure (at once if it has failed already);
   * returns the function that stops listening. For a listener per job: a callback chained on
   * {@link failure} stays until the thread dies, holding everything its closure holds (the
   * board search's thousands of steps each kept their program that way).
   */
  onFailure(listener: (failure: WorkerFailure) => void): () => void;
  /** True once the thread failed, exited or was terminated: it must not take more work. */
  readonly dead: boolean;
  /** Listens to the thread's messages; returns the function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Terminates the thread and marks it dead; resolves once it has ended (never rejects). */
  terminate(): Promise<void>;
}

/** This module runs from the TypeScript sources (vitest, tsx) rather than from `dist/`. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

function startThread(entry: URL): Worker {
  if (!FROM_SOURCES) return new Worker(entry);
  // From sources the entry is the `.ts` file beside the named `.js` one, and it needs the tsx
  // loader. On Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's own entry
  // module, so a bootstrap registers tsx's ESM hooks inside the worker and then imports the entry.
  const source = new URL(entry.href.replace(/\.js$/, '.ts'));
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Starts a worker thread on `entry`, the URL of the compiled entry module (`./worker.js` beside
 * the caller); run from sources, the `.ts` file of the same name is started instead.
 */
export function spawnWorkerThread(entry: URL): WorkerThread {
  const worker = startThread(entry);
  let dead = false;
  let failed: WorkerFailure | undefined;
  const listeners = new Set<(failure: WorkerFailure) => void>();
  let settle: (failure: WorkerFailure) => void = () => undefined;
  const failure = new Promise<WorkerFailure>((resolve) => {
    settle = resolve;
  });
  const fail = (why: WorkerFailure): void => {
    dead = true;
    if (failed) return;
    failed = why;
    settle(why);
    for (const listener of listeners) listener(why);
    listeners.clear();
  };
  worker.on('error', (error) => {
    fail({ kind: 'error', error });
  });
  worker.on('messageerror', (error) => {
    fail({ kind: 'messageerror', error });
  });
  worker.on('exit', (code) => {
    fail({ kind: 'exit', code });
  });
  return {
    worker,
    failure,
    get dead() {
      return dead;
    },
    onFailure(listener) {
      if (failed) {
        listener(failed);
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onMessage(listener) {
      worker.on('message', listener);
      return () => worker.off('message', listener);
    },
    terminate() {
      dead = true;
      return worker.terminate().then(
        () => undefined,
        () => undefined,
      );
    },
  };
}
