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
