/**
 * One course, one section per student (issue 13 item 5; SCENARIO.md "Enrollment") on random small
 * schools with alternates that another of the student's requests also accepts or that two
 * requests share (helpers/random-school.ts `sharedAlternates`; in about half of them a student
 * has such a course), on a fixed and a random seed:
 * - in every schedule the engine returns, each student's sections belong to distinct courses
 *   (counted here from the schedule itself, not by the checker), and the checker agrees;
 * - the greedy CTE-first loader's schedule (the engine's fallback) keeps the rule too;
 * - the whole program's own optimum (HiGHS, no loader fallback and no guard) is at most what its
 *   named schedule is worth to the checker: a program that let one student take two sections of
 *   a course would count a request the checker cannot.
 * The random schools rarely make that pay (their alternates have one section), so the last two
 * also run on schools of the contract case's kind (test/cases/one-alternate-two-requests.json,
 * drawn at random): two scarce courses that share an alternate with two sections.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { solve } from '../../src/engine/solve.js';
import { check, type Schedule } from '../../src/checker/index.js';
import { solveMip } from '../../solver/run.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import { randomSchool } from '../helpers/random-school.js';
import { wholeProgram } from '../helpers/program.js';
import { checkedObjective } from '../helpers/checked-objective.js';
import { cohortRoomsShort } from '../helpers/optimum.js';
import { propertySeeds } from '../helpers/seeds.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** Runs per seed (one engine solve and one whole-program solve each). */
const RUNS = 30;

const schools = randomSchool({ sharedAlternates: true });

/**
 * The contract case's kind: students requesting English and one or both of two scarce courses
 * (one section each, 1–3 seats), each with the same alternate, whose teacher may open two
 * sections; a day of 3 or 4 periods.
 */
const sharedAlternateSchool: fc.Arbitrary<ScenarioInput> = fc
  .record({
    periods: fc.integer({ min: 3, max: 4 }),
    seats: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    students: fc.array(fc.constantFrom('both', 'first', 'second'), { minLength: 2, maxLength: 8 }),
    english: fc.boolean(),
  })
  .map(({ periods, seats, students, english }) => {
    const course = (id: string, capacity: number, sections?: number) => ({
      id,
      name: id,
      grades: [9],
      capacity,
      roomType: 'general',
      meets: { periods: 1 as const, days: 'one' as const, terms: 'all' as const },
      ...(sections ? { sections } : {}),
    });
    return {
      format: 'pathway-scheduler/scenario@1' as const,
      name: 'one alternate for two requests',
      calendar: { terms: ['Y'], days: ['D'], periods: Array.from({ length: periods }, (_, i) => String(i + 1)) },
      rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, type: 'general', capacity: 30 })),
      teachers: [
        { id: 'TC', name: 'TC', courses: ['CHOIR'], maxSections: 1 },
        { id: 'TA', name: 'TA', courses: ['ART1'], maxSections: 1 },
        { id: 'TP', name: 'TP', courses: ['PHOTO'], maxSections: 2 },
        { id: 'TE', name: 'TE', courses: ['ENG9'], maxSections: 1 },
      ],
      courses: [course('CHOIR', seats[0], 1), course('ART1', seats[1], 1), course('PHOTO', 30, 2), course('ENG9', 30)],
      pathways: [],
      students: students.map((wants, i) => {
        const requests = [...(english ? ['ENG9'] : []), ...(wants !== 'second' ? ['CHOIR'] : []), ...(wants !== 'first' ? ['ART1'] : [])];
        return { id: `F${i + 1}`, grade: 9, requests, alternates: Object.fromEntries(requests.filter((r) => r !== 'ENG9').map((r) => [r, ['PHOTO']])) };
      }),
      policy: { agRule: 'off' as const },
    };
  });

