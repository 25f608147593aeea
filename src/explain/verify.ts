/**
 * Confirms explanations against the schedule, in the checker's spirit: each cause is re-derived
 * from the scenario and the sections alone. A clash names two sections that really share the
 * slots, and the student is really in the blocker; a full section really holds that many; a
 * shortage really leaves no teacher or room free.
 */
import { coursePatterns } from '../calendar/slots.js';
import { lookup, rosterOf, seatLimit, standing, timetableOf, type Lookup } from '../checker/index.js';
import { isOwnCohort } from '../checker/cohort-label.js';
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import type { Cause, Explanations } from './cause.js';
import { freePatterns, freeRoom, occupancy, teacherCanOpen, type Occupancy } from './compute.js';

/** A cause the schedule does not bear out. */
export interface ExplanationProblem {
  readonly student: string;
  readonly cause: Cause;
  readonly problem: string;
}

function acceptsOf(book: Lookup, studentId: string, request: string): Set<string> {
  const student = book.students.get(studentId);
  return new Set([request, ...(student?.alternates?.[request] ?? [])]);
}

/** Null when the schedule bears the cause out, else what is wrong. */
export function verifyCause(book: Lookup, occ: Occupancy, studentId: string, cause: Cause): string | null {
  const own = timetableOf(book, studentId);
  const student = book.students.get(studentId);
  if (!student) return `unknown student ${studentId}`;
  const sectionOfAccepted = (id: string, request: string) => {
    const s = book.sections.get(id);
    if (!s) return null;
    return acceptsOf(book, studentId, request).has(s.course) ? s : null;
  };
  switch (cause.kind) {
    case 'not-offered':
      return book.schedule.sections.some((s) => cause.courses.includes(s.course)) ? `a section of ${cause.courses.join('/')} is offered` : null;
    case 'clash': {
      const s = sectionOfAccepted(cause.section, cause.request);
      const b = own.find((o) => o.id === cause.blocker);
      if (!s) return `${cause.section} is not a section of ${cause.request} or its alternates`;
      if (!b) return `the student is not in ${cause.blocker}`;
      if (cause.slots.length === 0 || !cause.slots.every((slot) => s.slots.includes(slot) && b.slots.includes(slot)))
        return `${cause.section} and ${cause.blocker} do not both meet in ${cause.slots.join(', ')}`;
      return null;
    }
    case 'full': {
      const s = sectionOfAccepted(cause.section, cause.request);
      if (!s) return `${cause.section} is not a section of ${cause.request} or its alternates`;
      const enrolled = rosterOf(book, s.id).length;
      const size = seatLimit(book, s);
      if (size !== cause.size || enrolled !== cause.enrolled)
        return `${cause.section} holds ${enrolled} of ${size ?? '?'}, not ${cause.enrolled} of ${cause.size}`;
      return enrolled >= size ? null : `${cause.section} has a free seat`;
    }
    case 'reserved': {
      const s = sectionOfAccepted(cause.section, cause.request);
      if (!s || s.cohort !== cause.cohort) return `${cause.section} is not reserved for ${cause.cohort}`;
      return own.some((o) => o.cohort === cause.cohort) ? `the student is in cohort ${cause.cohort}` : null;
    }
    case 'teacher-shortage': {
      const patterns = freePatterns(book, studentId, cause.course, acceptsOf(book, studentId, cause.request));
      const qualified = book.scenario.teachers.filter((t) => t.courses.includes(cause.course)).map((t) => t.id);
      if ([...qualified].sort().join() !== [...cause.teachers].sort().join())
        return `the qualified teachers of ${cause.course} are ${qualified.join(', ') || 'none'}`;
      const free = patterns.flatMap((p) => qualified.filter((t) => teacherCanOpen(book, occ, t, p)).map((t) => `${t} at ${p.key}`));
      return free.length === 0 ? null : `a qualified teacher could open a section: ${free.slice(0, 3).join(', ')}`;
    }
    case 'room-shortage': {
      const course = book.courses.get(cause.course);
      if (!course || course.roomType !== cause.roomType) return `${cause.course} does not need a ${cause.roomType} room`;
      const patterns = coursePatterns(book.scenario.calendar, course).filter((p) => cause.placements.includes(p.key));
      if (patterns.length !== cause.placements.length) return `unknown placement among ${cause.placements.join(', ')}`;
      const withRoom = patterns.filter((p) => freeRoom(book, occ, cause.roomType, p) !== undefined);
      return withRoom.length === 0 ? null : `a ${cause.roomType} room is free at ${withRoom.map((p) => p.key).join(', ')}`;
    }
    case 'section-count': {
      const course = book.courses.get(cause.course);
      const pattern = course ? coursePatterns(book.scenario.calendar, course).find((p) => p.slots.join('+') === cause.slots.join('+')) : undefined;
      if (!course || !pattern) return `${cause.slots.join('+')} is not a placement of ${cause.course}`;
      if (!book.teachers.get(cause.teacher)?.courses.includes(cause.course) || !teacherCanOpen(book, occ, cause.teacher, pattern))
        return `${cause.teacher} cannot open ${cause.course} at ${pattern.key}`;
      const room = book.rooms.get(cause.room);
      if (!room || room.type !== course.roomType || pattern.slots.some((s) => occ.roomSlots.get(room.id)?.has(s)))
        return `${cause.room} is not a free ${course.roomType} room at ${pattern.key}`;
      const taken = new Set(own.filter((o) => !acceptsOf(book, studentId, cause.request).has(o.course)).flatMap((o) => o.slots));
      if (pattern.slots.some((s) => taken.has(s))) return `the student is busy at ${pattern.key}`;
      return book.schedule.sections.filter((s) => s.course === cause.course).length === cause.sections
        ? null
        : `${cause.course} does not run ${cause.sections} sections`;
    }
    case 'open-seat': {
      const s = sectionOfAccepted(cause.section, cause.request);
      if (!s) return `${cause.section} is not a section of ${cause.request} or its alternates`;
      const size = seatLimit(book, s);
      if (size !== undefined && rosterOf(book, s.id).length >= size) return `${cause.section} is full`;
      const accepts = acceptsOf(book, studentId, cause.request);
      return own.some((o) => !accepts.has(o.course) && o.slots.some((slot) => s.slots.includes(slot)))
        ? `${cause.section} clashes with the student's sections`
        : null;
    }
    case 'no-cohort-seat': {
      const pathwayGrade = { pathway: cause.pathway, grade: cause.grade };
      if (own.some((o) => isOwnCohort(o.cohort, pathwayGrade))) return `the student is in a ${cause.pathway} grade ${cause.grade} cohort section`;
      const sections = book.schedule.sections.filter((s) => isOwnCohort(s.cohort, pathwayGrade));
      const formed = new Set(sections.map((s) => s.cohort));
      const seated = new Set(sections.flatMap((s) => rosterOf(book, s.id))).size;
      const members = book.scenario.students.filter((s) => s.pathway === cause.pathway && s.grade === cause.grade).length;
      return formed.size === cause.cohorts.length && seated === cause.seated && members === cause.members
        ? null
        : `${formed.size} cohorts hold ${seated} of ${members} members`;
    }
    case 'cohort-split': {
      const labels = new Set(own.filter((o) => cause.sections.includes(o.id)).map((o) => o.cohort));
      return labels.size > 1 ? null : `sections ${cause.sections.join(', ')} are not in different cohorts`;
    }
    case 'cohort-section': {
      const section = book.schedule.sections.find((s) => s.cohort === cause.cohort && s.course === cause.course);
      if ((section?.id ?? null) !== cause.section) return `cohort ${cause.cohort}'s section of ${cause.course} is ${section?.id ?? 'missing'}`;
      return section && own.some((o) => o.id === section.id) ? `the student is in ${section.id}` : null;
    }
    case 'ag-shortfall': {
      const st = standing(book, student);
      const f = st.ag.shortfalls.find((x) => x.subject === cause.subject);
      return f && f.years === cause.years && f.needed === cause.needed ? null : `the student is not short in ${cause.subject} as stated`;
    }
  }
}

/** Every cause of every explanation checked against the schedule; empty when all hold. */
export function verifyExplanations(scenario: Scenario, solution: Schedule, e: Explanations): ExplanationProblem[] {
  const book = lookup(scenario, solution);
  const occ = occupancy(book);
  const problems: ExplanationProblem[] = [];
  for (const x of [...e.students, ...e.requests]) {
    for (const cause of x.causes) {
      const problem = verifyCause(book, occ, x.student, cause);
      if (problem !== null) problems.push({ student: x.student, cause, problem });
    }
  }
  return problems;
}
