import type { ModelBuilder, Expr } from '../builder.js';
import type { Instance } from '../instance.js';
import type { Part, Vars } from '../variables.js';
import { cohortBusy } from './cohorts.js';
import { getKnown, getOrInsert } from '../../map-entry.js';

const STUDENT_CLASH = { rule: 'student-clash', args: {} } as const;
const DUPLICATE_COURSE = { rule: 'duplicate-course', args: {} } as const;

/** Students of a part: its member column, or for the no-cohort part the group less its cohort members. */
function partSize(part: Part, vars: Vars, inst: Instance): { expr: Expr; constant: number } {
  if (part.member !== undefined) return { expr: [[part.member, -1]], constant: 0 };
  const others: Expr = vars.parts.flatMap((p) => (p.group === part.group && p.member !== undefined ? [[p.member, 1] as const] : []));
  return { expr: others, constant: inst.groups[part.group]?.students.length ?? 0 };
}

/**
 * Students are loaded only into running sections with free seats, at most once per request,
 * into at most one section of a course (an alternate taken for one request does not also meet
 * another), never into two sections that share a slot, and never into a slot their cohort
 * spends together.
 */
export function loading(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const seats = new Map<string, Expr>();
  const courseOf = new Map<string, string>();
  for (const part of vars.parts)
    for (const t of part.takes) {
      const key = `${t.course},${t.pattern.key}`;
      courseOf.set(key, t.course);
      getOrInsert(seats, key, () => []).push([t.col, 1]);
    }
  for (const v of vars.teach) {
    if (v.cohort) continue;
    const key = `${v.course},${v.pattern.key}`;
    const e = seats.get(key);
    if (e) e.push([v.col, -(inst.courses.get(v.course)?.seats ?? 0)]);
  }
  for (const [key, expr] of seats)
    m.row(`seats[${key}]`, expr, -Infinity, 0, { rule: 'course-capacity', args: { course: getKnown(courseOf, key, 'course of seat row') } });

  for (const part of vars.parts) {
    if (part.takes.length === 0) continue;
    const label = `g${part.group},${part.cohort?.id ?? 'none'}`;
    const size = partSize(part, vars, inst);
    // `take ≤ size` is written as `take - sizeExpr ≤ constant` (sizeExpr already negated for members).
    const capped = (expr: Expr): Expr => [...expr, ...size.expr];
    const byRequest = new Map<number, Expr>();
    const bySlot = new Map<string, Expr>();
    const byCourse = new Map<string, { requests: Set<number>; expr: Expr }>();
    for (const t of part.takes) {
      getOrInsert(byRequest, t.request, () => []).push([t.col, 1]);
      for (const s of t.pattern.slots) getOrInsert(bySlot, s, () => []).push([t.col, 1]);
      const c = getOrInsert(byCourse, t.course, () => ({ requests: new Set<number>(), expr: [] }));
      c.requests.add(t.request);
      c.expr.push([t.col, 1]);
    }
    for (const [r, expr] of byRequest) m.row(`requestOnce[${label},${r}]`, capped(expr), -Infinity, size.constant, DUPLICATE_COURSE);
    // A course that meets only one request is already bounded by that request's row.
    for (const [course, c] of byCourse)
      if (c.requests.size > 1) m.row(`courseOnce[${label},${course}]`, capped(c.expr), -Infinity, size.constant, { rule: 'one-section-per-course', args: {} });
    for (const [s, expr] of bySlot) if (expr.length > 1) m.row(`studentClash[${label},${s}]`, capped(expr), -Infinity, size.constant, STUDENT_CLASH);
  }

  // A cohort busy in a slot frees none of its members for another section there.
  const busy = cohortBusy(vars);
  for (const k of inst.cohorts) {
    const bySlot = new Map<string, Expr>();
    for (const part of vars.parts) {
      if (part.cohort?.id !== k.id) continue;
      for (const t of part.takes) for (const s of t.pattern.slots) getOrInsert(bySlot, s, () => []).push([t.col, 1]);
    }
    for (const [slot, expr] of bySlot) {
      const b = busy.get(k.id)?.get(slot);
      if (!b) continue;
      m.row(`cohortFree[${k.id},${slot}]`, [...expr, ...b.map(([c]) => [c, k.size] as const)], -Infinity, k.size, STUDENT_CLASH);
    }
  }
}

/**
 * A pathway student counts as placed only when every request is met in a way that keeps them A–G
 * on track. Placed students are followed through the loading (`placedTake`): each placed student
 * has exactly one safe take per request, and in every slot the placed students, and likewise the
 * part's other members, sit in at most one section each. This makes the count exact: a group of
 * several students has only single-slot placements, each course meeting one of its requests
 * (src/model/aggregate.ts), so the placed students' takes form a bipartite multigraph of requests
 * and slots of degree `placed`, which splits into `placed` timetables (König's edge-colouring
 * theorem), and the others' takes likewise into `member − placed`; a group of one student is its
 * own timetable. Bounding each request's safe takes separately would count a student who needs
 * two courses offered only in the same period.
 */
export function placement(m: ModelBuilder, inst: Instance, vars: Vars): void {
  for (const part of vars.parts) {
    if (part.placed === undefined || part.member === undefined || !part.cohort) continue;
    const label = `g${part.group},${part.cohort.id}`;
    const placed = part.placed;
    const member = part.member;
    m.row(
      `placedMember[${label}]`,
      [
        [placed, 1],
        [member, -1],
      ],
      -Infinity,
      0,
    );
    const group = inst.groups[part.group]!;
    const placedOf = new Map(part.placedTakes.map((u) => [u.take.col, u.col]));
    for (const u of part.placedTakes) {
      const t = u.take;
      m.row(
        `placedInTake[${label},${group.requests[t.request]!.course},${t.course},${t.pattern.key}]`,
        [
          [u.col, 1],
          [t.col, -1],
        ],
        -Infinity,
        0,
      );
    }
    group.requests.forEach((r, ri) => {
      if (r.cohort) return;
      const met: Expr = part.placedTakes.filter((u) => u.take.request === ri).map((u) => [u.col, -1] as const);
      m.row(`placedNeeds[${label},${r.course}]`, [[placed, 1], ...met], 0, 0);
    });
    // A slot used by only one request needs no row: that request's own count already bounds it.
    const bySlot = new Map<string, { requests: Set<number>; placedRequests: Set<number>; placed: Expr; others: Expr }>();
    for (const t of part.takes) {
      const u = placedOf.get(t.col);
      for (const s of t.pattern.slots) {
        const e = getOrInsert(bySlot, s, () => ({ requests: new Set<number>(), placedRequests: new Set<number>(), placed: [], others: [] }));
        e.requests.add(t.request);
        e.others.push([t.col, 1]);
        if (u === undefined) continue;
        e.placedRequests.add(t.request);
        e.placed.push([u, 1]);
        e.others.push([u, -1]);
      }
    }
    for (const [s, e] of bySlot) {
      if (e.placedRequests.size > 1) m.row(`placedSlot[${label},${s}]`, [...e.placed, [placed, -1]], -Infinity, 0);
      if (e.requests.size > 1) m.row(`othersSlot[${label},${s}]`, [...e.others, [member, -1], [placed, 1]], -Infinity, 0);
    }
  }
}
