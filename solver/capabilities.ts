/**
 * What each backend can do, declared where the main thread can read it without loading any
 * WebAssembly. The backends themselves point at these same objects.
 */
import type { BackendCapabilities } from './backend.js';

/** The names of the backends {@link solveMip} accepts. */
export const BACKEND_NAMES = ['highs', 'glpk', 'jsl'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export const HIGHS_CAPABILITIES: BackendCapabilities = {
  bound: true,
  timeLimit: true,
  mipGap: true,
  warmStart: true,
  progress: true,
  interrupt: true,
  nodeLimit: true,
};

/** glpk.js reports neither a bound nor a gap and has no MIP callback; `tmlim` overshoots up to 2×. */
export const GLPK_CAPABILITIES: BackendCapabilities = {
  bound: false,
  timeLimit: true,
  mipGap: true,
  warmStart: false,
  progress: false,
  interrupt: false,
  nodeLimit: false,
};

/** javascript-lp-solver: no bound, and its `timeout` covers branch-and-bound only. */
export const JSL_CAPABILITIES: BackendCapabilities = {
  bound: false,
  timeLimit: false,
  mipGap: true,
  warmStart: false,
  progress: false,
  interrupt: false,
  nodeLimit: false,
};

const BY_NAME: Readonly<Record<BackendName, BackendCapabilities>> = {
  highs: HIGHS_CAPABILITIES,
  glpk: GLPK_CAPABILITIES,
  jsl: JSL_CAPABILITIES,
};

/** What the named backend supports; shared code branches on this, never on the name. */
export function backendCapabilities(name: BackendName): BackendCapabilities {
  return BY_NAME[name];
}
