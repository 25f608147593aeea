/**
 * Cross-reference checks that a schema cannot express: ids that must exist, ids that must be
 * unique, slot names, cohort courses that members must request, courses nobody can teach or
 * house, placements the calendar cannot hold, and (under `policy.gradeRule: "strict"`) requests
 * and alternates for a course outside the student's grade. All problems are collected, not just
 * the first.
 */
import { coursePatterns, slotByName } from '../calendar/slots.js';
import type { Scenario } from './schema.js';
import type { InputProblem } from './problems.js';

export function crossReferenceProblems(s: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string, fix: string) => problems.push({ path, message, fix });

  const duplicates = (list: readonly { id: string }[], name: string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else add(`${name}[${i}].id`, `duplicate ${name.replace(/s$/, '')} id "${item.id}" (first at ${name}[${first}])`, 'give every entry its own id');
    });
  };
  duplicates(s.rooms, 'rooms');
  duplicates(s.teachers, 'teachers');
  duplicates(s.courses, 'courses');
  duplicates(s.pathways, 'pathways');
  duplicates(s.students, 'students');

  const courseIds = new Set(s.courses.map((c) => c.id));
  const roomIds = new Set(s.rooms.map((r) => r.id));
  const teacherIds = new Set(s.teachers.map((t) => t.id));
  const pathwayById = new Map(s.pathways.map((p) => [p.id, p]));
  const slots = slotByName(s.calendar);
  const slotList = [...slots.keys()];
  const slotHint = `use a slot of the calendar, e.g. ${slotList
    .slice(0, 3)
    .map((n) => `"${n}"`)
    .join(', ')}`;
  const periods = new Set(s.calendar.periods);
  const unknownCourse = (path: string, course: string) =>
    add(path, `unknown course "${course}"`, 'use the id of a course listed in "courses", or add the course');

  s.calendar.terms.forEach((t, i) => s.calendar.terms.indexOf(t) !== i && add(`calendar.terms[${i}]`, `duplicate term "${t}"`, 'list each term once'));
  s.calendar.days.forEach((d, i) => s.calendar.days.indexOf(d) !== i && add(`calendar.days[${i}]`, `duplicate day "${d}"`, 'list each day once'));
  s.calendar.periods.forEach(
    (p, i) => s.calendar.periods.indexOf(p) !== i && add(`calendar.periods[${i}]`, `duplicate period "${p}"`, 'list each period once'),
  );

  s.teachers.forEach((t, i) => {
    t.courses.forEach((c, j) => courseIds.has(c) || unknownCourse(`teachers[${i}].courses[${j}]`, c));
    t.unavailable?.forEach((slot, j) => slots.has(slot) || add(`teachers[${i}].unavailable[${j}]`, `bad slot name "${slot}"`, slotHint));
    if (t.room !== undefined && !roomIds.has(t.room)) add(`teachers[${i}].room`, `unknown room "${t.room}"`, 'use the id of a room listed in "rooms"');
  });

  const teachable = new Set(s.teachers.flatMap((t) => t.courses));
  const roomTypes = new Set(s.rooms.map((r) => r.type));
  s.courses.forEach((c, i) => {
    if (!teachable.has(c.id))
      add(
        `courses[${i}]`,
        `no teacher can teach course "${c.id}" (${c.name})`,
        `add "${c.id}" to the "courses" of a credentialed teacher, or remove the course`,
      );
    if (!roomTypes.has(c.roomType))
      add(
        `courses[${i}].roomType`,
        `no room has type "${c.roomType}" needed by course "${c.id}"`,
        `add a room of type "${c.roomType}" or change the course's roomType to one of ${[...roomTypes].map((r) => `"${r}"`).join(', ') || '(no rooms yet)'}`,
      );
    c.allowedPeriods?.forEach(
      (p, j) =>
        periods.has(p) ||
        add(
          `courses[${i}].allowedPeriods[${j}]`,
          `bad period name "${p}"`,
          `use one of the calendar's periods ${s.calendar.periods.map((x) => `"${x}"`).join(', ')}`,
        ),
    );
    if (coursePatterns(s.calendar, c).length === 0) {
      const why = c.meets.periods === 2 ? 'a double period needs two consecutive allowed periods' : 'no allowed period is left';
      add(`courses[${i}].meets`, `the calendar cannot hold course "${c.id}": ${why}`, 'allow more periods, or change "meets"');
    }
  });

  s.pathways.forEach((p, i) => {
    p.team.forEach((t, j) => teacherIds.has(t) || add(`pathways[${i}].team[${j}]`, `unknown teacher "${t}"`, 'use the id of a teacher listed in "teachers"'));
    for (const [g, list] of Object.entries(p.cohortCourses)) {
      list.forEach((c, j) => courseIds.has(c) || unknownCourse(`pathways[${i}].cohortCourses["${g}"][${j}]`, c));
    }
  });

  const courseById = new Map(s.courses.map((c) => [c.id, c]));
  // SCENARIO.md "Grades": under the strict rule a course is only for the grades it lists.
  const outsideGrade = (path: string, student: { id: string; grade: number }, courseId: string, what: string) => {
    const course = courseById.get(courseId);
    if (s.policy.gradeRule !== 'strict' || !course || course.grades.includes(student.grade)) return;
    const grades = course.grades.length === 1 ? `grade ${course.grades[0]!}` : `grades ${course.grades.join(', ')}`;
    add(
      path,
      `${what} "${courseId}" (${course.name}) is for ${grades}, but student ${student.id} is in grade ${student.grade}`,
      `remove it, add ${student.grade} to the "grades" of course "${courseId}" if the school offers it to grade ${student.grade}, or set policy.gradeRule to "allow"`,
    );
  };

  s.students.forEach((st, i) => {
    const at = `students[${i}]`;
    const requested = new Set(st.requests);
    st.requests.forEach((c, j) => {
      if (!courseIds.has(c)) unknownCourse(`${at}.requests[${j}]`, c);
      if (st.requests.indexOf(c) !== j) add(`${at}.requests[${j}]`, `course "${c}" requested twice`, 'list each request once');
      outsideGrade(`${at}.requests[${j}]`, st, c, 'requested course');
    });
    for (const [c, alts] of Object.entries(st.alternates ?? {})) {
      if (!requested.has(c))
        add(`${at}.alternates["${c}"]`, `alternates given for "${c}", which the student did not request`, `key alternates by one of the student's requests`);
      alts.forEach((a, j) => {
        if (!courseIds.has(a)) unknownCourse(`${at}.alternates["${c}"][${j}]`, a);
        outsideGrade(`${at}.alternates["${c}"][${j}]`, st, a, 'alternate');
      });
    }
    for (const c of Object.keys(st.priorities ?? {})) {
      if (!requested.has(c))
        add(`${at}.priorities["${c}"]`, `priority given for "${c}", which the student did not request`, "key priorities by one of the student's requests");
    }
    if (st.pathway === undefined) return;
    const pathway = pathwayById.get(st.pathway);
    if (!pathway) {
      add(`${at}.pathway`, `unknown pathway "${st.pathway}"`, 'use the id of a pathway listed in "pathways", or omit "pathway"');
      return;
    }
    for (const c of pathway.cohortCourses[String(st.grade)] ?? []) {
      if (!requested.has(c))
        add(
          `${at}.requests`,
          `pathway member "${st.id}" of ${pathway.id} grade ${st.grade} did not request cohort course "${c}"`,
          `add "${c}" to the student's requests, or remove it from ${pathway.id}'s cohortCourses["${st.grade}"]`,
        );
    }
  });

  s.locks.forEach((l, i) => {
    const course = s.courses.find((c) => c.id === l.course);
    if (!course) unknownCourse(`locks[${i}].course`, l.course);
    if (!slots.has(l.slot)) add(`locks[${i}].slot`, `bad slot name "${l.slot}"`, slotHint);
    else if (course && !coursePatterns(s.calendar, course).some((p) => p.slots.includes(l.slot))) {
      add(
        `locks[${i}].slot`,
        `course "${l.course}" cannot meet in slot "${l.slot}" (its "meets" or "allowedPeriods" exclude it)`,
        'lock the course to a slot it may use',
      );
    }
  });

  return problems;
}
