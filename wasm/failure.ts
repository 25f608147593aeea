/**
 * Telling a failure of a WebAssembly machine (abort, trap, out of memory) from an ordinary error:
 * after such a failure an Emscripten heap cannot be trusted or shrunk, so the runtime is
 * discarded with its worker. Shared by the loaders of every WASM solver.
 */

/** Whether an error came out of the WASM machine itself rather than from input validation. */
export function isWasmFailure(error: unknown): boolean {
  if (error instanceof Error && error.name === 'RuntimeError') return true;
  if (error instanceof RangeError && /memory|array buffer/i.test(error.message)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Aborted\(|out of memory|unreachable|memory access out of bounds|Cannot enlarge memory/i.test(message);
}
