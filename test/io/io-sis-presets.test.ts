/**
 * The four SIS presets on synthetic exports: the generator's school written in each SIS's shape
 * (test/helpers/sis-writers.ts) imports to a scenario equivalent to the generator's own
 * (test/helpers/sis-expected.ts defines "equivalent" and what each SIS cannot carry), over random
 * schools; and each preset's shipped example export imports, solves and passes the checker.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/generate/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { importSource } from '../../src/io/import-source.js';
import { importSis } from '../../src/io/sis-import.js';
import { parseSisMapping } from '../../src/io/sis-mapping.js';
import { presetPath, readSisPreset } from '../../src/io/sis-presets.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { planExport, type ExportPlan } from '../helpers/sis-export-plan.js';
import { canonical, expectedImport } from '../helpers/sis-expected.js';
import { sisFixtureFiles, sisFixtureFolder } from '../helpers/sis-fixtures.js';
import { SCHOOL, SIS_NAMES, YEAR, writeSisExport, type SisName } from '../helpers/sis-writers.js';

const seed = Number(process.env['FC_SEED'] ?? Date.now() % 1_000_000);
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
const parameters = { $school: SCHOOL, $year: YEAR };

afterAll(async () => shutdownSolverWorkers());

function writeExport(sis: SisName, plan: ExportPlan): string {
  const dir = mkdtempSync(join(tmpdir(), `ps-sis-${sis}-`));
  for (const [file, text] of writeSisExport(sis, plan)) writeFileSync(join(dir, file), text);
  return dir;
}

/**
 * The generator gives a request one alternate at most (and small schools none); an SIS keeps
 * several in order. This gives every seventh request up to three alternates (its own first, then
 * other offered courses of the student's grade), so the order of alternates is tested too.
 */
function withMoreAlternates(school: ScenarioInput): ScenarioInput {
  let turn = 0;
  for (const st of school.students) {
    for (const course of st.requests) {
      if (turn++ % 7 !== 0) continue;
      const own = st.alternates?.[course] ?? [];
      const others = school.courses.filter((c) => c.grades.includes(st.grade) && !st.requests.includes(c.id) && !own.includes(c.id)).map((c) => c.id);
      const start = turn % Math.max(1, others.length - 3);
      st.alternates = { ...st.alternates, [course]: [...own, ...others.slice(start, start + 3 - own.length)] };
    }
  }
  return school;
}

const schoolShape = fc.record({
  seed: fc.integer({ min: 0, max: 100_000 }),
  students: fc.integer({ min: 130, max: 260 }),
  calendar: fc.constantFrom('ab8' as const, 'trad7' as const, '4x4' as const, 'trad6' as const),
  pathways: fc.integer({ min: 1, max: 3 }),
});

