/** A schedule as two CSV files: `sections.csv` and `student-schedules.csv`. */
import type { Scenario } from '../scenario/schema.js';
import type { Solution } from '../solution/schema.js';
import { toCsv } from './csv-folder.js';
import { sectionList, timetables, viewsOf } from './schedule-views.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';

export const SECTION_COLUMNS = ['section', 'course', 'courseName', 'teacher', 'room', 'slots', 'cohort', 'enrolled', 'capacity'] as const;
export const SCHEDULE_COLUMNS = ['student', 'grade', 'pathway', 'section', 'course', 'courseName', 'teacher', 'room', 'slots'] as const;

/** File name → CSV text. Slots inside a cell are separated by spaces. */
export function scheduleCsvFiles(scenarioInput: Scenario, solutionInput: Pick<Solution, 'sections' | 'enrollments'>): Map<string, string> {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  const book = viewsOf(scenario, solution);
  const sections = sectionList(book).map(({ section: s, enrolled }) => [
    s.id,
    s.course,
    book.courses.get(s.course)?.name ?? '',
    s.teacher,
    s.room,
    s.slots.join(' '),
    s.cohort ?? '',
    String(enrolled),
    String(book.courses.get(s.course)?.capacity ?? ''),
  ]);
  const lines = timetables(book).map((l) => [l.student, String(l.grade), l.pathway, l.section, l.course, l.courseName, l.teacher, l.room, l.slots]);
  return new Map([
    ['sections.csv', toCsv([[...SECTION_COLUMNS], ...sections])],
    ['student-schedules.csv', toCsv([[...SCHEDULE_COLUMNS], ...lines])],
  ]);
}
