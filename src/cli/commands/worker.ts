import type { Argv } from 'yargs';
import { z } from 'zod';
import { validateArgs } from '../args.js';
import { queueArgsSchema, queueFrom, queueOptions } from '../queue-options.js';
import type { WorkerEvent } from '../../queue/process-job.js';

const argsSchema = z
  .object({
    concurrency: z.number().int().positive().max(64),
    lockSeconds: z.number().positive().optional(),
    name: z.string().min(1).optional(),
  })
  .extend(queueArgsSchema.shape);

function eventLine(e: WorkerEvent): string {
  if (e.kind === 'connection') return e.message;
  if (e.kind === 'started') return `${e.name} (${e.key.slice(0, 18)}): solving`;
  if (e.kind === 'reused') return `${e.name} (${e.key.slice(0, 18)}): already solved, result kept`;
  if (e.kind === 'finished') return `${e.name} (${e.key.slice(0, 18)}): ${e.status}`;
  return `${e.name} (${e.key.slice(0, 18)}): failed: ${e.message}`;
}

export function workerCommand(y: Argv): Argv {
  return y.command(
    'worker',
    'take what-if and batch solves from a BullMQ queue on Redis and solve them, each in its own thread, until stopped (Ctrl-C puts running jobs back in the queue)',
    (a) =>
      queueOptions(a, true)
        .option('concurrency', { type: 'number', default: 1, describe: 'solves at once on this machine (one per core at most)' })
        .option('lock-seconds', { type: 'number', describe: 'seconds after which the job of a worker that died goes to another worker (default 60)' })
        .option('name', { type: 'string', describe: 'this worker’s name in progress lines (default host:pid)' }),
    async (argv) => {
      const args = validateArgs(argsSchema, argv);
      const queue = queueFrom(args);
      if (!queue) return;
      const { startWorker } = await import('../../queue/worker.js');
      const worker = await startWorker({
        queue,
        concurrency: args.concurrency,
        ...(args.lockSeconds !== undefined ? { lockSeconds: args.lockSeconds } : {}),
        ...(args.name ? { name: args.name } : {}),
        onEvent: (e) => process.stdout.write(`${eventLine(e)}\n`),
      });
      process.stderr.write(`Worker ${worker.name} is taking jobs from ${queue.name ?? 'pathway-scheduler'} (Ctrl-C to stop).\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          process.stderr.write('Stopping: running solves go back to the queue…\n');
          void worker.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    },
  );
}
