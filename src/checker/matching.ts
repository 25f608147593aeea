/**
 * Which of a student's sections meets which request. A section of course X can meet request X
 * or a request that lists X as an alternate; a request takes at most one section. A maximum
 * matching decides, so that a course that is both requested and an alternate of another
 * request is not counted twice. Requests are matched in priority order, so a higher-priority
 * request is never left unmet to meet a lower one.
 */
import type { AgSubject, Priority, Scenario, Student } from '../scenario/schema.js';
import { agMinimum } from './ag.js';
import type { Section } from '../solution/schema.js';

/** A student's request with its priority and the courses that meet it (itself first). */
export interface RequestLine {
  readonly course: string;
  readonly priority: Priority;
  readonly accepts: readonly string[];
}

const RANK: Readonly<Record<Priority, number>> = { required: 0, requested: 1, recommended: 2 };

const subjectsOf = new WeakMap<Scenario, ReadonlyMap<string, AgSubject | null | undefined>>();

/**
 * A student's requests with their effective priorities (README, "Request priorities"): cohort
 * courses of a pathway student are required, and with `agRule: "on-track"` so is an A–G course
 * of a subject the student is short in when they request no more courses of it than they are
 * short; any other request keeps its own priority (default `requested`).
 */
export function requestLines(scenario: Scenario, student: Student): RequestLine[] {
  const pathway = student.pathway === undefined ? undefined : scenario.pathways.find((p) => p.id === student.pathway);
  const cohort = new Set(pathway?.cohortCourses[String(student.grade)] ?? []);
  let subjects = subjectsOf.get(scenario);
  if (!subjects) subjectsOf.set(scenario, (subjects = new Map(scenario.courses.map((c) => [c.id, c.ag]))));
  const requested = new Map<AgSubject, number>();
  for (const course of new Set(student.requests)) {
    const k = subjects.get(course);
    if (k) requested.set(k, (requested.get(k) ?? 0) + 1);
  }
  const needed = (course: string) => {
    const k = subjects.get(course);
    if (!k || scenario.policy.agRule !== 'on-track') return false;
    const short = agMinimum(k, student.grade) - (student.agCompleted?.[k] ?? 0);
    return short > 0 && (requested.get(k) ?? 0) <= short;
  };
  return student.requests.map((course) => ({
    course,
    priority: cohort.has(course) || needed(course) ? 'required' : (student.priorities?.[course] ?? 'requested'),
    accepts: [course, ...(student.alternates?.[course] ?? []).filter((a) => a !== course)],
  }));
}

/** The outcome of matching one student's sections to their requests. */
export interface RequestMatch {
  readonly lines: readonly RequestLine[];
  /** Request course → the section meeting it. */
  readonly metBy: ReadonlyMap<string, Section>;
  /** Sections of courses no request accepts. */
  readonly unrequested: readonly Section[];
  /** Sections some request accepts but that no request could take (a second section for a request). */
  readonly surplus: readonly Section[];
}

/** Matches a student's sections to their requests (Kuhn's augmenting paths, requests in priority order). */
export function matchRequests(lines: readonly RequestLine[], sections: readonly Section[]): RequestMatch {
  const order = lines.map((_, i) => i).sort((a, b) => RANK[lines[a]!.priority] - RANK[lines[b]!.priority] || a - b);
  const candidates = lines.map((line) => {
    const list: number[] = [];
    // The course itself before its alternates.
    for (const course of line.accepts) sections.forEach((s, j) => s.course === course && list.push(j));
    return list;
  });
  const holder = new Array<number>(sections.length).fill(-1);
  const augment = (line: number, visited: Set<number>): boolean => {
    for (const j of candidates[line] ?? []) {
      if (visited.has(j)) continue;
      visited.add(j);
      const current = holder[j] ?? -1;
      if (current === -1 || augment(current, visited)) {
        holder[j] = line;
        return true;
      }
    }
    return false;
  };
  for (const line of order) augment(line, new Set());
  const metBy = new Map<string, Section>();
  const unrequested: Section[] = [];
  const surplus: Section[] = [];
  const accepted = new Set(lines.flatMap((l) => l.accepts));
  sections.forEach((s, j) => {
    const line = holder[j] ?? -1;
    if (line >= 0) metBy.set(lines[line]!.course, s);
    else if (accepted.has(s.course)) surplus.push(s);
    else unrequested.push(s);
  });
  return { lines, metBy, unrequested, surplus };
}
