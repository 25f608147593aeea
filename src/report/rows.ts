/**
 * The report as one table of rows and columns, for spreadsheets (the XLSX *Report* sheet): each
 * row is one figure, cause, lever or solver term, under the part of the report it belongs to, with
 * its count, total and share as numbers, in the order and words of the text report.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Report, Tally } from '../solution/schema.js';
import { FULLY_SCHEDULED_MEANING, headline, leverWords, placedMeaning, proofWords } from './plain-words.js';
import { solverRows } from './format.js';

export const REPORT_COLUMNS = ['Part', 'Item', 'Count', 'Of', 'Share', 'Details'] as const;

/** One row of the report table; absent numbers are empty cells. */
export interface ReportRow {
  readonly part: string;
  readonly item: string;
  readonly count?: number;
  readonly of?: number;
  /** 0–1. */
  readonly share?: number;
  readonly details?: string;
}

const tallyRow = (part: string, item: string, t: Tally, details?: string): ReportRow => ({
  part,
  item,
  count: t.count,
  of: t.total,
  ...(t.share === null ? {} : { share: t.share }),
  ...(details ? { details } : {}),
});

/**
 * Every row of the report, plain words first, then causes, levers, figures, solver details and
 * students not placed. A report without solver figures (a bare schedule) has no proof or solver rows.
 */
export function reportRows(report: Omit<Report, 'solver'> & { readonly solver?: Report['solver'] | undefined }, scenario: Scenario): ReportRow[] {
  const f = report.figures;
  const rows: ReportRow[] = headline(f).map((h) => tallyRow('In short', h.label, h.tally));
  rows.push({ part: 'In short', item: 'Successfully placed means', details: placedMeaning(scenario) });
  rows.push({ part: 'In short', item: 'Fully scheduled means', details: FULLY_SCHEDULED_MEANING });
  if (report.solver) rows.push({ part: 'In short', item: 'Proven best?', details: proofWords(f, report.solver) });
  for (const c of report.causes ?? []) {
    rows.push({
      part: 'Unmet requests by cause',
      item: c.course,
      count: c.required + c.requested + c.recommended,
      details: `${c.required} required, ${c.requested} requested, ${c.recommended} recommended: ${c.reason}`,
    });
  }
  (report.levers ?? []).forEach((l, i) => {
    const w = leverWords(l);
    rows.push({ part: 'What would help', item: `${i + 1}. ${l.kind}`, count: l.requests, details: w.check ? `${w.text} ${w.check}` : w.text });
  });
  for (const p of f.byPathway) {
    const name = scenario.pathways.find((x) => x.id === p.pathway)?.name;
    rows.push(tallyRow('Pathway students placed', name ? `${p.pathway} (${name})` : p.pathway, p.placed));
    for (const g of p.byGrade) rows.push(tallyRow('Pathway students placed', `${p.pathway} grade ${g.grade}`, g.placed));
  }
  for (const tier of ['required', 'requested', 'recommended'] as const) rows.push(tallyRow('Requests met', tier, f.requestsByPriority[tier]));
  rows.push(tallyRow('Figures', 'A–G on track', f.agOnTrack, `${f.agOffTrackByRequest} off track by request (not counted)`));
  rows.push(tallyRow('Figures', 'Pathway teams with common planning time', f.teamsWithCpt));
  rows.push({ part: 'Figures', item: 'Sections', count: f.sections });
  rows.push({ part: 'Figures', item: 'Unused seats', count: f.unusedSeats });
  rows.push({
    part: 'Figures',
    item: 'Under-filled sections',
    count: f.underFilledSections.length,
    ...(f.underFilledSections.length > 0 ? { details: f.underFilledSections.join(', ') } : {}),
  });
  if ((f.requestsOutsideGrade ?? 0) > 0)
    rows.push({
      part: 'Figures',
      item: "Requests outside the course's grades",
      count: f.requestsOutsideGrade ?? 0,
      details: 'admitted by policy.gradeRule "allow"',
    });
  for (const g of f.byGroup) {
    rows.push(tallyRow('By student group', `${g.group}: pathway students placed`, g.pathwayPlaced));
    rows.push(tallyRow('By student group', `${g.group}: fully scheduled`, g.fullyScheduled));
    rows.push(tallyRow('By student group', `${g.group}: A–G on track`, g.agOnTrack));
  }
  if (report.solver) for (const [k, v] of solverRows(report.solver)) rows.push({ part: 'Solver details', item: k, details: v });
  for (const n of report.notPlaced)
    rows.push({ part: 'Pathway students not placed', item: n.student, details: `${n.pathway} grade ${n.grade}: ${n.reasons.join('; ')}` });
  return rows;
}
