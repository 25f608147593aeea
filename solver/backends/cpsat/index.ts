/**
 * CP-SAT (Google OR-Tools, Apache-2.0) through the optional npm package `or-tools-wasm`, loaded
 * only when asked for (`--solver cpsat`). A lazy-clause-generation solver: on this project's
 * placement programs it proves what HiGHS does not within the same limit (benchmarks/notes.md,
 * "Solvers, 2026-11-30"). Integer programs only (integral coefficients, finite column bounds), as
 * every program the engine builds is. On Node 20 it runs on one thread (Asyncify) and returns
 * control only when the solve ends, so it streams no progress and cannot be interrupted: a stop
 * terminates its worker. Its runtime keeps a helper thread asleep until the time limit of the last
 * solve has passed, even when the solve ended early; until then its worker cannot exit, so a shutdown
 * of the pool waits for it (measured: benchmarks/notes.md).
 */
import type { BackendEntry } from '../../backend.js';

export const cpsat: BackendEntry<'cpsat'> = {
  name: 'cpsat',
  capabilities: {
    bound: true,
    timeLimit: true,
    mipGap: true,
    warmStart: true,
    progress: false,
    interrupt: false,
    nodeLimit: false,
    integerOnly: true,
  },
  optionalPackage: 'or-tools-wasm/cp-sat',
  load: async () => (await import('./adapter.js')).cpSatBackend,
};
