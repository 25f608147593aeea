/**
 * Naming the hard rules behind an infeasible scenario. Every row of a relaxable rule group (the
 * rule catalogue, src/scenario/rules.ts, says which) gets an elastic slack and the weighted slack
 * is minimised: the groups whose slack stays positive can all be relaxed together. A deletion
 * filter then drops every group the scenario does not need relaxed, so what is reported is a
 * minimal set: relaxing all of it makes the scenario feasible, and keeping any one of them hard
 * makes it infeasible again (relaxing is dropping rows, so no smaller set suffices either).
 *
 * Among the many minimal sets, the one named is the one that blames limits of staff, rooms and time
 * before how a course meets, and those before what the school asks for (sections, locks): slacks
 * of limits cost least, and requests are tried first for deletion.
 */
import type { MipModel, MipRow } from '../../solver/mip.js';
import { solveMip } from '../../solver/run.js';
import type { Scenario, SolverName } from '../scenario/schema.js';
import { describeRule, relaxRole, RULE_IDS, ruleKey, type RelaxRole, type RuleRef } from '../scenario/rules.js';
import { relaxableProgram, type RelaxableProgram } from '../model/relaxable.js';
import { requireScenario } from '../scenario/parse.js';

export interface InfeasibilityOptions {
  readonly backend: SolverName;
  readonly seed: number;
  /** Wall-clock budget for the whole analysis (elastic solve and every deletion test), in seconds. */
  readonly timeLimitSeconds: number;
}

/** One rule group of a minimal relaxation: the rule and its args, in school words with the ways to relax it. */
export type RuleGroup = RuleRef & {
  /** A short school-words label for the summary line (`TW prep period`). */
  readonly label: string;
  /** Ways to relax the group, in school words. */
  readonly fixes: readonly string[];
};

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

/** Cost of one unit of slack in the elastic program: limits are named before shapes and requests. */
const ELASTIC_COST: Readonly<Record<RelaxRole, number>> = { limit: 1, shape: 3, request: 10 };

type Budget = { readonly deadline: number };
const remaining = (b: Budget) => (b.deadline - performance.now()) / 1000;

/** The model without objective, with every row tagged with one of `relaxed` dropped. */
export function withRelaxed(model: MipModel, relaxed: ReadonlySet<number>): MipModel {
  return { sense: 'min', columns: model.columns.map((c) => ({ ...c, obj: 0 })), rows: model.rows.filter((r) => r.tag === undefined || !relaxed.has(r.tag)) };
}

/** The tags of `program` whose rows the diagnosis may relax, with their role. */
function relaxableTags(program: RelaxableProgram): Map<number, RelaxRole> {
  const out = new Map<number, RelaxRole>();
  program.rules.forEach((ref, tag) => {
    const role = relaxRole(ref.rule);
    if (role) out.set(tag, role);
  });
  return out;
}

/** Groups with positive slack in the weighted elastic program, or null when it found no relaxation in time. */
async function elasticGroups(program: RelaxableProgram, options: InfeasibilityOptions, budget: Budget): Promise<number[] | null> {
  const roles = relaxableTags(program);
  const columns = program.model.columns.map((c) => ({ ...c, obj: 0 }));
  const rows: MipRow[] = [];
  const slackTag: number[] = [];
  for (const r of program.model.rows) {
    const role = r.tag === undefined ? undefined : roles.get(r.tag);
    if (role === undefined || r.tag === undefined) {
      rows.push(r);
      continue;
    }
    const cols = [...r.cols];
    const coefs = [...r.coefs];
    // One slack towards each finite side: a row can be violated only in the direction it binds.
    for (const [side, coef] of [
      ['slackUp', 1],
      ['slackDown', -1],
    ] as const) {
      if (side === 'slackUp' ? r.lb === -Infinity : r.ub === Infinity) continue;
      columns.push({ name: `${side}[${r.name}]`, kind: 'continuous', lb: 0, ub: Infinity, obj: ELASTIC_COST[role] });
      cols.push(columns.length - 1);
      coefs.push(coef);
      slackTag[columns.length - 1] = r.tag;
    }
    rows.push({ ...r, cols, coefs });
  }
  const result = await solveMip(
    { sense: 'min', columns, rows },
    { backend: options.backend, seed: options.seed, mipGap: 0, timeLimitSeconds: Math.max(1, remaining(budget)) },
  );
  if (!result.values) return null;
  const tags = new Set<number>();
  result.values.forEach((v, i) => {
    const t = slackTag[i];
    if (t !== undefined && v > 1e-6) tags.add(t);
  });
  return [...tags];
}

