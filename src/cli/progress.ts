/**
 * Progress of a long solve on stderr: a live bar on a terminal (cli-progress), one quiet line per
 * update otherwise (logs, CI). Silent for the first seconds so quick solves print nothing extra.
 */
import cliProgress from 'cli-progress';
import type { SolveProgress } from '../engine/solve.js';

const QUIET_FOR_SECONDS = 2;
const LINE_EVERY_SECONDS = 5;

/**
 * The figures a person waits on: pathway students placed by the incumbent, the bound on that
 * count, and the gap between them (not the solver's weighted objective, which means nothing to
 * a counselor).
 */
export function describeProgress(p: SolveProgress): { incumbent: string; bound: string; gap: string } {
  const bound = p.placementBound ?? null;
  const gap = p.incumbent !== null && bound !== null && bound > 0 ? (bound - p.incumbent) / bound : null;
  return {
    incumbent: p.incumbent === null ? '-' : String(Math.round(p.incumbent)),
    bound: bound === null ? '-' : String(bound),
    gap: gap === null ? '-' : `${(Math.max(0, gap) * 100).toFixed(1)}%`,
  };
}

const describe = describeProgress;

export interface ProgressReporter {
  readonly update: (p: SolveProgress) => void;
  readonly stop: () => void;
}

export function progressReporter(limitSeconds: number, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | undefined;
    return {
      update(p) {
        if (p.seconds < QUIET_FOR_SECONDS) return;
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format: '{stage} |{bar}| {elapsed}s of {limit}s  pathway placed {incumbent} of ≤ {bound}  gap {gap}',
              hideCursor: true,
              clearOnComplete: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(Math.ceil(limitSeconds), 0, { stage: p.stage, elapsed: 0, limit: limitSeconds, ...describe(p) });
        }
        bar.update(Math.min(limitSeconds, Math.floor(p.seconds)), { stage: p.stage, elapsed: Math.floor(p.seconds), limit: limitSeconds, ...describe(p) });
      },
      stop() {
        bar?.stop();
      },
    };
  }
  let last = -Infinity;
  let lastStage = '';
  return {
    update(p) {
      if (p.seconds < QUIET_FOR_SECONDS) return;
      if (p.stage === lastStage && p.seconds - last < LINE_EVERY_SECONDS) return;
      last = p.seconds;
      lastStage = p.stage;
      const d = describe(p);
      stream.write(`[${p.seconds.toFixed(0)}s] ${p.stage}: pathway placed ${d.incumbent} (bound ${d.bound}, gap ${d.gap})\n`);
    },
    stop() {},
  };
}
