import type { Argv } from 'yargs';
import { z } from 'zod';
import { readScenarioFile } from '../../scenario/parse.js';
import { otherSchool, readSolutionFile } from '../../solution/parse.js';
import { gather } from '../../scenario/problems.js';
import { check } from '../../checker/index.js';
import { formatCheck } from '../../report/index.js';
import { EXIT } from '../errors.js';
import { validateArgs } from '../args.js';

const argsSchema = z.object({ scenario: z.string().min(1), solution: z.string().min(1), json: z.boolean() });

export function checkCommand(y: Argv): Argv {
  return y.command(
    'check <scenario> <solution>',
    'verify a schedule against every hard rule and recompute its figures (exit 0 valid, 1 rules broken, 2 unreadable input)',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true })
        .positional('solution', { type: 'string', demandOption: true })
        .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' }),
    (argv) => {
      const args = validateArgs(argsSchema, argv);
      const [scenario, solution] = gather(
        () => readScenarioFile(args.scenario),
        () => readSolutionFile(args.solution),
      );
      const other = otherSchool(scenario, solution, args);
      if (other && 'error' in other) throw other.error;
      if (other) process.stderr.write(`Note: ${other.note}.\n`);
      const result = check(scenario, solution);
      process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatCheck(result)}\n`);
      process.exitCode = result.valid ? EXIT.ok : EXIT.rulesBroken;
    },
  );
}
