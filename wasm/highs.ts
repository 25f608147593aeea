/**
 * The one place the HiGHS WebAssembly runtime is loaded: once per worker thread, with its native
 * output kept off stdout (the CLI writes schedules to stdout), and marked poisoned after an abort
 * because an aborted Emscripten heap cannot be trusted or shrunk again.
 */
import highsModule, { type Highs } from 'highs';

// highs ships CommonJS-flavoured types for an ESM build: under NodeNext the default import is
// typed as the module namespace, while at run time it is the loader function itself.
const loadHighs = highsModule as unknown as (typeof highsModule)['default'];

/** The WASM heap ceiling of this HiGHS build. */
export const HIGHS_MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;

const LOG_LINES_KEPT = 40;
const recentLog: string[] = [];
let runtime: Promise<Highs> | undefined;
/** The runtime once loaded, for {@link highsMemoryBytes}. */
let loaded: Highs | undefined;
let poisonReason: string | undefined;

function keepLine(line: string): void {
  recentLog.push(line);
  if (recentLog.length > LOG_LINES_KEPT) recentLog.shift();
}

/**
 * The loaded HiGHS runtime, created on first use. Throws if a previous abort poisoned it: the
 * caller's worker must then be replaced, not retried.
 */
export function highsRuntime(): Promise<Highs> {
  if (poisonReason !== undefined) return Promise.reject(new Error(`HiGHS runtime is unusable after an abort: ${poisonReason}`));
  const loading =
    runtime ??
    loadHighs({ print: keepLine, printErr: keepLine }).then((highs) => {
      loaded = highs;
      return highs;
    });
  runtime = loading;
  return loading;
}

/**
 * Bytes of WebAssembly memory this thread's HiGHS runtime holds (0 before it is loaded). The
 * memory grows to the largest model solved so far and never shrinks while the thread lives.
 */
export function highsMemoryBytes(): number {
  return loaded?.memoryBytes ?? 0;
}

/** Marks this thread's runtime as unusable (after a WASM abort or out-of-memory). */
export function poisonHighs(reason: string): void {
  poisonReason ??= reason;
}

/** Why the runtime is unusable, or undefined while it is healthy. */
export function highsPoisoned(): string | undefined {
  return poisonReason;
}

/** The last native output lines (HiGHS writes aborts and warnings there), for error messages. */
export function highsRecentLog(): readonly string[] {
  return [...recentLog];
}
