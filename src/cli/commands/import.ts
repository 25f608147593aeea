import type { Argv } from 'yargs';
import { z } from 'zod';
import { importSource } from '../../io/import-source.js';
import { SIS_PRESETS } from '../../io/sis-presets.js';
import { importProgramSolution, parseModelMap } from '../../io/model-files.js';
import { readScenarioFile, parseJsonText, readTextFile } from '../../scenario/parse.js';
import { formatReport } from '../../report/index.js';
import { checkOutputs, writeFileAtomic } from '../output.js';
import { gather, InputError } from '../../scenario/problems.js';
import { decimal } from '../../report/numbers.js';
import { EXIT } from '../errors.js';
import { choiceOption, validateArgs } from '../args.js';

const importArgs = z
  .object({
    source: z.string().min(1),
    output: z.string().min(1),
    mapping: z.string().min(1).optional(),
    sis: z.enum(SIS_PRESETS).optional(),
    school: z.string().min(1).optional(),
    year: z.string().min(1).optional(),
  })
  .refine((a) => a.mapping === undefined || a.sis === undefined, { error: 'give --sis or --mapping, not both', path: ['sis'] });

/** `import <source> -o scenario.json [--sis aeries | --mapping map.json] [--school S] [--year Y]`. */
export function importCommand(y: Argv): Argv {
  return y.command(
    'import <source>',
    'build a scenario from a folder of CSV files, an .xlsx workbook, or an SIS export with --sis or --mapping (every bad row is listed; nothing is written unless all is well)',
    (a) =>
      a
        .positional('source', { type: 'string', describe: 'folder of CSVs, .xlsx workbook, or SIS export folder', demandOption: true })
        .option('output', { alias: 'o', type: 'string', default: 'scenario.json', describe: 'where to write the scenario JSON' })
        .option('mapping', { alias: 'm', type: 'string', describe: 'column-mapping JSON for an SIS export (e.g. fixtures/crestwood-mapping.json)' })
        .option('sis', choiceOption(SIS_PRESETS, 'read the folder with the shipped mapping of this SIS (see the README for the files to export)'))
        .option('school', { type: 'string', describe: "SIS import: keep the rows of this school code (the mapping's $school filter)" })
        .option('year', { type: 'string', describe: "SIS import: keep the rows of this year code (the mapping's $year filter)" }),
    async (argv) => {
      const args = validateArgs(importArgs, argv);
      // The output path and every problem of the import, reported together.
      const outputError = (() => {
        try {
          checkOutputs([{ option: '-o', path: args.output }], [args.source, ...(args.mapping ? [args.mapping] : [])]);
          return null;
        } catch (err: unknown) {
          if (err instanceof InputError) return err;
          throw err;
        }
      })();
      const result = await importSource(args.source, args).catch((err: unknown) => {
        throw err instanceof InputError && outputError ? InputError.merge([outputError, err]) : err;
      });
      if (outputError) throw outputError;
      writeFileAtomic(args.output, `${JSON.stringify(result.scenario, null, 2)}\n`);
      const s = result.scenario;
      const requests = s.students.reduce((n, st) => n + st.requests.length, 0);
      process.stdout.write(
        `${s.name}: ${s.students.length} students, ${requests} requests, ${s.courses.length} courses, ${s.teachers.length} teachers, ${s.rooms.length} rooms.\n`,
      );
      if (result.requestRows !== null && result.dropped.length > 0) {
        const reasons = new Map<string, number>();
        for (const d of result.dropped) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
        process.stdout.write(
          `${result.dropped.length} of ${result.requestRows} request rows cannot be scheduled and were left out: ${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ')}.\n`,
        );
      }
      for (const d of result.dropped)
        process.stdout.write(`  left out: ${d.file}, row ${d.row}: student ${d.student}, course ${JSON.stringify(d.course)} (${d.reason})\n`);
      for (const d of result.droppedAlternates)
        process.stdout.write(
          `  alternate left out: ${d.file}, row ${d.row}: student ${d.student}, ${JSON.stringify(d.alternate)} for ${JSON.stringify(d.course)} (${d.reason})\n`,
        );
      for (const note of result.notes) process.stdout.write(`Note: ${note}.\n`);
      process.stderr.write(`Wrote ${args.output}.\n`);
    },
  );
}

const solutionArgs = z.object({
  scenario: z.string().min(1),
  map: z.string().min(1),
  solverSolution: z.string().min(1),
  output: z.string().min(1),
  json: z.boolean(),
});

/** `import-solution <scenario> <model.map.json> <solver.sol> -o solution.json`. */
export function importSolutionCommand(y: Argv): Argv {
  return y.command(
    'import-solution <scenario> <map> <solverSolution>',
    'read a CBC/HiGHS/Gurobi solution of an exported model back into a schedule, check it and write the solution (exit 1 if rules are broken)',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true })
        .positional('map', { type: 'string', describe: 'the .map.json written by export --mps/--lp', demandOption: true })
        .positional('solverSolution', { type: 'string', describe: "the solver's solution file", demandOption: true })
        .option('output', { alias: 'o', type: 'string', default: 'solution.json' })
        .option('json', { type: 'boolean', default: false, describe: 'print the report as JSON' }),
    (argv) => {
      const args = validateArgs(solutionArgs, argv);
      const [, scenario, map, text] = gather(
        () => {
          checkOutputs([{ option: '-o', path: args.output }], [args.scenario, args.map, args.solverSolution]);
        },
        () => readScenarioFile(args.scenario),
        () => parseModelMap(parseJsonText(readTextFile(args.map), args.map), args.map),
        () => readTextFile(args.solverSolution),
      );
      const result = importProgramSolution(scenario, map, text, args.solverSolution);
      writeFileAtomic(args.output, `${JSON.stringify(result.solution, null, 2)}\n`);
      const report = result.solution.report;
      // The solver's own words beside the checker's figures: the checker decides validity.
      const stated = `The solver's file says: ${result.status ?? 'no status line'}, objective ${result.objective === null ? 'not stated' : decimal(result.objective, 2)}; recomputed from its values: ${decimal(result.recomputedObjective, 2)}.`;
      if (args.json)
        process.stdout.write(
          `${JSON.stringify({ solverFile: { status: result.status, objective: result.objective, recomputedObjective: result.recomputedObjective }, report }, null, 2)}\n`,
        );
      else process.stdout.write(`${stated}\n${report ? `${formatReport(report, scenario)}\n` : ''}`);
      process.stderr.write(`Wrote ${args.output}.\n`);
      if (!result.check.valid) {
        process.stderr.write(`The checker found ${result.check.violations.length} broken rule(s); run \`pathway-scheduler check\` for the list.\n`);
        process.exitCode = EXIT.rulesBroken;
      }
    },
  );
}
