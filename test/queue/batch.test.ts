/**
 * `pathway-scheduler batch` on this machine: every school of a folder solved, one solution per
 * school and a summary CSV with each figure as count and total; a folder with a bad file is
 * refused whole, listing every problem, before anything is solved or written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparisonCsv, readScenarioFolder } from '../../src/whatif/index.js';
import { solveScenarios } from '../../src/compare/index.js';
import { InputError } from '../../src/scenario/problems.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { baseInput } from '../helpers/whatif-school.js';
import { cli } from '../helpers/queue.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-batch-'));
  mkdirSync(join(dir, 'schools'));
  writeFileSync(join(dir, 'schools', 'north.json'), JSON.stringify(baseInput()));
  const south = baseInput();
  south.teachers = south.teachers.map((t, i) => (i === 1 ? { ...t, maxSections: 3 } : t));
  writeFileSync(join(dir, 'schools', 'south.json'), JSON.stringify({ ...south, name: 'South High' }));
  writeFileSync(join(dir, 'schools', 'notes.txt'), 'not a scenario');
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'a.json'), JSON.stringify({ ...baseInput(), teachers: [{ ...baseInput().teachers[0]!, maxSections: -1 }] }));
  writeFileSync(join(dir, 'bad', 'b.json'), '{ "name": ');
  writeFileSync(join(dir, 'bad', 'c.json'), JSON.stringify(baseInput()));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

describe('batch', () => {
  it('reads every *.json of the folder, named by file, in name order', () => {
    expect(readScenarioFolder(join(dir, 'schools')).map((s) => [s.name, s.scenario.name])).toEqual([
      ['north', baseInput().name],
      ['south', 'South High'],
    ]);
  });

  it('refuses a folder with a bad file, listing every problem with its file and path', () => {
    let error: unknown;
    try {
      readScenarioFolder(join(dir, 'bad'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => p.path)).toEqual(['a.json teachers[0].maxSections', 'b.json line 1, column 11']);
    expect(() => readScenarioFolder(join(dir, 'missing'))).toThrow(/folder not found/);
    expect(() => readScenarioFolder(join(dir, 'schools', 'notes.txt'))).toThrow(/is a file, not a folder/);
  });

  it('the summary CSV gives each figure as count and total', async () => {
    const batch = await solveScenarios(readScenarioFolder(join(dir, 'schools')), { seed: 3, timeLimitSeconds: 10 });
    const lines = comparisonCsv(batch).trim().split('\n');
    expect(lines[0]).toBe(
      'school,status,pathway placed,pathway placed of,fully scheduled,fully scheduled of,requests met,requests met of,A-G on track,A-G on track of,teams with CPT,teams with CPT of,sections,teacher max sections,schedule,termination,reproducible,message',
    );
    expect(lines.slice(1)).toEqual([
      `north,scheduled,0,3,0,5,8,14,0,0,1,1,3,4,optimal,${batch.rows[0]?.termination ?? '(no row)'},yes,`,
      `south,scheduled,0,3,0,5,8,14,0,0,1,1,3,5,optimal,${batch.rows[1]?.termination ?? '(no row)'},yes,`,
    ]);
  });

  it('the command writes one solution per school and summary.csv; with a bad folder it exits 2 and writes nothing', async () => {
    const run = cli(dir, 'batch', 'schools', '-o', 'results', '--seed', '3', '--time-limit', '10');
    expect(await run.exit).toBe(0);
    expect(readdirSync(join(dir, 'results')).sort()).toEqual(['north.solution.json', 'south.solution.json', 'summary.csv']);
    expect(readFileSync(join(dir, 'results', 'summary.csv'), 'utf8')).toMatch(/^school,status,/);
    expect(run.out).toMatch(/ {2}north +0\/3 0% /);
    // Schools are not variants of one another: no differences in brackets.
    expect(run.out).not.toContain('against the base');
    expect(run.out).not.toMatch(/\((±0|[+−]\d)/);
    const bad = cli(dir, 'batch', 'bad', '-o', 'bad-results');
    expect(await bad.exit).toBe(2);
    expect(bad.err).toContain('✖');
    expect(bad.err).toContain('a.json teachers[0].maxSections');
    expect(existsSync(join(dir, 'bad-results'))).toBe(false);
  });
});
