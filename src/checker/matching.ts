/**
 * Which of a student's sections meets which request. A section of course X can meet request X
 * or a request that lists X as an alternate; a request takes at most one section. A maximum
 * matching decides, so that a course that is both requested and an alternate of another
 * request is not counted twice. Requests are matched in priority order, so a higher-priority
 * request is never left unmet to meet a lower one.
 */
import type { Priority, Scenario, Student } from '../scenario/schema.js';
import type { Section } from '../solution/schema.js';

/** A student's request with its priority and the courses that meet it (itself first). */
export interface RequestLine {
  readonly course: string;
  readonly priority: Priority;
  readonly accepts: readonly string[];
}

const RANK: Readonly<Record<Priority, number>> = { required: 0, requested: 1, recommended: 2 };

/** A student's requests, with priorities; cohort courses of a pathway student are required. */
export function requestLines(scenario: Scenario, student: Student): RequestLine[] {
  const pathway = student.pathway === undefined ? undefined : scenario.pathways.find((p) => p.id === student.pathway);
  const cohort = new Set(pathway?.cohortCourses[String(student.grade)] ?? []);
  return student.requests.map((course) => ({
    course,
    priority: cohort.has(course) ? 'required' : (student.priorities?.[course] ?? 'requested'),
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
