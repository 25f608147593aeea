/**
 * The queue options shared by `whatif`, `batch` and `worker`, and the progress line of each job
 * event. The commands stay thin: this parses and prints, src/queue/ does the work.
 */
import type { Argv } from 'yargs';
import { z } from 'zod';
import type { QueueConfigInput } from '../queue/config.js';
import { QueueUnavailableError } from '../queue/errors.js';
import type { JobEvent } from '../queue/submit.js';
import { describeProgress } from './progress.js';
import { EXIT } from './errors.js';

/** yargs options: where the queue is. */
export function queueOptions<T>(y: Argv<T>, required: boolean) {
  return y
    .option('queue', {
      type: 'string',
      demandOption: required,
      describe: `Redis URL of the BullMQ queue: redis://host:6379/0, rediss://:password@host:6380/0 (TLS)${required ? '' : '; without it, solves run on this machine'}`,
    })
    .option('queue-name', { type: 'string', describe: 'queue name (default pathway-scheduler); teams sharing a Redis use different names' })
    .option('shared-storage', {
      type: 'string',
      describe: 'folder every machine mounts: scenarios and solutions travel through it, Redis carries only ids, hashes and counts',
    });
}

/** The same options for the submitting commands, plus how long to wait for an unreachable queue. */
export function submitOptions<T>(y: Argv<T>) {
  return queueOptions(y, false).option('patience', {
    type: 'number',
    describe: 'with --queue: seconds to wait for an unreachable queue before giving up (default 120)',
  });
}

export const queueArgsSchema = z.object({
  queue: z.string().min(1).optional(),
  queueName: z.string().min(1).optional(),
  sharedStorage: z.string().min(1).optional(),
  patience: z.number().positive().optional(),
});

/** The library's queue option from the command's arguments (none without --queue). */
export function queueFrom(args: z.infer<typeof queueArgsSchema>): QueueConfigInput | undefined {
  if (!args.queue) return undefined;
  return { url: args.queue, ...(args.queueName ? { name: args.queueName } : {}), ...(args.sharedStorage ? { sharedStorage: args.sharedStorage } : {}) };
}

/** One progress line per job event, on stderr. */
export function printJobEvent(e: JobEvent, stream: NodeJS.WritableStream = process.stderr): void {
  if (e.kind === 'queue-lost') return void stream.write(`  ${e.message}\n`);
  if (e.kind === 'queue-back') return void stream.write('  the queue answers again\n');
  const who = e.names.join(', ');
  if (e.kind === 'queued') stream.write(`  ${who}: ${e.again ? 'queued again (the queue had lost it)' : 'queued'} as ${e.key.slice(0, 18)}\n`);
  else if (e.kind === 'running') stream.write(`  ${who}: running on ${e.worker}\n`);
  else if (e.kind === 'progress') {
    const d = describeProgress(e.progress);
    stream.write(`  ${who}: [${e.progress.seconds.toFixed(0)}s] ${e.progress.stage}: pathway placed ${d.incumbent} (bound ${d.bound}, gap ${d.gap})\n`);
  } else if (e.kind === 'done') stream.write(`  ${who}: done on ${e.worker} (${e.status})\n`);
  else stream.write(`  ${who}: failed: ${e.message}\n`);
}

/**
 * Prints a queue that could not be reached and returns its exit code (1), or undefined for any
 * other error (left to the usual handler).
 */
export function reportQueueError(err: unknown): number | undefined {
  if (!(err instanceof QueueUnavailableError)) return undefined;
  process.stderr.write(`pathway-scheduler: ${err.message}\n`);
  return EXIT.incomplete;
}
