/**
 * Collects columns and rows under domain names and produces a solver-neutral {@link MipModel}.
 * A row that states a hard rule carries the rule's {@link RuleRef} (src/scenario/rules.ts) as the
 * row's opaque `tag`: an index into this builder's table of rule groups.
 */
import type { MipColumn, MipModel, MipRow, VarKind } from '../../solver/mip.js';
import { ruleKey, type RuleRef } from '../scenario/rules.js';

/** A linear expression: pairs of column index and coefficient. */
export type Expr = Array<readonly [number, number]>;

/**
 * The name as one flat string. Names are built with template literals, which V8 keeps as a tree
 * of their parts (cons strings: about 200 bytes a name here), and the program of a 3,500-student
 * school has 640,000 names: flat, they hold 135 MB less of the main thread's heap, which the
 * collector lets grow to about twice what is live (benchmarks/notes.md, "Peak memory of L and
 * XL"). The JSON round trip copies any string exactly, lone surrogates included.
 */
function flat(name: string): string {
  return JSON.parse(JSON.stringify(name)) as string;
}

export class ModelBuilder {
  readonly columns: MipColumn[] = [];
  readonly rows: MipRow[] = [];
  /** The rule groups rows are tagged with: a row's `tag` is its index here. */
  readonly rules: RuleRef[] = [];
  private readonly ruleTags = new Map<string, number>();

  column(name: string, kind: VarKind, lb: number, ub: number): number {
    this.columns.push({ name: flat(name), kind, lb, ub, obj: 0 });
    return this.columns.length - 1;
  }

  /**
   * Adds `lb ≤ expr ≤ ub`; `rule` names the group of the hard rule it states (rows that only
   * define quantities have none). Empty rows are dropped when satisfied.
   */
  row(name: string, expr: Expr, lb: number, ub: number, rule?: RuleRef): void {
    const merged = new Map<number, number>();
    for (const [c, v] of expr) merged.set(c, (merged.get(c) ?? 0) + v);
    const cols: number[] = [];
    const coefs: number[] = [];
    for (const [c, v] of merged) {
      if (v === 0) continue;
      cols.push(c);
      coefs.push(v);
    }
    if (cols.length === 0 && lb <= 0 && ub >= 0) return;
    // Arrays grown by push keep spare room (17 slots from the first push); the program keeps its
    // rows for the whole solve, so it keeps exact copies (34 MB less on a 3,500-student school).
    const row = { name: flat(name), cols: cols.slice(), coefs: coefs.slice(), lb, ub };
    this.rows.push(rule === undefined ? row : { ...row, tag: this.tagOf(rule) });
  }

  /** The tag of a rule group, added to the table on first use. */
  tagOf(rule: RuleRef): number {
    const key = ruleKey(rule);
    let tag = this.ruleTags.get(key);
    if (tag === undefined) {
      tag = this.rules.push(rule) - 1;
      this.ruleTags.set(key, tag);
    }
    return tag;
  }

  /** The rule group a row of this builder states, if any. */
  ruleOf(row: MipRow): RuleRef | undefined {
    return row.tag === undefined ? undefined : this.rules[row.tag];
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
