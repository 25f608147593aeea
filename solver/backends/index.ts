/**
 * The registry of solver backends: the one list of their names, what each can do, and how a
 * worker loads each one. The scenario schema, the CLI and the worker protocol read their names
 * from here.
 *
 * Adding a backend is one folder and one line: `solver/backends/<name>/index.ts` exports a
 * {@link BackendEntry} (name, honest capabilities, a `load` that imports its adapter on demand),
 * its adapter implements {@link Backend}, and its entry is added to {@link REGISTRY} below. The
 * conformance suite (test/solver/solver-conformance.test.ts) then runs on it, skipping what its
 * capabilities say it cannot do.
 */
import { createRequire } from 'node:module';
import type { Backend, BackendCapabilities, BackendEntry } from '../backend.js';
import { cpsat } from './cpsat/index.js';
import { glpk } from './glpk/index.js';
import { highs } from './highs/index.js';
import { jsl } from './jsl/index.js';

/** Every backend; the first is the default. */
const REGISTRY = [highs, glpk, jsl, cpsat] as const;

type NamesOf<Entries extends readonly BackendEntry[]> = { readonly [K in keyof Entries]: Entries[K]['name'] };

/** The names of the backends {@link solveMip} accepts, in registry order (a tuple, for `z.enum`). */
export const BACKEND_NAMES = REGISTRY.map((entry) => entry.name) as unknown as NamesOf<typeof REGISTRY>;
export type BackendName = (typeof BACKEND_NAMES)[number];

const BY_NAME = new Map<string, BackendEntry>(REGISTRY.map((entry) => [entry.name, entry]));

function entryOf(name: BackendName): BackendEntry {
  const entry = BY_NAME.get(name);
  if (entry === undefined) throw new TypeError(`unknown solver backend "${name}"; known: ${BACKEND_NAMES.join(', ')}`);
  return entry;
}

/** What the named backend supports; shared code branches on this, never on the name. */
export function backendCapabilities(name: BackendName): BackendCapabilities {
  return entryOf(name).capabilities;
}

/**
 * Whether the named backend can load here: true unless it needs an optional package
 * ({@link BackendEntry.optionalPackage}) that cannot be resolved from this installation.
 */
export function backendInstalled(name: BackendName): boolean {
  const entry = entryOf(name);
  if (entry.optionalPackage === undefined) return true;
  try {
    createRequire(import.meta.url).resolve(entry.optionalPackage);
    return true;
  } catch {
    return false;
  }
}

/** Loads the named backend's adapter (in a worker thread: it may load WebAssembly). */
export function loadBackend(name: BackendName): Promise<Backend> {
  return entryOf(name).load();
}
