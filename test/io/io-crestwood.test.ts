/**
 * The Crestwood SIS export, read from ../shared/external-data (never copied into the repo).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importSis } from '../../src/io/sis-import.js';
import { parseSisMapping, readSisMapping } from '../../src/io/sis-mapping.js';
import { InputError } from '../../src/scenario/problems.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

const root = resolve(import.meta.dirname, '../..');
const data = resolve(root, '../../shared/external-data/crestwood-us-hs-requests');
const mapping = () => readSisMapping(join(root, 'fixtures/crestwood-mapping.json'));
const present = existsSync(join(data, 'student_requests.csv'));
// The export stays outside the repository: a clean clone without ../shared skips these, loudly.
if (!present) console.warn(`\n*** ${data} is absent: the Crestwood SIS tests are SKIPPED (they run wherever ../shared is, as in CI) ***\n`);

/** The mapping as shipped in version 1, before fixtures/crestwood-mapping.json moved to version 2. */
const mappingV1 = {
  format: 'pathway-scheduler/sis-mapping@1',
  name: 'Crestwood HS 2024-25 (SIS export, A/B 7 blocks)',
  calendar: { terms: ['S1', 'S2'], days: ['D'], periods: ['1A', '1B', '2A', '2B', '3', '4A', '4B'] },
  blocks: { '1A': '1A', '1B': '1B', '2A': '2A', '2B': '2B', '3': '3', '4A': '4A', '4B': '4B' },
  listSeparator: ',',
  courses: {
    file: 'course_list.csv',
    id: 'Course code',
    name: 'Title',
    length: 'Length',
    allowedBlocks: 'Available blocks',
    minSize: 'Minimum section size',
    targetSize: 'Target section size',
    maxSize: 'Maximum section size',
    sections: 'Number of sections',
  },
  staffing: { file: 'lecturer_details.csv', teacher: 'Lecturer ID', course: 'lecture Code' },
  rooms: { file: 'rooms_data.csv', room: 'Room Number', course: 'Course Code', teacher: 'prof ID', type: 'general', capacity: 40 },
  requests: { file: 'student_requests.csv', student: 'student ID', grade: 'College Year', course: 'Course code', priority: 'Type' },
  lengths: { '1': 'one-term', '0.5': 'one-term', '2': 'full-year' },
  grades: { '1st Year': 9, '2nd Year': 10, '3rd Year': 11, '4th Year': 12 },
  priorities: { Required: 'required', Requested: 'requested', Recommended: 'recommended' },
  unschedulableRequests: 'drop',
  policy: { agRule: 'off', timeLimitSeconds: 60 },
};

afterAll(async () => shutdownSolverWorkers());

describe.skipIf(!present)('Crestwood SIS export', () => {
  it('imports 156 students and all 1,259 request rows, dropping only the requests no section can meet', () => {
    const { scenario, dropped, requestRows, notes } = importSis(data, mapping());
    expect(requestRows).toBe(1259);
    expect(scenario.students).toHaveLength(156);
    const kept = scenario.students.reduce((n, s) => n + s.requests.length, 0);
    expect(kept + dropped.length).toBe(1259);
    const required = scenario.students.reduce((n, s) => n + Object.values(s.priorities ?? {}).filter((p) => p === 'required').length, 0);
    expect(required).toBe(178);
    expect(dropped.every((d) => d.priority === 'requested')).toBe(true);
    expect(new Set(dropped.map((d) => d.reason))).toEqual(new Set(['course not in the course list', 'no course code', 'no section offered']));
    expect(scenario.calendar.periods).toEqual(['1A', '1B', '2A', '2B', '3', '4A', '4B']);
    const debio = scenario.courses.find((c) => c.id === 'DEBIO101');
    expect(debio?.allowedPeriods).toEqual(['2B']);
    expect(debio?.meets.terms).toBe('one');
    expect(scenario.courses.find((c) => c.id === 'BIB10')).toMatchObject({ capacity: 26, minSize: 12, sections: 2, meets: { terms: 'all' } });
    expect(notes.some((n) => n.includes('target section sizes'))).toBe(true);
  });

  it('imports the same scenario with the version 1 mapping (read as version 2) as with the shipped version 2 mapping', () => {
    const v2 = importSis(data, mapping());
    const v1 = importSis(data, parseSisMapping(mappingV1, 'crestwood-v1.json'));
    expect(v1.scenario).toEqual(v2.scenario);
    expect(v1.dropped).toEqual(v2.dropped);
    expect(v1.notes).toEqual(v2.notes);
    expect(v2.scenario.courses).toHaveLength(66);
    expect(v2.scenario.teachers).toHaveLength(23);
    expect(v2.scenario.rooms).toHaveLength(20);
    expect(v2.scenario.courses.reduce((n, c) => n + (c.sections ?? 0), 0)).toBe(83);
  });

  it('reports every bad row of a damaged copy at once, with file, row, column, value and expected form', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-crest-'));
    cpSync(data, dir, { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
    };
    edit('student_requests.csv', '2nd Year,First term,Bible 10,Required,5407488', '2nd Yr,First term,Bible 10,Mandatory,5407488');
    edit(
      'course_list.csv',
      'ARTBND,Band - High ,2,Core course,"1A, 1B, 2A, 2B, 3, 4A, 4B",,7,25,40',
      'ARTBND,Band - High ,3,Core course,"1A, 1B, 9Z",,7,25,forty',
    );
    let err: unknown;
    try {
      importSis(dir, mapping());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    const at = (path: string) => problems.find((p) => p.path === path);
    expect(at('student_requests.csv, row 2, column College Year')).toMatchObject({ message: 'bad value "2nd Yr"' });
    expect(at('student_requests.csv, row 2, column Type')?.fix).toContain('Required, Requested, Recommended');
    expect(at('course_list.csv, row 2, column Length')).toBeDefined();
    expect(at('course_list.csv, row 2, column Available blocks')?.fix).toContain('1A, 1B, 2A, 2B, 3, 4A, 4B');
    expect(at('course_list.csv, row 2, column Maximum section size')).toMatchObject({ message: 'bad value "forty"' });
  });

  it('solves to a schedule the checker accepts, meeting every required request', async () => {
    const { scenario } = importSis(data, mapping());
    const outcome = await solve(scenario, { timeLimitSeconds: 20 });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    const result = check(scenario, outcome.solution);
    expect(result.violations).toEqual([]);
    expect(result.figures.requestsByPriority.required.count).toBe(178);
  }, 60_000);
});
