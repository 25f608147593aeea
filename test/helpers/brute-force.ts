/**
 * The most pathway students any schedule of a tiny school can place, by trying every board:
 * each planned section closed or given a teacher and a period, every hard rule checked, then
 * every subset of members tried for the cohort. Written from SCENARIO.md alone, sharing no code
 * with the integer program. Only for one-day, one-term calendars of single periods with one cohort.
 */
import type { Scenario } from '../../src/scenario/schema.js';

interface Unit {
  readonly course: string;
  readonly cohort: boolean;
}

type Placement = { teacher: string; period: string } | null;

export function bruteForcePlaced(s: Scenario): number {
  const periods = s.calendar.periods;
  const course = new Map(s.courses.map((c) => [c.id, c]));
  const pathway = s.pathways[0]!;
  const cohortCourses = pathway.cohortCourses['10'] ?? [];
  const members = s.students.filter((st) => st.pathway === pathway.id);
  const largest = (type: string) => Math.max(...s.rooms.filter((r) => r.type === type).map((r) => r.capacity));
  const seats = (c: string) => Math.min(course.get(c)!.capacity, largest(course.get(c)!.roomType));
  const cohortSize = Math.min(pathway.cohortSize, ...cohortCourses.map(seats));
  const cohorts = Math.ceil(members.length / pathway.cohortSize);
  if (cohorts > 1) throw new Error('brute force handles one cohort');

  // Planned sections: one cohort section per cohort course, regular sections for the rest of the demand.
  const units: Unit[] = [];
  if (cohorts === 1) for (const c of cohortCourses) units.push({ course: c, cohort: true });
  for (const c of s.courses) {
    const demand = s.students.filter((st) => st.requests.includes(c.id)).length;
    const inCohorts = cohortCourses.includes(c.id) ? cohorts * cohortSize : 0;
    const regular = Math.ceil(Math.max(0, demand - inCohorts) / seats(c.id));
    for (let i = 0; i < regular; i++) units.push({ course: c.id, cohort: false });
  }
  const options = units.map((u) => {
    const list: Placement[] = [null];
    for (const t of s.teachers) if (t.courses.includes(u.course)) for (const p of periods) if (!(t.unavailable ?? []).includes(p)) list.push({ teacher: t.id, period: p });
    return list;
  });

  let best = 0;
  const board: Placement[] = units.map(() => null);
  const valid = (): boolean => {
    for (const t of s.teachers) {
      const busy = board.filter((b) => b?.teacher === t.id).map((b) => b!.period);
      if (new Set(busy).size !== busy.length || busy.length > t.maxSections) return false;
      const availableFree = periods.filter((p) => !(t.unavailable ?? []).includes(p) && !busy.includes(p));
      const available = periods.filter((p) => !(t.unavailable ?? []).includes(p));
      if (available.length > 0 && availableFree.length === 0) return false;
    }
    for (const type of new Set(s.rooms.map((r) => r.type))) {
      const rooms = s.rooms.filter((r) => r.type === type).length;
      for (const p of periods) if (board.filter((b, i) => b?.period === p && course.get(units[i]!.course)!.roomType === type).length > rooms) return false;
    }
    if (pathway.commonPlanning > 0 && pathway.team.length > 0) {
      const free = periods.filter((p) => pathway.team.every((t) => !(s.teachers.find((x) => x.id === t)!.unavailable ?? []).includes(p) && !board.some((b) => b?.teacher === t && b.period === p)));
      if (free.length < pathway.commonPlanning) return false;
    }
    for (const l of s.locks) if (!board.some((b, i) => b?.period === l.slot && units[i]!.course === l.course)) return false;
    return true;
  };
  const placedOn = (): number => {
    const cohortPeriods = units.map((u, i) => (u.cohort ? board[i] : undefined)).filter((b) => b !== undefined);
    if (cohortPeriods.some((b) => b === null)) return 0;
    const busy = cohortPeriods.map((b) => b!.period);
    if (new Set(busy).size !== busy.length) return 0;
    const regular = units.map((u, i) => ({ u, i })).filter(({ u, i }) => !u.cohort && board[i] !== null);
    let most = 0;
    for (let mask = 1; mask < 1 << members.length; mask++) {
      const chosen = members.filter((_, k) => mask & (1 << k));
      if (chosen.length <= most || chosen.length > cohortSize) continue;
      const used = new Map<number, number>();
      const assign = (k: number): boolean => {
        if (k === chosen.length) return true;
        const st = chosen[k]!;
        const rest = st.requests.filter((r) => !cohortCourses.includes(r));
        const pick = (j: number, taken: string[]): boolean => {
          if (j === rest.length) return assign(k + 1);
          const wanted = [rest[j]!, ...(st.alternates?.[rest[j]!] ?? [])];
          for (const { u, i } of regular) {
            const p = board[i]!.period;
            if (!wanted.includes(u.course) || taken.includes(p) || (used.get(i) ?? 0) >= seats(u.course)) continue;
            used.set(i, (used.get(i) ?? 0) + 1);
            if (pick(j + 1, [...taken, p])) return true;
            used.set(i, (used.get(i) ?? 0) - 1);
          }
          return false;
        };
        return pick(0, busy);
      };
      if (assign(0)) most = chosen.length;
    }
    return most;
  };
  const maxOf = new Map(s.teachers.map((t) => [t.id, t.maxSections]));
  const load = new Map<string, number>();
  const busyAt = new Set<string>();
  const walk = (i: number): void => {
    if (best === members.length) return;
    if (i === units.length) {
      if (valid()) best = Math.max(best, placedOn());
      return;
    }
    // Identical regular sections of a course are interchangeable: try them in a fixed order only.
    const prev = i > 0 && !units[i]!.cohort && units[i - 1]!.course === units[i]!.course && !units[i - 1]!.cohort ? options[i - 1]!.indexOf(board[i - 1]!) : 0;
    options[i]!.forEach((o, k) => {
      if (k < prev) return;
      if (o) {
        const key = `${o.teacher}@${o.period}`;
        if (busyAt.has(key) || (load.get(o.teacher) ?? 0) >= (maxOf.get(o.teacher) ?? 0)) return;
        busyAt.add(key);
        load.set(o.teacher, (load.get(o.teacher) ?? 0) + 1);
        board[i] = o;
        walk(i + 1);
        busyAt.delete(key);
        load.set(o.teacher, (load.get(o.teacher) ?? 0) - 1);
      } else {
        board[i] = null;
        walk(i + 1);
      }
    });
    board[i] = null;
  };
  walk(0);
  return best;
}
