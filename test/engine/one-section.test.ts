/**
 * One course, one section per student (SCENARIO.md, "Enrollment"): the loader, the greedy
 * completion and placement recovery never give a student a second section of a course they
 * already take for another request.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { buildInstance } from '../../src/model/instance.js';
import { disaggregate } from '../../src/loading/disaggregate.js';
import { completeRoster, loadingOrder } from '../../src/loading/repair.js';
import { Roster } from '../../src/loading/roster.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import { check } from '../../src/checker/index.js';
import type { PlannedSection } from '../../src/loading/board.js';

const root = resolve(import.meta.dirname, '../..');
/** Six ninth graders: English 9, Choir (alternate Photography), Art 1 (alternate Photography). */
const scenario = () => parseScenario(JSON.parse(readFileSync(join(root, 'test/cases/one-alternate-two-requests.json'), 'utf8')));

const board: PlannedSection[] = [
  { id: 'ENG9-1', course: 'ENG9', teacher: 'TE', slots: ['3'], pattern: '3' },
  { id: 'CHOIR-1', course: 'CHOIR', teacher: 'TC', slots: ['2'], pattern: '2' },
  { id: 'ART1-1', course: 'ART1', teacher: 'TA', slots: ['1'], pattern: '1' },
  { id: 'PHOTO-1', course: 'PHOTO', teacher: 'TP', slots: ['1'], pattern: '1' },
  { id: 'PHOTO-2', course: 'PHOTO', teacher: 'TP', slots: ['2'], pattern: '2' },
];
const capacity = (s: PlannedSection) => (s.course === 'CHOIR' || s.course === 'ART1' ? 2 : 30);
const photoSections = (enrollments: Record<string, readonly string[]>) =>
  Object.values(enrollments).map((ids) => ids.filter((id) => id.startsWith('PHOTO')).length);

describe('one section of a course per student in student loading', () => {
  it('the greedy completion gives nobody a second Photography section', () => {
    const s = scenario();
    const inst = buildInstance(s);
    const roster = new Roster(board, capacity);
    completeRoster(inst, roster, loadingOrder(inst));
    const enrollments = roster.enrollments(s.students.map((st) => st.id));
    expect(Math.max(...photoSections(enrollments))).toBe(1);
    // Those left without Choir or Art 1 still get one Photography section.
    expect(Object.values(enrollments).every((ids) => ids.length >= 2)).toBe(true);
  });

  it('the loader enrolls one section of a course even when the counts hand a student two', () => {
    const s = scenario();
    const inst = buildInstance(s);
    const student = 0;
    const group = inst.groups.findIndex((g) => g.students.includes(s.students[student]!.id));
    const requestOf = (course: string) => inst.groups[group]!.requests.findIndex((r) => r.course === course);
    // A plan (as a faulty solution file could give) loading one student in both Photography sections.
    const takes = new Map([
      [requestOf('CHOIR'), [{ course: 'PHOTO', pattern: '2', slots: ['2'], count: 1 }]],
      [requestOf('ART1'), [{ course: 'PHOTO', pattern: '1', slots: ['1'], count: 1 }]],
    ]);
    const roster = disaggregate(inst, board, [{ group, cohort: null, count: inst.groups[group]!.students.length, takes }], capacity);
    expect(roster.sectionsOf(inst.groups[group]!.students[0]!).filter((id) => id.startsWith('PHOTO'))).toHaveLength(1);
  });

  it('the greedy CTE-first loader’s schedule keeps the rule', () => {
    const s = scenario();
    const schedule = greedyCteFirstSchedule(s);
    const result = check(s, schedule);
    expect(result.violations.filter((v) => v.rule === 'one-section-per-course')).toEqual([]);
    expect(Math.max(...photoSections(schedule.enrollments))).toBeLessThanOrEqual(1);
  });
});
