/**
 * An analysis report as data: named columns and rows of plain values, rendered as a readable
 * table, JSON or CSV. Every report kind produces one of these, so each has all three formats.
 */
import { stringify } from 'csv-stringify/sync';
import { formatTable } from '../report/table.js';

export type Cell = string | number | boolean | null;

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly align?: 'left' | 'right';
}

export interface AnalysisTable {
  readonly kind: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>;
  /** Lines printed under the table (what a flag means, what was left out). */
  readonly notes: readonly string[];
}

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A share as a percentage with one decimal, or null when there is nothing to divide. */
export function percent(count: number, total: number): number | null {
  return total === 0 ? null : Math.round((count / total) * 1000) / 10;
}

/** A ratio rounded to two decimals, or null. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 100) / 100;
}

const text = (v: Cell): string => (v === null ? '–' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

/** Renders a report in the chosen format; the text has no trailing newline. */
export function renderAnalysis(t: AnalysisTable, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify({ kind: t.kind, title: t.title, columns: t.columns, rows: t.rows, notes: t.notes }, null, 2);
  if (format === 'csv')
    return stringify([t.columns.map((c) => c.label), ...t.rows.map((r) => t.columns.map((c) => r[c.key] ?? ''))], {
      cast: { boolean: (b) => (b ? 'yes' : 'no') },
    }).trimEnd();
  const body = formatTable([t.columns.map((c) => c.label), ...t.rows.map((r) => t.columns.map((c) => text(r[c.key] ?? null)))], {
    align: t.columns.map((c) => c.align ?? 'left'),
  });
  return [t.title, '', t.rows.length > 0 ? body : '  (nothing to list)', ...(t.notes.length > 0 ? ['', ...t.notes] : [])].join('\n');
}
