/**
 * The program the infeasibility diagnosis relaxes: the school's board with every hard rule that
 * can block a schedule written as rows tagged with their rule group, so that relaxing a group is
 * dropping its rows.
 *
 * Two rules the engine's program builds into its columns become rows here:
 * - **unavailability**: teachers get columns in every slot, and rows per unavailable slot keep them
 *   (and their team's common planning time) out again; a slot given back also counts for prep;
 * - **placement**: courses get columns for the placements their `allowedPeriods` rule out, and for
 *   the smaller shapes their `meets` rules out (a single period for a double, one day for every
 *   day, one term for the year), behind one row per course and field.
 * Courses that are locked but need no section by their requests get columns too, behind their
 * planned section count.
 *
 * Students are left out: the loading never blocks (every seat may stay empty, and the report counts
 * the request unmet), so a board that keeps the board rules is a schedule. This also keeps the
 * program small enough to be solved many times over.
 */
import type { MipModel } from '../../solver/mip.js';
import { coursePatterns, type Pattern } from '../calendar/slots.js';
import type { RuleRef } from '../scenario/rules.js';
import type { Course, Meets, Scenario } from '../scenario/schema.js';
import { ModelBuilder, type Expr } from './builder.js';
import { CONSTRAINT_FAMILIES } from './formulation.js';
import { prep } from './constraints/teachers.js';
import { buildInstance, type CourseInfo, type Instance } from './instance.js';
import { createVariables } from './variables.js';
import { getKnown, getOrInsert } from '../map-entry.js';

export interface RelaxableProgram {
  /** Zero objective; relaxing a group drops the rows tagged with it. */
  readonly model: MipModel;
  /** The rule group of each tag (`rules[row.tag]`). */
  readonly rules: readonly RuleRef[];
}

/** Every `meets` a section could shrink to: no more periods, days or terms than it has. */
function smallerShapes(meets: Meets): Meets[] {
  const out: Meets[] = [];
  for (const periods of meets.periods === 2 ? ([2, 1] as const) : ([1] as const)) {
    for (const days of meets.days === 'all' ? (['all', 'one'] as const) : (['one'] as const)) {
      for (const terms of meets.terms === 'all' ? (['all', 'one'] as const) : (['one'] as const)) {
        if (periods !== meets.periods || days !== meets.days || terms !== meets.terms) out.push({ periods, days, terms });
      }
    }
  }
  return out;
}

type Widening = { readonly pattern: Pattern; readonly field: 'meets' | 'allowedPeriods' };

/** Placements a course's `allowedPeriods`, then its `meets`, rule out (each pattern once), by key. */
function ruledOut(scenario: Scenario, course: Course, have: readonly Pattern[]): Map<string, Widening> {
  const out = new Map<string, Widening>();
  const seen = new Set(have.map((p) => p.key));
  const add = (patterns: Pattern[], field: Widening['field']) => {
    for (const pattern of patterns) {
      if (seen.has(pattern.key)) continue;
      seen.add(pattern.key);
      out.set(pattern.key, { pattern, field });
    }
  };
  if (course.allowedPeriods) add(coursePatterns(scenario.calendar, { meets: course.meets }), 'allowedPeriods');
  for (const meets of smallerShapes(course.meets))
    add(coursePatterns(scenario.calendar, { meets, ...(course.allowedPeriods ? { allowedPeriods: course.allowedPeriods } : {}) }), 'meets');
  return out;
}

/**
 * The relaxable program of a scenario (see the module comment).
 * @param scenario - a parsed scenario.
 */
