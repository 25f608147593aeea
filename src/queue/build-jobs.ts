/**
 * The jobs of a submission: every scenario checked (zod and cross-references) before anything is
 * written or enqueued, identical solves merged into one job whose id is their content hash, and
 * in shared storage mode the scenarios written there under their digest.
 */
import { parseScenario } from '../scenario/parse.js';
import { InputError, type InputProblem } from '../scenario/problems.js';
import type { Variant } from '../whatif/variant.js';
import type { Schedule } from '../loading/schedule.js';
import type { QueueConfig } from './config.js';
import { jobKey, scenarioDigest } from './keys.js';
import { jobDataSchema, type JobData, type QueueSolveOptions } from './messages.js';
import { scenarioPath, startPath, storeScenario, storeStart } from './shared-storage.js';

/** One job and the rows it serves. */
export interface Entry {
  readonly key: string;
  readonly data: JobData;
  /** Indices of the rows this job serves. */
  readonly rows: number[];
}

/** A scenario to solve on the queue, with the schedule its solve starts from (a what-if variant's base schedule). */
export interface QueueJob extends Variant {
  readonly start?: Schedule;
}

/**
 * Checks every scenario and builds its job; in shared storage mode writes the scenarios there.
 * A job's `start` travels in its options and enters its id.
 * @throws InputError listing every bad variant (by name) before anything is written or enqueued.
 */
export function buildJobs(jobs: readonly QueueJob[], common: QueueSolveOptions, config: QueueConfig): Entry[] {
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
    const { name, start } = jobs[i]!;
    const options: QueueSolveOptions = start ? { ...common, start } : common;
    const digest = config.sharedStorage ? storeScenario(config.sharedStorage, scenario) : scenarioDigest(scenario);
    const key = jobKey(digest, options);
    const known = byKey.get(key);
    if (known) {
      known.rows.push(i);
      return;
    }
    // In shared storage the start schedule is a file too: Redis never holds a student's enrollments.
    const startDigest = config.sharedStorage && start ? storeStart(config.sharedStorage, start) : undefined;
    const data: JobData = config.sharedStorage
      ? {
          format: 1,
          transport: 'shared',
          name,
          options: common,
          scenarioFile: scenarioPath(digest),
          scenarioSha256: digest,
          students: scenario.students.length,
          courses: scenario.courses.length,
          ...(startDigest ? { startFile: startPath(startDigest), startSha256: startDigest } : {}),
        }
      : { format: 1, transport: 'inline', name, options, scenario };
    byKey.set(key, { key, data: jobDataSchema.parse(data), rows: [i] });
  });
  return [...byKey.values()];
}
