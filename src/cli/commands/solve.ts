import type { Argv } from 'yargs';
import { z } from 'zod';
import { readScenarioFile } from '../../scenario/parse.js';
import { mipGapSchema, seedSchema, SOLVER_NAMES, STRATEGIES, timeLimitSchema } from '../../scenario/schema.js';
import { gather } from '../../scenario/problems.js';
import { solve } from '../../engine/solve.js';
import { formatDiagnosis } from '../../engine/infeasibility.js';
import { formatReport } from '../../report/index.js';
import { checkOutputs, OutputSet } from '../output.js';
import { EXIT } from '../errors.js';
import { progressReporter } from '../progress.js';
import { choiceOption, validateArgs } from '../args.js';
import { reportHtml } from '../../html/report-page.js';

const argsSchema = z.object({
  scenario: z.string().min(1),
  output: z.string().min(1),
  solver: z.enum(SOLVER_NAMES).optional(),
  timeLimit: timeLimitSchema.optional(),
  strategy: z.enum(STRATEGIES).optional(),
  seed: seedSchema.optional(),
  gap: mipGapSchema.optional(),
  json: z.boolean(),
  html: z.string().min(1).optional(),
});

/** A path as one shell word, quoted only when it needs to be. */
const shellWord = (path: string) => (/^[\w./@:+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);

export function solveCommand(y: Argv): Argv {
  return y.command(
    'solve <scenario>',
    'build a master schedule for a scenario and print its report',
    (a) =>
      a
        .positional('scenario', { type: 'string', describe: 'scenario JSON file', demandOption: true })
        .option('output', { alias: 'o', type: 'string', default: 'solution.json', describe: 'where to write the solution JSON' })
        .option('solver', choiceOption(SOLVER_NAMES, 'solver backend (default: the scenario policy, else highs)'))
        .option('time-limit', { type: 'number', describe: 'wall-clock limit in seconds (default: policy, else 60)' })
        .option('strategy', choiceOption(STRATEGIES, 'strategy (default: cte-first)'))
        .option('seed', { type: 'number', describe: 'random seed (default: policy, else 1)' })
        .option('gap', { type: 'number', describe: 'relative MIP gap at which to stop (default 0)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the report as JSON instead of a table' })
        .option('html', { type: 'string', describe: 'also write the self-contained HTML report to this file' }),
    async (argv) => {
      const args = validateArgs(argsSchema, argv);
      // Outputs and input are checked before any work, every problem at once.
      const outputs = [{ option: '-o', path: args.output }, ...(args.html ? [{ option: '--html', path: args.html }] : [])];
      const [, scenario] = gather(
        () => {
          checkOutputs(outputs, [args.scenario]);
        },
        () => readScenarioFile(args.scenario),
      );
      const limit = args.timeLimit ?? scenario.policy.timeLimitSeconds;
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(EXIT.interrupted);
        process.stderr.write('\nStopping: keeping the best schedule found so far (Ctrl-C again to quit at once)…\n');
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      const progress = progressReporter(limit);
      try {
        const outcome = await solve(scenario, {
          ...(args.solver ? { solver: args.solver } : {}),
          ...(args.timeLimit ? { timeLimitSeconds: args.timeLimit } : {}),
          ...(args.strategy ? { strategy: args.strategy } : {}),
          ...(args.seed !== undefined ? { seed: args.seed } : {}),
          ...(args.gap !== undefined ? { mipGap: args.gap } : {}),
          onProgress: progress.update,
          signal: controller.signal,
        });
        progress.stop();
        if (outcome.status !== 'scheduled') {
          const detail = outcome.status === 'infeasible' ? `the hard rules cannot all hold.\n${formatDiagnosis(outcome.diagnosis)}` : outcome.message;
          if (args.json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
          else process.stdout.write(`No schedule for ${scenario.name}: ${detail}\n`);
          process.exitCode = EXIT.noSchedule;
          return;
        }
        const files = new OutputSet().add(args.output, `${JSON.stringify(outcome.solution, null, 2)}\n`);
        if (args.html) files.add(args.html, reportHtml(scenario, outcome.solution));
        files.commit();
        if (args.json) process.stdout.write(`${JSON.stringify(outcome.solution.report, null, 2)}\n`);
        else
          process.stdout.write(
            `${formatReport(outcome.solution.report, scenario, { explainCommand: `pathway-scheduler report ${shellWord(args.scenario)} ${shellWord(args.output)} --kind explain` })}\n`,
          );
        const partial = outcome.solution.report.solver.partial ? ' (best found before the solve was stopped)' : '';
        process.stderr.write(`Wrote ${files.paths.join(', ')}${partial}.\n`);
        if (!outcome.check.valid) {
          process.stderr.write(
            `The checker found ${outcome.check.violations.length} broken rule(s) in this schedule; run \`pathway-scheduler check\` for the list.\n`,
          );
          process.exitCode = EXIT.rulesBroken;
        }
      } finally {
        progress.stop();
        process.off('SIGINT', onSigint);
      }
    },
  );
}
