/**
 * Naming the hard rules behind an infeasible scenario. Every row that belongs to a rule group gets
 * an elastic slack and the total slack is minimised: the groups whose slack stays positive can all
 * be relaxed together. A deletion filter then drops every group the scenario does not need
 * relaxed, so what is reported is a minimal set: relaxing all of it makes the scenario feasible,
 * and keeping any one of them hard makes it infeasible again.
 */
import type { MipModel, MipRow } from '../../solver/mip.js';
import { solveMip } from '../../solver/run.js';
import type { Scenario, SolverName } from '../scenario/schema.js';
import { buildInstance } from '../model/instance.js';
import { formulate } from '../model/formulation.js';
import type { Expr } from '../model/builder.js';

export interface InfeasibilityOptions {
  readonly backend: SolverName;
  readonly seed: number;
  /** Wall-clock budget for the whole analysis (elastic solve and every deletion test), in seconds. */
  readonly timeLimitSeconds: number;
}

/** What kind of rule a group is, which decides the fix options offered. */
export const RULE_KINDS = ['cpt', 'unavailable', 'rooms', 'load', 'prep', 'lock', 'fixed-sections', 'other'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** One rule group of a minimal relaxation, in school words with the ways to relax it. */
export interface RuleGroup {
  /** The group as the model names it (`CPT for HEALTH`, `T12 unavailable in A.4`). */
  readonly rule: string;
  readonly kind: RuleKind;
  /** A short school-words label for the summary line (`HEALTH team CPT`). */
  readonly label: string;
  /** Ways to relax the rule, in school words. */
  readonly fixes: readonly string[];
}

/** The outcome of {@link diagnoseInfeasibility}. */
export interface InfeasibilityDiagnosis {
  /** True when the scenario's hard rules can all hold (nothing to relax). */
  readonly feasible: boolean;
  /** A minimal set of rule groups whose relaxation makes the scenario feasible. */
  readonly groups: readonly RuleGroup[];
  /** `HEALTH team CPT + T12 unavailable in A.4 + only 2 health-lab rooms`. */
  readonly summary: string;
  /** False when a time limit cut the analysis short: the set still suffices but may not be minimal. */
  readonly minimal: boolean;
}

/** Rule groups never offered for relaxation: a teacher in two rooms at once is no fix. */
const PHYSICAL = /teaches one section at a time$/;

type Budget = { readonly deadline: number };
const remaining = (b: Budget) => (b.deadline - performance.now()) / 1000;

/** The model without objective, with every row of `relaxed` groups dropped. */
export function withRelaxed(model: MipModel, relaxed: ReadonlySet<string>): MipModel {
  return { sense: 'min', columns: model.columns.map((c) => ({ ...c, obj: 0 })), rows: model.rows.filter((r) => !r.group || !relaxed.has(r.group)) };
}

/** Groups with positive slack in the elastic program, or null when it found no relaxation in time. */
async function elasticGroups(model: MipModel, options: InfeasibilityOptions, budget: Budget): Promise<string[] | null> {
  const columns = model.columns.map((c) => ({ ...c, obj: 0 }));
  const rows: MipRow[] = [];
  const slackGroup: string[] = [];
  for (const r of model.rows) {
    if (!r.group || PHYSICAL.test(r.group)) {
      rows.push(r);
      continue;
    }
    const cols = [...r.cols];
    const coefs = [...r.coefs];
    // One slack towards each finite side: a row can be violated only in the direction it binds.
    if (r.lb > -Infinity) {
      columns.push({ name: `slackUp[${r.name}]`, kind: 'continuous', lb: 0, ub: Infinity, obj: 1 });
      cols.push(columns.length - 1);
      coefs.push(1);
      slackGroup[columns.length - 1] = r.group;
    }
    if (r.ub < Infinity) {
      columns.push({ name: `slackDown[${r.name}]`, kind: 'continuous', lb: 0, ub: Infinity, obj: 1 });
      cols.push(columns.length - 1);
      coefs.push(-1);
      slackGroup[columns.length - 1] = r.group;
    }
    rows.push({ ...r, cols, coefs });
  }
  const result = await solveMip({ sense: 'min', columns, rows }, { backend: options.backend, seed: options.seed, mipGap: 0, timeLimitSeconds: Math.max(1, remaining(budget)) });
  if (!result.values) return null;
  const groups = new Set<string>();
  result.values.forEach((v, i) => {
    const g = slackGroup[i];
    if (g && v > 1e-6) groups.add(g);
  });
  return [...groups].sort();
}

/**
 * The deletion filter: try keeping each candidate group hard; when the rest stays feasible, the
 * group is not needed. A test that runs out of time keeps the group (the set stays sufficient).
 */
async function deletionFilter(model: MipModel, candidates: readonly string[], options: InfeasibilityOptions, budget: Budget): Promise<{ groups: string[]; minimal: boolean }> {
  const relaxed = new Set(candidates);
  let minimal = true;
  for (const g of candidates) {
    const left = remaining(budget);
    if (left < 0.5) {
      minimal = false;
      break;
    }
    relaxed.delete(g);
    const result = await solveMip(withRelaxed(model, relaxed), { backend: options.backend, seed: options.seed, mipGap: 1, timeLimitSeconds: left });
    if (result.values) continue;
    if (result.termination !== 'infeasible') minimal = false;
    relaxed.add(g);
  }
  return { groups: candidates.filter((g) => relaxed.has(g)), minimal };
}

/**
 * The engine's program for the scenario, extended so that teacher unavailability is a rule that
 * can be relaxed: teachers get columns in every slot, and a row per unavailable slot (named
 * `T12 unavailable in A.4`) keeps them out again, including out of the team's common planning.
 * Prep is restated over each teacher's available slots, as the engine states it.
 */
export function analysisModel(scenario: Scenario): MipModel {
  const open: Scenario = { ...scenario, teachers: scenario.teachers.map(({ unavailable: _, ...t }) => t) };
  const inst = buildInstance(open);
  const form = formulate(inst);
  const m = form.builder;
  const busy = new Map<string, Map<string, Expr>>();
  for (const v of form.vars.teach) {
    const bySlot = busy.get(v.teacher) ?? busy.set(v.teacher, new Map()).get(v.teacher)!;
    for (const s of v.pattern.slots) (bySlot.get(s) ?? bySlot.set(s, []).get(s)!).push([v.col, 1]);
  }
  const base = m.build('min', []);
  const rows: MipRow[] = base.rows.filter((r) => !r.name.startsWith('prep['));
  // A double period occupies two slots of one row: its column's coefficients add up.
  const add = (name: string, expr: Expr, lb: number, ub: number, group: string) => {
    const merged = new Map<number, number>();
    for (const [c, v] of expr) merged.set(c, (merged.get(c) ?? 0) + v);
    if (merged.size > 0) rows.push({ name, group, cols: [...merged.keys()], coefs: [...merged.values()], lb, ub });
  };
  for (const t of scenario.teachers) {
    const off = new Set(t.unavailable ?? []);
    const bySlot = busy.get(t.id) ?? new Map<string, Expr>();
    for (const slot of off) {
      const group = `${t.id} unavailable in ${slot}`;
      add(`unavailable[${t.id},${slot}]`, bySlot.get(slot) ?? [], -Infinity, 0, group);
      for (const p of scenario.pathways) {
        if (!p.team.includes(t.id)) continue;
        const cpt = form.vars.cpt.get(p.id)?.find((c) => c.slot === slot);
        if (cpt) add(`cptUnavailable[${p.id},${t.id},${slot}]`, [[cpt.col, 1]], -Infinity, 0, group);
      }
    }
    for (const term of scenario.calendar.terms) {
      const slots = inst.slots.filter((s) => s.term === term && !off.has(s.name));
      if (slots.length === 0) continue;
      add(`prep[${t.id},${term}]`, slots.flatMap((s) => bySlot.get(s.name) ?? []), -Infinity, slots.length - 1, `prep for ${t.id}`);
    }
  }
  return { ...base, rows };
}

/** Kind, label and fix options of a rule group named by the model. */
export function describeRuleGroup(scenario: Scenario, rule: string): RuleGroup {
  const teacherName = (id: string) => {
    const t = scenario.teachers.find((x) => x.id === id);
    return t && t.name ? `${id} (${t.name})` : id;
  };
  let m: RegExpMatchArray | null;
  if ((m = rule.match(/^CPT for (.+)$/))) {
    const p = m[1] ?? '';
    return { rule, kind: 'cpt', label: `${p} team CPT`, fixes: [`drop common planning time for the ${p} team (commonPlanning 0)`, `take a teacher off the ${p} team`, `add a qualified teacher so a team member teaches fewer sections`] };
  }
  if ((m = rule.match(/^(.+) unavailable in (.+)$/))) {
    const [, t = '', slot = ''] = m;
    return { rule, kind: 'unavailable', label: rule, fixes: [`ask ${teacherName(t)} to be available in ${slot}`, `hire or reassign another teacher for ${teacherName(t)}'s courses`] };
  }
  if ((m = rule.match(/^only (\d+) (.+) rooms?$/))) {
    const [, n = '', type = ''] = m;
    return { rule, kind: 'rooms', label: rule, fixes: [`add a ${type} room (now ${n})`, `let a course that needs a ${type} room meet in another room type`, 'spread those sections over more periods (allowedPeriods)'] };
  }
  if ((m = rule.match(/^(.+) teaches at most (\d+) sections$/))) {
    const [, t = '', n = ''] = m;
    return { rule, kind: 'load', label: rule, fixes: [`raise ${teacherName(t)}'s maxSections above ${n}`, `credential another teacher for ${teacherName(t)}'s courses`] };
  }
  if ((m = rule.match(/^prep for (.+)$/))) {
    const t = m[1] ?? '';
    return { rule, kind: 'prep', label: `${t} prep period`, fixes: [`give ${teacherName(t)} one section fewer`, `make ${teacherName(t)} available in one more slot`] };
  }
  if ((m = rule.match(/^lock (.+) in (.+)$/))) {
    const [, c = '', slot = ''] = m;
    return { rule, kind: 'lock', label: rule, fixes: [`move or remove the lock of ${c} in ${slot}`, `make a qualified teacher and a room free in ${slot}`] };
  }
  if ((m = rule.match(/^(\d+) sections of (.+)$/))) {
    const [, n = '', c = ''] = m;
    return { rule, kind: 'fixed-sections', label: rule, fixes: [`change the fixed section count of ${c} (now ${n}) or omit it so it is derived from requests`] };
  }
  return { rule, kind: 'other', label: rule, fixes: [`relax: ${rule}`] };
}

/**
 * Why the scenario has no schedule, as a minimal set of rule groups (teacher unavailability and
 * room counts included) whose relaxation makes it feasible, with the fix options of each.
 */
export async function diagnoseInfeasibility(scenario: Scenario, options: Partial<InfeasibilityOptions> = {}): Promise<InfeasibilityDiagnosis> {
  const opts: InfeasibilityOptions = {
    backend: options.backend ?? scenario.policy.solver,
    seed: options.seed ?? scenario.policy.seed,
    timeLimitSeconds: options.timeLimitSeconds ?? scenario.policy.timeLimitSeconds,
  };
  const budget = { deadline: performance.now() + opts.timeLimitSeconds * 1000 };
  const model = analysisModel(scenario);
  const direct = await solveMip(withRelaxed(model, new Set()), { backend: opts.backend, seed: opts.seed, mipGap: 1, timeLimitSeconds: Math.max(1, remaining(budget)) });
  if (direct.values) return { feasible: true, groups: [], summary: 'every hard rule can hold', minimal: true };
  const candidates = await elasticGroups(model, opts, budget);
  if (!candidates) return { feasible: false, groups: [], summary: 'the hard rules conflict, but the elastic analysis found no relaxation in time', minimal: false };
  const { groups, minimal } = await deletionFilter(model, candidates, opts, budget);
  const described = groups.map((g) => describeRuleGroup(scenario, g));
  return { feasible: false, groups: described, summary: described.map((g) => g.label).join(' + '), minimal };
}

/** The diagnosis in school words: the summary line, then each group with its fix options. */
export function formatDiagnosis(d: InfeasibilityDiagnosis): string {
  if (d.feasible) return 'Every hard rule can hold: the scenario has a schedule.';
  const lines = [`No schedule satisfies every hard rule. Relaxing these together is enough${d.minimal ? ', and each one is needed' : ' (the analysis ran out of time before proving each one is needed)'}:`, `  ${d.summary}`, '', 'Fix options:'];
  for (const g of d.groups) {
    lines.push(`  ${g.label}:`);
    for (const f of g.fixes) lines.push(`    - ${f}`);
  }
  return lines.join('\n');
}
