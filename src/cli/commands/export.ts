import { join } from 'node:path';
import type { Argv } from 'yargs';
import { z } from 'zod';
import { readScenarioFile } from '../../scenario/parse.js';
import { otherSchool, readSolutionFile } from '../../solution/parse.js';
import { gather, InputError } from '../../scenario/problems.js';
import { scheduleCsvFiles } from '../../io/export-csv.js';
import { scheduleXlsx } from '../../io/export-xlsx.js';
import { oneRosterZip } from '../../io/oneroster.js';
import { exportProgram } from '../../io/model-files.js';
import { reportHtml } from '../../html/report-page.js';
import { checkOutputs, OutputSet, type OutputTarget } from '../output.js';
import { validateArgs } from '../args.js';

const argsSchema = z.object({
  scenario: z.string().min(1),
  solution: z.string().min(1).optional(),
  csv: z.string().min(1).optional(),
  xlsx: z.string().min(1).optional(),
  oneroster: z.string().min(1).optional(),
  html: z.string().min(1).optional(),
  mps: z.string().min(1).optional(),
  lp: z.string().min(1).optional(),
  schoolYear: z.number().int().min(2000).max(2100).optional(),
  schoolId: z.string().min(1).optional(),
});

const mapFile = (model: string) => model.replace(/\.(mps|lp)$/i, '') + '.map.json';

/** `export <scenario> [solution] --csv dir | --xlsx file | --oneroster file.zip | --html file | --mps file | --lp file`. */
export function exportCommand(y: Argv): Argv {
  return y.command(
    'export <scenario> [solution]',
    'write a schedule as CSV, XLSX, OneRoster 1.2 CSV or a self-contained HTML report, or the integer program as MPS/LP (with a .map.json column map for import-solution)',
    (a) =>
      a
        .positional('scenario', { type: 'string', demandOption: true })
        .positional('solution', { type: 'string', describe: 'solution JSON (needed for all but --mps/--lp)' })
        .option('csv', { type: 'string', describe: 'folder for sections.csv and student-schedules.csv' })
        .option('xlsx', { type: 'string', describe: 'workbook: master board, room board, student schedules, sections, report' })
        .option('oneroster', { type: 'string', describe: 'zip file for a OneRoster 1.2 CSV bulk set (needs --school-id and --school-year)' })
        .option('html', { type: 'string', describe: 'self-contained HTML report' })
        .option('mps', { type: 'string', describe: 'the integer program as free MPS (+ .map.json)' })
        .option('lp', { type: 'string', describe: 'the integer program as CPLEX LP (+ .map.json)' })
        .option('school-id', { type: 'string', describe: "OneRoster: the school's id in the SIS (e.g. 101); every sourcedId starts with it" })
        .option('school-year', {
          type: 'number',
          describe: "OneRoster schoolYear: the end year (2028 for 2027-28); part of the sourcedIds of the year's records",
        }),
    async (argv) => {
      const args = validateArgs(argsSchema, argv);
      const wanted = [args.csv, args.xlsx, args.oneroster, args.html, args.mps, args.lp].filter((x) => x !== undefined);
      if (wanted.length === 0)
        throw new InputError('command line', [
          { path: '', message: 'nothing to export', fix: 'add --csv DIR, --xlsx FILE, --oneroster DIR, --html FILE, --mps FILE or --lp FILE' },
        ]);
      const needsSolution = args.csv ?? args.xlsx ?? args.oneroster ?? args.html;
      if (needsSolution !== undefined && args.solution === undefined)
        throw new InputError('command line', [
          { path: 'solution', message: 'a solution file is needed for --csv, --xlsx, --oneroster and --html', fix: 'give the solution JSON written by solve' },
        ]);
      if (args.oneroster !== undefined) {
        // OneRoster sourcedIds are scoped by school and year, so that two schools' or two years' sets never collide.
        const missing = [
          ...(args.schoolId === undefined
            ? [
                {
                  path: '--school-id',
                  message: "a OneRoster set needs the school's id",
                  fix: "add --school-id with the school's id in your SIS, e.g. --school-id 101",
                },
              ]
            : []),
          ...(args.schoolYear === undefined
            ? [
                {
                  path: '--school-year',
                  message: 'a OneRoster set needs the school year',
                  fix: 'add --school-year with the end year of the school year, e.g. --school-year 2028 for 2027-28',
                },
              ]
            : []),
          ...(!args.oneroster.toLowerCase().endsWith('.zip')
            ? [
                {
                  path: '--oneroster',
                  message: `"${args.oneroster}" is not a .zip file: a OneRoster bulk set is one zip`,
                  fix: 'name the file with .zip, e.g. --oneroster oneroster.zip',
                },
              ]
            : []),
        ];
        if (missing.length > 0) throw new InputError('command line', missing);
      }
      // Every output path and every input is checked before any work, all problems at once.
      const targets: OutputTarget[] = [
        ...(args.csv ? [{ option: '--csv', path: args.csv, files: ['sections.csv', 'student-schedules.csv'] }] : []),
        ...(args.oneroster ? [{ option: '--oneroster', path: args.oneroster }] : []),
        ...(args.xlsx ? [{ option: '--xlsx', path: args.xlsx }] : []),
        ...(args.html ? [{ option: '--html', path: args.html }] : []),
        ...(args.mps
          ? [
              { option: '--mps', path: args.mps },
              { option: '--mps (its column map)', path: mapFile(args.mps) },
            ]
          : []),
        ...(args.lp
          ? [
              { option: '--lp', path: args.lp },
              { option: '--lp (its column map)', path: mapFile(args.lp) },
            ]
          : []),
      ];
      const [, scenario, solution] = gather(
        () => {
          checkOutputs(targets, [args.scenario, ...(args.solution ? [args.solution] : [])]);
        },
        () => readScenarioFile(args.scenario),
        () => (args.solution !== undefined ? readSolutionFile(args.solution) : undefined),
      );
      const other = solution && args.solution ? otherSchool(scenario, solution, { scenario: args.scenario, solution: args.solution }) : null;
      if (other && 'error' in other) throw other.error;
      if (other) process.stderr.write(`Note: ${other.note}.\n`);
      // Everything is built before anything is written, and written all or none.
      const files = new OutputSet();
      if (solution && args.csv) for (const [name, text] of scheduleCsvFiles(scenario, solution)) files.add(join(args.csv, name), text);
      if (solution && args.oneroster && args.schoolId !== undefined && args.schoolYear !== undefined) {
        files.add(args.oneroster, Buffer.from(await oneRosterZip(scenario, solution, { schoolId: args.schoolId, schoolYear: args.schoolYear })));
      }
      if (solution && args.xlsx) files.add(args.xlsx, await scheduleXlsx(scenario, solution));
      if (solution && args.html) files.add(args.html, reportHtml(scenario, solution));
      for (const [file, format] of [
        [args.mps, 'mps'],
        [args.lp, 'lp'],
      ] as const) {
        if (!file) continue;
        const { text, map } = exportProgram(scenario, format);
        files.add(file, text).add(mapFile(file), `${JSON.stringify(map)}\n`);
      }
      files.commit();
      process.stderr.write(`Wrote ${files.paths.join(', ')}.\n`);
    },
  );
}
