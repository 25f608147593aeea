/**
 * Why a pathway student is not placed, or why one request is unmet, in school words, read off
 * the schedule: which of the student's own sections collide with every section of the course,
 * which sections are full or reserved for another cohort, which cohort lacks a section.
 */
import { AG_NAMES } from '../checker/ag.js';
import { parseCohortLabel } from '../checker/cohort-label.js';
import { courseLabel, lookup, rosterOf, seatLimit, standing, timetableOf, type Lookup, type RequestLine, type Standing } from '../checker/index.js';
import type { Scenario, Student } from '../scenario/schema.js';
import type { NotPlaced, Section } from '../solution/schema.js';
import type { Schedule } from '../checker/violation.js';
import { explainSchedule } from '../explain/compute.js';
import { renderCause } from '../explain/render.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `English 10 section ENG10-1 (cohort HEALTH-10-1)`. */
function describeOwn(book: Lookup, s: Section): string {
  const name = book.courses.get(s.course)?.name || s.course;
  return `${name} ${s.cohort ? 'cohort ' : ''}section ${s.id}${s.cohort ? ` (${s.cohort})` : ''}`;
}

/** The cohort labels of the student's own pathway and grade among their sections. */
function ownCohorts(student: Student, sections: readonly Section[]): Set<string> {
  const labels = new Set<string>();
  for (const s of sections) {
    const parsed = s.cohort === undefined ? undefined : parseCohortLabel(s.cohort);
    if (parsed && parsed.pathway === student.pathway && parsed.grade === student.grade && s.cohort) labels.add(s.cohort);
  }
  return labels;
}

/** Reasons one request of a student is unmet, in the book's terms. */
function requestReasons(book: Lookup, student: Student, line: RequestLine): string[] {
  const accepts = new Set(line.accepts);
  const offered = book.schedule.sections.filter((s) => accepts.has(s.course));
  const name = courseLabel(book, line.course);
  const alternates = line.accepts.slice(1);
  if (offered.length === 0) {
    const alt = alternates.length === 0 ? '' : ` or of its alternate${alternates.length === 1 ? '' : 's'} ${alternates.map((c) => courseLabel(book, c)).join(', ')}`;
    return [`no section of ${name}${alt} is offered`];
  }
  const own = timetableOf(book, student.id).filter((s) => !accepts.has(s.course));
  const cohorts = ownCohorts(student, own);
  const reasons: string[] = [];
  const full: string[] = [];
  const open: Section[] = [];
  let blockedOtherwise = false;
  for (const s of offered) {
    const label = courseLabel(book, s.course);
    const only = offered.filter((o) => o.course === s.course).length === 1;
    const possessive = `${book.courses.get(s.course)?.name || s.course}'s ${only ? 'only section' : 'section'} ${s.id}`;
    let blocked = false;
    if (s.cohort !== undefined) {
      const parsed = parseCohortLabel(s.cohort);
      const member = parsed !== undefined && parsed.pathway === student.pathway && parsed.grade === student.grade;
      if (!member || (cohorts.size > 0 && !cohorts.has(s.cohort))) {
        reasons.push(`${possessive} is reserved for cohort ${s.cohort}`);
        blocked = blockedOtherwise = true;
      }
    }
    for (const o of own) {
      const shared = o.slots.filter((slot) => s.slots.includes(slot));
      if (shared.length > 0) {
        reasons.push(`${describeOwn(book, o)} and ${possessive} both meet in ${shared.join(', ')}`);
        blocked = blockedOtherwise = true;
      }
    }
    const limit = seatLimit(book, s);
    const enrolled = rosterOf(book, s.id).length;
    if (limit !== undefined && enrolled >= limit) {
      full.push(`${s.id} ${enrolled}/${limit}`);
      if (!blocked) reasons.push(`${label} section ${s.id} is full (${enrolled}/${limit})`);
      blocked = true;
    }
    if (!blocked) open.push(s);
  }
  if (full.length === offered.length && !blockedOtherwise) {
    const courses = line.accepts.filter((c) => offered.some((s) => s.course === c)).map((c) => courseLabel(book, c));
    // One line for the whole course reads better than one per full section.
    reasons.length = 0;
    reasons.push(`every section of ${courses.join(' and ')} is full (${full.join(', ')})`);
  }
  for (const s of open) reasons.push(`${courseLabel(book, s.course)} section ${s.id} has a free seat and fits the student's schedule, yet the student is not in it`);
  const missing = alternates.filter((c) => !offered.some((s) => s.course === c));
  if (missing.length > 0) reasons.push(`no section of the alternate${missing.length === 1 ? '' : 's'} ${missing.map((c) => courseLabel(book, c)).join(', ')} is offered`);
  return reasons;
}

