/**
 * Splitting one part's counts (so many of its identical students take this request at that
 * placement) into one timetable per student. First as many students as possible get a complete
 * timetable that places them (one counting item for every request the placement needs), chosen
 * so the items left over still fit the students left over; then the others take the leftovers one
 * student at a time, each covering every request and slot that would otherwise overflow, going
 * back to earlier students' other choices when one gets cornered; items still left are handed
 * out by moving one clashing item to another student.
 *
 * With single-slot items the leftovers are exact: once no request and no slot holds more items
 * than there are students left, they form a bipartite multigraph (requests × slots) whose largest
 * degree is at most the number of students, so by König's edge-colouring theorem each student can
 * take a matching that covers every vertex of largest degree and all items are handed out. The
 * count of complete timetables is the largest the counts allow whenever the search finishes
 * within its work budget (always on small parts). Items spanning several slots (double periods,
 * every-day courses on an A/B calendar) would make it a packing problem that counts need not
 * solve; the program therefore gives them only to parts of one student (src/model/aggregate.ts),
 * whose items are their timetable.
 */

/** So many seats of one placement for one request. */
export interface PartItem {
  readonly request: number;
  readonly slots: readonly string[];
  readonly count: number;
  /** Meeting the request with this item counts towards the student's placement. */
  readonly safe: boolean;
}

export interface PartProblem {
  /** Students in the part (identical, interchangeable). */
  readonly students: number;
  readonly items: readonly PartItem[];
  /** Requests a placed student needs met by a safe item; empty when the part places nobody. */
  readonly placing: readonly number[];
  /** Slots no student of the part may use (their cohort's sections). */
  readonly blocked: ReadonlySet<string>;
}

/** Complete timetables enumerated per part, at most. */
const PATTERN_CAP = 3000;
/** Work units (pattern checks) the search for complete timetables may spend per part. */
const COMPLETE_WORK = 100_000;
/** Search nodes per leftover student. */
const STUDENT_NODES = 4000;
/** Alternative choices of complete timetables tried when the leftovers do not all fit. */
const ALTERNATIVES = 6;
/** Timetables kept per leftover student for the search to go back to. */
const CANDIDATES = 3;
/** Leftover students the search may visit per part (over all alternatives) before it only follows first choices. */
const LEFTOVER_STEPS = 200;

interface Counts {
  readonly left: number[];
  readonly byRequest: Map<number, number>;
  readonly bySlot: Map<string, number>;
  readonly safeByRequest: Map<number, number>;
}

function countsOf(problem: PartProblem): Counts {
  const counts: Counts = { left: problem.items.map((i) => Math.max(0, i.count)), byRequest: new Map(), bySlot: new Map(), safeByRequest: new Map() };
  problem.items.forEach((_, k) => {
    change(problem, counts, k, 0);
  });
  for (const r of problem.placing) if (!counts.safeByRequest.has(r)) counts.safeByRequest.set(r, 0);
  return counts;
}

/** Adds `delta` to what is left of item k (-1: one handed out); with 0 only registers its initial count in the totals. */
function change(problem: PartProblem, counts: Counts, k: number, delta: number): void {
  const item = problem.items[k]!;
  const by = delta === 0 ? counts.left[k]! : delta;
  if (delta !== 0) counts.left[k] = counts.left[k]! + delta;
  counts.byRequest.set(item.request, (counts.byRequest.get(item.request) ?? 0) + by);
  if (item.safe) counts.safeByRequest.set(item.request, (counts.safeByRequest.get(item.request) ?? 0) + by);
  for (const s of item.slots) counts.bySlot.set(s, (counts.bySlot.get(s) ?? 0) + by);
}

/** Items that cannot be handed to `students` students however they are split: a lower bound on the loss. */
function overflow(counts: Counts, students: number): number {
  let requests = 0;
  let slots = 0;
  for (const v of counts.byRequest.values()) requests += Math.max(0, v - students);
  for (const v of counts.bySlot.values()) slots += Math.max(0, v - students);
  return Math.max(requests, slots);
}

