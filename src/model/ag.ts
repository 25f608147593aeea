/**
 * The A–G on-track rule (SCENARIO.md): cumulative minimum years per subject by the end of each grade.
 */
import { AG_SUBJECTS, type AgSubject, type Course, type Student } from '../scenario/schema.js';

/** Years required by the end of grades 9, 10, 11, 12. */
export const AG_MINIMUM: Readonly<Record<AgSubject, readonly [number, number, number, number]>> = {
  a: [0, 1, 2, 2],
  b: [1, 2, 3, 4],
  c: [1, 2, 3, 3],
  d: [0, 1, 2, 2],
  e: [0, 1, 2, 2],
  f: [0, 0, 1, 1],
  g: [0, 0, 0, 1],
};

export function agMinimum(subject: AgSubject, grade: number): number {
  return AG_MINIMUM[subject][Math.min(3, Math.max(0, grade - 9))] ?? 0;
}

/** Years per subject the student still needs this year to be on track. */
export function agShortfall(student: Pick<Student, 'grade' | 'agCompleted'>): Record<AgSubject, number> {
  const out = {} as Record<AgSubject, number>;
  for (const k of AG_SUBJECTS) out[k] = Math.max(0, agMinimum(k, student.grade) - (student.agCompleted?.[k] ?? 0));
  return out;
}

/** Whether meeting every request exactly as requested would put the student on track. */
export function onTrackReachable(student: Pick<Student, 'grade' | 'agCompleted' | 'requests'>, courses: ReadonlyMap<string, Course>): boolean {
  const short = agShortfall(student);
  for (const id of student.requests) {
    const k = courses.get(id)?.ag;
    if (k) short[k] -= 1;
  }
  return AG_SUBJECTS.every((k) => short[k] <= 0);
}