/** Reasons a pathway student's cohort courses are not met together in one cohort of their own. */
function cohortReasons(book: Lookup, st: Standing): string[] {
  const c = st.cohort;
  if (!c || c.ok) return [];
  const { pathway } = c;
  const grade = st.student.grade;
  const labels = ownCohorts(st.student, [...c.sections.values()]);
  if (labels.size === 0) {
    const cohortSections = book.schedule.sections.filter((s) => {
      const parsed = s.cohort === undefined ? undefined : parseCohortLabel(s.cohort);
      return parsed?.pathway === pathway.id && parsed.grade === grade;
    });
    const formed = new Set(cohortSections.map((s) => s.cohort));
    const seated = new Set(cohortSections.flatMap((s) => rosterOf(book, s.id)));
    const members = book.scenario.students.filter((s) => s.pathway === pathway.id && s.grade === grade).length;
    return [`not in a ${pathway.id} grade ${grade} cohort: ${plural(formed.size, 'cohort')} ${formed.size === 1 ? 'holds' : 'hold'} ${seated.size} of ${members} members (cohort size ${pathway.cohortSize})`];
  }
  if (labels.size > 1) {
    const parts = [...c.sections.values()].filter((s) => s.cohort !== undefined).map((s) => `${s.id} (${s.cohort})`);
    return [`cohort courses split across cohorts: ${parts.join(', ')}`];
  }
  const [label = ''] = labels;
  const reasons: string[] = [];
  for (const course of c.courses) {
    const met = c.sections.get(course);
    if (met?.cohort === label) continue;
    const cohortSection = book.schedule.sections.find((s) => s.cohort === label && s.course === course);
    if (!cohortSection) reasons.push(`cohort ${label} has no section of ${courseLabel(book, course)}`);
    else if (met) reasons.push(`${courseLabel(book, course)} is met in ${met.id}, not in cohort ${label}'s section ${cohortSection.id}`);
    else reasons.push(`not in cohort ${label}'s section ${cohortSection.id} of ${courseLabel(book, course)}`);
  }
  return reasons;
}

function agReasons(book: Lookup, st: Standing): string[] {
  if (book.scenario.policy.agRule !== 'on-track' || st.ag.onTrack || st.ag.offTrackByRequest) return [];
  // A shortfall that an unmet request of the same subject would close is already explained by that request.
  const pending = new Set(st.unmet.flatMap((l) => l.accepts.map((c) => book.courses.get(c)?.ag)));
  return st.ag.shortfalls.filter((f) => !pending.has(f.subject)).map((f) => `off A–G track: ${f.subject} (${AG_NAMES[f.subject]}) ${f.years} of ${f.needed} years by the end of grade ${st.student.grade}`);
}

function notPlacedReasons(book: Lookup, st: Standing): string[] {
  const reasons = [
    ...st.unmet.flatMap((line) => requestReasons(book, st.student, line)),
    ...cohortReasons(book, st),
    ...agReasons(book, st),
  ];
  const unique = [...new Set(reasons)];
  // Clashes and missing sections say most about the board; seats, cohorts and A–G follow.
  const weight = (r: string) => (r.includes('both meet in') || r.startsWith('no section') ? 0 : r.startsWith('every section') || r.includes('is full') ? 1 : r.startsWith('off A–G') ? 3 : 2);
  return unique.map((r, i) => ({ r, i })).sort((a, b) => weight(a.r) - weight(b.r) || a.i - b.i).map((x) => x.r);
}

/**
 * Every pathway student not successfully placed, with the reasons read off the schedule, most
 * telling first. Students are listed in scenario order.
 */
export function explainNotPlaced(scenarioInput: Scenario, solutionInput: Schedule): NotPlaced[] {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  const book = lookup(scenario, solution);
  const out: NotPlaced[] = [];
  for (const student of scenario.students) {
    const st = standing(book, student);
    if (st.placed !== false || student.pathway === undefined) continue;
    const reasons = notPlacedReasons(book, st);
    out.push({ student: student.id, pathway: student.pathway, grade: student.grade, reasons: reasons.length > 0 ? reasons : ['not placed, though no single cause was found on the board'] });
  }
  return out;
}

/**
 * Why one request of one student is unmet: every section of the course and its alternates,
 * with what stops the student from joining it. Empty when the request is met or unknown.
 */
export function explainRequest(scenarioInput: Scenario, solutionInput: Schedule, studentId: string, course: string): string[] {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  const book = lookup(scenario, solution);
  const student = book.students.get(studentId);
  if (!student) return [];
  const st = standing(book, student);
  const line = st.unmet.find((l) => l.course === course);
  return line ? requestReasons(book, student, line) : [];
}

/**
 * Every pathway student not successfully placed, with reasons rendered from the computed
 * explanations ({@link explainSchedule}): the same clashes, full sections and cohort seats as
 * {@link explainNotPlaced}, plus, when every section of a course is blocked, whether a qualified
 * teacher and a room were free to run another one. Each reason can be verified with
 * `verifyExplanations`.
 */
export function explainNotPlacedWithCauses(scenarioInput: Scenario, solutionInput: Schedule): NotPlaced[] {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  const book = lookup(scenario, solution);
  return explainSchedule(scenario, solution).students.map((s) => {
    const reasons = [...new Set(s.causes.map((c) => renderCause(book, c)))];
    return { student: s.student, pathway: s.pathway, grade: s.grade, reasons: reasons.length > 0 ? reasons : ['not placed, though no single cause was found on the board'] };
  });
}
