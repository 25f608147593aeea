/**
 * The board (sections on the grid, before rooms) and the loading plan handed from the integer
 * program to student loading: no solver types cross this line.
 */

export interface PlannedSection {
  readonly id: string;
  readonly course: string;
  readonly teacher: string;
  readonly slots: readonly string[];
  /** Key of the placement (same key = same slots), used to pool seats of interchangeable sections. */
  readonly pattern: string;
  readonly cohort?: string;
}

/** How many students of one group (in one cohort, or none) the program loads where. */
export interface PartPlan {
  readonly group: number;
  readonly cohort: string | null;
  /** Students of the group in this part. */
  readonly count: number;
  /** Per request index: counts by (course, placement). */
  readonly takes: ReadonlyMap<number, ReadonlyArray<{ course: string; pattern: string; slots: readonly string[]; count: number }>>;
}

/** Numbers sections `COURSE-1`, `COURSE-2`, ... in slot order, cohort sections first within a course. */
export function numberSections(raw: ReadonlyArray<Omit<PlannedSection, 'id'>>, slotOrder: ReadonlyMap<string, number>): PlannedSection[] {
  const first = (s: Omit<PlannedSection, 'id'>) => Math.min(...s.slots.map((x) => slotOrder.get(x) ?? 0));
  const sorted = [...raw].sort(
    (a, b) =>
      (a.course < b.course ? -1 : a.course > b.course ? 1 : 0) ||
      (a.cohort ? 0 : 1) - (b.cohort ? 0 : 1) ||
      (a.cohort ?? '').localeCompare(b.cohort ?? '') ||
      first(a) - first(b) ||
      a.teacher.localeCompare(b.teacher),
  );
  const n = new Map<string, number>();
  return sorted.map((s) => {
    const k = (n.get(s.course) ?? 0) + 1;
    n.set(s.course, k);
    return { ...s, id: `${s.course}-${k}` };
  });
}
