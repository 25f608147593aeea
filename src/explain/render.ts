/** Causes in school words, naming the sections, slots, teachers and rooms involved. */
import { AG_NAMES } from '../checker/ag.js';
import { courseLabel, lookup, type Lookup } from '../checker/index.js';
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import type { Cause, Explanations } from './cause.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.slice(-1).join('')}`);

/** Slots as people say them: `A.3`, `A.1+A.2`, or `period 3` when every day is the same and there is one term. */
export function slotWords(book: Lookup, slots: readonly string[]): string {
  const { days, terms } = book.scenario.calendar;
  return days.length === 1 && terms.length === 1 ? `period${slots.length === 1 ? '' : 's'} ${slots.join('+')}` : slots.join('+');
}

function sectionWords(book: Lookup, id: string): string {
  const s = book.sections.get(id);
  if (!s) return `section ${id}`;
  const name = book.courses.get(s.course)?.name || s.course;
  return `${name} ${s.cohort ? 'cohort ' : ''}section ${id}${s.cohort ? ` (${s.cohort})` : ''}`;
}

function teacherWords(book: Lookup, id: string): string {
  const t = book.teachers.get(id);
  return t?.name ? `${id} (${t.name})` : id;
}

/** One cause as a sentence a counselor can act on. */
export function renderCause(book: Lookup, cause: Cause): string {
  switch (cause.kind) {
    case 'not-offered':
      return `no section of ${list(cause.courses.map((c) => courseLabel(book, c)))} is offered`;
    case 'clash':
      return `${sectionWords(book, cause.blocker)} and ${sectionWords(book, cause.section)} both meet in ${slotWords(book, cause.slots)}`;
    case 'full':
      return `${sectionWords(book, cause.section)} is full (${cause.enrolled}/${cause.size})`;
    case 'reserved': {
      const course = book.sections.get(cause.section)?.course ?? cause.request;
      return `${book.courses.get(course)?.name || course} section ${cause.section} is reserved for cohort ${cause.cohort}`;
    }
    case 'teacher-shortage':
      return cause.teachers.length === 0
        ? `no teacher is credentialed for ${courseLabel(book, cause.course)}, so no further section can run`
        : `no qualified teacher (${list(cause.teachers.map((t) => teacherWords(book, t)))}) had a free slot the student also has free to open another section of ${courseLabel(book, cause.course)}`;
    case 'room-shortage':
      return `a qualified teacher was free in ${list([...cause.placements])} for another section of ${courseLabel(book, cause.course)}, but no ${cause.roomType} room was free there`;
    case 'section-count':
      return `the schedule runs ${plural(cause.sections, 'section')} of ${courseLabel(book, cause.course)}; one more with ${teacherWords(book, cause.teacher)} in ${cause.room} at ${slotWords(book, cause.slots)} would fit the student`;
    case 'open-seat':
      return `${sectionWords(book, cause.section)} has a free seat and fits the student's schedule, yet the student is not in it`;
    case 'no-cohort-seat':
      return `not in a ${cause.pathway} grade ${cause.grade} cohort: ${plural(cause.cohorts.length, 'cohort')} ${cause.cohorts.length === 1 ? 'holds' : 'hold'} ${cause.seated} of ${cause.members} members (cohort size ${cause.cohortSize}, ${Math.ceil(cause.members / cause.cohortSize)} planned)`;
    case 'cohort-split':
      return `cohort courses split across cohorts ${list([...cause.cohorts])}: ${cause.sections.join(', ')}`;
    case 'cohort-section':
      return cause.section === null
        ? `cohort ${cause.cohort} has no section of ${courseLabel(book, cause.course)}`
        : `not in cohort ${cause.cohort}'s section ${cause.section} of ${courseLabel(book, cause.course)}`;
    case 'ag-shortfall':
      return `off A–G track: ${cause.subject} (${AG_NAMES[cause.subject]}) ${cause.years} of ${cause.needed} years`;
  }
}

/** Explanations with every cause rendered, for JSON output and reports. */
export function renderExplanations(scenario: Scenario, solution: Schedule, e: Explanations) {
  const book = lookup(scenario, solution);
  return {
    students: e.students.map((s) => ({ ...s, reasons: s.causes.map((c) => renderCause(book, c)) })),
    requests: e.requests.map((r) => ({ ...r, reasons: r.causes.map((c) => renderCause(book, c)) })),
  };
}

/** The explanations as plain text: one block per unplaced student, then one line per unmet request. */
export function formatExplanations(scenario: Scenario, solution: Schedule, e: Explanations): string {
  const book = lookup(scenario, solution);
  const out: string[] = [`Pathway students not placed: ${e.students.length}`];
  for (const s of e.students) {
    out.push(`  ${s.student} (${s.pathway}, grade ${s.grade})`);
    for (const c of s.causes) out.push(`    - ${renderCause(book, c)}`);
  }
  out.push('', `Unmet requests: ${e.requests.length}`);
  for (const r of e.requests) {
    out.push(`  ${r.student} ${courseLabel(book, r.request)} [${r.priority}]`);
    for (const c of r.causes) out.push(`    - ${renderCause(book, c)}`);
  }
  return out.join('\n');
}
