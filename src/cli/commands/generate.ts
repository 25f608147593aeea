import type { Argv } from 'yargs';
import { z } from 'zod';
import { GENERATED_CALENDARS, generateOptionsSchema } from '../../generate/options.js';
import { generateScenario } from '../../generate/index.js';
import { parseScenario } from '../../scenario/parse.js';
import { checkOutputs, writeFileAtomic } from '../output.js';
import { choiceOption, validateArgs } from '../args.js';

const argsSchema = z.object({ output: z.string().min(1) }).and(generateOptionsSchema.omit({ name: true }).extend({ name: z.string().min(1).optional() }));

export function generateCommand(y: Argv): Argv {
  return y.command(
    'generate',
    'write a synthetic California comprehensive high school as a scenario (seeded, no real data)',
    (a) =>
      a
        .option('students', { type: 'number', demandOption: true, describe: 'students in grades 9-12' })
        .option('calendar', { ...choiceOption(GENERATED_CALENDARS, 'bell schedule'), default: 'trad7' })
        .option('pathways', { type: 'number', default: 4, describe: 'CTE pathways (0-10)' })
        .option('seed', { type: 'number', default: 1 })
        .option('name', { type: 'string', describe: 'scenario name' })
        .option('output', { alias: 'o', type: 'string', default: 'scenario.json' }),
    (argv) => {
      const args = validateArgs(argsSchema, argv);
      const { output, ...options } = args;
      checkOutputs([{ option: '-o', path: output }]);
      const scenario = generateScenario(options);
      // Never write a scenario the engine would refuse.
      parseScenario(scenario, 'generated scenario');
      writeFileAtomic(output, `${JSON.stringify(scenario, null, 2)}\n`);
      process.stderr.write(
        `Wrote ${output}: ${scenario.students.length} students, ${scenario.teachers.length} teachers, ${scenario.courses.length} courses, ${scenario.pathways.length} pathways.\n`,
      );
    },
  );
}
