/**
 * The result store beside BullMQ's jobs: one Redis key per job key, written with SET NX, so a job
 * solved twice (a worker presumed dead that was only slow, or one killed after storing its result
 * and before BullMQ marked the job done) keeps the first result and the second is dropped. A
 * worker that finds a result already stored returns it without solving again.
 */
import type { Redis } from 'ioredis';
import { redisKeys } from './keys.js';
import { jobResultSchema, type JobResult } from './messages.js';

/** How long a job, its result and a cancel flag stay in Redis when nobody collects them (7 days, in seconds). */
export const RETENTION_SECONDS = 7 * 24 * 3600;

/** Stores a job's result unless one is stored already. @returns true when this call stored it. */
export async function storeResult(redis: Redis, queue: string, result: JobResult): Promise<boolean> {
  const text = JSON.stringify(jobResultSchema.parse(result));
  return (await redis.set(redisKeys.result(queue, result.key), text, 'EX', RETENTION_SECONDS, 'NX')) === 'OK';
}

/**
 * The stored result of a job, or null when there is none.
 * @throws Error when the stored value is not a valid result (written by something else).
 */
export async function readResult(redis: Redis, queue: string, key: string): Promise<JobResult | null> {
  const text = await redis.get(redisKeys.result(queue, key));
  if (text === null) return null;
  const parsed = jobResultSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`the result stored for ${key} is not a valid result: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export async function deleteResult(redis: Redis, queue: string, key: string): Promise<void> {
  await redis.del(redisKeys.result(queue, key));
}

/** Marks a job cancelled: a worker running it stops, a worker about to start it drops it. */
export async function cancelJob(redis: Redis, queue: string, key: string): Promise<void> {
  await redis.set(redisKeys.cancel(queue, key), '1', 'EX', RETENTION_SECONDS);
}

export async function isCancelled(redis: Redis, queue: string, key: string): Promise<boolean> {
  return (await redis.exists(redisKeys.cancel(queue, key))) === 1;
}

export async function clearCancel(redis: Redis, queue: string, key: string): Promise<void> {
  await redis.del(redisKeys.cancel(queue, key));
}