export function relaxableProgram(scenario: Scenario): RelaxableProgram {
  const inst = buildInstance(scenario);
  const board: Instance = { ...inst, groups: [] };
  const lockedCourses = new Set(scenario.locks.map((l) => l.course));
  const extra = new Map<string, Map<string, Widening>>();
  const courses = new Map<string, CourseInfo>();
  for (const [id, info] of inst.courses) {
    const out = ruledOut(scenario, info.course, info.patterns);
    extra.set(id, out);
    const patterns = [...info.patterns, ...[...out.values()].map((w) => w.pattern)];
    // Columns for a locked course nobody requested; its planned count (0) keeps them closed.
    const regularSections = info.regularSections === 0 && lockedCourses.has(id) ? 1 : info.regularSections;
    courses.set(id, { ...info, patterns, regularSections });
  }
  const everySlot = new Set(inst.slots.map((s) => s.name));
  const open: Instance = { ...board, courses, available: new Map(scenario.teachers.map((t) => [t.id, everySlot])) };

  const m = new ModelBuilder();
  const vars = createVariables(m, open);
  // Every rule of the engine's program, on the board's own counts; prep is restated below.
  for (const family of CONSTRAINT_FAMILIES) if (family !== prep) family(m, board, vars);

  const busy = new Map<string, Map<string, Expr>>();
  for (const v of vars.teach) {
    const bySlot = getOrInsert(busy, v.teacher, () => new Map());
    for (const s of v.pattern.slots) getOrInsert(bySlot, s, () => []).push([v.col, 1]);
  }
  for (const t of scenario.teachers) {
    const off = new Set(t.unavailable ?? []);
    const bySlot = busy.get(t.id) ?? new Map<string, Expr>();
    const offDuty = new Map<string, number>();
    for (const slot of off) {
      const rule: RuleRef = { rule: 'unavailable', args: { teacher: t.id, slot } };
      m.row(`unavailable[${t.id},${slot}]`, bySlot.get(slot) ?? [], -Infinity, 0, rule);
      for (const p of scenario.pathways) {
        if (!p.team.includes(t.id)) continue;
        const cpt = vars.cpt.get(p.id)?.find((c) => c.slot === slot);
        if (cpt) m.row(`cptUnavailable[${p.id},${t.id},${slot}]`, [[cpt.col, 1]], -Infinity, 0, rule);
      }
      // 1 while the slot is unavailable: it is no prep slot. Relaxed, the slot counts as available.
      const col = m.column(`offDuty[${t.id},${slot}]`, 'binary', 0, 1);
      offDuty.set(slot, col);
      m.row(`offDuty[${t.id},${slot}]`, [[col, 1]], 1, Infinity, rule);
    }
    if (!busy.has(t.id)) continue;
    // An unavailable slot's off-duty column stands in the teacher's prep row for that slot.
    const offDutyTerm = (slot: string): Expr => {
      const col = offDuty.get(slot);
      return col === undefined ? [] : [[col, 1]];
    };
    for (const term of scenario.calendar.terms) {
      const slots = inst.slots.filter((s) => s.term === term);
      const expr: Expr = slots.flatMap((s) => [...(bySlot.get(s.name) ?? []), ...offDutyTerm(s.name)]);
      if (slots.every((s) => off.has(s.name))) {
        // As in the engine, no prep where the teacher is never available, and then no teaching
        // either; but a slot given back makes them available, and prep holds again (a teacher
        // unavailable all day given two slots back can teach in one of them, not in both).
        const never = m.column(`neverAvailable[${t.id},${term}]`, 'binary', 0, 1);
        for (const s of slots)
          m.row(
            `neverAvailable[${t.id},${term},${s.name}]`,
            [
              [never, 1],
              [getKnown(offDuty, s.name, 'off-duty column of slot'), -1],
            ],
            -Infinity,
            0,
          );
        expr.push([never, -1]);
      }
      m.row(`prep[${t.id},${term}]`, expr, -Infinity, slots.length - 1, { rule: 'prep', args: { teacher: t.id, term } });
    }
  }

  const widened = new Map<string, { allowedPeriods: Expr; meets: Expr }>();
  for (const v of vars.teach) {
    const w = extra.get(v.course)?.get(v.pattern.key);
    if (!w) continue;
    const byField = getOrInsert(widened, v.course, () => ({ allowedPeriods: [], meets: [] }));
    byField[w.field].push([v.col, 1]);
  }
  for (const [course, byField] of widened) {
    for (const field of ['allowedPeriods', 'meets'] as const)
      m.row(`placement[${course},${field}]`, byField[field], -Infinity, 0, { rule: 'placement', args: { course, field } });
  }
  return { model: m.build('min', []), rules: m.rules };
}
