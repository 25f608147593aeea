/**
 * What-if and batch solves spread over machines: a BullMQ queue on Redis, workers that solve each
 * job in its own thread, results stored once under the job's content hash. The submitting side is
 * `compareScenarios(base, variants, { queue })` (or `solveScenarios`); this module adds the worker.
 * BullMQ and ioredis are loaded only when a queue is used.
 * @packageDocumentation
 */
import type { QueueWorker, StartWorkerOptions } from './worker.js';

export { DEFAULT_QUEUE_NAME, displayUrl, parseQueueConfig, queueConfigSchema, type QueueConfig, type QueueConfigInput } from './config.js';
export { QueueUnavailableError } from './errors.js';
export { jobKey, scenarioDigest } from './keys.js';
export { jobDataSchema, jobProgressSchema, jobResultSchema, type JobData, type JobProgress, type JobResult } from './messages.js';
export { ATTEMPTS } from './retries.js';
export type { JobEvent, QueueSubmitOptions } from './submit.js';
export type { QueueWorker, StartWorkerOptions, WorkerEvent } from './worker.js';

/**
 * Starts a queue worker in this process (see `src/queue/worker.ts` for locks and stalled jobs):
 * it takes jobs, solves each in its own variant worker thread, stores each result once.
 * @throws InputError for bad options, before connecting.
 */
export async function startWorker(options: StartWorkerOptions): Promise<QueueWorker> {
  const worker = await import('./worker.js');
  return worker.startWorker(options);
}
