import type { ModelBuilder, Expr } from '../builder.js';
import type { Instance } from '../instance.js';
import type { Part, Vars } from '../variables.js';
import { cohortBusy } from './cohorts.js';

/** Students of a part: its member column, or for the no-cohort part the group less its cohort members. */
function partSize(part: Part, vars: Vars, inst: Instance): { expr: Expr; constant: number } {
  if (part.member !== undefined) return { expr: [[part.member, -1]], constant: 0 };
  const others: Expr = vars.parts.filter((p) => p.group === part.group && p.member !== undefined).map((p) => [p.member!, 1] as const);
  return { expr: others, constant: inst.groups[part.group]?.students.length ?? 0 };
}

/**
 * Students are loaded only into running sections with free seats, at most once per request,
 * never into two sections that share a slot, and never into a slot their cohort spends together.
 */
export function loading(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const seats = new Map<string, Expr>();
  for (const part of vars.parts) for (const t of part.takes) {
    const key = `${t.course},${t.pattern.key}`;
    (seats.get(key) ?? seats.set(key, []).get(key)!).push([t.col, 1]);
  }
  for (const v of vars.teach) {
    if (v.cohort) continue;
    const key = `${v.course},${v.pattern.key}`;
    const e = seats.get(key);
    if (e) e.push([v.col, -(inst.courses.get(v.course)?.seats ?? 0)]);
  }
  for (const [key, expr] of seats) m.row(`seats[${key}]`, expr, -Infinity, 0);

  for (const part of vars.parts) {
    if (part.takes.length === 0) continue;
    const label = `g${part.group},${part.cohort?.id ?? 'none'}`;
    const size = partSize(part, vars, inst);
    // `take ≤ size` is written as `take - sizeExpr ≤ constant` (sizeExpr already negated for members).
    const capped = (expr: Expr): Expr => [...expr, ...size.expr];
    const byRequest = new Map<number, Expr>();
    const bySlot = new Map<string, Expr>();
    for (const t of part.takes) {
      (byRequest.get(t.request) ?? byRequest.set(t.request, []).get(t.request)!).push([t.col, 1]);
      for (const s of t.pattern.slots) (bySlot.get(s) ?? bySlot.set(s, []).get(s)!).push([t.col, 1]);
    }
    for (const [r, expr] of byRequest) m.row(`requestOnce[${label},${r}]`, capped(expr), -Infinity, size.constant);
    for (const [s, expr] of bySlot) if (expr.length > 1) m.row(`studentClash[${label},${s}]`, capped(expr), -Infinity, size.constant);
  }

  // A cohort busy in a slot frees none of its members for another section there.
  const busy = cohortBusy(vars);
  for (const k of inst.cohorts) {
    const bySlot = new Map<string, Expr>();
    for (const part of vars.parts) {
      if (part.cohort?.id !== k.id) continue;
      for (const t of part.takes) for (const s of t.pattern.slots) (bySlot.get(s) ?? bySlot.set(s, []).get(s)!).push([t.col, 1]);
    }
    for (const [slot, expr] of bySlot) {
      const b = busy.get(k.id)?.get(slot);
      if (!b) continue;
      m.row(`cohortFree[${k.id},${slot}]`, [...expr, ...b.map(([c]) => [c, k.size] as const)], -Infinity, k.size);
    }
  }
}

/** A pathway student counts as placed only when every request is met in a way that keeps them A–G on track. */
export function placement(m: ModelBuilder, inst: Instance, vars: Vars): void {
  for (const part of vars.parts) {
    if (part.placed === undefined || part.member === undefined || !part.cohort) continue;
    const label = `g${part.group},${part.cohort.id}`;
    m.row(`placedMember[${label}]`, [[part.placed, 1], [part.member, -1]], -Infinity, 0);
    const group = inst.groups[part.group]!;
    group.requests.forEach((r, ri) => {
      if (r.cohort) return;
      const safe = new Set(r.safe);
      const met: Expr = part.takes.filter((t) => t.request === ri && safe.has(t.course)).map((t) => [t.col, -1] as const);
      m.row(`placedNeeds[${label},${r.course}]`, [[part.placed!, 1], ...met], -Infinity, 0);
    });
  }
}
