/**
 * Shared storage: a folder every machine mounts (NFS, SMB, a synced drive), each at its own path.
 * Scenarios and start schedules are written there under their content hash and solutions under
 * their job key, so Redis carries only those names, hashes and counts. Whoever reads a file checks its SHA-256
 * against the one the job or result names: a file changed or truncated in transit is refused.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseJsonText, parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { scheduleSchema, solutionSchema, type Solution } from '../solution/schema.js';
import type { Schedule } from '../loading/schedule.js';
import { canonicalJson, scenarioText, sha256 } from './keys.js';

/** Where a scenario with this digest is stored, relative to the storage folder. */
export const scenarioPath = (digest: string) => `scenarios/${digest}.json`;
/** Where a start schedule (a what-if variant's base schedule) with this digest is stored, relative to the storage folder. */
export const startPath = (digest: string) => `starts/${digest}.json`;
/** Where the solution of this job is stored, relative to the storage folder. */
export const solutionPath = (key: string) => `solutions/${key}.solution.json`;

/**
 * Writes a file whole or not at all: machines writing the same file at once (the same content,
 * as names are content hashes) each rename their own temporary file over it.
 */
function writeWhole(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (err: unknown) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes `text` under its SHA-256 at `pathOf(digest)` (once: the same content is the same file) and returns the digest. */
function storeByDigest(root: string, text: string, pathOf: (digest: string) => string): string {
  const digest = sha256(text);
  const file = join(root, pathOf(digest));
  if (!existsSync(file)) writeWhole(file, text);
  return digest;
}

/** Writes the scenario under its digest and returns the digest. */
export function storeScenario(root: string, scenario: Scenario): string {
  return storeByDigest(root, scenarioText(scenario), scenarioPath);
}

/** Writes a start schedule under its digest and returns the digest. */
export function storeStart(root: string, start: Schedule): string {
  return storeByDigest(root, canonicalJson(start), startPath);
}

/** Reads a file and checks its SHA-256. @throws Error naming the file and what is wrong with it. */
function readVerified(root: string, path: string, expected: string, what: string): string {
  const file = join(root, path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err: unknown) {
    throw new Error(`cannot read the ${what} ${file} from shared storage: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const actual = sha256(bytes);
  if (actual !== expected)
    throw new Error(
      `the ${what} ${file} in shared storage does not match the job's hash (expected ${expected.slice(0, 12)}…, found ${actual.slice(0, 12)}…): it changed after it was queued`,
    );
  return bytes.toString('utf8');
}

/**
 * Reads and checks a stored scenario.
 * @throws Error (unreadable file, hash mismatch) or InputError (the scenario is not valid).
 */
export function loadScenario(root: string, path: string, digest: string): Scenario {
  const file = join(root, path);
  return parseScenario(parseJsonText(readVerified(root, path, digest, 'scenario'), file), file);
}

/** Reads and checks a stored start schedule. @throws Error naming the file (unreadable, hash mismatch, not a schedule). */
export function loadStart(root: string, path: string, digest: string): Schedule {
  const file = join(root, path);
  const parsed = scheduleSchema.safeParse(parseJsonText(readVerified(root, path, digest, 'start schedule'), file));
  if (!parsed.success) throw new Error(`the start schedule ${file} in shared storage is not a schedule (sections and enrollments)`);
  return parsed.data;
}

/** Writes a job's solution and returns its path and SHA-256 for the result. */
export function storeSolution(root: string, key: string, solution: Solution): { path: string; sha256: string } {
  const text = `${JSON.stringify(solution, null, 2)}\n`;
  const path = solutionPath(key);
  writeWhole(join(root, path), text);
  return { path, sha256: sha256(text) };
}

/** Reads and checks a stored solution. @throws Error naming the file. */
export function loadSolution(root: string, ref: { path: string; sha256: string }): Solution {
  const text = readVerified(root, ref.path, ref.sha256, 'solution');
  const parsed = solutionSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`the solution ${join(root, ref.path)} in shared storage is not a valid solution`);
  return parsed.data;
}
