/**
 * The objective as an ordered list of tiers, the one place the engine, the model export and
 * the search steps take it from. Tiers are strict (SCENARIO.md, "Request priorities"): no amount
 * of a lower tier is worth one unit of a higher one.
 *
 * - `cte-first`: pathway students placed ≻ required requests met ≻ requested ≻ recommended.
 * - `academic-first`, the traditional order: the requests of students outside pathways (required
 *   ≻ requested ≻ recommended) ≻ pathway students placed ≻ pathway students' requests (required ≻
 *   requested ≻ recommended).
 *
 * A request counts in the tier of its effective priority: `required` for cohort courses and (with
 * `agRule: "on-track"`) for an A–G course the student needs to stay on track, otherwise its own
 * priority (src/model/aggregate.ts); the checker counts the same way.
 *
 * One solve can hold several tiers as one weighted sum whose weights provably dominate: a tier's
 * weight exceeds the most every later tier together can change ({@link dominatingWeights}), over
 * the columns the solve leaves free. Where such weights would pass {@link WEIGHT_LIMIT} the tiers
 * are solved in turn instead ({@link chunkTiers}): each chunk's tier values are then held as rows
 * while the next chunk is solved.
 */
import type { MipModel, MipRow } from '../../solver/mip.js';
import type { Priority, Strategy } from '../scenario/schema.js';
import type { Expr } from './builder.js';
import type { Formulation } from './formulation.js';
import { getOrInsert } from '../map-entry.js';

/** A piece of a tier: its columns (coefficient 1 each) can add at most `cap` to the tier's value. */
export interface TierUnit {
  readonly cols: readonly number[];
  /** The most the unit can add, in students or requests (e.g. a group's size for one of its requests). */
  readonly cap: number;
}

/** One tier of the objective. */
export interface ObjectiveTier {
  /** What the tier counts, in school words (`required requests met`). */
  readonly name: string;
  /** Pathway students placed, or the priority of the requests it counts. */
  readonly kind: 'placed' | Priority;
  /** Whose requests it counts (request tiers only). */
  readonly students?: 'all' | 'outside pathways' | 'in pathways';
  readonly units: readonly TierUnit[];
}

/**
 * Largest weight a single solve may carry. Above it the objective's coefficients span more than
 * nine orders of magnitude and HiGHS's dual simplex and optimality tests (tolerances near 1e-7
 * relative) could no longer tell one request apart; the tiers are then solved in turn.
 */
export const WEIGHT_LIMIT = 1e9;

const PRIORITY_ORDER: readonly Priority[] = ['required', 'requested', 'recommended'];

/** The tiers of the strategy's objective, highest first. Empty tiers are left out. */
export function objectiveTiers(form: Formulation, strategy: Strategy): ObjectiveTier[] {
  const { inst, vars } = form;
  const placed = new Map<number, number[]>();
  const requests = new Map<string, { pathway: boolean; priority: Priority; cols: number[]; cap: number }>();
  for (const part of vars.parts) {
    const group = inst.groups[part.group]!;
    const n = group.students.length;
    if (part.placed !== undefined) placed.set(part.group, [...(placed.get(part.group) ?? []), part.placed]);
    const unit = (ri: number) => {
      const key = `${part.group}|${ri}`;
      return getOrInsert(requests, key, () => ({ pathway: group.pathway !== undefined, priority: group.requests[ri]!.priority, cols: [], cap: n }));
    };
    for (const t of part.takes) unit(t.request).cols.push(t.col);
    const member = part.member;
    if (member !== undefined) group.requests.forEach((r, ri) => r.cohort && unit(ri).cols.push(member));
  }
  const placedTier: ObjectiveTier = {
    name: 'pathway students placed',
    kind: 'placed',
    units: [...placed].map(([g, cols]) => ({ cols, cap: inst.groups[g]!.students.length })),
  };
  const requestTier = (priority: Priority, students: 'all' | 'outside pathways' | 'in pathways'): ObjectiveTier => ({
    name: `${priority} requests met${students === 'all' ? '' : ` (students ${students})`}`,
    kind: priority,
    students,
    units: [...requests.values()]
      .filter((u) => u.priority === priority && (students === 'all' || u.pathway === (students === 'in pathways')))
      .map((u) => ({ cols: u.cols, cap: u.cap })),
  });
  const tiers =
    strategy === 'cte-first'
      ? [placedTier, ...PRIORITY_ORDER.map((p) => requestTier(p, 'all'))]
      : [...PRIORITY_ORDER.map((p) => requestTier(p, 'outside pathways')), placedTier, ...PRIORITY_ORDER.map((p) => requestTier(p, 'in pathways'))];
  return tiers.filter((t) => t.units.length > 0);
}

/** The tier's value as an expression. */
export function tierExpr(tier: ObjectiveTier): Expr {
  return tier.units.flatMap((u) => u.cols.map((c) => [c, 1] as const));
}

/** Each tier's value at a solution (rounded: every tier counts whole students or requests). */
export function tierValues(tiers: readonly ObjectiveTier[], values: readonly number[]): number[] {
  return tiers.map((t) => Math.round(t.units.reduce((s, u) => s + u.cols.reduce((a, c) => a + (values[c] ?? 0), 0), 0)));
}

