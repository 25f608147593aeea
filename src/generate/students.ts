/**
 * Students and their course requests. Each student requests a full, realistic load for their
 * grade (English, math, science, history, PE, a language, electives, the CTE course and cohort
 * courses for pathway members) that fills the course-slots of their day (as many courses as the
 * day has periods, where the catalogue has enough), electives with up to two alternates.
 * `agCompleted` is drawn consistent with the grade and the courses chosen.
 */
import type { AgSubject, Priority, ScenarioInput } from '../scenario/schema.js';
import { ELECTIVES } from './catalogue.js';
import { groupLabels, type Demographics } from './population.js';
import type { Random } from './random.js';

type StudentInput = ScenarioInput['students'][number];

/** What request generation needs to know about the school. */
export interface RequestContext {
  /** Courses the school offers. */
  readonly offered: ReadonlySet<string>;
  /** Grades a course is open to. */
  readonly grades: ReadonlyMap<string, readonly number[]>;
  /** The school's math sequence, by level. */
  readonly mathSequence: readonly string[];
  /** The co-taught first math course (IM1C or ALG1C). */
  readonly coTaughtMath: string;
  /** Course-slots one section of a course costs a student (2 for a double-period lab). */
  cost(course: string): number;
  /** Course-slots a student holds in a year. */
  readonly capacity: number;
}

/** A student before requests: who they are and, for members, their cohort courses. */
export interface StudentSeed {
  readonly id: string;
  readonly grade: number;
  readonly demographics: Demographics;
  /** Academic propensity in [0, 1): drives honors/AP and advanced math. */
  readonly propensity: number;
  readonly pathway?: { readonly id: string; readonly cohortCourses: readonly string[] };
}

interface Pick {
  readonly course: string;
  readonly priority: Priority;
  /** Lower ranks are kept first when the day is full. */
  readonly rank: number;
  readonly alternates?: readonly string[];
}

const HONORS_ENGLISH: Readonly<Record<number, string>> = { 9: 'ENG9H', 10: 'ENG10H', 11: 'APLANG', 12: 'APLIT' };
const HISTORY: Readonly<Record<number, readonly [string, string]>> = { 10: ['WHIST', 'APWH'], 11: ['USHIST', 'APUSH'], 12: ['GOV', 'APGOV'] };
const SCIENCE = ['ESS', 'BIO', 'CHEM', 'PHYS', 'APBIO', 'APCHEM', 'APPHYS', 'APES'];
const LANGUAGE_FAMILIES = {
  spanish: ['SPAN1', 'SPAN2', 'SPAN3', 'SPAN4'],
  french: ['FREN1', 'FREN2', 'FREN3'],
  heritage: ['SNS1', 'SNS2', 'SPAN4'],
  mandarin: ['MAND1', 'MAND2', 'MAND3'],
} as const;