describe("a synthetic export of each SIS imports to the generator's school, less what the SIS cannot carry", () => {
  for (const sis of SIS_NAMES) {
    it(sis, () => {
      fc.assert(
        fc.property(schoolShape, (shape) => {
          const plan = planExport(withMoreAlternates(generateScenario(shape)));
          expect(plan.scenario.students.some((st) => Object.values(st.alternates ?? {}).some((a) => a.length === 3))).toBe(true);
          const result = importSis(writeExport(sis, plan), readSisPreset(sis), parameters);
          const expected = expectedImport(sis, plan);
          expect(canonical(result.scenario)).toEqual(canonical(expected.scenario));
          expect(result.dropped.map((d) => `${d.student} ${d.course}`).sort()).toEqual([...expected.dropped].sort());
          expect(result.dropped.every((d) => d.reason === "outside the course's grades")).toBe(true);
          expect(result.droppedAlternates.map((d) => `${d.student} ${d.course} ${d.alternate}`).sort()).toEqual([...expected.droppedAlternates].sort());
          expect(result.requestRows).toBe(plan.scenario.students.reduce((n, s) => n + s.requests.length, 0));
        }),
        // The example: a school where a whole grade of a pathway requests a course that is a cohort course of the next grade only.
        { numRuns: Number(process.env['SIS_RUNS'] ?? 4), seed, examples: [[{ seed: 63048, students: 155, calendar: 'ab8', pathways: 3 }]] },
      );
    });
  }

  it('carries alternates, priorities, cohorts, double periods and one-term courses where the school has them', () => {
    // A guard that the property above compares something: these schools have every feature.
    const plan = planExport(generateScenario({ students: 220, calendar: 'trad7', pathways: 2, seed: 3 }));
    const s = plan.scenario;
    expect(s.students.filter((st) => st.alternates).length).toBeGreaterThan(10);
    expect(s.pathways.every((p) => Object.keys(p.cohortCourses).length === 3)).toBe(true);
    expect(s.courses.some((c) => c.meets.periods === 2)).toBe(true);
    const imported = importSis(writeExport('aeries', plan), readSisPreset('aeries'), parameters).scenario;
    expect(imported.students.filter((st) => st.alternates).length).toBeGreaterThan(10);
    expect(
      imported.courses
        .filter((c) => c.meets.periods === 2)
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      s.courses
        .filter((c) => c.meets.periods === 2)
        .map((c) => c.id)
        .sort(),
    );
    const term = planExport(generateScenario({ students: 150, calendar: '4x4', pathways: 1, seed: 4 }));
    const ic = importSis(writeExport('infinite-campus', term), readSisPreset('infinite-campus'), parameters).scenario;
    expect(ic.courses.every((c) => c.meets.terms === 'one')).toBe(true);
    expect(ic.students.filter((st) => st.priorities).length).toBeGreaterThan(100);
  });

  it("takes a team from the teachers' team codes when its sections have no teacher yet", () => {
    const plan = planExport(generateScenario({ students: 200, calendar: 'trad7', pathways: 2, seed: 12 }));
    for (const s of plan.sections) if (s.team) s.teachers.length = 0;
    for (const sis of ['powerschool', 'aeries'] as const) {
      const { scenario } = importSis(writeExport(sis, plan), readSisPreset(sis), parameters);
      const teams = (ps: readonly { id: string; team: readonly string[] }[]) => ps.map((p) => [p.id, [...p.team].sort()]).sort();
      expect(teams(scenario.pathways)).toEqual(teams(plan.scenario.pathways));
      // Aeries has no teacher-course table: a course none of whose sections has a teacher yet is left out there.
      if (sis === 'powerschool') expect(canonical(scenario)).toEqual(canonical(expectedImport(sis, plan).scenario));
    }
  });

  it('fixes locked PowerSchool sections where they are, and admits requests outside a course\'s grades with gradeRule "allow"', () => {
    const school = generateScenario({ students: 160, calendar: 'ab8', pathways: 1, seed: 9 });
    const singleton = school.courses.find((c) => c.id.startsWith('AP')) ?? school.courses[0];
    if (!singleton) throw new Error('no course');
    school.locks = [{ course: singleton.id, slot: 'B.3' }];
    // A freshman asking for a course the catalogue offers to older grades only.
    const freshman = school.students.find((st) => st.grade === 9);
    const senior = school.courses.find((c) => !c.grades.includes(9) && !(freshman?.requests.includes(c.id) ?? true));
    if (!freshman || !senior) throw new Error('no freshman or no course closed to grade 9');
    freshman.requests.push(senior.id);
    school.policy = { ...school.policy, gradeRule: 'allow' };
    const plan = planExport(school);
    const dir = writeExport('powerschool', plan);
    const strict = importSis(dir, readSisPreset('powerschool'), parameters);
    expect(strict.scenario.locks).toEqual([{ course: singleton.id, slot: 'B.3' }]);
    expect(strict.dropped.length).toBeGreaterThan(0);
    const preset = JSON.parse(readFileSync(presetPath('powerschool'), 'utf8')) as { policy: Record<string, unknown> };
    const allow = importSis(dir, parseSisMapping({ ...preset, policy: { ...preset.policy, gradeRule: 'allow' } }, 'allow.json'), parameters);
    expect(allow.dropped).toEqual([]);
    expect(allow.scenario.policy.gradeRule).toBe('allow');
    expect(canonical(allow.scenario)).toEqual(canonical(expectedImport('powerschool', plan, 'allow').scenario));
  });
});

describe('the shipped example exports (fixtures/sis)', () => {
  for (const sis of SIS_NAMES) {
    it(`${sis}: are what the writer makes of the default school`, () => {
      const files = sisFixtureFiles(sis);
      expect(readdirSync(sisFixtureFolder(sis)).sort()).toEqual([...files.keys()].sort());
      for (const [name, text] of files) expect(readFileSync(join(sisFixtureFolder(sis), name), 'utf8')).toBe(text);
    });

    it(`${sis}: imports with --sis ${sis}, solves in a short work budget, and the checker accepts the schedule`, async () => {
      const { scenario, dropped } = await importSource(sisFixtureFolder(sis), { sis, school: SCHOOL, year: YEAR });
      expect(scenario.students).toHaveLength(150);
      expect(dropped.every((d) => d.reason === "outside the course's grades")).toBe(true);
      const outcome = await solve(scenario, { timeLimitSeconds: 5 });
      expect(outcome.status).toBe('scheduled');
      if (outcome.status !== 'scheduled') return;
      const verdict = check(scenario, outcome.solution);
      expect(verdict.violations).toEqual([]);
      expect(verdict.figures.requestsMet.count).toBeGreaterThan(verdict.figures.requestsMet.total / 2);
      expect(verdict.figures.pathwayPlaced.total).toBe(scenario.students.filter((s) => s.pathway).length);
    }, 90_000);
  }
});
