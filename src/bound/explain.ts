/**
 * Why a group of pathway grades places fewer members than it has, in school words: the rules of
 * its relaxation (src/bound/relaxation.ts) whose removal alone lets it place more. Each rule is
 * tried as a whole (every teacher's load, every team's common planning time, ...) and, when it
 * matters, entity by entity, so that the answer names the teacher, team or room type. A rule found
 * here is one the bound depends on; a bound held down by several rules together may name none of
 * them alone, and then the family is named.
 */
import type { MipModel, MipRow } from '../../solver/mip.js';
import type { Scenario } from '../scenario/schema.js';
import type { PathwayGrade } from './members.js';
import { buildRelaxation } from './relaxation.js';

/** A rule of the relaxation that can be lifted: its rows (or, for unavailability, the scenario edit) and its words. */
interface Rule {
  /** Words for the rule as a whole. */
  readonly family: string;
  /** Entities of the rule (teachers, pathways, room types) with the words for each. */
  readonly entities: (model: MipModel) => string[];
  /** The program without the rule for the given entities (all when null). */
  readonly lift: (entity: string | null) => MipModel;
  readonly words: (entity: string) => string;
}

/** The entity named first inside a row's brackets: `teacherLoad[T07]` → `T07`. */
const entityOf = (row: MipRow) => row.name.slice(row.name.indexOf('[') + 1).split(/[\],|]/)[0]!;

/** Solves a variant of the group's program: its proven optimum, or null when the solve did not close. */
export type Evaluate = (model: MipModel) => Promise<number | null>;

/**
 * Rules whose removal alone raises the group's value above `value`, in words, in a fixed order.
 * @param evaluate - solves a variant of the program; should use the same work limit as the bound.
 */
export async function limitingRules(scenario: Scenario, group: readonly PathwayGrade[], value: number, evaluate: Evaluate): Promise<string[]> {
  const base = buildRelaxation(scenario, group).model;
  const teachers = new Map(scenario.teachers.map((t) => [t.id, t]));
  const without = (prefixes: readonly string[], entity: string | null): MipModel => ({
    ...base,
    rows: base.rows.filter((r) => !prefixes.some((p) => r.name.startsWith(`${p}[`)) || (entity !== null && entityOf(r) !== entity)),
  });
  const rowEntities = (prefixes: readonly string[]) => (model: MipModel) =>
    [...new Set(model.rows.filter((r) => prefixes.some((p) => r.name.startsWith(`${p}[`))).map(entityOf))].sort();
  const rowRule = (family: string, prefixes: readonly string[], words: (e: string) => string): Rule => ({
    family,
    entities: rowEntities(prefixes),
    lift: (e) => without(prefixes, e),
    words,
  });
  const rules: Rule[] = [
    rowRule('teachers’ section loads', ['teacherLoad'], (t) => `${t}’s maxSections (${teachers.get(t)?.maxSections ?? '?'})`),
    rowRule('teachers teaching one section a slot', ['teacherClash'], (t) => `${t}’s slots`),
    rowRule('prep periods', ['prep'], (t) => `${t}’s prep period`),
    rowRule('common planning time', ['cptSlots', 'cptFree'], (p) => `${p}’s common planning time`),
    rowRule('rooms of each type', ['roomType'], (type) => `the ${type} rooms (${scenario.rooms.filter((r) => r.type === type).length})`),
    rowRule('locks', ['lock'], (l) => `the lock of ${l}`),
    rowRule('A–G on track', ['agOnTrack'], () => 'A–G on track'),
    rowRule('section seats', ['seats'], (c) => `${c}’s seats`),
    { ...rowRule('members’ timetables (one section a slot, none in their cohort’s slots)', ['studentClash', 'cohortFree'], () => ''), entities: () => [] },
    {
      family: 'teachers’ unavailable slots',
      entities: () => scenario.teachers.filter((t) => (t.unavailable ?? []).length > 0).map((t) => t.id),
      lift: (e) =>
        buildRelaxation({ ...scenario, teachers: scenario.teachers.map((t) => (e === null || t.id === e ? { ...t, unavailable: [] } : t)) }, group).model,
      words: (t) => `${t}’s unavailable slots (${(teachers.get(t)?.unavailable ?? []).join(', ')})`,
    },
  ];
  // Tried only when no rule above limits the group alone: a teacher's slots, load and prep together.
  const together = rowRule(
    'teachers’ time',
    ['teacherClash', 'teacherLoad', 'prep'],
    (t) => `${t}’s time (free slots, maxSections ${teachers.get(t)?.maxSections ?? '?'}, prep)`,
  );
  const found: string[] = [];
  for (const rule of [...rules, together]) {
    if (rule === together && found.length > 0) break;
    const all = await evaluate(rule.lift(null));
    if (all === null || all <= value) continue;
    const named: string[] = [];
    for (const e of rule.entities(base)) {
      const v = await evaluate(rule.lift(e));
      if (v !== null && v > value) named.push(rule.words(e));
    }
    found.push(...(named.length > 0 ? named : [rule.family]));
  }
  return found;
}
