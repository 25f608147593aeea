/**
 * Where the queue lives: a Redis URL (`redis://` or `rediss://` for TLS, with an optional
 * password and database number), the queue's name, and optionally a shared storage folder.
 * Validated with zod before anything connects.
 */
import { z } from 'zod';
import { InputError } from '../scenario/problems.js';
import { zodProblems } from '../scenario/parse.js';

/** BullMQ's default queue name for this engine; several teams can share one Redis under different names. */
export const DEFAULT_QUEUE_NAME = 'pathway-scheduler';

/**
 * The queue to use. `url`: `redis://[:password@]host[:port][/db]` or `rediss://…` (TLS); when
 * the URL carries no password, the `REDIS_PASSWORD` environment variable is used if set (so the
 * password need not appear on a command line). `name`: the BullMQ queue name (default
 * {@link DEFAULT_QUEUE_NAME}); letters, digits, `-` and `_`. `sharedStorage`: a folder that the
 * submitter and every worker can read and write (each gives its own mount path): scenarios and
 * solutions then travel through it and Redis carries only ids, content hashes and counts.
 */
export const queueConfigSchema = z.strictObject({
  url: z.string().refine((u) => /^rediss?:\/\/[^/]/.test(u) && URL.canParse(u), {
    error: 'the queue must be a Redis URL such as redis://127.0.0.1:6379/0 or rediss://:password@redis.internal:6380/0 (TLS)',
  }),
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'use letters, digits, - and _ (at most 64)')
    .default(DEFAULT_QUEUE_NAME),
  sharedStorage: z.string().min(1).optional(),
});
export type QueueConfigInput = z.input<typeof queueConfigSchema>;
export type QueueConfig = z.output<typeof queueConfigSchema>;

/** @throws {@link InputError} naming the bad field and the fix. */
export function parseQueueConfig(input: unknown, source = 'queue options'): QueueConfig {
  const parsed = queueConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(source, zodProblems(parsed.error));
}

/** The URL with its password hidden, for messages and logs. */
export function displayUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString().replace(/\/$/, '');
}
