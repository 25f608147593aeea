/**
 * A hand-made school small enough to reason about by eye, and a valid schedule for it.
 * Tests start from these and change one thing.
 *
 * Calendar: one term, days A and B, periods 1–4 (slots A.1 … B.4).
 * Pathway HEALTH grade 10: cohort courses HS1 (a double period in the health lab) and ENG10,
 * cohort size 2, team T1 + T2. S1 and S2 are its members; S3 is a grade 10 student outside it.
 *
 * The valid schedule:
 *   HS1-1   T2 LAB  A.1+A.2  cohort HEALTH-10-1  S1 S2
 *   ENG10-1 T1 R1   A.3      cohort HEALTH-10-1  S1 S2
 *   ENG10-2 T1 R1   B.1                          S3
 *   BIO-1   T3 R2   B.2                          S1 S2 S3
 * T1 and T2 are both free in A.4, B.2 and B.3 (T2 is unavailable in B.4).
 */
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import type { Section } from '../../src/solution/schema.js';

/** A schedule as the checker reads it. */
export interface HandSchedule {
  sections: Section[];
  enrollments: Record<string, string[]>;
}

/** The scenario as written, before parsing; a fresh copy on each call. */
export function handScenarioInput(): ScenarioInput {
  return {
    format: 'pathway-scheduler/scenario@1',
    name: 'Hand School',
    calendar: { terms: ['Y'], days: ['A', 'B'], periods: ['1', '2', '3', '4'] },
    rooms: [
      { id: 'R1', type: 'general', capacity: 30 },
      { id: 'R2', type: 'general', capacity: 30 },
      { id: 'LAB', type: 'health-lab', capacity: 20 },
    ],
    teachers: [
      { id: 'T1', name: 'A. Ames', courses: ['ENG10'], maxSections: 3 },
      { id: 'T2', name: 'B. Baker', courses: ['HS1'], maxSections: 2, unavailable: ['B.4'] },
      { id: 'T3', name: 'C. Cruz', courses: ['BIO', 'CHEM', 'HIST'], maxSections: 3 },
    ],
    courses: [
      { id: 'ENG10', name: 'English 10', ag: 'b', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'one', terms: 'all' } },
      {
        id: 'HS1',
        name: 'Health Science 1',
        ag: 'g',
        cte: true,
        grades: [10],
        capacity: 20,
        roomType: 'health-lab',
        meets: { periods: 2, days: 'one', terms: 'all' },
      },
      { id: 'BIO', name: 'Biology', ag: 'd', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'one', terms: 'all' } },
      { id: 'CHEM', name: 'Chemistry', ag: 'd', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'one', terms: 'all' } },
      { id: 'HIST', name: 'World History', ag: 'a', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'one', terms: 'all' } },
    ],
    pathways: [
      {
        id: 'HEALTH',
        name: 'Health Academy',
        sector: 'Health Science and Medical Technology',
        cohortSize: 2,
        cohortCourses: { '10': ['HS1', 'ENG10'] },
        team: ['T1', 'T2'],
        commonPlanning: 1,
      },
    ],
    students: [
      { id: 'S1', grade: 10, pathway: 'HEALTH', requests: ['HS1', 'ENG10', 'BIO'], agCompleted: { a: 1, b: 1, c: 2, e: 1 }, groups: ['EL'] },
      { id: 'S2', grade: 10, pathway: 'HEALTH', requests: ['HS1', 'ENG10', 'BIO'], alternates: { BIO: ['CHEM'] }, agCompleted: { a: 1, b: 1, c: 2, e: 1 } },
      { id: 'S3', grade: 10, requests: ['ENG10', 'BIO'], agCompleted: { a: 1, b: 1, c: 2, e: 1 }, groups: ['EL', 'IEP'] },
    ],
  };
}

/** The parsed scenario, after an optional edit of its input. */
export function handScenario(edit?: (input: ScenarioInput) => void): Scenario {
  const input = handScenarioInput();
  edit?.(input);
  return parseScenario(input, 'hand-school');
}

/** The valid schedule described above; a fresh copy on each call. */
export function handSchedule(): HandSchedule {
  return {
    sections: [
      { id: 'HS1-1', course: 'HS1', teacher: 'T2', room: 'LAB', slots: ['A.1', 'A.2'], cohort: 'HEALTH-10-1' },
      { id: 'ENG10-1', course: 'ENG10', teacher: 'T1', room: 'R1', slots: ['A.3'], cohort: 'HEALTH-10-1' },
      { id: 'ENG10-2', course: 'ENG10', teacher: 'T1', room: 'R1', slots: ['B.1'] },
      { id: 'BIO-1', course: 'BIO', teacher: 'T3', room: 'R2', slots: ['B.2'] },
    ],
    enrollments: {
      S1: ['HS1-1', 'ENG10-1', 'BIO-1'],
      S2: ['HS1-1', 'ENG10-1', 'BIO-1'],
      S3: ['ENG10-2', 'BIO-1'],
    },
  };
}

/** The section with this id; throws when the schedule has none, so a test cannot edit nothing. */
export function sectionOf(schedule: HandSchedule, id: string): Section {
  const section = schedule.sections.find((s) => s.id === id);
  if (!section) throw new Error(`hand schedule has no section ${id}`);
  return section;
}

/** A student's enrollment list; throws when the student has none. */
export function enrollmentOf(schedule: HandSchedule, student: string): string[] {
  const list = schedule.enrollments[student];
  if (!list) throw new Error(`hand schedule has no enrollment for ${student}`);
  return list;
}

/** BIO-1 moved to A.3, where the HEALTH cohort has English 10; S1 and S2 cannot take it. */
export function clashSchedule(): HandSchedule {
  const schedule = handSchedule();
  sectionOf(schedule, 'BIO-1').slots = ['A.3'];
  schedule.enrollments['S1'] = ['HS1-1', 'ENG10-1'];
  schedule.enrollments['S2'] = ['HS1-1', 'ENG10-1'];
  return schedule;
}