/** Every complete timetable: one safe item per placing request, no two sharing a slot. */
function completeTimetables(problem: PartProblem): number[][] {
  const byRequest = problem.placing.map((r) =>
    problem.items
      .map((item, k) => ({ item, k }))
      .filter(({ item }) => item.request === r && item.safe && item.count > 0 && item.slots.every((s) => !problem.blocked.has(s)))
      .sort((a, b) => b.item.count - a.item.count || a.k - b.k)
      .map(({ k }) => k),
  );
  if (byRequest.some((list) => list.length === 0)) return [];
  const order = byRequest.map((_, i) => i).sort((a, b) => byRequest[a]!.length - byRequest[b]!.length || a - b);
  const out: number[][] = [];
  const used = new Set<string>();
  const chosen: number[] = [];
  const walk = (depth: number): void => {
    if (out.length >= PATTERN_CAP) return;
    if (depth === order.length) {
      out.push([...chosen]);
      return;
    }
    for (const k of byRequest[order[depth]!]!) {
      const slots = problem.items[k]!.slots;
      if (slots.some((s) => used.has(s))) continue;
      for (const s of slots) used.add(s);
      chosen.push(k);
      walk(depth + 1);
      chosen.pop();
      for (const s of slots) used.delete(s);
    }
  };
  walk(0);
  return out;
}

/**
 * The most complete timetables the counts allow (within the work budget): a few alternative
 * choices of them, those whose leftovers overflow the other students least first.
 */
function placeStudents(problem: PartProblem, counts: Counts): number[][][] {
  if (problem.placing.length === 0 || problem.students === 0) return [[]];
  const patterns = completeTimetables(problem);
  if (patterns.length === 0) return [[]];
  const n = problem.students;
  const safeMin = () => Math.min(...problem.placing.map((r) => counts.safeByRequest.get(r) ?? 0));
  const ceiling = Math.min(n, safeMin());
  let best = { placed: 0, loss: overflow(counts, n), choices: [[]] as number[][] };
  const chosen: number[] = [];
  let work = 0;
  let done = false;
  const available = (p: readonly number[]) => p.every((k) => counts.left[k]! > 0);
  // Timetables in non-decreasing index order: each multiset is visited once.
  const walk = (from: number, depth: number): void => {
    const loss = overflow(counts, n - depth);
    if (depth > best.placed || (depth === best.placed && loss < best.loss)) best = { placed: depth, loss, choices: [[...chosen]] };
    else if (depth === best.placed && loss === best.loss && depth > 0 && best.choices.length < ALTERNATIVES) best.choices.push([...chosen]);
    if (depth === ceiling && loss === 0 && best.choices.length >= ALTERNATIVES) {
      done = true;
      return;
    }
    if (depth === n) return;
    const reach = depth + Math.min(n - depth, safeMin());
    if (reach < best.placed || (reach === best.placed && best.loss === 0 && best.choices.length >= ALTERNATIVES)) return;
    for (let i = from; i < patterns.length && !done; i++) {
      if (++work > COMPLETE_WORK) return;
      const p = patterns[i]!;
      if (!available(p)) continue;
      for (const k of p) change(problem, counts, k, -1);
      chosen.push(i);
      walk(i, depth + 1);
      chosen.pop();
      for (const k of p) change(problem, counts, k, 1);
    }
  };
  walk(0, 0);
  return best.choices.map((c) => c.map((i) => [...patterns[i]!]));
}

interface Candidate {
  /** Requests and slots that would overflow the students after this one and this timetable leaves uncovered. */
  readonly uncovered: number;
  readonly chosen: readonly number[];
}

/**
 * The best few timetables for one leftover student: those covering every request and slot that
 * would otherwise overflow the students after this one first, then those taking most items.
 */