/** `student course` for each second (or later) section of one course in a student's timetable. */
function repeatedCourses(schedule: Schedule): string[] {
  const courseOf = new Map(schedule.sections.map((s) => [s.id, s.course]));
  return Object.entries(schedule.enrollments).flatMap(([student, ids]) => {
    const courses = ids.map((id) => courseOf.get(id) ?? expect.unreachable(`${student} is enrolled in unknown section ${id}`));
    return courses.filter((c, i) => courses.indexOf(c) !== i).map((c) => `${student} ${c}`);
  });
}

/** Some student has a course that two of their requests accept (itself or as an alternate). */
function sharesACourse(s: ScenarioInput): boolean {
  return s.students.some((st) => {
    const accepted = st.requests.flatMap((r) => [r, ...(st.alternates?.[r] ?? [])]);
    return new Set(accepted).size < accepted.length;
  });
}

describe.each(propertySeeds())('one course once per student on random small schools ($label)', ({ seed }) => {
  it('no student of an engine schedule or of the whole program’s answer takes two sections of a course, and the program counts no request its schedule does not meet', async () => {
    const seen = { runs: 0, shared: 0, scheduled: 0, programSolved: 0 };
    await fc.assert(
      fc.asyncProperty(schools, async (input) => {
        seen.runs++;
        if (sharesACourse(input)) seen.shared++;
        const scenario = parseScenario(input);
        const outcome = await solve(scenario, { timeLimitSeconds: 20 });
        if (outcome.status === 'scheduled') {
          seen.scheduled++;
          expect(repeatedCourses(outcome.solution)).toEqual([]);
          expect(outcome.check.violations).toEqual([]);
        }
        expect(repeatedCourses(greedyCteFirstSchedule(scenario))).toEqual([]);
        const program = wholeProgram(scenario);
        const result = await solveMip(program.model, { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
        if (result.termination !== 'optimal' || result.values === null) return;
        seen.programSolved++;
        const named = program.schedule(result.values);
        expect(repeatedCourses(named)).toEqual([]);
        expect(check(scenario, named).violations).toEqual([]);
        // The named schedule is worth at least the program's optimum, except where a cohort's rooms seat fewer than the
        // cohort (helpers/optimum.ts). Not always exactly: FC_SEED=127215 (run 16) gives a schedule worth 124 for an optimum of 121.
        if (!cohortRoomsShort(scenario))
          expect(checkedObjective(scenario, named, 'cte-first', program.form)).toBeGreaterThanOrEqual(
            (result.objective ?? expect.unreachable('a solved program has an objective')) - 1e-6,
          );
      }),
      { numRuns: RUNS, seed },
    );
    console.log(
      `one course once: ${seen.runs} schools, a course two requests accept in ${seen.shared}, scheduled ${seen.scheduled}, whole program solved ${seen.programSolved}`,
    );
    expect(seen.shared).toBeGreaterThanOrEqual(RUNS / 6);
  }, 300_000);

  it('on schools of the contract case’s kind, neither the engine, its greedy loader nor the whole program’s answer gives a student two sections of the alternate, and the program counts no more than its schedule meets', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(sharedAlternateSchool, async (input) => {
        runs++;
        const scenario = parseScenario(input);
        const outcome = await solve(scenario, { timeLimitSeconds: 20 });
        expect(outcome.status).toBe('scheduled');
        if (outcome.status !== 'scheduled') return;
        expect(repeatedCourses(outcome.solution)).toEqual([]);
        expect(outcome.check.violations).toEqual([]);
        expect(repeatedCourses(greedyCteFirstSchedule(scenario))).toEqual([]);
        const program = wholeProgram(scenario);
        const result = await solveMip(program.model, { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
        expect(result.termination).toBe('optimal');
        const { values, objective } = result;
        if (values === null || objective === null) expect.unreachable('an optimal result has values and an objective');
        const named = program.schedule(values);
        expect(repeatedCourses(named)).toEqual([]);
        expect(checkedObjective(scenario, named, 'cte-first', program.form)).toBeGreaterThanOrEqual(objective - 1e-6);
      }),
      { numRuns: RUNS, seed },
    );
    expect(runs).toBe(RUNS);
  }, 300_000);
});
