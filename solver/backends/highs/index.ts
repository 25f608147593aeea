/**
 * HiGHS (Edinburgh, MIT), compiled to WebAssembly by the `highs` package: branch-and-cut with a
 * proven bound, callbacks for incumbents and progress, interruption, MIP starts and node limits.
 * The default backend. The adapter (adapter.ts) is loaded in a worker only when asked for; the
 * runtime itself is loaded in wasm/highs.ts.
 */
import type { BackendEntry } from '../../backend.js';

export const highs: BackendEntry<'highs'> = {
  name: 'highs',
  capabilities: {
    bound: true,
    timeLimit: true,
    mipGap: true,
    warmStart: true,
    progress: true,
    interrupt: true,
    nodeLimit: true,
    integerOnly: false,
  },
  load: async () => (await import('./adapter.js')).highsBackend,
};
