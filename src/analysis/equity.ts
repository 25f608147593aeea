/**
 * The equity table: pathway placement, fully scheduled and A–G on track for each student group,
 * beside the whole school, with access ratios (a group's rate over the school's rate: 1.00 is
 * parity, below it the group gets less).
 */
import type { Scenario, Student } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { check, compareIds, lookup, timetableOf } from '../checker/index.js';
import type { Tally } from '../solution/schema.js';
import { percent, ratio, type AnalysisTable } from './table.js';

export function equity(scenario: Scenario, solution: Schedule): AnalysisTable {
  const book = lookup(scenario, solution);
  const figures = check(scenario, solution).figures;
  const agSeats = (s: Student) => timetableOf(book, s.id).filter((x) => book.courses.get(x.course)?.ag).length;
  const rate = (students: readonly Student[]) => ({
    pathway: students.filter((s) => s.pathway !== undefined).length / Math.max(1, students.length),
    ag: students.reduce((n, s) => n + agSeats(s), 0) / Math.max(1, students.length),
  });
  const school = rate(scenario.students);
  const pct = (t: Tally) => percent(t.count, t.total);
  const row = (group: string, students: readonly Student[], placed: Tally, fully: Tally, ag: Tally) => {
    const r = rate(students);
    return {
      group,
      students: students.length,
      inPathway: students.filter((s) => s.pathway !== undefined).length,
      pathwayAccess: ratio(r.pathway, school.pathway),
      placed: pct(placed),
      fully: pct(fully),
      agOnTrack: pct(ag),
      agSeats: Math.round(r.ag * 100) / 100,
      agAccess: ratio(r.ag, school.ag),
    };
  };
  const groups = [...new Set(scenario.students.flatMap((s) => s.groups ?? []))].sort(compareIds);
  const rows = [
    row('All students', scenario.students, figures.pathwayPlaced, figures.fullyScheduled, figures.agOnTrack),
    ...groups.map((g) => {
      const f = figures.byGroup.find((x) => x.group === g);
      const members = scenario.students.filter((s) => s.groups?.includes(g));
      const empty = { count: 0, total: 0, share: null };
      return row(g, members, f?.pathwayPlaced ?? empty, f?.fullyScheduled ?? empty, f?.agOnTrack ?? empty);
    }),
  ];
  return {
    kind: 'equity',
    title: 'Equity: placement, scheduling and A–G access by student group',
    columns: [
      { key: 'group', label: 'Group' },
      { key: 'students', label: 'Students', align: 'right' },
      { key: 'inPathway', label: 'In a pathway', align: 'right' },
      { key: 'pathwayAccess', label: 'Pathway access ratio', align: 'right' },
      { key: 'placed', label: 'Pathway placed %', align: 'right' },
      { key: 'fully', label: 'Fully scheduled %', align: 'right' },
      { key: 'agOnTrack', label: 'A–G on track %', align: 'right' },
      { key: 'agSeats', label: 'A–G seats / student', align: 'right' },
      { key: 'agAccess', label: 'A–G access ratio', align: 'right' },
    ],
    rows,
    notes: [
      'Access ratio: the group’s rate (share in a pathway; A–G seats held per student) over the whole school’s. 1.00 is parity; below 1 the group has less access.',
    ],
  };
}
