/**
 * The submodel of a {@link MipModel} with most columns held at given values: only the free
 * columns remain. Held columns are substituted into the rows (each row's bounds shift by the
 * held columns' activity), rows left with no free column are dropped after checking that they
 * hold, and the held part of the objective becomes a constant offset, so the submodel's objective
 * equals the full model's at every completion. A fix-and-optimize step then sends a model the
 * size of its neighbourhood to the solver instead of the whole program.
 */
import type { MipColumn, MipModel, MipRow } from './mip.js';

export interface Submodel {
  /** The free columns and the rows that touch them; its objective includes the held part as an offset. */
  readonly model: MipModel;
  /** Full-model column index of each submodel column, in increasing order. */
  readonly columns: readonly number[];
  /** Rows of the full model dropped because every column in them is held. */
  readonly droppedRows: number;
  /**
   * The first dropped row the held values violate (name), when there is one: the held model is
   * then infeasible whatever the free columns do.
   */
  readonly violatedRow?: string;
  /** The held values, with the free columns' values (in submodel order) put in: a full value vector. */
  expand(subValues: readonly number[]): number[];
  /** `values` restricted to the free columns (a warm start for the submodel). */
  restrict(values: readonly number[]): number[];
}

/** Integer and binary held values are rounded: the solver saw them as integral bounds. */
function heldValue(column: MipColumn, value: number): number {
  return column.kind === 'continuous' ? value : Math.round(value);
}

/**
 * Extracts the submodel in which every column in `held` keeps its value in `values` and the
 * other columns are free.
 * @param tolerance absolute violation (scaled by the row's largest coefficient) below which a dropped row counts as holding.
 */
export function extractSubmodel(model: MipModel, held: ReadonlySet<number>, values: readonly number[], tolerance = 1e-6): Submodel {
  const n = model.columns.length;
  const fixed = new Float64Array(n);
  const index = new Int32Array(n).fill(-1);
  const columns: number[] = [];
  const subColumns: MipColumn[] = [];
  let offset = model.objOffset ?? 0;
  for (let j = 0; j < n; j++) {
    const c = model.columns[j]!;
    if (held.has(j)) {
      const v = heldValue(c, values[j] ?? 0);
      fixed[j] = v;
      offset += c.obj * v;
    } else {
      index[j] = columns.length;
      columns.push(j);
      subColumns.push(c);
    }
  }

  const rows: MipRow[] = [];
  let droppedRows = 0;
  let violatedRow: string | undefined;
  for (const r of model.rows) {
    let heldActivity = 0;
    let scale = 1;
    const cols: number[] = [];
    const coefs: number[] = [];
    for (let k = 0; k < r.cols.length; k++) {
      const j = r.cols[k]!;
      const a = r.coefs[k] ?? 0;
      const at = index[j]!;
      if (at < 0) {
        heldActivity += a * fixed[j]!;
        scale = Math.max(scale, Math.abs(a));
      } else {
        cols.push(at);
        coefs.push(a);
      }
    }
    if (cols.length === 0) {
      droppedRows++;
      if (violatedRow === undefined && ((r.lb - heldActivity) / scale > tolerance || (heldActivity - r.ub) / scale > tolerance)) violatedRow = r.name;
      continue;
    }
    // Infinite bounds stay infinite: ±Infinity minus a finite activity.
    const row: MipRow = { name: r.name, cols, coefs, lb: r.lb - heldActivity, ub: r.ub - heldActivity, ...(r.tag !== undefined ? { tag: r.tag } : {}) };
    rows.push(row);
  }

  const sub: MipModel = { sense: model.sense, columns: subColumns, rows, ...(offset !== 0 ? { objOffset: offset } : {}) };
  return {
    model: sub,
    columns,
    droppedRows,
    ...(violatedRow !== undefined ? { violatedRow } : {}),
    expand(subValues) {
      const full = Array.from(fixed);
      columns.forEach((j, i) => {
        full[j] = subValues[i] ?? 0;
      });
      return full;
    },
    restrict(full) {
      return columns.map((j) => full[j] ?? 0);
    },
  };
}
