/**
 * The reasons a solution file stores for each pathway student not placed (`report.notPlaced`),
 * rendered from the computed causes (src/explain/compute.ts), so that the solution file, the text
 * and HTML reports and `report --kind explain` say the same thing and each reason can be verified
 * with {@link verifyExplanations}.
 */
import { lookup, standing, type Lookup } from '../checker/index.js';
import type { Scenario } from '../scenario/schema.js';
import type { NotPlaced } from '../solution/schema.js';
import type { Schedule } from '../checker/violation.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';
import type { Cause } from './cause.js';
import { explainSchedule, occupancy, requestCauses } from './compute.js';
import { renderCause } from './render.js';
import { getOrInsert } from '../map-entry.js';

/** Clashes and missing sections say most about the board; seats next; cohorts and the rest after; A–G last. */
const WEIGHT: Readonly<Record<Cause['kind'], number>> = {
  clash: 0,
  'not-offered': 0,
  full: 1,
  reserved: 2,
  'section-count': 2,
  'teacher-shortage': 2,
  'room-shortage': 2,
  'open-seat': 2,
  'no-cohort-seat': 2,
  'cohort-split': 2,
  'cohort-section': 2,
  'ag-shortfall': 3,
};

const sectionOf = (c: Cause) => (c.kind === 'clash' || c.kind === 'full' || c.kind === 'reserved' || c.kind === 'open-seat' ? c.section : undefined);

/**
 * The causes of one request or student as sentences, most telling first, each once. When every
 * section a request names is full and nothing else blocks it, one line says so for the course.
 * An A–G shortfall that an unmet request of the same subject accounts for is left out: that
 * request's own causes explain it.
 */
export function reasonsOf(book: Lookup, causes: readonly Cause[]): string[] {
  const out: { text: string; weight: number; at: number }[] = [];
  const byRequest = new Map<string, Cause[]>();
  for (const c of causes) if ('request' in c) getOrInsert(byRequest, c.request, () => []).push(c);
  const folded = new Set<Cause>();
  for (const [request, list] of byRequest) {
    const sectional = list.filter((c) => sectionOf(c) !== undefined);
    if (sectional.length === 0 || !sectional.every((c) => c.kind === 'full')) continue;
    const full = sectional.map((c) => `${c.section} ${c.enrolled}/${c.size}`);
    const courses = [...new Set(sectional.map((c) => book.sections.get(sectionOf(c) ?? '')?.course ?? request))];
    const names = courses.map((id) => {
      const course = book.courses.get(id);
      return course && course.name && course.name !== id ? `${course.name} (${id})` : id;
    });
    out.push({ text: `every section of ${names.join(' and ')} is full (${full.join(', ')})`, weight: WEIGHT.full, at: causes.indexOf(sectional[0]!) });
    for (const c of sectional) folded.add(c);
  }
  // Courses of the unmet requests and of the alternates their causes name.
  const pending = new Set<string>();
  for (const c of causes) {
    if (!('request' in c)) continue;
    pending.add(c.request);
    if (c.kind === 'not-offered') for (const course of c.courses) pending.add(course);
    if ('course' in c) pending.add(c.course);
    const section = sectionOf(c);
    if (section !== undefined) pending.add(book.sections.get(section)?.course ?? c.request);
  }
  const unmetSubjects = new Set([...pending].map((r) => book.courses.get(r)?.ag).filter((k) => k));
  causes.forEach((c, at) => {
    if (folded.has(c)) return;
    if (c.kind === 'ag-shortfall' && unmetSubjects.has(c.subject)) return;
    out.push({ text: renderCause(book, c), weight: WEIGHT[c.kind], at });
  });
  // Each text once, at its first place (a Set keeps insertion order).
  return [...new Set(out.sort((a, b) => a.weight - b.weight || a.at - b.at).map((x) => x.text))];
}

/**
 * Every pathway student not successfully placed, with the reasons rendered from the computed
 * causes, most telling first. Students are listed in scenario order.
 * @throws {@link InputError} when the scenario or the schedule does not have the shape of its format.
 */
export function explainNotPlaced(scenarioInput: Scenario, solutionInput: Schedule): NotPlaced[] {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  const book = lookup(scenario, solution);
  return explainSchedule(scenario, solution).students.map((s) => notPlacedOf(book, s));
}

/** One student's entry of `report.notPlaced`. */
export function notPlacedOf(
  book: Lookup,
  s: { readonly student: string; readonly pathway: string; readonly grade: number; readonly causes: readonly Cause[] },
): NotPlaced {
  const reasons = reasonsOf(book, s.causes);
  return {
    student: s.student,
    pathway: s.pathway,
    grade: s.grade,
    reasons: reasons.length > 0 ? reasons : ['not placed, though no single cause was found on the board'],
  };
}

/**
 * Why one request of one student is unmet, as sentences (see {@link reasonsOf}). Empty when the
 * request is met or unknown.
 */
export function explainRequest(scenarioInput: Scenario, solutionInput: Schedule, studentId: string, course: string): string[] {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  const book = lookup(scenario, solution);
  const student = book.students.get(studentId);
  if (!student) return [];
  const line = standing(book, student).unmet.find((l) => l.course === course);
  return line ? reasonsOf(book, requestCauses(book, occupancy(book), student, line)) : [];
}
