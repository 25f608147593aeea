import { join } from 'node:path';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { parseJsonText, parseScenario, readTextFile } from '../../scenario/parse.js';
import { seedSchema, SOLVER_NAMES, timeLimitSchema } from '../../scenario/schema.js';
import { formatComparison, readVariantFile, variantName } from '../../whatif/index.js';
import { compareScenarios } from '../../compare/index.js';
import { gather, InputError } from '../../scenario/problems.js';
import { checkOutputs, OutputSet } from '../output.js';
import { EXIT } from '../errors.js';
import { choiceOption, validateArgs } from '../args.js';
import { printJobEvent, queueArgsSchema, queueFrom, reportQueueError, submitOptions } from '../queue-options.js';

const argsSchema = z
  .object({
    base: z.string().min(1),
    variants: z.array(z.string().min(1)).min(1),
    output: z.string().min(1),
    timeLimit: timeLimitSchema.optional(),
    seed: seedSchema.optional(),
    solver: z.enum(SOLVER_NAMES).optional(),
    concurrency: z.number().int().min(1).max(256).optional(),
    json: z.boolean(),
  })
  .extend(queueArgsSchema.shape);

export function whatifCommand(y: Argv): Argv {
  return y.command(
    'whatif <base> <variants..>',
    'solve a base scenario and variants (full scenarios or RFC 6902 JSON Patches) in parallel and compare them side by side',
    (a) =>
      submitOptions(a)
        .positional('base', { type: 'string', describe: 'base scenario JSON file', demandOption: true })
        .positional('variants', {
          type: 'string',
          array: true,
          describe: 'variant files: scenarios, or *.patch.json JSON Patches against the base',
          demandOption: true,
        })
        .option('output', { alias: 'o', type: 'string', default: 'whatif', describe: 'folder for each solution and the comparison' })
        .option('time-limit', { type: 'number', describe: 'seconds per scenario (default: each scenario’s policy)' })
        .option('seed', { type: 'number', describe: 'seed for every solve (default: policy)' })
        .option('solver', choiceOption(SOLVER_NAMES, 'solver backend'))
        .option('concurrency', { type: 'number', describe: 'solves at once (default: the machine’s cores)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the comparison as JSON' }),
    async (argv) => {
      const args = validateArgs(argsSchema, argv);
      const names0 = [...new Set(['base', ...args.variants.map((f) => variantName(f))])];
      // The output folder, the base and every variant are checked before anything is solved.
      let baseInput: unknown;
      const [, base, ...read] = gather(
        () => {
          checkOutputs(
            [{ option: '-o', path: args.output, files: [...names0.map((n) => `${n}.solution.json`), 'comparison.txt', 'comparison.json'] }],
            [args.base, ...args.variants],
          );
        },
        () => parseScenario((baseInput = parseJsonText(readTextFile(args.base), args.base)), args.base),
        // A variant is read only when the base could be (a patch applies to the base as written).
        ...args.variants.map((file) => () => (baseInput === undefined ? undefined : readVariantFile(baseInput, file))),
      );
      const variants = read.filter((v) => v !== undefined);
      const names = new Set<string>(['base']);
      for (const v of variants) {
        if (names.has(v.name))
          throw new InputError('command line', [{ path: '', message: `two variants are named ${v.name}`, fix: 'rename one of the files' }]);
        names.add(v.name);
      }
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(EXIT.interrupted);
        process.stderr.write('\nStopping every solve; keeping the scenarios already finished (Ctrl-C again to quit at once)…\n');
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      const queue = queueFrom(args);
      // Written all at once at the end (finished rows too when interrupted), or not at all.
      const files = new OutputSet();
      try {
        const comparison = await compareScenarios(base, variants, {
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
            if (row.solution) files.add(join(args.output, `${row.name}.solution.json`), `${JSON.stringify(row.solution, null, 2)}\n`);
          },
        });
        const table = formatComparison(comparison);
        const data = { interrupted: comparison.interrupted, rows: comparison.rows.map(({ solution: _, ...r }) => r) };
        files.add(join(args.output, 'comparison.txt'), `${table}\n`).add(join(args.output, 'comparison.json'), `${JSON.stringify(data, null, 2)}\n`);
        files.commit();
        process.stdout.write(args.json ? `${JSON.stringify(data, null, 2)}\n` : `${table}\n`);
        process.stderr.write(`Wrote ${args.output}/ (a solution per scheduled scenario, comparison.txt, comparison.json).\n`);
        if (comparison.interrupted) process.exitCode = EXIT.interrupted;
        else if (comparison.rows.some((r) => r.status === 'failed')) process.exitCode = EXIT.incomplete;
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
