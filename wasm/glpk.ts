/**
 * The one place GLPK (glpk.js, GPL-3.0, an optional dependency) is loaded: lazily, only when the
 * glpk backend is asked for. glpk.js binds `console.log`/`console.error` when its factory runs, so
 * the console is swapped for a hook during that call and its output lands in a ring buffer.
 */
import type { GLPK } from 'glpk.js/node';

export type { GLPK };

/** Thrown when the optional package is not installed. */
export class GlpkMissingError extends Error {
  constructor(cause: unknown) {
    super('the glpk backend needs the optional package glpk.js: npm install glpk.js', { cause });
    this.name = 'GlpkMissingError';
  }
}

const LOG_LINES_KEPT = 40;
const recentLog: string[] = [];
let runtime: Promise<GLPK> | undefined;

function keepLine(...parts: unknown[]): void {
  recentLog.push(parts.map(String).join(' '));
  if (recentLog.length > LOG_LINES_KEPT) recentLog.shift();
}

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** How glpk.js is imported; replaceable so the missing-package path can be tested. */
export type GlpkImporter = () => Promise<{ default: () => Promise<GLPK> }>;

const defaultImporter: GlpkImporter = () => import('glpk.js/node');

/**
 * The loaded GLPK runtime, created on first use in this thread.
 * @throws GlpkMissingError when glpk.js is not installed.
 */
export function glpkRuntime(importer: GlpkImporter = defaultImporter): Promise<GLPK> {
  const loading =
    runtime ??
    createRuntime(importer).catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
  runtime = loading;
  return loading;
}

async function createRuntime(importer: GlpkImporter): Promise<GLPK> {
  let factory: () => Promise<GLPK>;
  try {
    factory = (await importer()).default;
  } catch (error) {
    if (isMissingModule(error)) throw new GlpkMissingError(error);
    throw error;
  }
  const { log, error } = console;
  console.log = keepLine;
  console.error = keepLine;
  try {
    return await factory();
  } finally {
    console.log = log;
    console.error = error;
  }
}

/** The last lines GLPK printed, for error messages. */
export function glpkRecentLog(): readonly string[] {
  return [...recentLog];
}
