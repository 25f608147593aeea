/**
 * Writes a {@link MipModel} as MPS: free MPS with sanitised names, or fixed MPS with generated
 * 8-character names (`C0000001`, `R0000001`) because fixed fields cannot hold domain names.
 * Integer columns sit between MARKER INTORG/INTEND lines and always carry explicit bounds (some
 * readers otherwise treat a marked column as binary). The objective offset is written, by the
 * usual convention, as minus the RHS of the objective row.
 */
import type { MipModel } from './mip.js';
import { sanitizeNames } from './format-names.js';
import type { WrittenModel } from './lp-format.js';

export type MpsStyle = 'free' | 'fixed';

function fixedLine(type: string, f1: string, f2 = '', v2 = '', f3 = '', v3 = ''): string {
  const head = ` ${type.padEnd(2)} ${f1.padEnd(8)}  ${f2.padEnd(8)}  ${v2.padStart(12)}`;
  return (f3 === '' ? head : `${head}   ${f3.padEnd(8)}  ${v3.padStart(12)}`).trimEnd();
}

function num(v: number, width: number): string {
  const s = String(v);
  if (s.length <= width) return s;
  return v.toPrecision(Math.max(1, width - 7));
}

/** The model as MPS text, with the names used for its columns and rows. */
export function writeMps(model: MipModel, style: MpsStyle = 'free'): WrittenModel {
  const fixed = style === 'fixed';
  if (fixed && Math.max(model.columns.length, model.rows.length) > 9_999_999) throw new RangeError('fixed MPS names allow at most 9,999,999 columns and rows');
  const columnNames = fixed ? model.columns.map((_, j) => `C${String(j + 1).padStart(7, '0')}`) : sanitizeNames(model.columns.map((c) => c.name));
  const rowNames = fixed ? model.rows.map((_, i) => `R${String(i + 1).padStart(7, '0')}`) : sanitizeNames(model.rows.map((r) => r.name)).map((n) => `r_${n}`);
  const v = (x: number): string => (fixed ? num(x, 12) : String(x));
  const line = (type: string, f1: string, f2 = '', v2 = ''): string =>
    fixed ? fixedLine(type, f1, f2, v2) : ` ${type} ${f1}${f2 ? ` ${f2}` : ''}${v2 ? ` ${v2}` : ''}`.replace(/^ {2}/, ' ');
  const out: string[] = [`NAME${fixed ? '          ' : ' '}PATHWAY`];
  if (model.sense === 'max') out.push('OBJSENSE', '    MAX');
  out.push('ROWS', line('N', 'OBJ'));
  const kept: number[] = [];
  model.rows.forEach((r, i) => {
    if (r.lb === -Infinity && r.ub === Infinity) return; // a free row constrains nothing
    kept.push(i);
    const type = r.lb === r.ub ? 'E' : r.lb !== -Infinity ? 'G' : 'L';
    out.push(line(type, rowNames[i] ?? ''));
  });
  const byColumn: Array<Array<[string, number]>> = model.columns.map((c) => (c.obj !== 0 ? [['OBJ', c.obj]] : []));
  for (const i of kept) {
    const r = model.rows[i];
    r?.cols.forEach((col, k) => byColumn[col]?.push([rowNames[i] ?? '', r.coefs[k] ?? 0]));
  }
  out.push('COLUMNS');
  let inInteger = false;
  let markers = 0;
  // A loop, not forEach: the compiler then sees `inInteger` change for the closing marker below.
  for (const [j, c] of model.columns.entries()) {
    const integer = c.kind !== 'continuous';
    if (integer !== inInteger) {
      const marker = `MARKER${String(markers++).padStart(fixed ? 2 : 1, '0')}`;
      out.push(
        fixed
          ? fixedLine('', marker, "'MARKER'", '', integer ? "'INTORG'" : "'INTEND'")
              .replace(/ {3}'/, "'")
              .trimEnd()
          : `    ${marker} 'MARKER' ${integer ? "'INTORG'" : "'INTEND'"}`,
      );
      inInteger = integer;
    }
    const entries = byColumn[j] ?? [];
    // Every column is listed, so that it exists even without coefficients.
    if (entries.length === 0) entries.push(['OBJ', 0]);
    for (const [row, a] of entries) out.push(line('', columnNames[j] ?? '', row, v(a)));
  }
  if (inInteger)
    out.push(
      fixed ? `    MARKER${String(markers).padStart(2, '0')}                 'MARKER'                 'INTEND'` : `    MARKER${markers} 'MARKER' 'INTEND'`,
    );
  out.push('RHS');
  if (model.objOffset) out.push(line('', 'RHS', 'OBJ', v(-model.objOffset)));
  const ranges: string[] = [];
  for (const i of kept) {
    const r = model.rows[i];
    if (!r) continue;
    const name = rowNames[i] ?? '';
    const rhs = r.lb !== -Infinity ? r.lb : r.ub;
    if (rhs !== 0) out.push(line('', 'RHS', name, v(rhs)));
    if (r.lb !== r.ub && r.lb !== -Infinity && r.ub !== Infinity) ranges.push(line('', 'RNG', name, v(r.ub - r.lb)));
  }
  if (ranges.length > 0) out.push('RANGES', ...ranges);
  out.push('BOUNDS');
  model.columns.forEach((c, j) => {
    const name = columnNames[j] ?? '';
    const binary = c.kind === 'binary';
    const lb = binary ? Math.max(c.lb, 0) : c.lb;
    const ub = binary ? Math.min(c.ub, 1) : c.ub;
    if (binary && lb === 0 && ub === 1) return void out.push(line('BV', 'BND', name));
    if (lb === ub) return void out.push(line('FX', 'BND', name, v(lb)));
    if (lb === -Infinity && ub === Infinity) return void out.push(line('FR', 'BND', name));
    if (lb === -Infinity) out.push(line('MI', 'BND', name));
    else if (lb !== 0 || c.kind !== 'continuous') out.push(line('LO', 'BND', name, v(lb)));
    if (ub !== Infinity) out.push(line('UP', 'BND', name, v(ub)));
    else if (c.kind !== 'continuous') out.push(line('PL', 'BND', name));
  });
  out.push('ENDATA', '');
  return { text: out.join('\n'), columnNames, rowNames };
}
