/**
 * Bad input given to the library (issue 12): every exported entry point validates what it is
 * given and throws the typed InputError with paths; the time limit and an abort hold while the
 * program is built; the building blocks of the CLI's answers (JSON positions, encodings, patches,
 * solver files, outputs written all or none) behave on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../src/checker/index.js';
import { solve } from '../../src/engine/solve.js';
import { BACKEND_NAMES, backendInstalled } from '../../solver/index.js';
import { parseScenario, requireScenario } from '../../src/scenario/parse.js';
import { InputError } from '../../src/scenario/problems.js';
import { decodeText, jsonErrorOffset, parseJsonText } from '../../src/scenario/text-input.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { scheduleCsvFiles } from '../../src/io/export-csv.js';
import { reportHtml } from '../../src/html/report-page.js';
import { exportProgram, importProgramSolution } from '../../src/io/model-files.js';
import { generateScenario } from '../../src/generate/index.js';
import { compareScenarios } from '../../src/compare/index.js';
import { applyPatch } from '../../src/whatif/variant.js';
import { OutputSet } from '../../src/cli/output.js';
import { importXlsx, scenarioToXlsx } from '../../src/io/xlsx-workbook.js';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { fileURLToPath } from 'node:url';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { handScenario, handScenarioInput, handSchedule } from '../helpers/hand-school.js';

/** The InputError a call throws (sync or async). */
async function inputError(call: () => unknown): Promise<InputError> {
  try {
    await call();
  } catch (err: unknown) {
    if (err instanceof InputError) return err;
    throw new Error(`expected an InputError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an InputError, nothing was thrown');
}

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-badinput-lib-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

describe('9. every exported function validates its input and throws InputError with paths', () => {
  it('check(scenario, { sections: "x" }) and check of a scenario of the wrong shape', async () => {
    const e = await inputError(() => check(handScenario(), { sections: 'x' } as never));
    expect(e.source).toBe('<schedule>');
    expect(e.problems.map((p) => p.path)).toEqual(['sections', 'enrollments']);
    const both = await inputError(() => check({ format: 'nope' } as never, { sections: [], enrollments: { S1: 'x' } } as never));
    expect(both.message).toMatch(/<scenario>, format/);
    expect(both.message).toMatch(/<schedule>, enrollments\.S1/);
  });

  it('solve: the scenario and the options, with the same ranges as the policy', async () => {
    const options = await inputError(() => solve(handScenario(), { timeLimitSeconds: 1e12, seed: -3, parallel: 0 }));
    expect(options.problems.map((p) => p.path)).toEqual(['timeLimitSeconds', 'seed', 'parallel']);
    expect(options.problems[0]?.message).toMatch(/at most 86,400 s/);
    const scenario = await inputError(() => solve({ ...handScenarioInput(), rooms: 'R1' } as never));
    expect(scenario.problems[0]?.path).toBe('rooms');
  });

  it('solve: an optional backend whose package is absent here, before any work (cpsat in CI)', async () => {
    for (const name of BACKEND_NAMES.filter((n) => !backendInstalled(n))) {
      const e = await inputError(() => solve(handScenario(), { solver: name, timeLimitSeconds: 5 }));
      expect(e.problems.map((p) => p.path)).toEqual(['solver']);
      expect(e.problems[0]?.message).toBe(`the ${name} solver backend is not installed here`);
      expect(e.problems[0]?.fix).toMatch(/choose another solver \(highs/);
    }
  });

  it('exports, the HTML report, the program export, the generator and the comparison', async () => {
    expect((await inputError(() => scheduleCsvFiles(handScenario(), { sections: [{ id: 'X' }], enrollments: {} } as never))).problems[0]?.path).toBe(
      'sections[0].course',
    );
    expect((await inputError(() => reportHtml(handScenario(), { ...handSchedule() } as never))).problems[0]?.path).toBe('format');
    expect((await inputError(() => exportProgram(handScenario(), 'xyz' as never))).message).toMatch(/bad model format "xyz"/);
    expect((await inputError(() => generateScenario({ students: 5, calendar: 'trad7', pathways: 1, seed: 1 }))).problems[0]?.path).toBe('students');
    expect((await inputError(() => compareScenarios(handScenario(), [], { timeLimitSeconds: -1 }))).problems[0]?.path).toBe('timeLimitSeconds');
  });

  it('a scenario parsed once is not validated again; any other value is', () => {
    const parsed = handScenario();
    expect(requireScenario(parsed)).toBe(parsed);
    const input = handScenarioInput();
    const validated = requireScenario(input);
    expect(validated).not.toBe(input);
    expect(validated.policy.timeLimitSeconds).toBe(60);
  });
});

describe('2. any id works as a key', () => {
  it('priorities and alternates keyed __proto__ or constructor are kept, not lost to the prototype', () => {
    const input = JSON.parse(JSON.stringify(handScenarioInput()).replaceAll('"BIO"', '"__proto__"').replaceAll('"CHEM"', '"constructor"')) as Record<
      string,
      unknown
    >;
    const students = input['students'] as Array<Record<string, unknown>>;
    students[0]!['priorities'] = JSON.parse('{"__proto__": "required"}') as unknown;
    const scenario = parseScenario(input);
    expect(scenario.students[0]?.priorities?.['__proto__']).toBe('required');
    expect(Object.keys(scenario.students[1]?.alternates ?? {})).toEqual(['__proto__']);
    expect(scenario.students[1]?.alternates?.['__proto__']).toEqual(['constructor']);
    // And a missing key reads as missing, not as Object.prototype's member.
    expect(scenario.students[2]?.priorities?.['constructor']).toBeUndefined();
  });

  it('a JSON Patch adds and replaces keys named __proto__ and constructor as plain keys', () => {
    const base = JSON.parse(JSON.stringify(handScenarioInput()).replaceAll('"BIO"', '"__proto__"')) as unknown;
    const patched = applyPatch(
      base,
      [
        { op: 'add', path: '/students/2/priorities', value: {} },
        { op: 'add', path: '/students/2/priorities/__proto__', value: 'recommended' },
        { op: 'replace', path: '/students/1/alternates/__proto__', value: ['HIST'] },
        { op: 'test', path: '/students/2/priorities/__proto__', value: 'recommended' },
      ],
      'p.patch.json',
    );
    const scenario = parseScenario(patched);
    expect(scenario.students[2]?.priorities?.['__proto__']).toBe('recommended');
    expect(scenario.students[1]?.alternates?.['__proto__']).toEqual(['HIST']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('3. the time limit and an abort hold while the program is built', () => {
  const big = () => parseScenario(generateScenario({ students: 2000, calendar: 'trad8', pathways: 4, seed: 7 }));

  it('an abort during building stops the solve there, with no schedule', async () => {
    const scenario = big();
    const controller = new AbortController();
    const stages: string[] = [];
    const outcome = await solve(scenario, {
      timeLimitSeconds: 60,
      signal: controller.signal,
      onProgress: (p) => {
        stages.push(p.stage);
        if (p.stage === 'building the program') controller.abort();
      },
    });
    expect(stages).toContain('building the program');
    expect(outcome.status).toBe('no-schedule');
    if (outcome.status !== 'no-schedule') return;
    expect(outcome.solver.termination).toBe('interrupted');
    expect(outcome.message).toBe('stopped while building the program, before any schedule existed');
  });

  it('a time limit shorter than building the program ends the solve with no schedule and says why', async () => {
    const outcome = await solve(big(), { timeLimitSeconds: LIMITS.minTimeLimitSeconds });
    expect(outcome.status).toBe('no-schedule');
    if (outcome.status !== 'no-schedule') return;
    expect(outcome.solver.termination).toBe('time-limit');
    expect(outcome.message).toMatch(/^the time limit \(0\.1 s\) ran out while .*, before any schedule existed; allow more time/);
  });
});

describe('7. text input', () => {
  it('finds the offset of a JSON syntax error, whatever V8 says about it', () => {
    expect(jsonErrorOffset('{"a": 1}')).toBe(-1);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1,2,,3]')).toBe(5);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('{"a":1} x')).toBe(8);
    expect(jsonErrorOffset(`${'['.repeat(100_000)}x`)).toBe(100_000);
    const e = (() => {
      try {
        parseJsonText('{\n  "a": [1,\n    2,,\n  ]\n}', 'f.json');
      } catch (err: unknown) {
        return err as InputError;
      }
      return undefined;
    })();
    expect(e?.problems[0]?.path).toBe('line 3, column 7');
  });

  it('accepts a byte-order mark and names UTF-16, Latin-1, zip and binary files', () => {
    const refusal = (bytes: number[]) => {
      try {
        decodeText(Uint8Array.from(bytes), 'f.csv');
      } catch (err: unknown) {
        return (err as InputError).problems[0]?.message ?? '';
      }
      return 'accepted';
    };
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'f')).toBe('a');
    expect(parseJsonText('\uFEFF{"a": 1}', 'f.json')).toEqual({ a: 1 });
    expect(refusal([0xff, 0xfe, 0x61, 0])).toMatch(/UTF-16 \(little-endian\)/);
    expect(refusal([0x61, 0, 0x62, 0, 0x63, 0, 0x64, 0])).toMatch(/UTF-16 \(little-endian\) text without a byte-order mark/);
    expect(refusal([0x69, 0x64, 0x0a, 0x43, 0x61, 0x66, 0xe9])).toMatch(/byte 0xE9 at line 2, column 4 looks like Latin-1.*"é"/);
    expect(refusal([0x50, 0x4b, 0x03, 0x04, 1, 2])).toMatch(/zip archive/);
  });
});

describe('7. a workbook import reports every problem of every sheet at once', () => {
  it('a bad cell, a missing column and an unknown course together', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const file = join(dir, 'school.xlsx');
    writeFileSync(file, await scenarioToXlsx(readScenarioFile(join(root, 'fixtures/tiny-ab.json'))));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = (name: string) => book.getWorksheet(name) ?? expect.unreachable(`the workbook has no ${name} sheet`);
    sheet('rooms').getRow(3).getCell(3).value = 'lots';
    const pathways = sheet('pathways');
    pathways.getRow(1).getCell(3).value = 'area';
    const requests = sheet('requests');
    requests.getRow(2).getCell(2).value = 'BASKETWEAVING';
    await book.xlsx.writeFile(file);
    const e = await inputError(() => importXlsx(file));
    expect(e.problems.map((p) => p.path)).toEqual([
      `${file}, sheet pathways, row 1, column sector`,
      `${file}, sheet pathways, row 1, column area`,
      `${file}, sheet rooms, row 3, column capacity`,
      `${file}, sheet requests, row 2, column course (students[0].requests[0])`,
    ]);
  });
});

describe('5. a solver solution file is trusted for nothing', () => {
  it('refuses a file with values outside a column’s bounds, and reports the stated and recomputed objectives', async () => {
    const school = handScenario();
    const { map } = exportProgram(school, 'mps');
    const name = map.columns[0]!;
    const outside = await inputError(() => importProgramSolution(school, map, `${name} 7\n`, 's.sol'));
    expect(outside.problems.map((p) => p.message)).toEqual([expect.stringMatching(/1 value lies outside the column's bounds: .* = 7 \(allowed 0–1\)/)]);
    const none = await inputError(() => importProgramSolution(school, map, 'Model status\nOptimal\n\n# Primal solution values\nNone\n', 's.sol'));
    expect(none.problems[0]?.message).toMatch(/primal solution is "None"/);
    const ok = importProgramSolution(school, map, 'Stopped on time - objective value 3\n', 's.sol');
    expect(ok.status).toBe('Stopped on time');
    expect(ok.objective).toBe(3);
    expect(ok.recomputedObjective).toBe(0);
  });
});

describe('1. outputs are written all or none', () => {
  it('a file that cannot be written leaves no other file of the set behind', () => {
    mkdirSync(join(dir, 'taken'));
    const set = new OutputSet().add(join(dir, 'first.txt'), 'a').add(join(dir, 'new/second.txt'), 'b').add(join(dir, 'taken'), 'c');
    const e = (() => {
      try {
        set.commit();
      } catch (err: unknown) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/taken: 1 problem\n✖ cannot be written \(a folder of that name is in the way\); nothing was written/);
    expect(existsSync(join(dir, 'first.txt'))).toBe(false);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    writeFileSync(join(dir, 'kept.txt'), 'old');
    new OutputSet().add(join(dir, 'kept.txt'), 'new').add(join(dir, 'more/other.txt'), 'x').commit();
    expect(existsSync(join(dir, 'more/other.txt'))).toBe(true);
  });
});