function leftoverCandidates(problem: PartProblem, counts: Counts, studentsLeft: number): Candidate[] {
  const tightRequest = (r: number) => (counts.byRequest.get(r) ?? 0) >= studentsLeft;
  const tightSlots = new Set([...counts.bySlot].filter(([, v]) => v >= studentsLeft).map(([s]) => s));
  const requests = [...new Set(problem.items.map((i) => i.request))];
  const options = new Map<number, number[]>();
  for (const r of requests) {
    const list = problem.items
      .map((item, k) => ({ item, k }))
      .filter(({ item, k }) => item.request === r && counts.left[k]! > 0 && item.slots.every((s) => !problem.blocked.has(s)))
      .sort(
        (a, b) =>
          b.item.slots.filter((s) => tightSlots.has(s)).length - a.item.slots.filter((s) => tightSlots.has(s)).length ||
          counts.left[b.k]! - counts.left[a.k]! ||
          a.item.slots.length - b.item.slots.length ||
          a.k - b.k,
      )
      .map(({ k }) => k);
    if (list.length > 0) options.set(r, list);
  }
  const order = [...options.keys()].sort(
    (a, b) => Number(tightRequest(b)) - Number(tightRequest(a)) || (options.get(a)?.length ?? 0) - (options.get(b)?.length ?? 0) || a - b,
  );
  const better = (a: Candidate, b: Candidate) => a.uncovered - b.uncovered || b.chosen.length - a.chosen.length;
  let kept: Candidate[] = [];
  const chosen: number[] = [];
  const used = new Set<string>();
  let nodes = 0;
  let perfect = 0;
  const worst = () => (kept.length < CANDIDATES ? undefined : kept[kept.length - 1]);
  const walk = (depth: number, skippedTight: number): void => {
    if (perfect >= CANDIDATES) return;
    if (depth === order.length) {
      let uncovered = skippedTight;
      for (const s of tightSlots) if (!used.has(s)) uncovered++;
      const c = { uncovered, chosen: [...chosen] };
      const w = worst();
      if (w && better(c, w) >= 0) return;
      kept = [...kept, c].sort(better).slice(0, CANDIDATES);
      if (uncovered === 0 && chosen.length === order.length) perfect++;
      return;
    }
    const w = worst();
    if (w && (skippedTight > w.uncovered || (skippedTight === w.uncovered && chosen.length + order.length - depth <= w.chosen.length))) return;
    if (++nodes > STUDENT_NODES) return;
    const r = order[depth]!;
    for (const k of options.get(r) ?? []) {
      const slots = problem.items[k]!.slots;
      if (slots.some((x) => used.has(x))) continue;
      for (const x of slots) used.add(x);
      chosen.push(k);
      walk(depth + 1, skippedTight);
      chosen.pop();
      for (const x of slots) used.delete(x);
      if (perfect >= CANDIDATES) return;
    }
    walk(depth + 1, skippedTight + (tightRequest(r) ? 1 : 0));
  };
  walk(0, 0);
  return kept;
}

/**
 * Timetables for the leftover students. Each takes its best candidate; when a student cannot
 * cover what would overflow (items spanning several slots can corner it), the search goes back
 * to earlier students' other candidates, within a budget, and keeps the split handing out most.
 */
function leftoverTimetables(problem: PartProblem, counts: Counts, students: number, budget: { steps: number }): number[][] {
  let best: number[][] = [];
  let bestGiven = -1;
  const path: number[][] = [];
  let done = false;
  const open = () => counts.left.reduce((sum, v, k) => sum + (problem.items[k]!.slots.some((x) => problem.blocked.has(x)) ? 0 : v), 0);
  const walk = (given: number): void => {
    if (given + open() <= bestGiven) return;
    if (path.length === students) {
      if (given > bestGiven) {
        best = path.map((t) => [...t]);
        bestGiven = given;
      }
      if (open() === 0) done = true;
      return;
    }
    const candidates = leftoverCandidates(problem, counts, students - path.length);
    // The first candidate is always followed; others only while a loss is still forced somewhere.
    const tries = --budget.steps < 0 ? candidates.slice(0, 1) : candidates;
    for (const c of tries.length > 0 ? tries : [{ uncovered: 0, chosen: [] }]) {
      for (const k of c.chosen) change(problem, counts, k, -1);
      path.push([...c.chosen]);
      walk(given + c.chosen.length);
      path.pop();
      for (const k of c.chosen) change(problem, counts, k, 1);
      if (done) return;
    }
  };
  walk(0);
  for (const t of best) for (const k of t) change(problem, counts, k, -1);
  return best;
}