/** Tags sorted by role in the order given; within a role, catalogue order, then the group's args. */
function byRole(program: RelaxableProgram, tags: readonly number[], roles: readonly RelaxRole[]): number[] {
  const rank = (tag: number) => {
    const ref = program.rules[tag]!;
    return { role: roles.indexOf(relaxRole(ref.rule) ?? 'limit'), rule: RULE_IDS.indexOf(ref.rule), key: ruleKey(ref) };
  };
  return [...tags].sort((a, b) => {
    const x = rank(a);
    const y = rank(b);
    return x.role - y.role || x.rule - y.rule || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  });
}

/**
 * The deletion filter: try keeping each candidate group hard; when the rest stays feasible, the
 * group is not needed. A test that runs out of time keeps the group (the set stays sufficient).
 */
async function deletionFilter(
  model: MipModel,
  candidates: readonly number[],
  options: InfeasibilityOptions,
  budget: Budget,
): Promise<{ tags: number[]; minimal: boolean }> {
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
  return { tags: candidates.filter((g) => relaxed.has(g)), minimal };
}

/** A rule group in school words, with the ways to relax it. */
export function ruleGroup(scenario: Scenario, ref: RuleRef): RuleGroup {
  return { ...ref, ...describeRule(ref, scenario) };
}

/**
 * Why the scenario has no schedule, as a minimal set of rule groups whose relaxation makes it
 * feasible, with the fix options of each. Every rule the catalogue lets the diagnosis relax takes
 * part: prep, CPT, teacher unavailability, `maxSections`, room counts, locks, planned and fixed
 * section counts, a cohort's sections apart, and a course's `meets` and `allowedPeriods`.
 * @param options - backend and seed (default: the scenario's policy) and the time budget in seconds
 *   (default: the policy's time limit); cut by it, the set suffices but `minimal` is false.
 */
export async function diagnoseInfeasibility(scenarioInput: Scenario, options: Partial<InfeasibilityOptions> = {}): Promise<InfeasibilityDiagnosis> {
  const scenario = requireScenario(scenarioInput);
  const opts: InfeasibilityOptions = {
    backend: options.backend ?? scenario.policy.solver,
    seed: options.seed ?? scenario.policy.seed,
    timeLimitSeconds: options.timeLimitSeconds ?? scenario.policy.timeLimitSeconds,
  };
  const budget = { deadline: performance.now() + opts.timeLimitSeconds * 1000 };
  const program = relaxableProgram(scenario);
  const direct = await solveMip(withRelaxed(program.model, new Set()), {
    backend: opts.backend,
    seed: opts.seed,
    mipGap: 1,
    timeLimitSeconds: Math.max(1, remaining(budget)),
  });
  if (direct.values) return { feasible: true, groups: [], summary: 'every hard rule can hold', minimal: true };
  const candidates = await elasticGroups(program, opts, budget);
  if (!candidates)
    return { feasible: false, groups: [], summary: 'the hard rules conflict, but the elastic analysis found no relaxation in time', minimal: false };
  // Requests are tried first for deletion, so the limits that block them are what remains.
  const { tags, minimal } = await deletionFilter(program.model, byRole(program, candidates, ['request', 'shape', 'limit']), opts, budget);
  const groups = byRole(program, tags, ['limit', 'shape', 'request']).map((t) => ruleGroup(scenario, program.rules[t]!));
  return { feasible: false, groups, summary: groups.map((g) => g.label).join(' + '), minimal };
}

/** The diagnosis in school words: the summary line, then each group with its fix options. */
export function formatDiagnosis(d: InfeasibilityDiagnosis): string {
  if (d.feasible) return 'Every hard rule can hold: the scenario has a schedule.';
  const lines = [
    `No schedule satisfies every hard rule. Relaxing these together is enough${d.minimal ? ', and each one is needed' : ' (the analysis ran out of time before proving each one is needed)'}:`,
    `  ${d.summary}`,
    '',
    'Fix options:',
  ];
  for (const g of d.groups) {
    lines.push(`  ${g.label}:`);
    for (const f of g.fixes) lines.push(`    - ${f}`);
  }
  return lines.join('\n');
}
