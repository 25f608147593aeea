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
  /** Columns outside `held` that a row forces to 0, held at 0 (with {@link SubmodelOptions.holdForcedZeros}). */
  readonly forcedZeros: number;
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

/** Column indices as a submodel reads them: a `Set`, or anything else that answers `has`. */
export type ColumnSet = Pick<ReadonlySet<number>, 'has'>;

export interface SubmodelOptions {
  /**
   * Objective coefficients to use instead of the columns' own, one per column of the full model:
   * a caller solving the model under another objective need not copy the whole model for it.
   */
  readonly objective?: ArrayLike<number>;
  /** Rows to add to the model's (over its columns) before extracting, e.g. floors an earlier solve set. */
  readonly rows?: readonly MipRow[];
  /** Absolute violation (scaled by the row's largest coefficient) below which a dropped row counts as holding; default 1e-6. */
  readonly tolerance?: number;
  /**
   * Also hold at 0 every free column a row forces to 0 once the held columns are in: a row whose
   * upper bound less the held activity is 0, over free columns with positive coefficients and
   * lower bound 0, leaves them no other value. A solver's presolve removes them too, but only
   * after receiving them; where the held columns decide most of the rest, that is most of the
   * model. The solver's path on the smaller model differs, though: a node-limited search may end
   * elsewhere (the caller's choice, hence off by default).
   */
  readonly holdForcedZeros?: boolean;
}

/**
 * Extracts the submodel in which every column in `held` keeps its value in `values` and the
 * other columns are free (except the forced zeros, with {@link SubmodelOptions.holdForcedZeros}).
 * It allocates for the free columns and the rows it keeps (and three typed arrays of the
 * model's length), never a copy of the whole model.
 */
export function extractSubmodel(model: MipModel, held: ColumnSet, values: readonly number[], options: SubmodelOptions = {}): Submodel {
  const { objective, rows: extraRows = [], tolerance = 1e-6, holdForcedZeros = false } = options;
  const n = model.columns.length;
  const objOf = (j: number, c: MipColumn): number => (objective ? (objective[j] ?? 0) : c.obj);
  const fixed = new Float64Array(n);
  const isHeld = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    if (!held.has(j)) continue;
    isHeld[j] = 1;
    fixed[j] = heldValue(model.columns[j]!, values[j] ?? 0);
  }
  let forcedZeros = 0;
  const forceZeros = (r: MipRow): void => {
    let heldActivity = 0;
    let free = 0;
    for (let k = 0; k < r.cols.length; k++) {
      const j = r.cols[k]!;
      const a = r.coefs[k] ?? 0;
      if (isHeld[j]) heldActivity += a * fixed[j]!;
      else if (a > 0 && model.columns[j]!.lb === 0) free++;
      else return;
    }
    if (free === 0 || Math.abs(r.ub - heldActivity) > tolerance) return;
    for (const j of r.cols) {
      if (isHeld[j]) continue;
      isHeld[j] = 1;
      forcedZeros++;
    }
  };
  if (holdForcedZeros) {
    for (const r of model.rows) forceZeros(r);
    for (const r of extraRows) forceZeros(r);
  }

  const index = new Int32Array(n).fill(-1);
  const columns: number[] = [];
  const subColumns: MipColumn[] = [];
  let offset = model.objOffset ?? 0;
  for (let j = 0; j < n; j++) {
    const c = model.columns[j]!;
    if (isHeld[j]) offset += objOf(j, c) * fixed[j]!;
    else {
      index[j] = columns.length;
      columns.push(j);
      subColumns.push(objective ? { ...c, obj: objOf(j, c) } : c);
    }
  }

  const rows: MipRow[] = [];
  let droppedRows = 0;
  let violatedRow: string | undefined;
  const keep = (r: MipRow): void => {
    let heldActivity = 0;
    let scale = 1;
    let free = 0;
    for (let k = 0; k < r.cols.length; k++) {
      const j = r.cols[k]!;
      if (index[j]! >= 0) free++;
      else {
        const a = r.coefs[k] ?? 0;
        heldActivity += a * fixed[j]!;
        scale = Math.max(scale, Math.abs(a));
      }
    }
    if (free === 0) {
      droppedRows++;
      if (violatedRow === undefined && ((r.lb - heldActivity) / scale > tolerance || (heldActivity - r.ub) / scale > tolerance)) violatedRow = r.name;
      return;
    }
    // Arrays of the exact length (arrays grown by push keep spare room), packed so that they cross
    // to the worker as dense arrays.
    const cols = new Array<number>(free).fill(0);
    const coefs = new Array<number>(free).fill(0);
    for (let k = 0, i = 0; k < r.cols.length; k++) {
      const at = index[r.cols[k]!]!;
      if (at < 0) continue;
      cols[i] = at;
      coefs[i++] = r.coefs[k] ?? 0;
    }
    // Infinite bounds stay infinite: ±Infinity minus a finite activity.
    const lb = r.lb - heldActivity;
    const ub = r.ub - heldActivity;
    rows.push(r.tag === undefined ? { name: r.name, cols, coefs, lb, ub } : { name: r.name, tag: r.tag, cols, coefs, lb, ub });
  };
  for (const r of model.rows) keep(r);
  for (const r of extraRows) keep(r);

  const sub: MipModel = { sense: model.sense, columns: subColumns, rows, ...(offset !== 0 ? { objOffset: offset } : {}) };
  return {
    model: sub,
    columns,
    droppedRows,
    forcedZeros,
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
