/**
 * Which pathway grades the placement bound solves together. Grades whose courses share no
 * credentialed teacher compete for nothing but rooms, so solving them apart loses little; grades
 * that share teachers are solved together while the program stays small, because apart each may
 * count a teacher's free slots the other needs. Either way the sum of the parts' bounds is a
 * bound (each part is a relaxation of the schedule restricted to its members).
 */
import type { Scenario } from '../scenario/schema.js';
import type { PathwayGrade } from './members.js';

/** Courses a pathway grade's members may sit in. */
function coursesOf(g: PathwayGrade): Set<string> {
  return new Set([...g.cohortCourses, ...g.groups.flatMap((x) => x.lines.flatMap((l) => l.choices))]);
}

/** Connected groups of pathway grades that share a credentialed teacher, in the grades' order. */
export function sharingTeachers(scenario: Scenario, grades: readonly PathwayGrade[]): PathwayGrade[][] {
  const parent = grades.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  grades.forEach((g, i) => {
    const courses = coursesOf(g);
    for (const t of scenario.teachers) {
      if (t.maxSections <= 0 || !t.courses.some((c) => courses.has(c))) continue;
      const j = owner.get(t.id);
      if (j === undefined) owner.set(t.id, i);
      else parent[find(i)] = find(j);
    }
  });
  const out = new Map<number, PathwayGrade[]>();
  grades.forEach((g, i) => {
    const root = find(i);
    out.set(root, [...(out.get(root) ?? []), g]);
  });
  return [...out.values()];
}

/**
 * Splits a group of pathway grades that is too large to solve together: first by pathway, then
 * grade by grade. `fits` says whether a group is small enough.
 */
export function split(group: readonly PathwayGrade[], fits: (g: readonly PathwayGrade[]) => boolean): PathwayGrade[][] {
  if (group.length <= 1 || fits(group)) return [[...group]];
  const pathways = [...new Set(group.map((g) => g.pathway))];
  if (pathways.length > 1)
    return pathways.flatMap((p) =>
      split(
        group.filter((g) => g.pathway === p),
        fits,
      ),
    );
  return group.map((g) => [g]);
}
