/**
 * The conflict matrix: for each pair of courses, how many students request both. Pairs of
 * singletons and doubletons are the ones a board must keep apart, so they are flagged.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { compareIds } from '../checker/index.js';
import { sectionsPerCourse } from './sections.js';
import type { AnalysisTable } from './table.js';

const shape = (n: number) => (n === 1 ? 'singleton' : n === 2 ? 'doubleton' : null);

/** The top `top` course pairs by students requesting both (default 25). */
export function conflictMatrix(scenario: Scenario, solution?: Schedule, options: { top?: number } = {}): AnalysisTable {
  const top = options.top ?? 25;
  const pairs = new Map<string, number>();
  for (const s of scenario.students) {
    const courses = [...new Set(s.requests)].sort(compareIds);
    for (let i = 0; i < courses.length; i++)
      for (let j = i + 1; j < courses.length; j++) {
        const key = `${courses[i]!}\u0000${courses[j]!}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  }
  const sections = sectionsPerCourse(scenario, solution);
  const rows = [...pairs]
    .map(([key, students]) => {
      const [a = '', b = ''] = key.split('\u0000');
      const na = sections.get(a) ?? 0;
      const nb = sections.get(b) ?? 0;
      const flags = [shape(na), shape(nb)].filter((f) => f !== null);
      return { courseA: a, courseB: b, students, sectionsA: na, sectionsB: nb, flag: flags.join(' × ') };
    })
    .sort((x, y) => y.students - x.students || compareIds(x.courseA, y.courseA) || compareIds(x.courseB, y.courseB))
    .slice(0, top);
  return {
    kind: 'conflicts',
    title: `Conflict matrix: top ${rows.length} course pairs by students requesting both (${solution ? 'sections as scheduled' : 'sections as planned'})`,
    columns: [
      { key: 'courseA', label: 'Course A' },
      { key: 'courseB', label: 'Course B' },
      { key: 'students', label: 'Students', align: 'right' },
      { key: 'sectionsA', label: 'Sections A', align: 'right' },
      { key: 'sectionsB', label: 'Sections B', align: 'right' },
      { key: 'flag', label: 'Flag' },
    ],
    rows,
    notes: ['singleton: the course runs one section; doubleton: two. Flagged pairs must not share a slot, or their common students lose one.'],
  };
}
