/**
 * Keeping the time limit and Ctrl-C alive while the engine builds its program. Building is
 * synchronous work of up to seconds on a large school; split into steps (a generator yields after
 * each), it gives the event loop a turn every few tens of milliseconds, so an abort signal
 * (Ctrl-C) is seen, progress is shown, and the deadline is checked from the first second.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Why building stopped early. */
export type StopReason = 'time-limit' | 'interrupted';

/** Longest run of synchronous work between two turns of the event loop. */
const TURN_MS = 40;

export class Pace {
  private lastTurn = performance.now();
  private stopped: StopReason | null = null;

  /**
   * @param deadline - `performance.now()` time at which the work must stop.
   * @param onTurn - called at each turn with what is being done (progress for a person).
   */
  constructor(
    private readonly deadline: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onTurn: (doing: string) => void = () => undefined,
  ) {}

  /** Why the work stopped, once it has. */
  get reason(): StopReason | null {
    return this.stopped;
  }

  /**
   * Why the work stopped, for a caller that {@link step} or {@link run} has told it did.
   * @throws Error when the work has not stopped (the caller's mistake).
   */
  get stopReason(): StopReason {
    if (this.stopped === null) throw new Error('the work has not stopped: ask step() or run() first');
    return this.stopped;
  }

  /**
   * Gives the event loop a turn when the last was long enough ago, then checks the abort signal
   * and the deadline. @returns false when the work must stop (see {@link reason}).
   */
  async step(doing: string, force = false): Promise<boolean> {
    if (force || performance.now() - this.lastTurn >= TURN_MS) {
      await nextTurn();
      this.lastTurn = performance.now();
      this.onTurn(doing);
    }
    if (this.signal?.aborted) this.stopped = 'interrupted';
    else if (performance.now() >= this.deadline) this.stopped = 'time-limit';
    return this.stopped === null;
  }

  /**
   * Runs a generator of work steps to its end, taking turns between steps.
   * @returns its result, or null when it was stopped (see {@link reason}).
   */
  async run<T>(steps: Generator<unknown, T>, doing: string): Promise<T | null> {
    for (;;) {
      if (!(await this.step(doing))) return null;
      const next = steps.next();
      if (next.done) return next.value;
    }
  }
}

/** Runs a generator of work steps to its end without pausing (for synchronous callers). */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
