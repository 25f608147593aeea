import type { Argv } from 'yargs';
import { z } from 'zod';
import { readScenarioFile } from '../../scenario/parse.js';
import { readSolutionFile } from '../../solution/parse.js';
import { SOLVER_NAMES, timeLimitSchema } from '../../scenario/schema.js';
import { analyse, renderAnalysis, REPORT_FORMATS, REPORT_KINDS } from '../../analysis/index.js';
import { checkOutputs, writeFileAtomic } from '../output.js';
import { gather } from '../../scenario/problems.js';
import { otherSchool } from '../../solution/parse.js';
import { choiceOption, validateArgs } from '../args.js';

const argsSchema = z.object({
  scenario: z.string().min(1),
  solution: z.string().min(1).optional(),
  kind: z.enum(REPORT_KINDS),
  format: z.enum(REPORT_FORMATS),
  output: z.string().min(1).optional(),
  top: z.number().int().min(1).max(100_000),
  timeLimit: timeLimitSchema.optional(),
  solver: z.enum(SOLVER_NAMES).optional(),
});

export function reportCommand(y: Argv): Argv {
  return y.command(
    'report <scenario> [solution]',
    'analysis reports: conflict matrix, tallies, seat balance, teachers, rooms, equity; explanations of a schedule; why a scenario is infeasible',
    (a) =>
      a
        .positional('scenario', { type: 'string', describe: 'scenario JSON file', demandOption: true })
        .positional('solution', { type: 'string', describe: 'solution JSON file (needed by balance, teachers, rooms, equity, explain)' })
        .option('kind', { ...choiceOption(REPORT_KINDS, 'which report'), demandOption: true })
        .option('format', { ...choiceOption(REPORT_FORMATS, 'output format'), default: 'table' })
        .option('output', { alias: 'o', type: 'string', describe: 'write the report to this file instead of the screen' })
        .option('top', { type: 'number', default: 25, describe: 'conflicts: course pairs to list' })
        .option('time-limit', { type: 'number', describe: 'infeasibility: seconds for the analysis (default: policy)' })
        .option('solver', choiceOption(SOLVER_NAMES, 'infeasibility: solver backend')),
    async (argv) => {
      const args = validateArgs(argsSchema, argv);
      const [, scenario, solution] = gather(
        () => {
          if (args.output) checkOutputs([{ option: '-o', path: args.output }], [args.scenario, ...(args.solution ? [args.solution] : [])]);
        },
        () => readScenarioFile(args.scenario),
        () => (args.solution ? readSolutionFile(args.solution) : undefined),
      );
      const other = solution && args.solution ? otherSchool(scenario, solution, { scenario: args.scenario, solution: args.solution }) : null;
      if (other && 'error' in other) throw other.error;
      if (other) process.stderr.write(`Note: ${other.note}.\n`);
      const table = await analyse(args.kind, scenario, solution, {
        top: args.top,
        infeasibility: { ...(args.timeLimit ? { timeLimitSeconds: args.timeLimit } : {}), ...(args.solver ? { backend: args.solver } : {}) },
      });
      const text = `${renderAnalysis(table, args.format)}\n`;
      if (args.output) {
        writeFileAtomic(args.output, text);
        process.stderr.write(`Wrote ${args.output}.\n`);
      } else process.stdout.write(text);
    },
  );
}
