/**
 * Pathways from the team, house or academy codes an export carries: a student's code makes them
 * a member; a section with the code is a cohort section, so its course is a cohort course of the
 * grades it serves (the section's grades; without them, the course's grades all of whose
 * members request it, which can take a course requested by a whole grade for a cohort course);
 * a teacher with the code (or teaching a team section) is on the team. The
 * cohort size is the largest max enrollment of the team's sections, else the mapping's
 * `pathways.cohortSize`, else the smallest capacity of its cohort courses.
 */
import type { Pathway } from '../scenario/schema.js';
import type { SisContext } from './sis-context.js';
import type { Catalogue } from './sis-courses.js';
import type { ImportedStudent } from './sis-requests.js';
import type { StaffTeacher } from './sis-staff.js';

/** A pathway of the import and where its first member is. */
export interface ImportedPathway {
  readonly pathway: Pathway;
  readonly origin: string;
}

/**
 * The pathways of the students' codes; sets each member's pathway in `pathwayOf`.
 * @param kept - courses the scenario holds; teachers - those it holds.
 */
export function readPathways(
  ctx: SisContext,
  catalogue: Catalogue,
  teachers: ReadonlyMap<string, StaffTeacher>,
  students: readonly ImportedStudent[],
  kept: ReadonlySet<string>,
): { pathways: ImportedPathway[]; pathwayOf: Map<string, string> } {
  const settings = ctx.mapping.pathways;
  const codes = settings.codes;
  const pathwayOf = new Map<string, string>();
  const order: string[] = [];
  const origin = new Map<string, string>();
  const unlisted = new Set<string>();
  for (const s of students) {
    const code = s.team.trim();
    if (code === '') continue;
    if (codes && (!(code in codes) || codes[code] === null)) {
      if (!(code in codes)) unlisted.add(code);
      continue;
    }
    pathwayOf.set(s.id, code);
    if (!origin.has(code)) {
      order.push(code);
      origin.set(code, s.origin);
    }
  }
  if (unlisted.size > 0) ctx.notes.push(`team codes not listed in pathways.codes are not pathways: ${[...unlisted].join(', ')}`);

  const pathways = order.map((code): ImportedPathway => {
    const memberList = students.filter((s) => pathwayOf.get(s.id) === code);
    const members = new Set(memberList.map((s) => s.grade));
    // Without a grade on the section: the grades all of whose members request the course.
    const requestedByAll = (course: string) => [...members].filter((g) => memberList.every((s) => s.grade !== g || s.requests.includes(course)));
    const cohortCourses: Record<string, string[]> = {};
    const team = new Set<string>();
    let largestSection: number | undefined;
    for (const s of catalogue.sections) {
      if (s.team !== code || !kept.has(s.course)) continue;
      const courseGrades = catalogue.courses.get(s.course)?.grades;
      const grades = s.grades.size > 0 ? [...s.grades] : requestedByAll(s.course).filter((g) => courseGrades?.includes(g) ?? true);
      for (const g of grades) {
        if (!members.has(g)) continue;
        const list = (cohortCourses[String(g)] ??= []);
        if (!list.includes(s.course)) list.push(s.course);
      }
      for (const t of s.teachers) if (teachers.has(t)) team.add(t);
      if (s.maxSize !== undefined) largestSection = Math.max(largestSection ?? 0, s.maxSize);
    }
    for (const t of teachers.values()) if (t.teams.has(code)) team.add(t.id);
    const cohort = Object.values(cohortCourses).flat();
    const capacities = cohort.map((c) => catalogue.courses.get(c)?.capacity ?? Number.MAX_SAFE_INTEGER);
    const cohortSize = largestSection ?? settings.cohortSize ?? (capacities.length > 0 ? Math.min(...capacities) : 30);
    const named = codes?.[code];
    return {
      origin: origin.get(code) ?? '',
      pathway: {
        id: code,
        name: named?.name ?? code,
        sector: named?.sector ?? '',
        cohortSize,
        cohortCourses: Object.fromEntries(Object.entries(cohortCourses).sort((a, b) => Number(a[0]) - Number(b[0]))),
        team: [...team],
        commonPlanning: settings.commonPlanning,
      },
    };
  });
  const noCohort = pathways.filter((p) => Object.keys(p.pathway.cohortCourses).length === 0).map((p) => p.pathway.id);
  if (noCohort.length > 0) ctx.notes.push(`pathways with members but no team sections (so no cohort courses): ${noCohort.join(', ')}`);
  return { pathways, pathwayOf };
}
