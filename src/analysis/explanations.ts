/** Explanations and the infeasibility diagnosis as report tables, one row per cause or rule group. */
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { lookup } from '../checker/index.js';
import { explainSchedule, renderCause, verifyCause } from '../explain/index.js';
import { occupancy } from '../explain/compute.js';
import { CAUSE_RULES, type Cause } from '../explain/cause.js';
import type { InfeasibilityDiagnosis } from '../engine/infeasibility.js';
import type { AnalysisTable } from './table.js';

/** The ids a cause names, for one column. */
function idsOf(c: Cause): string {
  switch (c.kind) {
    case 'clash':
      return `${c.blocker} ${c.section}`;
    case 'full':
    case 'reserved':
    case 'open-seat':
      return c.section;
    case 'not-offered':
      return c.courses.join(' ');
    case 'teacher-shortage':
      return [c.course, ...c.teachers].join(' ');
    case 'room-shortage':
      return `${c.course} ${c.roomType}`;
    case 'section-count':
      return `${c.course} ${c.teacher} ${c.room}`;
    case 'no-cohort-seat':
      return c.cohorts.join(' ');
    case 'cohort-split':
      return c.sections.join(' ');
    case 'cohort-section':
      return [c.cohort, c.course, c.section ?? ''].join(' ').trim();
    case 'ag-shortfall':
      return c.subject;
  }
}

const slotsOf = (c: Cause) =>
  c.kind === 'clash' ? c.slots.join(' ') : c.kind === 'section-count' ? c.slots.join(' ') : c.kind === 'room-shortage' ? c.placements.join(' ') : '';

/** Every unplaced pathway student's and every unmet request's causes, each verified against the schedule. */
export function explanationTable(scenario: Scenario, solution: Schedule): AnalysisTable {
  const book = lookup(scenario, solution);
  const occ = occupancy(book);
  const e = explainSchedule(scenario, solution);
  const line = (student: string, about: string, c: Cause) => {
    const problem = verifyCause(book, occ, student, c);
    return {
      student,
      about,
      kind: c.kind,
      rules: CAUSE_RULES[c.kind].join(' '),
      ids: idsOf(c),
      slots: slotsOf(c),
      reason: renderCause(book, c),
      verified: problem === null ? 'yes' : `no: ${problem}`,
    };
  };
  const rows = [
    ...e.students.flatMap((s) => s.causes.map((c) => line(s.student, `not placed (${s.pathway} ${s.grade})`, c))),
    ...e.requests.flatMap((r) => r.causes.map((c) => line(r.student, `${r.request} unmet (${r.priority})`, c))),
  ];
  return {
    kind: 'explain',
    title: `Explanations: ${e.students.length} pathway students not placed, ${e.requests.length} requests unmet`,
    columns: [
      { key: 'student', label: 'Student' },
      { key: 'about', label: 'About' },
      { key: 'kind', label: 'Cause' },
      { key: 'rules', label: 'Hard rules' },
      { key: 'ids', label: 'Ids' },
      { key: 'slots', label: 'Slots' },
      { key: 'reason', label: 'In school words' },
      { key: 'verified', label: 'Verified' },
    ],
    rows,
    notes: [
      'Verified: the cause re-derived from the scenario and the schedule alone (the sections named really clash, the section named really is full, no teacher or room was really free).',
    ],
  };
}

/** The minimal relaxation of an infeasible scenario, one row per rule group with its fix options. */
export function diagnosisTable(d: InfeasibilityDiagnosis): AnalysisTable {
  return {
    kind: 'infeasibility',
    title: d.feasible ? 'Infeasibility: none, every hard rule can hold' : `Infeasibility: ${d.summary}`,
    columns: [
      { key: 'group', label: 'Rule group' },
      { key: 'rule', label: 'Rule' },
      { key: 'fixes', label: 'Fix options' },
    ],
    rows: d.groups.map((g) => ({ group: g.label, rule: g.rule, fixes: g.fixes.join('; ') })),
    notes: d.feasible
      ? []
      : [
          d.minimal
            ? 'Relaxing all of these makes the scenario feasible, and each one is needed (deletion filter).'
            : 'Relaxing all of these makes the scenario feasible; the time limit stopped the check that each one is needed.',
        ],
  };
}
