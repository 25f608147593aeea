/**
 * Reading typed values out of the cells of one row, collecting a problem for every bad cell
 * instead of stopping at the first.
 */
import type { InputProblem } from '../scenario/problems.js';
import { cellProblem, type SourceRow, type SourceTable } from './source-table.js';
import { ImportProblems } from './import-problems.js';

/** Separator of the items of a list inside one cell (`ENG9;ENG10`). */
export const LIST_SEPARATOR = ';';

/** Typed access to one row; every failed read adds a problem and returns undefined. */
export class CellReader {
  constructor(
    private readonly table: SourceTable,
    private readonly source: SourceRow,
    private readonly problems: InputProblem[] | ImportProblems,
  ) {}

  /** The raw trimmed cell ('' when the column is absent). */
  raw(column: string): string {
    return this.source.cells[column] ?? '';
  }

  private bad(column: string, expected: string): undefined {
    if (this.problems instanceof ImportProblems) this.problems.cell(this.table, this.source, column, expected);
    else this.problems.push(cellProblem(this.table.label, this.source.row, column, this.raw(column), expected));
    return undefined;
  }

  /** A non-empty text. */
  text(column: string, expected = 'a non-empty text'): string | undefined {
    const v = this.raw(column);
    if (v === '') this.bad(column, expected);
    return v === '' ? undefined : v;
  }

  /** An integer in [min, max]; `optional` lets an empty cell through as undefined. */
  int(column: string, min: number, max = Number.MAX_SAFE_INTEGER, optional = false): number | undefined {
    const v = this.raw(column);
    if (v === '' && optional) return undefined;
    const n = Number(v);
    if (v === '' || !Number.isInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
      this.bad(column, optional ? `${range}, or empty` : range);
      return;
    }
    return n;
  }

  /** A number ≥ min (decimals allowed). */
  number(column: string, min: number, optional = false): number | undefined {
    const v = this.raw(column);
    if (v === '' && optional) return undefined;
    const n = Number(v);
    if (v === '' || !Number.isFinite(n) || n < min) {
      this.bad(column, `a number ≥ ${min}${optional ? ', or empty' : ''}`);
      return;
    }
    return n;
  }

  /** One of the given words (case-insensitive); `optional` lets an empty cell through. */
  choice<T extends string>(column: string, values: readonly T[], optional = false): T | undefined {
    const v = this.raw(column);
    if (v === '' && optional) return undefined;
    const hit = values.find((x) => x.toLowerCase() === v.toLowerCase());
    if (hit === undefined) this.bad(column, `one of ${values.join(', ')}${optional ? ', or empty' : ''}`);
    return hit;
  }

  /** `yes`/`no` (also true/false, 1/0, empty = no). */
  flag(column: string): boolean | undefined {
    const v = this.raw(column).toLowerCase();
    if (['', 'no', 'false', '0', 'n'].includes(v)) return false;
    if (['yes', 'true', '1', 'y'].includes(v)) return true;
    this.bad(column, 'yes or no (or empty for no)');
  }

  /** A `;`-separated list of ids; empty cell → []. */
  list(column: string): string[] {
    return splitList(this.raw(column));
  }

  /** A `;`-separated list of whole numbers in [min, max]. */
  intList(column: string, min: number, max: number): number[] | undefined {
    const items = this.list(column);
    const nums = items.map(Number);
    if (items.length === 0 || nums.some((n) => !Number.isInteger(n) || n < min || n > max)) {
      this.bad(column, `whole numbers from ${min} to ${max} separated by "${LIST_SEPARATOR}" (e.g. 9${LIST_SEPARATOR}10)`);
      return;
    }
    return nums;
  }

  /** `key=count` pairs separated by `;` (e.g. `b=1;c=2`), keys from `keys`. */
  counts<K extends string>(column: string, keys: readonly K[]): Partial<Record<K, number>> | undefined {
    const out: Partial<Record<K, number>> = {};
    for (const item of this.list(column)) {
      const m = /^([^=]+)=(\d+)$/.exec(item);
      const key = m ? keys.find((k) => k === m[1]?.trim().toLowerCase()) : undefined;
      if (!m || key === undefined) {
        this.bad(column, `subject=years pairs separated by "${LIST_SEPARATOR}", subjects ${keys.join(', ')} (e.g. b=1${LIST_SEPARATOR}c=1)`);
        return;
      }
      out[key] = Number(m[2]);
    }
    return out;
  }
}

/** Splits a list cell on `;`, dropping blanks. */
export function splitList(cell: string, separator = LIST_SEPARATOR): string[] {
  return cell
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
