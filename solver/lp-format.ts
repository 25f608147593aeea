/**
 * Writes a {@link MipModel} as CPLEX LP text for external solvers (CBC, Gurobi, CPLEX, HiGHS).
 * Names are sanitised (see {@link sanitizeNames}); ranged rows become two rows `<name>_lo` and
 * `<name>_hi`, the portable form; lines are kept short.
 */
import type { MipModel } from './mip.js';
import { sanitizeNames } from './format-names.js';

export interface WrittenModel {
  readonly text: string;
  /** The name used in the file for each column, by column index. */
  readonly columnNames: readonly string[];
  /** The name used in the file for each row, by row index (ranged rows: the stem of both rows). */
  readonly rowNames: readonly string[];
}

const LINE_WIDTH = 78;

function num(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

function wrap(head: string, terms: readonly string[]): string[] {
  const lines: string[] = [];
  let line = head;
  for (const term of terms) {
    if (line.length + term.length + 1 > LINE_WIDTH && line.trim() !== '') {
      lines.push(line);
      line = '   ';
    }
    line += ` ${term}`;
  }
  lines.push(line);
  return lines;
}

function linear(coefs: readonly number[], names: readonly string[]): string[] {
  return coefs.map((a, k) => `${a < 0 ? '-' : '+'} ${Math.abs(a) === 1 ? '' : `${num(Math.abs(a))} `}${names[k] ?? ''}`);
}

/** The model as CPLEX LP text, with the names used for its columns and rows. */
export function writeLp(model: MipModel): WrittenModel {
  const columnNames = sanitizeNames(model.columns.map((c) => c.name));
  const rowNames = sanitizeNames(model.rows.map((r) => r.name)).map((n) => `r_${n}`);
  const appears = new Array<boolean>(model.columns.length).fill(false);
  for (const r of model.rows) for (const c of r.cols) appears[c] = true;
  const lines: string[] = ['\\ written by pathway-scheduler', model.sense === 'max' ? 'Maximize' : 'Minimize'];
  const objTerms: string[] = [];
  model.columns.forEach((c, j) => {
    // A column must appear somewhere to exist in the file: unused ones get a zero cost term.
    if (c.obj !== 0 || !appears[j]) objTerms.push(...linear([c.obj === 0 ? 0 : c.obj], [columnNames[j] ?? '']));
  });
  if (model.objOffset) objTerms.push(`${model.objOffset < 0 ? '-' : '+'} ${num(Math.abs(model.objOffset))}`);
  lines.push(...wrap(' obj:', objTerms));
  lines.push('Subject To');
  model.rows.forEach((r, i) => {
    const name = rowNames[i] ?? `r${i}`;
    const terms =
      r.cols.length > 0
        ? linear(
            r.coefs,
            r.cols.map((c) => columnNames[c] ?? ''),
          )
        : [`0 ${columnNames[0] ?? ''}`];
    if (r.lb === r.ub) lines.push(...wrap(` ${name}:`, [...terms, '=', num(r.lb)]));
    else if (r.lb !== -Infinity && r.ub !== Infinity) {
      lines.push(...wrap(` ${name}_lo:`, [...terms, '>=', num(r.lb)]));
      lines.push(...wrap(` ${name}_hi:`, [...terms, '<=', num(r.ub)]));
    } else if (r.lb !== -Infinity) lines.push(...wrap(` ${name}:`, [...terms, '>=', num(r.lb)]));
    else if (r.ub !== Infinity) lines.push(...wrap(` ${name}:`, [...terms, '<=', num(r.ub)]));
  });
  lines.push('Bounds');
  const binaries: string[] = [];
  const generals: string[] = [];
  model.columns.forEach((c, j) => {
    const name = columnNames[j] ?? '';
    let lb = c.lb;
    let ub = c.ub;
    if (c.kind === 'binary') {
      lb = Math.max(lb, 0);
      ub = Math.min(ub, 1);
      if (lb === 0 && ub === 1) {
        binaries.push(name);
        return;
      }
    }
    if (c.kind !== 'continuous') generals.push(name);
    if (lb === -Infinity && ub === Infinity) lines.push(` ${name} free`);
    else if (lb === ub) lines.push(` ${name} = ${num(lb)}`);
    else if (lb !== 0 || ub !== Infinity) lines.push(` ${num(lb)} <= ${name} <= ${num(ub)}`);
  });
  if (generals.length > 0) lines.push('Generals', ...wrap('', generals));
  if (binaries.length > 0) lines.push('Binaries', ...wrap('', binaries));
  lines.push('End', '');
  return { text: lines.join('\n'), columnNames, rowNames };
}