/** Lexicographic comparison of tier values: positive when `a` is better. */
export function compareTierValues(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * How much each tier can change in a solve whose free columns are those `free` accepts (all
 * columns when omitted): the caps of the units with a free column.
 */
export function tierRanges(tiers: readonly ObjectiveTier[], free?: (col: number) => boolean): number[] {
  return tiers.map((t) => t.units.reduce((s, u) => s + (free === undefined || u.cols.some(free) ? u.cap : 0), 0));
}

/**
 * Weights that make the weighted sum lexicographic: the last tier weighs 1 and each tier weighs
 * one more than the most all later tiers together can change, so one more unit of a tier always
 * outweighs any change below it. They are exact in doubles up to 2^53; a solve never uses
 * weights above {@link WEIGHT_LIMIT}, and schedules are compared by their tier values, so only
 * the reported weighted value of a very large school's schedule can be rounded.
 */
export function dominatingWeights(ranges: readonly number[]): number[] {
  const weights = new Array<number>(ranges.length).fill(1);
  let below = 0;
  for (let i = ranges.length - 1; i >= 0; i--) {
    weights[i] = below + 1;
    below += weights[i]! * (ranges[i] ?? 0);
  }
  return weights;
}

/** The weighted sum of the tiers. */
export function weightedExpr(tiers: readonly ObjectiveTier[], weights: readonly number[]): Expr {
  return tiers.flatMap((t, i) => tierExpr(t).map(([c, v]) => [c, v * (weights[i] ?? 0)] as const));
}

/**
 * The weighted sum of the tiers as one coefficient per column of a program with `columns`
 * columns: the sums {@link weightedExpr} gives, added in the same order, without a pair per term.
 * A search step needs only these (its submodel takes the coefficients of its free columns), and on
 * a 3,500-student school the pairs and the copied columns were about 60 MB per step, garbage that
 * the main thread's heap let grow to gigabytes before collecting it.
 */
export function weightedCoefficients(tiers: readonly ObjectiveTier[], weights: readonly number[], columns: number): Float64Array {
  const obj = new Float64Array(columns);
  tiers.forEach((t, i) => {
    const w = weights[i] ?? 0;
    for (const u of t.units) for (const c of u.cols) obj[c] = (obj[c] ?? 0) + w;
  });
  return obj;
}

/**
 * The tiers split into consecutive chunks, each solvable as one weighted sum with weights at most
 * `limit` (a single tier always weighs 1).
 */
export function chunkTiers(
  tiers: readonly ObjectiveTier[],
  ranges: readonly number[],
  limit = WEIGHT_LIMIT,
): Array<{ tiers: ObjectiveTier[]; ranges: number[] }> {
  const chunks: Array<{ tiers: ObjectiveTier[]; ranges: number[] }> = [];
  tiers.forEach((tier, i) => {
    const last = chunks.at(-1);
    if (last && Math.max(...dominatingWeights([...last.ranges, ranges[i] ?? 0])) <= limit) {
      last.tiers.push(tier);
      last.ranges.push(ranges[i] ?? 0);
    } else chunks.push({ tiers: [tier], ranges: [ranges[i] ?? 0] });
  });
  return chunks;
}

/** The model with `objective` as its objective (other columns 0) and `rows` added. */
export function withObjective(model: MipModel, objective: Expr, rows: readonly MipRow[] = []): MipModel {
  const obj = new Float64Array(model.columns.length);
  for (const [c, v] of objective) obj[c] = (obj[c] ?? 0) + v;
  return withCoefficients(model, obj, rows);
}

/** The model with one objective coefficient per column (`obj`), plus `rows` if any. */
export function withCoefficients(model: MipModel, obj: ArrayLike<number>, rows: readonly MipRow[] = []): MipModel {
  return { ...model, columns: model.columns.map((c, j) => ({ ...c, obj: obj[j] ?? 0 })), rows: rows.length > 0 ? [...model.rows, ...rows] : model.rows };
}

/**
 * Each tier's expression with repeated columns merged (a member column counts once per cohort
 * request of the tier), columns in order of first appearance; computed once per tier. A search
 * step on a school whose tiers are solved in turn holds them as floors at every step, and
 * building them afresh (a pair per term and a Map) was 60 MB a step on a 3,500-student school.
 */
const mergedTiers = new WeakMap<ObjectiveTier, { readonly cols: readonly number[]; readonly coefs: readonly number[] }>();

function mergedTier(tier: ObjectiveTier): { readonly cols: readonly number[]; readonly coefs: readonly number[] } {
  const known = mergedTiers.get(tier);
  if (known) return known;
  const merged = new Map<number, number>();
  for (const u of tier.units) for (const c of u.cols) merged.set(c, (merged.get(c) ?? 0) + 1);
  const expr = { cols: [...merged.keys()], coefs: [...merged.values()] };
  mergedTiers.set(tier, expr);
  return expr;
}

/** Rows holding each tier at least at its value, so a later solve cannot trade it for lower tiers. */
export function tierFloors(tiers: readonly ObjectiveTier[], values: readonly number[]): MipRow[] {
  return tiers.map((t, i) => ({ name: `tierFloor[${t.name}]`, ...mergedTier(t), lb: values[i] ?? 0, ub: Infinity }));
}

/** A strategy's objective on one formulation: its tiers, their weights over the whole program, and the weighted sum. */
export interface StrategyObjective {
  /** The strategy's tiers, highest first. */
  readonly tiers: readonly ObjectiveTier[];
  /** Dominating weights of the tiers over the whole program. */
  readonly weights: readonly number[];
  /** The weighted sum: the whole program's objective (what model files carry). */
  readonly objective: Expr;
  /** Weight of one placed pathway student when placement is the first tier (0 otherwise). */
  readonly placedWeight: number;
}

/** The strategy's objective on a formulation: its tiers and their dominating weights over the whole program. */
export function strategyObjective(strategy: Strategy, form: Formulation): StrategyObjective {
  const tiers = objectiveTiers(form, strategy);
  const weights = dominatingWeights(tierRanges(tiers));
  return { tiers, weights, objective: weightedExpr(tiers, weights), placedWeight: tiers[0]?.kind === 'placed' ? weights[0]! : 0 };
}
