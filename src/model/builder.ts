/**
 * Collects columns and rows under domain names and produces a solver-neutral {@link MipModel}.
 */
import type { MipColumn, MipModel, MipRow, VarKind } from '../../solver/mip.js';

/** A linear expression: pairs of column index and coefficient. */
export type Expr = Array<readonly [number, number]>;

export class ModelBuilder {
  readonly columns: MipColumn[] = [];
  readonly rows: MipRow[] = [];

  column(name: string, kind: VarKind, lb: number, ub: number): number {
    this.columns.push({ name, kind, lb, ub, obj: 0 });
    return this.columns.length - 1;
  }

  /** Adds `lb ≤ expr ≤ ub`; `group` names the hard rule it belongs to. Empty rows are dropped when satisfied. */
  row(name: string, expr: Expr, lb: number, ub: number, group?: string): void {
    const merged = new Map<number, number>();
    for (const [c, v] of expr) merged.set(c, (merged.get(c) ?? 0) + v);
    const cols: number[] = [];
    const coefs: number[] = [];
    for (const [c, v] of merged) if (v !== 0) (cols.push(c), coefs.push(v));
    if (cols.length === 0 && lb <= 0 && ub >= 0) return;
    this.rows.push(group === undefined ? { name, cols, coefs, lb, ub } : { name, group, cols, coefs, lb, ub });
  }

  /** The model with `objective` as its objective (other columns get 0). */
  build(sense: 'max' | 'min', objective: Expr): MipModel {
    const obj = new Float64Array(this.columns.length);
    for (const [c, v] of objective) obj[c] = (obj[c] ?? 0) + v;
    return { sense, columns: this.columns.map((col, i) => ({ ...col, obj: obj[i] ?? 0 })), rows: this.rows };
  }
}

/** Sum of expressions. */
export function sum(...exprs: Expr[]): Expr {
  return exprs.flat();
}

/** expr scaled by k. */
export function scale(expr: Expr, k: number): Expr {
  return expr.map(([c, v]) => [c, v * k] as const);
}
