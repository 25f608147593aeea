import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coursePatterns } from '../../src/calendar/slots.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { expectedSections, generateOptionsSchema, generateScenario, type GenerateOptions } from '../../src/generate/index.js';
import { calendarShape, slotsPerSection } from '../../src/generate/calendar-shape.js';

const CASES: GenerateOptions[] = [
  { students: 30, calendar: 'ab8', pathways: 1, seed: 6 },
  { students: 150, calendar: 'ab8', pathways: 2, seed: 1 },
  { students: 300, calendar: 'trad6', pathways: 2, seed: 4 },
  { students: 400, calendar: '4x4', pathways: 3, seed: 3 },
  { students: 600, calendar: 'trad7', pathways: 4, seed: 2 },
  { students: 800, calendar: 'trad7', pathways: 10, seed: 9 },
  { students: 1200, calendar: 'trad8', pathways: 6, seed: 5 },
  { students: 2000, calendar: 'ab8', pathways: 0, seed: 11 },
];
const generated = new Map(CASES.map((o) => [o, generateScenario(o)]));
const label = (o: GenerateOptions) => `${o.students} students, ${o.calendar}, ${o.pathways} pathways, seed ${o.seed}`;

/** Largest number of demanded sections that credentialed teachers can take within maxSections. */
function assignableSections(s: ScenarioInput, demand: ReadonlyMap<string, number>): number {
  // Edmonds–Karp on source → course (demand) → teacher (credential) → sink (maxSections).
  const courses = s.courses.map((c) => c.id);
  const n = 2 + courses.length + s.teachers.length;
  const cap: number[][] = Array.from({ length: n }, () => Array<number>(n).fill(0));
  const source = 0;
  const sink = n - 1;
  const courseNode = new Map(courses.map((c, i) => [c, 1 + i]));
  courses.forEach((c, i) => {
    (cap[source] as number[])[1 + i] = demand.get(c) ?? 0;
  });
  s.teachers.forEach((t, j) => {
    const node = 1 + courses.length + j;
    (cap[node] as number[])[sink] = t.maxSections;
    for (const c of t.courses) (cap[courseNode.get(c) as number] as number[])[node] = Infinity;
  });
  let flow = 0;
  for (;;) {
    const prev = Array<number>(n).fill(-1);
    prev[source] = source;
    const queue = [source];
    while (queue.length > 0 && prev[sink] === -1) {
      const u = queue.shift() as number;
      for (let v = 0; v < n; v++)
        if (prev[v] === -1 && (cap[u]?.[v] ?? 0) > 0) {
          prev[v] = u;
          queue.push(v);
        }
    }
    if (prev[sink] === -1) return flow;
    let push = Infinity;
    for (let v = sink; v !== source; v = prev[v] as number) push = Math.min(push, cap[prev[v] as number]?.[v] ?? 0);
    for (let v = sink; v !== source; v = prev[v] as number) {
      const u = prev[v] as number;
      (cap[u] as number[])[v] = (cap[u]?.[v] ?? 0) - push;
      (cap[v] as number[])[u] = (cap[v]?.[u] ?? 0) + push;
    }
    flow += push;
  }
}

