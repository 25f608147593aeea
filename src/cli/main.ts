#!/usr/bin/env node
/**
 * The `pathway-scheduler` command: a thin layer over the library. yargs parses, zod validates,
 * the library works, this prints; exit codes follow the outcome.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { reportError, EXIT } from './errors.js';
import { solveCommand } from './commands/solve.js';
import { checkCommand } from './commands/check.js';
import { generateCommand } from './commands/generate.js';
import { importCommand, importSolutionCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { reportCommand } from './commands/report.js';
import { whatifCommand } from './commands/whatif.js';
import { batchCommand } from './commands/batch.js';
import { workerCommand } from './commands/worker.js';
import { packageVersion } from './version.js';

async function main(): Promise<number> {
  let cli = yargs(hideBin(process.argv))
    .scriptName('pathway-scheduler')
    .strict()
    .demandCommand(1, 'name a command: solve, check, generate, ...')
    .recommendCommands()
    .help()
    .version(packageVersion())
    .alias('version', 'V')
    .fail((msg, err) => {
      // @types/yargs declares `err: Error`, but yargs passes undefined for a usage failure (unknown option, no command).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      throw err ?? new UsageError(msg);
    });
  for (const register of [
    solveCommand,
    checkCommand,
    generateCommand,
    importCommand,
    importSolutionCommand,
    exportCommand,
    reportCommand,
    whatifCommand,
    batchCommand,
    workerCommand,
  ])
    cli = register(cli);
  await cli.parseAsync();
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
}

class UsageError extends Error {}

void main()
  .catch((err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\nRun pathway-scheduler --help for usage.\n`);
      return EXIT.badInput;
    }
    return reportError(err);
  })
  .then(async (code) => {
    await shutdownSolverWorkers();
    process.exit(code);
  });
