/**
 * The decisions of the integer program, as columns:
 * - `teach[C,T,P]`: a regular section of course C taught by T in placement P (binary; a teacher
 *   cannot hold two sections in one placement, so counting sections per placement needs no
 *   section index and identical sections carry no symmetry);
 * - `cohortTeach[K,C,T,P]`: cohort K's section of course C, by T in placement P;
 * - `cpt[P,S]`: slot S is common planning time for pathway P's team;
 * - `member[G,K]`: students of group G in cohort K;
 * - `take[G,K,R,C,P]`: students of group G (in cohort K, or in none) whose request R is met by
 *   course C (the course or an alternate) in a section placed at P;
 * - `placed[G,K]`: students of group G in cohort K who are successfully placed;
 * - `placedTake[G,K,R,C,P]`: of `take[G,K,R,C,P]`, the students counted in `placed[G,K]` (only
 *   where C keeps them A–G on track), so placed and unplaced students are kept apart slot by slot.
 */
import type { Pattern } from '../calendar/slots.js';
import { ModelBuilder } from './builder.js';
import { canTeachIn, type CohortInfo, type Instance } from './instance.js';

export interface TeachVar {
  readonly col: number;
  readonly course: string;
  readonly teacher: string;
  readonly pattern: Pattern;
  /** Cohort id for a cohort section. */
  readonly cohort?: string;
}

export interface TakeVar {
  readonly col: number;
  readonly group: number;
  /** Cohort id, or null for students in no cohort. */
  readonly cohort: string | null;
  readonly request: number;
  readonly course: string;
  readonly pattern: Pattern;
}

/** Placed students within one take column (a course A–G-safe for its request). */
export interface PlacedTakeVar {
  readonly col: number;
  readonly take: TakeVar;
}

/** A group's students in one cohort (or in none): the unit students are loaded by. */
export interface Part {
  readonly group: number;
  readonly cohort: CohortInfo | null;
  /** Column counting the students of this part (undefined for the no-cohort part, which takes the rest). */
  readonly member?: number;
  readonly placed?: number;
  readonly takes: TakeVar[];
  /** Placed students per safe take (empty for the no-cohort part, which places nobody). */
  readonly placedTakes: PlacedTakeVar[];
}

export interface Vars {
  readonly teach: TeachVar[];
  readonly cpt: Map<string, Array<{ slot: string; col: number }>>;
  readonly parts: Part[];
}

export function createVariables(m: ModelBuilder, inst: Instance): Vars {
  const steps = variableSteps(m, inst);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** {@link createVariables} as steps: it yields after the teaching columns and after each group. */
export function* variableSteps(m: ModelBuilder, inst: Instance): Generator<string, Vars> {
  const teach: TeachVar[] = [];
  const addTeach = (course: string, cohort?: string) => {
    const info = inst.courses.get(course);
    if (!info) return;
    for (const teacher of info.teachers) {
      const available = inst.available.get(teacher);
      if (!available) continue;
      for (const pattern of info.patterns) {
        if (!canTeachIn(available, pattern)) continue;
        const name = cohort ? `cohortTeach[${cohort},${course},${teacher},${pattern.key}]` : `teach[${course},${teacher},${pattern.key}]`;
        const col = m.column(name, 'binary', 0, 1);
        teach.push(cohort ? { col, course, teacher, pattern, cohort } : { col, course, teacher, pattern });
      }
    }
  };
  for (const [id, info] of inst.courses) if (info.regularSections > 0) addTeach(id);
  for (const k of inst.cohorts) for (const c of k.courses) addTeach(c, k.id);

  const cpt = new Map<string, Array<{ slot: string; col: number }>>();
  for (const p of inst.scenario.pathways) {
    if (p.commonPlanning <= 0 || p.team.length === 0) continue;
    const free = inst.slots.filter((s) => p.team.every((t) => inst.available.get(t)?.has(s.name)));
    cpt.set(
      p.id,
      free.map((s) => ({ slot: s.name, col: m.column(`cpt[${p.id},${s.name}]`, 'binary', 0, 1) })),
    );
  }

  // A placement no credentialed teacher can take never has seats: no take columns for it.
  const teachableKeys = new Set(teach.filter((v) => !v.cohort).map((v) => `${v.course}|${v.pattern.key}`));
  const teachable = (course: string, pattern: Pattern) => teachableKeys.has(`${course}|${pattern.key}`);
  const parts: Part[] = [];
  yield 'teaching columns';
  for (const [gi, g] of inst.groups.entries()) {
    const n = g.students.length;
    const cohorts = inst.cohorts.filter((k) => k.pathway === g.pathway && k.grade === g.grade);
    for (const cohort of [...cohorts, null]) {
      const label = cohort?.id ?? 'none';
      const takes: TakeVar[] = [];
      g.requests.forEach((r, ri) => {
        if (cohort && r.cohort) return; // met by the cohort's own section
        for (const course of r.choices) {
          const info = inst.courses.get(course);
          if (!info || info.regularSections === 0) continue;
          for (const pattern of info.patterns) {
            if (!teachable(course, pattern)) continue;
            const col = m.column(`take[g${gi},${label},${r.course},${course},${pattern.key}]`, n === 1 ? 'binary' : 'integer', 0, n);
            takes.push({ col, group: gi, cohort: cohort?.id ?? null, request: ri, course, pattern });
          }
        }
      });
      if (cohort) {
        const member = m.column(`member[g${gi},${label}]`, n === 1 ? 'binary' : 'integer', 0, Math.min(n, cohort.size));
        const placed = m.column(`placed[g${gi},${label}]`, n === 1 ? 'binary' : 'integer', 0, Math.min(n, cohort.size));
        const placedTakes = takes
          .filter((t) => g.requests[t.request]!.safe.includes(t.course))
          .map((t) => ({
            col: m.column(
              `placedTake[g${gi},${label},${g.requests[t.request]!.course},${t.course},${t.pattern.key}]`,
              n === 1 ? 'binary' : 'integer',
              0,
              Math.min(n, cohort.size),
            ),
            take: t,
          }));
        parts.push({ group: gi, cohort, member, placed, takes, placedTakes });
      } else {
        parts.push({ group: gi, cohort: null, takes, placedTakes: [] });
      }
    }
    yield 'student columns';
  }
  return { teach, cpt, parts };
}
