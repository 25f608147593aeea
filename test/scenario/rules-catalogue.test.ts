/**
 * The rule catalogue (src/scenario/rules.ts) against the code it names: every rule has a model
 * builder that tags rows with its id, a checker function that reports its id, and a relaxation in
 * the diagnosis's program, or says why it has none; and the README's rule list is the catalogue's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE, RULE_IDS, type RuleId } from '../../src/scenario/rules.js';
import { CONSTRAINT_FAMILIES } from '../../src/model/formulation.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { buildInstance } from '../../src/model/instance.js';
import { createVariables } from '../../src/model/variables.js';
import { relaxableProgram } from '../../src/model/relaxable.js';
import { HARD_RULES } from '../../src/checker/check.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { handScenario } from '../helpers/hand-school.js';

const entries = RULE_IDS.map((id) => RULE_CATALOGUE[id]);

/**
 * Schools on which every builder and every relaxation has something to write: the hand school
 * (a cohort with a double-period course, a team with CPT, an unavailable teacher, students who
 * can clash, one alternate offered for two requests) with a fixed count, a lock and allowed periods.
 */
function schools(): Scenario[] {
  return [
    handScenario((s) => {
      s.courses[2]!.sections = 1;
      s.courses[3]!.allowedPeriods = ['1', '2'];
      s.locks = [{ course: 'BIO', slot: 'A.1' }];
      // CHEM (one section), an alternate of both BIO and HIST, could meet two requests (one section per course).
      s.courses[3]!.sections = 1;
      s.students[2] = { ...s.students[2]!, requests: ['ENG10', 'BIO', 'HIST'], alternates: { BIO: ['CHEM'], HIST: ['CHEM'] } };
    }),
  ];
}

/** Rule ids each constraint builder tags its rows with, over the schools. */
function rulesByBuilder(): Map<string, Set<RuleId>> {
  const out = new Map<string, Set<RuleId>>(CONSTRAINT_FAMILIES.map((f) => [f.name, new Set()]));
  for (const scenario of schools()) {
    const inst = buildInstance(scenario);
    for (const family of CONSTRAINT_FAMILIES) {
      const m = new ModelBuilder();
      const vars = createVariables(m, inst);
      family(m, inst, vars);
      for (const r of m.rows) {
        const ref = m.ruleOf(r);
        if (ref) (out.get(family.name) ?? expect.unreachable(`no set for ${family.name}`)).add(ref.rule);
      }
    }
  }
  return out;
}

describe('the rule catalogue', () => {
  it('lists every rule once, keyed by its own kebab-case id, with a statement and the facts it reads', () => {
    expect(Object.keys(RULE_CATALOGUE)).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) {
      const e = RULE_CATALOGUE[id];
      expect(e.id).toBe(id);
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(e.statement).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("every rule with a builder is written by that builder, and every tagged row is its builder's rule", () => {
    const built = rulesByBuilder();
    const names = CONSTRAINT_FAMILIES.map((f) => f.name);
    for (const e of entries) {
      if (!('builder' in e.model)) {
        for (const [builder, rules] of built) expect(rules.has(e.id), `${builder} tags rows ${e.id}, which the catalogue says no builder writes`).toBe(false);
        expect(Object.values(e.model)[0]).not.toBe('');
        continue;
      }
      const builder = e.model.builder;
      expect(names, `the builder of ${e.id}`).toContain(builder);
      expect([...(built.get(builder) ?? [])], `${builder} tags rows with ${e.id}`).toContain(e.id);
    }
    // No builder writes a rule the catalogue gives to another (or to none).
    for (const [builder, rules] of built) {
      for (const rule of rules) expect(RULE_CATALOGUE[rule].model, `${builder} writes ${rule}`).toEqual({ builder });
    }
  });

  it("every rule with a checker function is verified by it, and every checker function is a catalogue rule's", () => {
    const checks = new Map(HARD_RULES.map((f) => [f.name, f]));
    const named = new Set<string>();
    for (const e of entries) {
      if (!('check' in e.checker)) {
        expect(e.checker.none).not.toBe('');
        continue;
      }
      const name = e.checker.check;
      named.add(name);
      const fn = checks.get(name);
      if (!fn) expect.unreachable(`the checker function of ${e.id}, ${name}, is not among the hard rules`);
      // The function reports violations under the catalogue's id (its source names the id).
      expect(fn.toString(), `${name} reports rule ${e.id}`).toMatch(new RegExp(`rule: ["']${e.id}["']`));
    }
    for (const name of checks.keys()) expect(named, `checker function ${name} is named by the catalogue`).toContain(name);
  });

  it('every rule the diagnosis may relax has rows in its program, and every other rule says why not', () => {
    const relaxed = new Set<RuleId>();
    for (const scenario of schools()) for (const ref of relaxableProgram(scenario).rules) relaxed.add(ref.rule);
    for (const e of entries) {
      if ('never' in e.diagnosis) expect(e.diagnosis.never).not.toBe('');
      else expect([...relaxed], `the diagnosis's program has rows of ${e.id}`).toContain(e.id);
    }
  });
});

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const BEGIN = '<!-- rules: generated from src/scenario/rules.ts by test/scenario/rules-catalogue.test.ts -->';
const END = '<!-- rules: end -->';

/** The README's rule list, as the catalogue gives it. */
function rulesMarkdown(): string {
  const rows = entries.map((e) => {
    const checked = 'check' in e.checker ? 'yes' : `no: ${e.checker.none}`;
    const diagnosis = 'never' in e.diagnosis ? `never: ${e.diagnosis.never}` : `relaxes it (a ${e.diagnosis.role})`;
    return `| \`${e.id}\` | ${e.statement} | ${checked} | ${diagnosis} |`;
  });
  return [BEGIN, '| rule | what it says | checker | infeasibility diagnosis |', '|---|---|---|---|', ...rows, END].join('\n');
}

describe('README', () => {
  it("lists the catalogue's rules (UPDATE_README=1 rewrites the list)", () => {
    const text = readFileSync(README, 'utf8');
    const start = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    expect(start, 'README has the generated rule list').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = text.slice(start, end + END.length);
    if (process.env['UPDATE_README'] === '1' && current !== rulesMarkdown())
      writeFileSync(README, text.slice(0, start) + rulesMarkdown() + text.slice(end + END.length));
    else expect(current).toBe(rulesMarkdown());
  });
});
