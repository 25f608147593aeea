/**
 * A schedule as an XLSX workbook: the master board (teacher × slot), the room board, student
 * schedules, sections, and the report.
 */
import ExcelJS from 'exceljs';
import type { Scenario } from '../scenario/schema.js';
import type { Solution } from '../solution/schema.js';
import { check } from '../checker/index.js';
import { reportExplanations } from '../report/build.js';
import { REPORT_COLUMNS, reportRows } from '../report/rows.js';
import { roomBoard, sectionList, teacherBoard, timetables, viewsOf, type Board } from './schedule-views.js';
import { SCHEDULE_COLUMNS, SECTION_COLUMNS } from './export-csv.js';
import { requireScenarioAndSolution } from '../solution/parse.js';

export const SCHEDULE_SHEETS = ['Master board', 'Room board', 'Student schedules', 'Sections', 'Report'] as const;

function addBoard(book: ExcelJS.Workbook, name: string, corner: string, board: Board): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.addRow([corner, ...board.slots]);
  for (const row of board.rows) sheet.addRow([row.label, ...row.cells.map((cell) => cell.map((s) => `${s.id}${s.cohort ? ` [${s.cohort}]` : ''}`).join('\n'))]);
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 28;
  for (let c = 2; c <= board.slots.length + 1; c++) sheet.getColumn(c).width = 16;
}

/**
 * The *Report* sheet: a real table (src/report/rows.ts), one row per figure, cause, lever or
 * solver term, with counts and totals as numbers and shares as percentages, filterable. A solution
 * without a report gets the checker's figures and the explanations computed for it.
 */
function addReport(book: ExcelJS.Workbook, scenario: Scenario, solution: Solution): void {
  const sheet = book.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...REPORT_COLUMNS]);
  const report = solution.report ?? { figures: check(scenario, solution).figures, ...reportExplanations(scenario, solution) };
  for (const r of reportRows(report, scenario)) sheet.addRow([r.part, r.item, r.count ?? null, r.of ?? null, r.share ?? null, r.details ?? null]);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(5).numFmt = '0.0%';
  sheet.getColumn(6).width = 100;
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
}

/** The workbook as bytes. */
export async function scheduleXlsx(scenarioInput: Scenario, solutionInput: Solution): Promise<Uint8Array> {
  const [scenario, solution] = requireScenarioAndSolution(scenarioInput, solutionInput);
  const views = viewsOf(scenario, solution);
  const book = new ExcelJS.Workbook();
  addBoard(book, 'Master board', 'Teacher', teacherBoard(views));
  addBoard(book, 'Room board', 'Room', roomBoard(views));
  const schedules = book.addWorksheet('Student schedules', { views: [{ state: 'frozen', ySplit: 1 }] });
  schedules.addRow([...SCHEDULE_COLUMNS]);
  for (const l of timetables(views)) schedules.addRow([l.student, l.grade, l.pathway, l.section, l.course, l.courseName, l.teacher, l.room, l.slots]);
  schedules.getRow(1).font = { bold: true };
  const sections = book.addWorksheet('Sections', { views: [{ state: 'frozen', ySplit: 1 }] });
  sections.addRow([...SECTION_COLUMNS]);
  for (const { section: s, enrolled } of sectionList(views)) {
    sections.addRow([
      s.id,
      s.course,
      views.courses.get(s.course)?.name ?? '',
      s.teacher,
      s.room,
      s.slots.join(' '),
      s.cohort ?? '',
      enrolled,
      views.courses.get(s.course)?.capacity ?? '',
    ]);
  }
  sections.getRow(1).font = { bold: true };
  addReport(book, scenario, solution);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
