/**
 * One name per rule: the checker's violations, the explanations' causes and the HTML report speak
 * the rule catalogue's ids (src/scenario/rules.ts), on the hand school with one section moved so
 * that a cohort member's sections clash.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import { explanationTable } from '../../src/analysis/index.js';
import { reportHtml } from '../../src/html/report-page.js';
import { RULE_CATALOGUE } from '../../src/scenario/rules.js';
import { handScenario, handSchedule, sectionOf } from '../helpers/hand-school.js';

/** BIO-1 moved into A.3, where S1 and S2 have their cohort's English; S1 left out of BIO. */
function clashing() {
  const schedule = handSchedule();
  sectionOf(schedule, 'BIO-1').slots = ['A.3'];
  schedule.enrollments['S1'] = ['HS1-1', 'ENG10-1'];
  return schedule;
}

describe('rule ids', () => {
  it('the checker names the broken rule by its catalogue id', () => {
    expect([...new Set(check(handScenario(), clashing()).violations.map((v) => v.rule))]).toEqual(['student-clash']);
  });

  it('an explanation names the hard rule behind its cause', () => {
    const t = explanationTable(handScenario(), clashing());
    expect(t.rows).toContainEqual(expect.objectContaining({ student: 'S1', kind: 'clash', rules: 'student-clash' }));
    expect(t.columns.map((c) => c.key)).toContain('rules');
  });

  it('the HTML report lists each broken rule by id and statement, or says every rule holds', () => {
    const html = reportHtml(handScenario(), { format: 'pathway-scheduler/solution@1', scenario: 'Hand School', ...clashing() });
    expect(html).toContain(`<tr data-rule="student-clash"><td><code>student-clash</code></td><td>${RULE_CATALOGUE['student-clash'].statement}</td>`);
    expect(html).toContain('student S2 is in ENG10-1 (ENG10) and BIO-1 (BIO), which both meet in A.3');
    const valid = reportHtml(handScenario(), { format: 'pathway-scheduler/solution@1', scenario: 'Hand School', ...handSchedule() });
    expect(valid).toContain('Every hard rule holds (the independent checker).');
    expect(valid).not.toContain('data-rule=');
  });
});
