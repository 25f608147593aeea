/**
 * Board-search options for tests on a clock that never moves: only the work limits (50 nodes a
 * step, 10,000 steps) end a step or the search, so a run gives the same board on any machine.
 */
import type { LnsOptions } from '../../src/board/lns.js';

export const FROZEN_CLOCK_SEARCH: LnsOptions = {
  backend: 'highs',
  seed: 1,
  until: Number.POSITIVE_INFINITY,
  now: () => 0,
  stepSeconds: 60,
  stepNodes: 50,
  maxSteps: 10_000,
  maxFree: 40,
  maxTouched: 30,
  parallel: 2,
};
