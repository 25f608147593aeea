/**
 * Analysis reports on the hand school (figures checked by hand) in table, JSON and CSV, and the
 * report command end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analyse, balance, conflictMatrix, equity, renderAnalysis, roomUse, tallies, teacherLoads, explanationTable } from '../../src/analysis/index.js';
import { InputError } from '../../src/scenario/problems.js';
import { handScenario, handSchedule, sectionOf } from '../helpers/hand-school.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-report-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli/main.ts'), ...args],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('analysis reports on the hand school', () => {
  it('conflict matrix: pairs by students requesting both, singletons and doubletons flagged', () => {
    const t = conflictMatrix(handScenario(), handSchedule());
    expect(t.rows).toEqual([
      { courseA: 'BIO', courseB: 'ENG10', students: 3, sectionsA: 1, sectionsB: 2, flag: 'singleton × doubleton' },
      { courseA: 'BIO', courseB: 'HS1', students: 2, sectionsA: 1, sectionsB: 1, flag: 'singleton × singleton' },
      { courseA: 'ENG10', courseB: 'HS1', students: 2, sectionsA: 2, sectionsB: 1, flag: 'doubleton × singleton' },
    ]);
    expect(conflictMatrix(handScenario(), handSchedule(), { top: 1 }).rows).toHaveLength(1);
  });

  it('conflict matrix without a schedule uses the planned section counts', () => {
    const t = conflictMatrix(handScenario());
    // Planned: one cohort section of HS1 and ENG10, one regular ENG10 (S3), one BIO.
    expect(t.rows[0]).toMatchObject({ courseA: 'BIO', courseB: 'ENG10', sectionsA: 1, sectionsB: 2 });
    expect(t.title).toContain('as planned');
  });

  it('tallies: requests against seats, sections needed against offered', () => {
    const rows = tallies(handScenario(), handSchedule()).rows;
    expect(rows.find((r) => r['course'] === 'BIO')).toEqual({
      course: 'BIO',
      name: 'Biology',
      requests: 3,
      alternates: 0,
      seatsOffered: 30,
      seatGap: 27,
      sectionsNeeded: 1,
      sectionsOffered: 1,
      enrolled: 3,
    });
    expect(rows.find((r) => r['course'] === 'CHEM')).toMatchObject({ requests: 0, alternates: 1, sectionsOffered: 0 });
    expect(rows.find((r) => r['course'] === 'HS1')).toMatchObject({ requests: 2, seatsOffered: 20, sectionsNeeded: 1, enrolled: 2 });
  });

  it('balance: seats and students in every slot', () => {
    const t = balance(handScenario(), handSchedule());
    expect(t.rows.map((r) => [r['slot'], r['sections'], r['seats'], r['enrolled']])).toEqual([
      ['A.1', 1, 20, 2],
      ['A.2', 1, 20, 2],
      ['A.3', 1, 30, 2],
      ['A.4', 0, 0, 0],
      ['B.1', 1, 30, 1],
      ['B.2', 1, 30, 3],
      ['B.3', 0, 0, 0],
      ['B.4', 0, 0, 0],
    ]);
    expect(t.notes[0]).toBe('Seats per slot: mean 16.3, spread (max − min) 30.');
  });

  it('teachers: load, preps, free slots and the team’s common planning slots', () => {
    const rows = teacherLoads(handScenario(), handSchedule()).rows;
    expect(rows[0]).toMatchObject({ teacher: 'T1', sections: 2, max: 3, load: 66.7, preps: 1, teachingSlots: 2, freeSlots: 6, unavailable: 0 });
    expect(String(rows[0]?.['cpt'])).toMatch(/^HEALTH: /);
    expect(rows[1]).toMatchObject({ teacher: 'T2', sections: 1, teachingSlots: 2, freeSlots: 5, unavailable: 1 });
    expect(rows[2]).toMatchObject({ teacher: 'T3', cpt: '' });
    // T2 available only in A.1 and A.2, where HS1-1 meets: the team shares no free slot.
    const busyT2 = handScenario((s) => {
      s.teachers[1]!.unavailable = ['A.3', 'A.4', 'B.1', 'B.2', 'B.3', 'B.4'];
    });
    expect(teacherLoads(busyT2, handSchedule()).rows[0]?.['cpt']).toBe('HEALTH: MISSING');
  });

  it('rooms: slots used and seat fill', () => {
    const rows = roomUse(handScenario(), handSchedule()).rows;
    expect(rows).toEqual([
      { room: 'R1', type: 'general', capacity: 30, sections: 2, slotsUsed: 2, utilisation: 25, fill: 5 },
      { room: 'R2', type: 'general', capacity: 30, sections: 1, slotsUsed: 1, utilisation: 12.5, fill: 10 },
      { room: 'LAB', type: 'health-lab', capacity: 20, sections: 1, slotsUsed: 2, utilisation: 25, fill: 10 },
    ]);
  });

  it('equity: every group beside the whole school, with access ratios', () => {
    const rows = equity(handScenario(), handSchedule()).rows;
    expect(rows.map((r) => r['group'])).toEqual(['All students', 'EL', 'IEP']);
    // A–G seats: S1 and S2 hold 3 each (HS1 g, ENG10 b, BIO d), S3 holds 2: school 8/3 per student.
    expect(rows[0]).toMatchObject({ students: 3, inPathway: 2, pathwayAccess: 1, placed: 100, agSeats: 2.67, agAccess: 1 });
    expect(rows[1]).toMatchObject({ group: 'EL', students: 2, inPathway: 1, pathwayAccess: 0.75, agSeats: 2.5, agAccess: 0.94 });
    expect(rows[2]).toMatchObject({ group: 'IEP', students: 1, inPathway: 0, pathwayAccess: 0, placed: null, agSeats: 2, agAccess: 0.75 });
  });

  it('explain: one row per cause, each verified', () => {
    const schedule = handSchedule();
    sectionOf(schedule, 'BIO-1').slots = ['A.3'];
    schedule.enrollments['S1'] = ['HS1-1', 'ENG10-1'];
    const t = explanationTable(handScenario(), schedule);
    expect(t.rows.length).toBeGreaterThan(0);
    expect(t.rows.every((r) => r['verified'] === 'yes')).toBe(true);
    expect(t.rows).toContainEqual(expect.objectContaining({ student: 'S1', kind: 'clash', ids: 'ENG10-1 BIO-1', slots: 'A.3' }));
  });

  it('renders every report as a table, JSON and CSV with the same rows', () => {
    const t = tallies(handScenario(), handSchedule());
    const json = JSON.parse(renderAnalysis(t, 'json')) as { rows: unknown[] };
    expect(json.rows).toEqual(t.rows);
    const csv = parse(renderAnalysis(t, 'csv'));
    expect(csv[0]).toEqual(t.columns.map((c) => c.label));
    expect(csv).toHaveLength(t.rows.length + 1);
    expect(csv.find((r) => r[0] === 'BIO')).toEqual(['BIO', 'Biology', '3', '0', '30', '27', '1', '1', '3']);
    const table = renderAnalysis(t, 'table');
    expect(table.split('\n')[0]).toBe(t.title);
    expect(table).toContain('Sections needed');
  });

  it('a report that reads a schedule refuses to run without one', async () => {
    await expect(analyse('balance', handScenario())).rejects.toBeInstanceOf(InputError);
    await expect(analyse('conflicts', handScenario())).resolves.toMatchObject({ kind: 'conflicts' });
  });
});

describe('pathway-scheduler report', () => {
  it('writes the conflict matrix of a fixture as CSV', () => {
    const r = cli('report', join(root, 'fixtures/valley-ab-150.json'), '--kind', 'conflicts', '--format', 'csv', '--top', '5', '-o', 'conflicts.csv');
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(join(dir, 'conflicts.csv'), 'utf8'));
    expect(rows[0]).toEqual(['Course A', 'Course B', 'Students', 'Sections A', 'Sections B', 'Flag']);
    expect(rows).toHaveLength(6);
  });

  it('reads a solution for the seat balance, and exits 2 naming the fix when it is missing', () => {
    writeFileSync(join(dir, 'hand.json'), JSON.stringify(handScenario()));
    writeFileSync(join(dir, 'hand-solution.json'), JSON.stringify({ format: 'pathway-scheduler/solution@1', scenario: 'Hand School', ...handSchedule() }));
    const ok = cli('report', 'hand.json', 'hand-solution.json', '--kind', 'balance', '--format', 'json');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { rows: unknown[] }).rows).toHaveLength(8);
    const missing = cli('report', 'hand.json', '--kind', 'equity');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the equity report reads a schedule');
  });
});
