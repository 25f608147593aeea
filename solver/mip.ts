/**
 * A solver-neutral mixed-integer program: plain arrays that cross `postMessage` unchanged.
 * Column and row names are domain names (`teach[ENG10,T07,A.2]`, `teacherClash[T07,A.3]`)
 * so that a result or an infeasibility can be explained in school words; backends rename
 * them as their formats require.
 */

export type VarKind = 'continuous' | 'integer' | 'binary';

export interface MipColumn {
  readonly name: string;
  readonly kind: VarKind;
  readonly lb: number;
  /** May be `Infinity`. */
  readonly ub: number;
  /** Objective coefficient. */
  readonly obj: number;
}

/** `lb ≤ Σ coefs[k]·x[cols[k]] ≤ ub`; either bound may be infinite. */
export interface MipRow {
  readonly name: string;
  /**
   * An opaque number the model may attach to a row (which rule of the school the row states; the
   * model keeps the meaning in its own table). Solvers ignore it and submodels carry it through;
   * it keeps this layer free of any domain vocabulary.
   */
  readonly tag?: number;
  readonly cols: readonly number[];
  readonly coefs: readonly number[];
  readonly lb: number;
  readonly ub: number;
}

export interface MipModel {
  readonly sense: 'max' | 'min';
  readonly columns: readonly MipColumn[];
  readonly rows: readonly MipRow[];
  /** Constant added to the objective. */
  readonly objOffset?: number;
}

/** Counts that describe a model's size, for logs and benchmarks. */
export function modelSize(model: MipModel): { columns: number; integers: number; rows: number; nonzeros: number } {
  let integers = 0;
  for (const c of model.columns) if (c.kind !== 'continuous') integers++;
  let nonzeros = 0;
  for (const r of model.rows) nonzeros += r.cols.length;
  return { columns: model.columns.length, integers, rows: model.rows.length, nonzeros };
}

/** The model with the given columns fixed at their (rounded) values: what a stage or search step holds. */
export function fixColumns(model: MipModel, fixed: ReadonlyMap<number, number>): MipModel {
  return {
    ...model,
    columns: model.columns.map((c, j) => {
      const v = fixed.get(j);
      return v === undefined ? c : { ...c, lb: Math.round(v), ub: Math.round(v) };
    }),
  };
}
