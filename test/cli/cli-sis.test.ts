/**
 * The README's SIS walkthrough on the command line: export from Aeries (the shipped synthetic
 * example), import with --sis, solve, check, export OneRoster back; and bad SIS input stopping
 * before any file is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli/main.ts'), ...args],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const aeries = () => join(root, 'fixtures/sis/aeries');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-sis-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('pathway-scheduler import --sis', () => {
  it('export from Aeries, import, solve, check, export OneRoster back', async () => {
    const imported = cli('import', aeries(), '--sis', 'aeries', '--school', '101', '-o', 'school.json');
    expect(imported.stderr).toContain('Wrote school.json');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/150 students, \d+ requests, \d+ courses, 16 teachers, 16 rooms/);
    expect(imported.stdout).toMatch(/request rows cannot be scheduled and were left out: \d+ outside the course's grades/);
    expect(imported.stdout).toMatch(/left out: SSS\.csv, row \d+: student S\d+, course "\w+" \(outside the course's grades\)/);
    const solved = cli('solve', 'school.json', '-o', 'solution.json', '--time-limit', '5');
    expect(solved.code).toBe(0);
    expect(cli('check', 'school.json', 'solution.json').code).toBe(0);
    const exported = cli('export', 'school.json', 'solution.json', '--oneroster', 'oneroster.zip', '--school-id', '101', '--school-year', '2028');
    expect(exported.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'oneroster.zip')));
    const enrollments = (await zip.file('enrollments.csv')?.async('string'))?.trim().split('\n') ?? [];
    expect(enrollments.length).toBeGreaterThan(150);
  }, 120_000);

  it('writes nothing and names the filter to set when the export holds several schools', () => {
    const r = cli('import', aeries(), '--sis', 'aeries', '-o', 'two-schools.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SMS.csv, column SC');
    expect(r.stderr).toContain('choose one with --school');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(join(dir, 'two-schools.json'))).toBe(false);
  });

  it('refuses --sis with --mapping, and an SIS it has no preset for', () => {
    const both = cli('import', aeries(), '--sis', 'aeries', '--mapping', join(root, 'fixtures/crestwood-mapping.json'), '-o', 'both.json');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --sis or --mapping, not both');
    const unknown = cli('import', aeries(), '--sis', 'blackbaud', '-o', 'unknown.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/→ at --sis\n\s+fix: use one of "aeries", "powerschool", "infinite-campus", "synergy"/);
    expect(existsSync(join(dir, 'both.json')) || existsSync(join(dir, 'unknown.json'))).toBe(false);
  });
});
