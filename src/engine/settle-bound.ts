/**
 * When the engine solves the placement relaxation (src/bound/upper-bound.ts) for its reported
 * bound. A solve starts from the counting bound alone (instant, no solver): the placement search
 * steers by it, and where a schedule reaches it, it is already the best bound there is (no
 * relaxation proves less than a schedule places). So the relaxation is solved only once the
 * placement search has had its turn and placement is still below the counting bound, before the
 * stages that follow. On the generated 300-student school the relaxation took the first 9 s of a
 * 60 s limit (its 15% share) and proved nothing below the head count, which the placement search
 * then reached; solved first, it took those 9 s from the search (benchmarks/notes.md).
 */
import { BOUND_NODE_LIMIT, BOUND_TIME_SHARE, placementUpperBound } from '../bound/upper-bound.js';
import type { SolveRun } from './run-state.js';

/**
 * Settles the run's placement bound, once: keeps the counting bound where the incumbent reaches
 * it, else solves the placement relaxation within {@link BOUND_TIME_SHARE} of the limit (at most
 * half the time left) and reports the tighter value. Does nothing after Ctrl-C: the counting
 * bound, valid on its own, is reported then.
 */
export async function settleBound(run: SolveRun): Promise<void> {
  if (run.boundSettled || run.bound === null || run.aborted()) return;
  run.boundSettled = true;
  if (run.reached(run.values)) return;
  const { backend, seed, limit, signal } = run.settings;
  const upper = await placementUpperBound(run.program.inst, {
    backend,
    seed,
    nodeLimit: BOUND_NODE_LIMIT,
    timeLimitSeconds: Math.min(limit * BOUND_TIME_SHARE, run.remaining() * 0.5),
    ...(signal ? { signal } : {}),
  });
  if (upper) run.bound = { value: upper.value, source: upper.source };
}
