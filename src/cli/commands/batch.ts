import { join } from 'node:path';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { SOLVER_NAMES } from '../../scenario/schema.js';
import { comparisonCsv, formatComparison, readScenarioFolder } from '../../whatif/index.js';
import { solveScenarios } from '../../compare/index.js';
import { writeFileAtomic } from '../output.js';
import { EXIT } from '../errors.js';
import { choiceOption, validateArgs } from '../args.js';
import { printJobEvent, queueArgsSchema, queueFrom, reportQueueError, submitOptions } from '../queue-options.js';

const argsSchema = z
  .object({
    folder: z.string().min(1),
    output: z.string().min(1),
    timeLimit: z.number().positive().optional(),
    seed: z.number().int().min(0).optional(),
    solver: z.enum(SOLVER_NAMES).optional(),
    concurrency: z.number().int().positive().optional(),
  })
  .extend(queueArgsSchema.shape);

export function batchCommand(y: Argv): Argv {
  return y.command(
    'batch <folder>',
    'solve every school of a folder of scenario files (*.json): one solution per school and a summary CSV; on this machine, or on a queue’s workers with --queue',
    (a) =>
      submitOptions(a)
        .positional('folder', { type: 'string', describe: 'folder of scenario files, one per school', demandOption: true })
        .option('output', { alias: 'o', type: 'string', default: 'results', describe: 'folder for each solution and summary.csv' })
        .option('time-limit', { type: 'number', describe: 'seconds per school (default: each scenario’s policy)' })
        .option('seed', { type: 'number', describe: 'seed for every solve (default: policy)' })
        .option('solver', choiceOption(SOLVER_NAMES, 'solver backend'))
        .option('concurrency', { type: 'number', describe: 'without --queue: solves at once (default: the machine’s cores)' }),
    async (argv) => {
      const args = validateArgs(argsSchema, argv);
      // Every school is read and checked before anything is solved.
      const schools = readScenarioFolder(args.folder);
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(EXIT.interrupted);
        process.stderr.write('\nStopping every solve; keeping the schools already finished (Ctrl-C again to quit at once)…\n');
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      const queue = queueFrom(args);
      try {
        const batch = await solveScenarios(schools, {
          ...(queue
            ? {
                queue,
                onJobEvent: (e) => {
                  printJobEvent(e);
                },
                ...(args.patience !== undefined ? { queuePatienceSeconds: args.patience } : {}),
              }
            : {}),
          ...(args.timeLimit !== undefined ? { timeLimitSeconds: args.timeLimit } : {}),
          ...(args.seed !== undefined ? { seed: args.seed } : {}),
          ...(args.solver ? { solver: args.solver } : {}),
          ...(args.concurrency ? { concurrency: args.concurrency } : {}),
          signal: controller.signal,
          onRow: (row) => {
            if (!queue) process.stderr.write(`  ${row.name}: ${row.status}\n`);
            if (row.solution) writeFileAtomic(join(args.output, `${row.name}.solution.json`), `${JSON.stringify(row.solution, null, 2)}\n`);
          },
        });
        writeFileAtomic(join(args.output, 'summary.csv'), comparisonCsv(batch));
        process.stdout.write(`${formatComparison(batch, { differences: false })}\n`);
        process.stderr.write(`Wrote ${args.output}/ (a solution per scheduled school, summary.csv).\n`);
        if (batch.interrupted) process.exitCode = EXIT.interrupted;
        else if (batch.rows.some((r) => r.status === 'failed')) process.exitCode = EXIT.incomplete;
      } catch (err: unknown) {
        const code = reportQueueError(err);
        if (code === undefined) throw err;
        process.exitCode = code;
      } finally {
        process.off('SIGINT', onSigint);
      }
    },
  );
}