/** Slots each student's items occupy, blocked slots included. */
function busyOf(problem: PartProblem, timetable: readonly number[]): Set<string> {
  const busy = new Set(problem.blocked);
  for (const k of timetable) for (const s of problem.items[k]!.slots) busy.add(s);
  return busy;
}

const fitsIn = (problem: PartProblem, timetable: readonly number[], busy: ReadonlySet<string>, k: number) =>
  timetable.every((j) => problem.items[j]!.request !== problem.items[k]!.request) && problem.items[k]!.slots.every((s) => !busy.has(s));

/**
 * Items still left go to a student who has room for them, or to one whose single clashing item
 * moves to another student with room for it (placed students keep their timetables).
 */
function handOutLeftovers(problem: PartProblem, counts: Counts, timetables: number[][], placed: number): void {
  for (let k = 0; k < problem.items.length; k++) {
    while (counts.left[k]! > 0 && problem.items[k]!.slots.every((s) => !problem.blocked.has(s))) {
      if (!handOut(problem, timetables, placed, k)) break;
      change(problem, counts, k, -1);
    }
  }
}

function handOut(problem: PartProblem, timetables: number[][], placed: number, k: number): boolean {
  const item = problem.items[k]!;
  const direct = timetables.findIndex((t) => fitsIn(problem, t, busyOf(problem, t), k));
  if (direct >= 0) {
    timetables[direct]!.push(k);
    return true;
  }
  for (let s = placed; s < timetables.length; s++) {
    const mine = timetables[s]!;
    if (mine.some((j) => problem.items[j]!.request === item.request)) continue;
    const clashing = mine.filter((j) => problem.items[j]!.slots.some((x) => item.slots.includes(x)));
    if (clashing.length !== 1) continue;
    const moved = clashing[0]!;
    const rest = mine.filter((j) => j !== moved);
    if (!fitsIn(problem, rest, busyOf(problem, rest), k)) continue;
    const to = timetables.findIndex((t, i) => i !== s && fitsIn(problem, t, busyOf(problem, t), moved));
    if (to < 0) continue;
    timetables[to]!.push(moved);
    timetables[s] = [...rest, k];
    return true;
  }
  return false;
}

/**
 * Splits a part's counts into one timetable per student (item indices, no two sharing a slot or
 * a request, none in a blocked slot, no item used more often than its count). Students who get a
 * complete (placing) timetable come first. Deterministic: the same problem gives the same split.
 */
export function assignPart(problem: PartProblem): number[][] {
  const initial = countsOf(problem);
  let best: number[][] = [];
  let bestGiven = -1;
  // One budget for every alternative: the first gets the most, later ones what is left.
  const budget = { steps: LEFTOVER_STEPS };
  for (const placed of placeStudents(problem, initial)) {
    const counts = countsOf(problem);
    const out = placed.map((p) => [...p]);
    for (const p of out) for (const k of p) change(problem, counts, k, -1);
    out.push(...leftoverTimetables(problem, counts, problem.students - out.length, budget));
    handOutLeftovers(problem, counts, out, placed.length);
    const given = out.reduce((sum, t) => sum + t.length, 0);
    if (given > bestGiven) {
      best = out;
      bestGiven = given;
    }
    if (counts.left.every((v, k) => v === 0 || problem.items[k]!.slots.some((s) => problem.blocked.has(s)))) break;
  }
  return best.map((t) => [...t].sort((a, b) => a - b));
}
