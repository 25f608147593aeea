/**
 * The jobs of a submission: every scenario checked (zod and cross-references) before anything is
 * written or enqueued, identical solves merged into one job whose id is their content hash, and
 * in shared storage mode the scenarios written there under their digest.
 */
import { parseScenario } from '../scenario/parse.js';
import { InputError, type InputProblem } from '../scenario/problems.js';
import type { Variant } from '../whatif/variant.js';
import type { QueueConfig } from './config.js';
import { jobKey, scenarioDigest } from './keys.js';
import { jobDataSchema, type JobData, type QueueSolveOptions } from './messages.js';
import { scenarioPath, storeScenario } from './shared-storage.js';

/** One job and the rows it serves. */
export interface Entry {
  readonly key: string;
  readonly data: JobData;
  /** Indices of the rows this job serves. */
  readonly rows: number[];
}

/**
 * Checks every scenario and builds its job; in shared storage mode writes the scenarios there.
 * @throws InputError listing every bad variant (by name) before anything is written or enqueued.
 */
export function buildJobs(jobs: readonly Variant[], options: QueueSolveOptions, config: QueueConfig): Entry[] {
  const problems: InputProblem[] = [];
  const scenarios = jobs.map((job) => {
    try {
      return parseScenario(job.scenario, job.name);
    } catch (err: unknown) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems.map((p) => ({ ...p, path: `${job.name} ${p.path}`.trim() })));
      return null;
    }
  });
  if (problems.length > 0)
    throw new InputError(
      jobs
        .filter((_, i) => scenarios[i] === null)
        .map((j) => j.name)
        .join(', '),
      problems,
    );
  const byKey = new Map<string, Entry>();
  scenarios.forEach((scenario, i) => {
    if (!scenario) return;
    const name = jobs[i]!.name;
    const digest = config.sharedStorage ? storeScenario(config.sharedStorage, scenario) : scenarioDigest(scenario);
    const key = jobKey(digest, options);
    const known = byKey.get(key);
    if (known) {
      known.rows.push(i);
      return;
    }
    const data: JobData = config.sharedStorage
      ? {
          format: 1,
          transport: 'shared',
          name,
          options,
          scenarioFile: scenarioPath(digest),
          scenarioSha256: digest,
          students: scenario.students.length,
          courses: scenario.courses.length,
        }
      : { format: 1, transport: 'inline', name, options, scenario };
    byKey.set(key, { key, data: jobDataSchema.parse(data), rows: [i] });
  });
  return [...byKey.values()];
}
