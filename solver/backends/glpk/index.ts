/**
 * GLPK, compiled to WebAssembly by glpk.js: GPL-3.0, so an optional dependency, imported only
 * when this backend is asked for (wasm/glpk.ts names the package to install when it is missing).
 * It reports neither a bound nor a gap and has no MIP callback; `tmlim` overshoots up to 2×.
 */
import type { BackendEntry } from '../../backend.js';

export const glpk: BackendEntry<'glpk'> = {
  name: 'glpk',
  capabilities: {
    bound: false,
    timeLimit: true,
    mipGap: true,
    warmStart: false,
    progress: false,
    interrupt: false,
    nodeLimit: false,
    integerOnly: false,
  },
  optionalPackage: 'glpk.js/node',
  load: async () => (await import('./adapter.js')).glpkBackend,
};
