/** Reading cohort labels `PATHWAY-GRADE-N`; pathway ids may contain '-', so read from the right. */

/** A parsed cohort label. */
export interface CohortLabel {
  readonly pathway: string;
  readonly grade: number;
  readonly number: number;
}

/** Parses `HEALTH-10-1`; undefined when the label does not have that shape. */
export function parseCohortLabel(label: string): CohortLabel | undefined {
  const match = /^(.+)-(9|10|11|12)-([1-9]\d*)$/.exec(label);
  if (!match) return undefined;
  const [, pathway = '', grade = '', number = ''] = match;
  return { pathway, grade: Number(grade), number: Number(number) };
}

/**
 * The pathway a section is reserved for: the pathway of its cohort label, or undefined for a
 * regular section (or a label that does not parse). Only such sections are a pathway's.
 */
export function cohortPathway(section: { readonly cohort?: string | undefined }): string | undefined {
  return section.cohort === undefined ? undefined : parseCohortLabel(section.cohort)?.pathway;
}

/** Whether a cohort label names a cohort of the student's own pathway and grade. */
export function isOwnCohort(label: string | undefined, student: { readonly pathway?: string | undefined; readonly grade: number }): boolean {
  const parsed = label === undefined ? undefined : parseCohortLabel(label);
  return parsed !== undefined && student.pathway !== undefined && parsed.pathway === student.pathway && parsed.grade === student.grade;
}

/** The labels, among these sections, of cohorts of the student's own pathway and grade. */
export function ownCohortLabels(
  student: { readonly pathway?: string | undefined; readonly grade: number },
  sections: Iterable<{ readonly cohort?: string | undefined }>,
): Set<string> {
  const labels = new Set<string>();
  for (const s of sections) if (s.cohort !== undefined && isOwnCohort(s.cohort, student)) labels.add(s.cohort);
  return labels;
}
