/** benchmarks/RESULTS.md from the stored records. */
import type { NativeRecord, RunRecord, Tally } from './record.js';
import { CURVE, CURVE_LIMIT, SCHOOLS } from './schools.js';

const pct = (t: Tally | null) => (t && t.total > 0 ? `${((100 * t.count) / t.total).toFixed(1)}%` : '–');
const frac = (t: Tally | null) => (t ? `${t.count}/${t.total}` : '–');
const sec = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(1));
const num = (x: number | null) => (x === null ? '–' : Math.round(x).toLocaleString('en-US'));

function gap(r: RunRecord): string {
  if (!r.placed || r.placementBound === null) return '–';
  if (r.placementBound === 0) return r.placed.count === 0 ? '0%' : '–';
  return `${((100 * (r.placementBound - r.placed.count)) / r.placementBound).toFixed(1)}%`;
}

export function renderResults(
  stored: { runs: Record<string, RunRecord>; native: Record<string, NativeRecord>; commands: string[] },
  machine: string,
  notes = '',
): string {
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(`Machine: ${machine}. Solver: HiGHS (WebAssembly, in worker threads) unless the row says otherwise; seed 1.`, '');
  out.push(
    'Reproduce everything with one command (about 45 minutes): `npm run build && npm run bench` (= `node dist/benchmarks/run.js`, all rows, the curve and the native comparison; it starts from the stored `benchmarks/results.json`, delete it for a clean run).',
  );
  out.push(`Commands that produced the rows below: ${stored.commands.map((c) => `\`${c}\``).join(', ')}.`, '');
  out.push(
    "Every figure comes from the independent checker on the schedule the row produced (`valid` = no rule broken). Gap = (placement bound − placed) / bound, on pathway students placed; the bound is the report's `placementBound` (src/bound/: each pathway grade's counting bound — cohort seats, requests some teacher, room and the calendar can meet — lowered where the placement relaxation, solved without planned section counts, proves less; rows older than 30 November 2026 used the combinatorial bound of their day). Rows are kept from the run that produced them: the commands above were not all re-run together, so rows of one school may come from engines of different days (benchmarks/notes.md says which rows are new). Peak RSS is the child process's `maxRSS` (main thread and solver workers). Wall is the whole run (generation excluded) against the limit in the school label; \"first\" is when the first schedule existed.",
    '',
  );
  out.push(
    '| school | method | valid | pathway placed | placed % | fully scheduled % | requests met % | placement bound | gap | wall s | first s | peak RSS MB | stages / note |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const school of SCHOOLS) {
    const rows = Object.values(stored.runs).filter((r) => r.school === school.id);
    for (const r of rows) {
      const note = r.note ?? r.stages.join('; ');
      out.push(
        `| ${school.label} (limit ${school.limit} s) | ${r.method} | ${r.status === 'scheduled' ? (r.valid ? 'yes' : '**no**') : r.status} | ${frac(r.placed)} | ${pct(r.placed)} | ${pct(r.full)} | ${pct(r.requests)} | ${r.placementBound ?? '–'} | ${gap(r)} | ${sec(r.wall)} | ${sec(r.firstSchedule)} | ${r.rssMb ? Math.round(r.rssMb) : '–'} | ${note.replace(/\|/g, '/')} |`,
      );
    }
  }
  const curve = CURVE.flatMap((s) => {
    const r = stored.runs[`${s.id}|cte-first`];
    return r ? [{ s, r }] : [];
  });
  if (curve.length > 0) {
    out.push('', '## Scaling: wall time against student count', '');
    out.push(
      `Engine \`cte-first\`, A/B 8-block, pathways growing with the school, ${CURVE_LIMIT} s limit each. "First schedule" is when the first schedule existed (the greedy CTE-first loader's, read back as the program's first incumbent); the rest of the limit goes to the board stages and the search.`,
      '',
    );
    out.push('| students | first schedule s | wall s | pathway placed | placed % | bound | requests met % | peak RSS MB | valid |');
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const { s, r } of curve)
      out.push(
        `| ${s.generate?.students ?? '?'} | ${sec(r.firstSchedule)} | ${sec(r.wall)} | ${frac(r.placed)} | ${pct(r.placed)} | ${r.placementBound ?? '–'} | ${pct(r.requests)} | ${Math.round(r.rssMb)} | ${r.valid ? 'yes' : 'no'} |`,
      );
    out.push('', '```');
    const max = Math.max(...curve.map((x) => x.r.firstSchedule ?? 0), 1);
    for (const { s, r } of curve)
      out.push(
        `${String(s.generate?.students ?? '').padStart(5)} | ${'#'.repeat(Math.max(1, Math.round((40 * (r.firstSchedule ?? 0)) / max)))} ${sec(r.firstSchedule)} s to first schedule`,
      );
    out.push('```');
  }
  const natives = Object.values(stored.native);
  if (natives.length > 0) {
    out.push('', '## WebAssembly HiGHS against native CBC (Debian coinor-cbc, 1 thread), same model as MPS', '');
    out.push(
      'Same cte-first objective; "greedy-board loading" is stage 1\'s program (board fixed), "whole program" is the monolithic program from scratch. Time limit = the school\'s limit. HiGHS time includes sending the model to its worker.',
      '',
    );
    out.push(
      '| school | model | columns | rows | nonzeros | HiGHS status | HiGHS s | HiGHS objective | HiGHS bound | CBC status | CBC s | CBC objective | CBC bound |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const n of natives)
      for (const m of n.models)
        out.push(
          `| ${n.school} | ${m.model} | ${m.columns} | ${m.rows} | ${m.nonzeros} | ${m.highs.status} | ${sec(m.highs.seconds)} | ${num(m.highs.objective)} | ${num(m.highs.bound)} | ${m.cbc.status} | ${sec(m.cbc.seconds)} | ${num(m.cbc.objective)} | ${num(m.cbc.bound)} |`,
        );
  }
  if (notes.trim()) out.push('', notes.trim());
  return `${out.join('\n')}\n`;
}
