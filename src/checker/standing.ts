/**
 * One student's standing in a schedule: which requests are met, whether they are A–G on track,
 * and (for a pathway student) whether they are successfully placed. Figures and the report's
 * reasons both read this, so they cannot disagree.
 */
import { AG_SUBJECTS, type AgSubject, type Pathway, type Student } from '../scenario/schema.js';
import type { Section } from '../solution/schema.js';
import { agMinimum, type AgShortfall } from './ag.js';
import { isOwnCohort } from './cohort-label.js';
import { timetableOf, type Lookup } from './lookup.js';
import { matchRequests, requestLines, type RequestLine, type RequestMatch } from './matching.js';

export interface AgStanding {
  readonly onTrack: boolean;
  /** Even with every request met the minimum cannot be reached. */
  readonly offTrackByRequest: boolean;
  /** Subjects short with this year's schedule. */
  readonly shortfalls: readonly AgShortfall[];
}

export interface CohortStanding {
  readonly pathway: Pathway;
  /** Cohort courses of the student's pathway and grade. */
  readonly courses: readonly string[];
  /** Cohort course → the section meeting it, when there is one. */
  readonly sections: ReadonlyMap<string, Section>;
  /** The one cohort (of the student's own pathway and grade) all cohort courses are met in, if any. */
  readonly cohort: string | undefined;
  readonly ok: boolean;
}

export interface Standing {
  readonly student: Student;
  readonly match: RequestMatch;
  readonly unmet: readonly RequestLine[];
  readonly ag: AgStanding;
  /** Set for pathway students. */
  readonly cohort?: CohortStanding;
  /** Set for pathway students. */
  readonly placed?: boolean;
}

function agStanding(book: Lookup, student: Student, sections: readonly Section[]): AgStanding {
  const scheduled = new Map<AgSubject, number>();
  const requested = new Map<AgSubject, number>();
  for (const course of new Set(sections.map((s) => s.course))) {
    const ag = book.courses.get(course)?.ag;
    if (ag) scheduled.set(ag, (scheduled.get(ag) ?? 0) + 1);
  }
  for (const course of new Set(student.requests)) {
    const ag = book.courses.get(course)?.ag;
    if (ag) requested.set(ag, (requested.get(ag) ?? 0) + 1);
  }
  const shortfalls: AgShortfall[] = [];
  let offTrackByRequest = false;
  for (const subject of AG_SUBJECTS) {
    const done = student.agCompleted?.[subject] ?? 0;
    const needed = agMinimum(subject, student.grade);
    const years = done + (scheduled.get(subject) ?? 0);
    if (years < needed) shortfalls.push({ subject, years, needed });
    if (done + (requested.get(subject) ?? 0) < needed) offTrackByRequest = true;
  }
  return { onTrack: shortfalls.length === 0, offTrackByRequest, shortfalls };
}

function cohortStanding(pathway: Pathway, student: Student, match: RequestMatch): CohortStanding {
  const courses = pathway.cohortCourses[String(student.grade)] ?? [];
  const sections = new Map<string, Section>();
  const labels = new Set<string>();
  let ownLabels = true;
  for (const course of courses) {
    const section = match.metBy.get(course);
    if (!section) continue;
    sections.set(course, section);
    if (section.cohort === undefined || !isOwnCohort(section.cohort, student)) ownLabels = false;
    else labels.add(section.cohort);
  }
  const complete = sections.size === courses.length;
  const [only] = labels;
  const cohort = complete && ownLabels && labels.size === 1 ? only : undefined;
  return { pathway, courses, sections, cohort, ok: courses.length === 0 || cohort !== undefined };
}

/** Evaluates one student against the schedule. */
export function standing(book: Lookup, student: Student): Standing {
  const sections = timetableOf(book, student.id);
  const lines = requestLines(book.scenario, student);
  const match = matchRequests(lines, sections);
  const unmet = lines.filter((l) => !match.metBy.has(l.course));
  const ag = agStanding(book, student, sections);
  const pathway = student.pathway === undefined ? undefined : book.pathways.get(student.pathway);
  if (!pathway) return { student, match, unmet, ag };
  const cohort = cohortStanding(pathway, student, match);
  const agOk = book.scenario.policy.agRule !== 'on-track' || ag.onTrack || ag.offTrackByRequest;
  return { student, match, unmet, ag, cohort, placed: unmet.length === 0 && cohort.ok && agOk };
}

/** Every student's standing, in scenario order. */
export function standings(book: Lookup): Standing[] {
  return book.scenario.students.map((s) => standing(book, s));
}
