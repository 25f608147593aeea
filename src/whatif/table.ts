/** The comparison side by side: one line per scenario, each figure with its difference from the base. */
import { formatTable } from '../report/table.js';
import type { Tally } from '../solution/schema.js';
import type { Comparison, ComparisonRow, Metrics } from './rows.js';

const TALLIES = [
  ['pathwayPlaced', 'Pathway placed'],
  ['fullyScheduled', 'Fully scheduled'],
  ['requestsMet', 'Requests met'],
  ['agOnTrack', 'A–G on track'],
  ['teamsWithCpt', 'Teams with CPT'],
] as const;

const pct = (t: Tally) => (t.share === null ? '–' : `${Math.round(t.share * 1000) / 10}%`);
const signed = (n: number, unit = '') => (n === 0 ? '±0' : `${n > 0 ? '+' : '−'}${Math.abs(Math.round(n * 10) / 10)}${unit}`);

function tallyCell(t: Tally, base: Tally | undefined): string {
  const own = `${t.count}/${t.total} ${pct(t)}`;
  return base === undefined ? own : `${own} (${signed(t.count - base.count)})`;
}

function cells(m: Metrics, base: Metrics | null, isBase: boolean): string[] {
  const b = isBase || !base ? undefined : base;
  const load = m.teacherLoad.share === null ? '–' : `${Math.round(m.teacherLoad.share * 1000) / 10}%`;
  const loadDiff =
    b && b.teacherLoad.share !== null && m.teacherLoad.share !== null ? ` (${signed((m.teacherLoad.share - b.teacherLoad.share) * 100, ' pt')})` : '';
  return [
    ...TALLIES.map(([k]) => tallyCell(m[k], b?.[k])),
    b ? `${m.sections} (${signed(m.sections - b.sections)})` : String(m.sections),
    `${m.teacherLoad.count}/${m.teacherLoad.total} ${load}${loadDiff}`,
  ];
}

function statusCell(r: ComparisonRow): string {
  if (r.status !== 'scheduled') return `${r.status}: ${r.message ?? ''}`.trim();
  const found = r.schedule === 'optimal' ? 'optimal' : r.termination === 'time-limit' ? 'best found (time limit)' : 'best found';
  // A row cut by the clock may differ on the next run; every other row is the same for the same inputs and seed.
  return r.reproducible === false ? `${found}, may vary` : found;
}

/**
 * The comparison as a plain-text table (no trailing newline). Differences are against the base
 * row (the first); `differences: false` leaves them out (a batch of schools has no base).
 */
export function formatComparison(c: Comparison, options: { readonly differences?: boolean } = {}): string {
  const withBase = options.differences ?? true;
  const base = withBase ? (c.rows[0]?.metrics ?? null) : null;
  const header = ['Scenario', ...TALLIES.map(([, label]) => label), 'Sections', 'Teacher load', 'Status'];
  const lines = c.rows.map((r, i) =>
    r.metrics ? [r.name, ...cells(r.metrics, base, i === 0), statusCell(r)] : [r.name, ...header.slice(1, -1).map(() => '–'), statusCell(r)],
  );
  const table = formatTable([header, ...lines], { align: header.map((_, i) => (i === 0 || i === header.length - 1 ? 'left' : 'right')) });
  const notes = [`${withBase ? 'Differences in brackets are against the base. ' : ''}Teacher load: sections taught / the teachers’ maximum sections.`];
  if (c.interrupted) notes.push('Stopped early: rows not finished read "interrupted".');
  return [table, '', ...notes].join('\n');
}