/** Generates one student's requests, alternates, priorities and A–G history. */
export function generateStudent(seed: StudentSeed, ctx: RequestContext, rng: Random): StudentInput {
  const g = seed.grade;
  const years = g - 9;
  const z = seed.propensity;
  const d = seed.demographics;
  const has = (c: string) => ctx.offered.has(c);
  const picks: Pick[] = [];
  const add = (course: string, priority: Priority, rank: number, alternates?: readonly string[]) => {
    if (!has(course) || picks.some((p) => p.course === course)) return;
    picks.push(alternates && alternates.length > 0 ? { course, priority, rank, alternates } : { course, priority, rank });
  };
  const picked = (ids: readonly string[]) => picks.some((p) => ids.includes(p.course));

  for (const c of seed.pathway?.cohortCourses ?? []) add(c, 'required', 0);

  // English of the grade: honors/AP for strong students, co-taught for some students with IEPs.
  const eng = `ENG${g}`;
  const engOptions = [eng, HONORS_ENGLISH[g] ?? eng, `ENG${g}C`];
  if (!picked(engOptions)) {
    const honors = HONORS_ENGLISH[g];
    if (d.iep && g <= 10 && has(`ENG${g}C`) && rng.chance(0.45)) add(`ENG${g}C`, 'required', 1);
    else if (honors && has(honors) && z > 0.78 && rng.chance(0.8)) add(honors, 'required', 1);
    else add(eng, 'required', 1);
  }

  // Math: the level follows the grade, ahead or behind with propensity.
  const adv = z < 0.1 ? -1 : z > 0.95 ? 2 : z > 0.72 ? 1 : 0;
  const level = Math.max(0, years + adv);
  const seq = ctx.mathSequence;
  const skipMath = g === 12 && level >= 3 && rng.chance(0.3);
  if (!skipMath) {
    let course: string | undefined;
    if (level >= seq.length && g >= 11 && has('APCALCBC') && z > 0.9) course = 'APCALCBC';
    else if (level >= seq.length || (g >= 11 && level >= 3 && rng.chance(0.2)))
      course = z > 0.7 && has('APSTAT') ? 'APSTAT' : has('STATS') ? 'STATS' : undefined;
    if (course === undefined) {
      for (let l = Math.min(level, seq.length - 1); l >= 0; l--) {
        const candidate = seq[l];
        if (candidate !== undefined && has(candidate)) {
          course = candidate;
          break;
        }
      }
    }
    if (level === 0 && d.iep && has(ctx.coTaughtMath) && rng.chance(0.5)) course = ctx.coTaughtMath;
    if (course !== undefined) add(course, g <= 11 || level < 3 ? 'required' : 'requested', 2);
  }

  // Science: Earth science or Biology, then Chemistry, then Physics or an AP.
  if (!picked(SCIENCE)) {
    const science: string | undefined =
      g === 9
        ? has('ESS') && rng.chance(0.4)
          ? 'ESS'
          : 'BIO'
        : g === 10
          ? rng.chance(0.4)
            ? 'BIO'
            : 'CHEM'
          : g === 11
            ? rng.weighted<string>(
                [
                  ['CHEM', 0.45],
                  ['PHYS', 0.25],
                  ['APBIO', z > 0.6 ? 0.25 : 0.02],
                  ['APES', 0.12],
                  ['ANAT', 0.12],
                ].filter(([c]) => has(c as string)) as [string, number][],
              )
            : rng.chance(0.65)
              ? rng.weighted<string>(
                  [
                    ['PHYS', 0.4],
                    ['APCHEM', z > 0.7 ? 0.3 : 0.02],
                    ['APPHYS', z > 0.7 ? 0.25 : 0.02],
                    ['APBIO', 0.1],
                    ['APES', 0.2],
                    ['CHEM', 0.1],
                    ['ANAT', 0.2],
                    ['MARINE', 0.15],
                  ].filter(([c]) => has(c as string)) as [string, number][],
                )
              : undefined;
    if (science !== undefined) add(science, g <= 10 ? 'required' : 'requested', 3);
  }

  const history = HISTORY[g];
  if (history && !picked(history)) add(history[1] && has(history[1]) && z > 0.8 && rng.chance(0.7) ? history[1] : history[0], 'required', 3);

  if (g === 9) add('PE9', 'required', 4);
  if (g === 10) add('PE10', 'required', 4);
  if (d.el && rng.chance(g === 9 ? 0.55 : 0.35)) add(has('ELD2') && rng.chance(0.5) ? 'ELD2' : 'ELD1', 'required', 4);
  if (d.iep && rng.chance(0.5)) add('STUDY', 'required', 4);

  // Language: a study plan begun in grade 9 or 10 and kept for 2 to 4 years.
  const heritage = d.ethnicity === 'Hispanic/Latino' && has('SNS1') && rng.chance(0.35);
  const other = rng.next();
  const family = heritage
    ? LANGUAGE_FAMILIES.heritage
    : has('MAND1') && other < 0.1
      ? LANGUAGE_FAMILIES.mandarin
      : has('FREN1') && other > 0.8
        ? LANGUAGE_FAMILIES.french
        : LANGUAGE_FAMILIES.spanish;
  const start = rng.weighted<number | null>([
    [9, 0.6],
    [10, 0.15],
    [null, 0.25],
  ]);
  const duration = rng.weighted<number>([
    [2, z > 0.5 ? 0.2 : 0.5],
    [3, 0.35],
    [4, z > 0.5 ? 0.45 : 0.15],
  ]);
  let eDone = 0;
  if (start !== null && g >= start) {
    eDone = Math.min(g - start, duration);
    const course = g - start < duration ? family[g - start] : undefined;
    if (course !== undefined && has(course)) {
      const alt = course === 'SPAN1' ? ['FREN1'] : course === 'FREN1' ? ['SPAN1'] : course === 'SNS1' ? ['SPAN2'] : [];
      add(course, 'requested', 5, alt.filter(has));
    }
  }

  if (g === 9 && rng.chance(0.6)) add(z > 0.75 && has('APHUG') && rng.chance(0.6) ? 'APHUG' : 'ETHST', 'requested', 6);
  if (g === 9 && rng.chance(0.6)) add('HEALTH', 'requested', 6);

  const fDone = g === 11 ? (rng.chance(0.4) ? 1 : 0) : g === 12 ? (rng.chance(0.6) ? 1 : 0) : g === 10 && rng.chance(0.1) ? 1 : 0;

  // Keep the most important picks that fit the day, by rank: a full load, as request forms ask.
  const budget = ctx.capacity;
  picks.sort((a, b) => a.rank - b.rank);
  const kept: Pick[] = [];
  let used = 0;
  for (const p of picks) {
    const cost = ctx.cost(p.course);
    if (used + cost <= budget) {
      kept.push(p);
      used += cost;
    }
  }

  // Fill the rest of the day with electives; VAPA first for upperclassmen still owing A–G f.
  // Each elective names up to two alternates of its kind, as request forms ask; a course named as
  // an alternate is not also requested, so no course can meet two requests.
  const pool = ELECTIVES.filter((e) => has(e.id) && (ctx.grades.get(e.id) ?? []).includes(g));
  const taken = new Set(kept.flatMap((p) => [p.course, ...(p.alternates ?? [])]));
  let fThisYear = 0;
  while (used + 1 <= budget) {
    const open = pool.filter((e) => !taken.has(e.id));
    if (open.length === 0) break;
    const needF = g >= 11 && fDone + fThisYear < 1;
    const e = rng.weighted(open.map((x) => [x, x.weight * (needF && x.vapa ? 4 : 1)] as const));
    taken.add(e.id);
    if (e.vapa) fThisYear++;
    const altPool = rng.shuffle(open.filter((x) => x.id !== e.id && x.vapa === e.vapa && !taken.has(x.id)));
    // Alternates never take an elective the rest of the day still needs.
    const spare = open.length - 1 - (budget - used - ctx.cost(e.id));
    const alternates = altPool
      .slice(
        0,
        Math.min(
          Math.max(0, spare),
          rng.weighted([
            [2, 0.6],
            [1, 0.3],
            [0, 0.1],
          ] as const),
        ),
      )
      .map((x) => x.id);
    for (const a of alternates) taken.add(a);
    const priority: Priority = rng.chance(0.15) && !(needF && e.vapa) ? 'recommended' : 'requested';
    kept.push(alternates.length > 0 ? { course: e.id, priority, rank: 7, alternates } : { course: e.id, priority, rank: 7 });
    used += ctx.cost(e.id);
  }

  const student: StudentInput = { id: seed.id, grade: g, requests: kept.map((p) => p.course) };
  if (seed.pathway) student.pathway = seed.pathway.id;
  const alternates: Record<string, string[]> = {};
  const priorities: Record<string, Priority> = {};
  for (const p of kept) {
    if (p.alternates) alternates[p.course] = [...p.alternates];
    if (p.priority !== 'requested') priorities[p.course] = p.priority;
  }
  if (Object.keys(alternates).length > 0) student.alternates = alternates;
  if (Object.keys(priorities).length > 0) student.priorities = priorities;

  const behind = years > 0 && rng.chance(0.06);
  const ag: Partial<Record<AgSubject, number>> = {
    a: Math.max(0, years - 1) + (years > 0 && has('ETHST') && rng.chance(0.55) ? 1 : 0),
    b: Math.max(0, years - (behind ? 1 : 0)),
    c: Math.max(0, level),
    d: g === 9 ? 0 : g === 10 ? 1 : g === 11 ? (rng.chance(0.3) ? 2 : 1) : rng.chance(0.1) ? 1 : 2,
    e: eDone,
    f: fDone,
    g: g === 12 && rng.chance(0.3) ? 1 : 0,
  };
  const agCompleted = Object.fromEntries(Object.entries(ag).filter(([, n]) => n > 0));
  if (Object.keys(agCompleted).length > 0) student.agCompleted = agCompleted;
  student.groups = groupLabels(d);
  return student;
}