describe('generateScenario', () => {
  for (const [options, s] of generated) {
    describe(label(options), () => {
      it('parses with zero problems', () => {
        expect(() => parseScenario(s)).not.toThrow();
      });

      it('has the requested number of students, in four roughly equal grades', () => {
        expect(Math.abs(s.students.length - options.students)).toBeLessThanOrEqual(0.1 * options.students);
        for (const g of [9, 10, 11, 12]) {
          const n = s.students.filter((st) => st.grade === g).length;
          expect(Math.abs(n - options.students / 4)).toBeLessThanOrEqual((0.1 * options.students) / 4 + 1);
        }
      });

      it('makes every pathway member request their cohort courses as required', () => {
        const byId = new Map(s.pathways.map((p) => [p.id, p]));
        for (const st of s.students.filter((x) => x.pathway !== undefined)) {
          const cohort = byId.get(st.pathway as string)?.cohortCourses[String(st.grade)] ?? [];
          expect(cohort.length).toBe(3);
          for (const c of cohort) {
            expect(st.requests).toContain(c);
            expect(st.priorities?.[c]).toBe('required');
          }
        }
      });

      it('staffs every demanded section with a credentialed teacher, and little more: teachers are hired for the tally', () => {
        const demand = expectedSections(s);
        const total = [...demand.values()].reduce((a, b) => a + b, 0);
        expect(assignableSections(s, demand)).toBe(total);
        const capacity = s.teachers.reduce((a, t) => a + t.maxSections, 0);
        // A department's last teacher is hired for what is left (at least 2 sections), so only small schools have much over.
        expect(total / capacity).toBeGreaterThan(options.students >= 300 ? 0.95 : 0.8);
      });

      it("gives full-time teachers the calendar's full load (5 of 6, 6 of 8) and CTE part-timers about half of it", () => {
        const shape = calendarShape(options.calendar);
        const courseById = new Map(s.courses.map((c) => [c.id, c]));
        const cte = s.teachers.filter((t) => t.courses.every((c) => courseById.get(c)?.cte === true));
        const academic = s.teachers.filter((t) => !cte.includes(t));
        for (const t of academic) expect(t.maxSections).toBeLessThanOrEqual(shape.fullLoad);
        if (options.students >= 300) {
          const full = academic.filter((t) => t.maxSections >= shape.fullLoad - 1).length;
          expect(full / academic.length).toBeGreaterThan(0.6);
        }
        for (const t of cte.filter((x) => x.unavailable)) {
          const width = Math.max(...t.courses.map((c) => slotsPerSection(s.calendar, courseById.get(c)?.meets ?? shape.meets)));
          expect(t.maxSections * width).toBeLessThanOrEqual(Math.ceil(shape.fullLoad / 2) * Math.max(1, width));
        }
      });

      it('gives each teacher a load that leaves a prep slot and a home room of a used type', () => {
        const shape = calendarShape(options.calendar);
        const courseById = new Map(s.courses.map((c) => [c.id, c]));
        const roomById = new Map(s.rooms.map((r) => [r.id, r]));
        for (const t of s.teachers) {
          const width = Math.max(...t.courses.map((c) => slotsPerSection(s.calendar, courseById.get(c)?.meets ?? shape.meets)));
          expect(t.maxSections * width).toBeLessThanOrEqual(shape.slots - (t.unavailable?.length ?? 0) - 1);
          expect(t.maxSections).toBeGreaterThan(0);
          const room = roomById.get(t.room ?? '');
          expect(room).toBeDefined();
          expect(t.courses.some((c) => courseById.get(c)?.roomType === room?.type)).toBe(true);
        }
      });

      it('has a room of each course type that holds a full section', () => {
        for (const c of s.courses) {
          expect(s.rooms.some((r) => r.type === c.roomType && r.capacity >= c.capacity)).toBe(true);
        }
      });

      it('puts pathway teams together from CTE teachers and cohort-course teachers', () => {
        const teacherById = new Map(s.teachers.map((t) => [t.id, t]));
        for (const p of s.pathways) {
          const teamCourses = new Set(p.team.flatMap((id) => teacherById.get(id)?.courses ?? []));
          for (const c of Object.values(p.cohortCourses).flat()) expect(teamCourses.has(c)).toBe(true);
          expect(p.commonPlanning).toBe(1);
          expect(p.cohortSize).toBeGreaterThanOrEqual(28);
          expect(p.cohortSize).toBeLessThanOrEqual(32);
        }
      });

      it('gives every student a full day of requests (as many course-slots as the day has), and alternates for electives', () => {
        const shape = calendarShape(options.calendar);
        const courseById = new Map(s.courses.map((c) => [c.id, c]));
        let used = 0;
        for (const st of s.students) {
          const slots = st.requests.reduce((a, c) => a + slotsPerSection(s.calendar, courseById.get(c)?.meets ?? shape.meets), 0);
          expect(slots).toBeLessThanOrEqual(shape.slots);
          // From 300 students the catalogue has electives enough to fill every day.
          if (options.students >= 300) expect(slots).toBe(shape.slots);
          used += slots;
          // No course is both requested and an alternate, nor an alternate of two requests.
          const alternates = Object.values(st.alternates ?? {}).flat();
          expect(new Set(alternates).size).toBe(alternates.length);
          for (const a of alternates) expect(st.requests).not.toContain(a);
        }
        // Small schools run out of electives; everyone else fills all slots or all but one.
        if (options.students >= 150) expect(used / s.students.length).toBeGreaterThan(shape.slots - 1.2);
        if (options.students >= 300) {
          const withAlternates = s.students.filter((st) => Object.keys(st.alternates ?? {}).length > 0).length;
          expect(withAlternates / s.students.length).toBeGreaterThan(0.5);
        }
      });

      if (options.pathways === 0) {
        it('puts nobody in a pathway when it has none', () => {
          expect(s.students.filter((st) => st.pathway !== undefined)).toEqual([]);
          expect(s.pathways).toEqual([]);
        });
      } else if (options.students >= 120) {
        it('runs academies of whole cohorts of 25 to cohortSize students per grade where the grade holds them, at most half of it', () => {
          for (const g of [10, 11, 12]) {
            const grade = s.students.filter((st) => st.grade === g);
            const members = grade.filter((st) => st.pathway !== undefined);
            expect(members.length / grade.length).toBeLessThanOrEqual(0.5);
            const roomy = 25 * s.pathways.length <= 0.5 * grade.length;
            for (const p of s.pathways) {
              const n = members.filter((st) => st.pathway === p.id).length;
              const cohorts = Math.ceil(n / p.cohortSize);
              expect(cohorts).toBeGreaterThanOrEqual(1);
              // A school too small for its academies spreads half a grade over them.
              if (roomy) expect(n).toBeGreaterThanOrEqual(25 * cohorts);
              else expect(n).toBe(Math.floor((0.5 * grade.length) / s.pathways.length));
            }
          }
          if (25 * s.pathways.length * 4 <= 0.5 * s.students.length) {
            const upper = s.students.filter((st) => st.grade >= 10);
            const share = upper.filter((st) => st.pathway !== undefined).length / upper.length;
            expect(share).toBeGreaterThanOrEqual(0.25);
          }
        });
      } else {
        it('puts pathway students only in grades 10–12', () => {
          const members = s.students.filter((st) => st.pathway !== undefined);
          expect(members.length).toBeGreaterThan(0);
          for (const st of members) expect(st.grade).toBeGreaterThanOrEqual(10);
        });
      }
    });
  }

  it('locks only slots the course may use (every lock of every case)', () => {
    const locks = [...generated.values()].flatMap((s) => (s.locks ?? []).map((lock) => ({ s, lock })));
    expect(locks.length).toBeGreaterThan(0);
    for (const { s, lock } of locks) {
      const course = s.courses.find((c) => c.id === lock.course);
      expect(course && coursePatterns(s.calendar, course).some((p) => p.slots.includes(lock.slot))).toBe(true);
    }
  });

  it('is deterministic: the same seed gives identical JSON', () => {
    for (const o of CASES.slice(0, 5)) expect(JSON.stringify(generateScenario(o))).toBe(JSON.stringify(generated.get(o)));
  });

  it('differs for a different seed', () => {
    for (const o of CASES.slice(0, 5)) expect(JSON.stringify(generateScenario({ ...o, seed: o.seed + 1 }))).not.toBe(JSON.stringify(generated.get(o)));
  });

  it('follows the calendar: A/B days, traditional double-period CTE labs, one-term 4x4 courses', () => {
    const ab = generated.get(CASES[1] as GenerateOptions) as ScenarioInput;
    expect(ab.calendar).toEqual({ terms: ['Y'], days: ['A', 'B'], periods: ['1', '2', '3', '4'] });
    expect(ab.courses.every((c) => c.meets.days === 'one' && c.meets.periods === 1)).toBe(true);
    const trad = generated.get(CASES[4] as GenerateOptions) as ScenarioInput;
    expect(trad.calendar.periods).toHaveLength(7);
    for (const c of trad.courses) expect(c.meets.periods).toBe(c.cte ? 2 : 1);
    const block = generated.get(CASES[3] as GenerateOptions) as ScenarioInput;
    expect(block.calendar.terms).toEqual(['F', 'S']);
    expect(block.courses.every((c) => c.meets.terms === 'one')).toBe(true);
  });

  it('draws student groups from a realistic distribution', () => {
    const s = generated.get(CASES[7] as GenerateOptions) as ScenarioInput;
    const share = (g: string) => s.students.filter((st) => st.groups?.includes(g)).length / s.students.length;
    expect(share('EL')).toBeGreaterThan(0.12);
    expect(share('EL')).toBeLessThan(0.22);
    expect(share('IEP')).toBeGreaterThan(0.08);
    expect(share('IEP')).toBeLessThan(0.14);
    expect(share('SED')).toBeGreaterThan(0.5);
    expect(share('SED')).toBeLessThan(0.65);
  });

  it('rejects options outside the documented ranges', () => {
    expect(generateOptionsSchema.safeParse({ students: 20, calendar: 'ab8', pathways: 1, seed: 1 }).success).toBe(false);
    expect(generateOptionsSchema.safeParse({ students: 200, calendar: 'trad9', pathways: 1, seed: 1 }).success).toBe(false);
    expect(generateOptionsSchema.safeParse({ students: 200, calendar: 'ab8', pathways: 11, seed: 1 }).success).toBe(false);
    expect(() => generateScenario({ students: 6000, calendar: 'ab8', pathways: 1, seed: 1 })).toThrow();
  });

  it('parses for any small school (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 500 }),
        fc.constantFrom('ab8', 'trad6', 'trad7', 'trad8', '4x4' as const),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (students, calendar, pathways, seed) => {
          parseScenario(generateScenario({ students, calendar, pathways, seed }));
        },
      ),
      { numRuns: 25 },
    );
  });
});
