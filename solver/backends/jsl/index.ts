/**
 * javascript-lp-solver (pure JavaScript, Unlicense), for tiny models only: a dense tableau, no
 * bound, and a `timeout` that covers branch-and-bound only, so it does not honour a time limit.
 */
import type { BackendEntry } from '../../backend.js';

export const jsl: BackendEntry<'jsl'> = {
  name: 'jsl',
  capabilities: {
    bound: false,
    timeLimit: false,
    mipGap: true,
    warmStart: false,
    progress: false,
    interrupt: false,
    nodeLimit: false,
    integerOnly: false,
  },
  load: async () => (await import('./adapter.js')).jslBackend,
};
