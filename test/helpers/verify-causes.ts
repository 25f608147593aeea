/**
 * The capacity causes of explanations (teacher shortage, room shortage, section count) verified
 * with the independent checker alone: each claim about a section that could or could not run is
 * tried by adding that section to the schedule, with the student in it, and asking `check` which
 * hard rules break. src/explain/verify.ts re-derives them with the explainer's own helpers
 * (free patterns, teacher and room occupancy), so it cannot catch a mistake in those.
 */
import { check, type Violation } from '../../src/checker/index.js';
import type { Cause } from '../../src/explain/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { Schedule } from '../../src/checker/index.js';
import { present } from './present.js';
import { placementsOf } from './school-time.js';

const TEACHER_RULES = new Set(['teacher-clash', 'unavailable', 'max-sections', 'prep', 'cpt']);

/** Violations the schedule gains when `section` runs with the student in it. */
function added(
  scenario: Scenario,
  schedule: Schedule,
  student: string,
  section: { course: string; teacher: string; room: string; slots: readonly string[] },
): Violation[] {
  const before = new Set(check(scenario, schedule).violations.map((v) => v.message));
  // Only a section's own fields: check() refuses unknown ones (a cause passed as the section carries its kind).
  const { course, teacher, room, slots } = section;
  const trial: Schedule = {
    sections: [...schedule.sections, { id: 'TRIAL-SECTION', course, teacher, room, slots: [...slots] }],
    enrollments: { ...schedule.enrollments, [student]: [...(schedule.enrollments[student] ?? []), 'TRIAL-SECTION'] },
  };
  return check(scenario, trial).violations.filter((v) => !before.has(v.message));
}

/** Placements of the course the student has free, apart from sections of courses meeting the request. */
function freeFor(scenario: Scenario, schedule: Schedule, student: string, request: string, course: string): string[][] {
  const st = present(
    scenario.students.find((s) => s.id === student),
    `no student ${student}`,
  );
  const accepts = new Set([request, ...(st.alternates?.[request] ?? [])]);
  const own = new Set(schedule.enrollments[student] ?? []);
  const taken = new Set(schedule.sections.filter((s) => own.has(s.id) && !accepts.has(s.course)).flatMap((s) => s.slots));
  return placementsOf(
    scenario.calendar,
    present(
      scenario.courses.find((c) => c.id === course),
      `no course ${course}`,
    ),
  ).filter((p) => p.every((x) => !taken.has(x)));
}

/** Null when the checker bears the cause out; otherwise what it contradicts. Other cause kinds: null. */
export function verifyCapacityCause(scenario: Scenario, schedule: Schedule, student: string, cause: Cause): string | null {
  if (cause.kind !== 'teacher-shortage' && cause.kind !== 'room-shortage' && cause.kind !== 'section-count') return null;
  const course = scenario.courses.find((c) => c.id === cause.course);
  if (!course) return `unknown course ${cause.course}`;
  const qualified = scenario.teachers.filter((t) => t.courses.includes(course.id)).map((t) => t.id);
  const rooms = scenario.rooms.filter((r) => r.type === course.roomType);
  const free = freeFor(scenario, schedule, student, cause.request, course.id);
  // A teacher can open a section at a placement when adding it breaks no rule on teachers.
  const teacherFree = (teacher: string, slots: readonly string[]) =>
    !added(scenario, schedule, student, { course: course.id, teacher, room: rooms[0]?.id ?? '', slots }).some(
      (v) => TEACHER_RULES.has(v.rule) && (v.teachers ?? []).includes(teacher),
    );
  switch (cause.kind) {
    case 'section-count': {
      const broken = added(scenario, schedule, student, cause);
      if (broken.length > 0)
        return `adding ${cause.course} with ${cause.teacher} in ${cause.room} at ${cause.slots.join('+')} breaks ${broken.map((v) => v.rule).join(', ')}`;
      const running = schedule.sections.filter((s) => s.course === cause.course).length;
      return running === cause.sections ? null : `${cause.course} runs ${running} sections, not ${cause.sections}`;
    }
    case 'teacher-shortage': {
      if ([...qualified].sort().join() !== [...cause.teachers].sort().join())
        return `the qualified teachers of ${cause.course} are ${qualified.join(', ') || 'none'}`;
      const open = free.flatMap((slots) => qualified.filter((t) => teacherFree(t, slots)).map((t) => `${t} at ${slots.join('+')}`));
      return open.length === 0 ? null : `a qualified teacher could open a section: ${open.slice(0, 3).join(', ')}`;
    }
    case 'room-shortage': {
      if (course.roomType !== cause.roomType) return `${cause.course} does not need a ${cause.roomType} room`;
      // Each free placement with the first qualified teacher free there.
      const withTeacher = free.flatMap((slots) => {
        const teacher = qualified.find((t) => teacherFree(t, slots));
        return teacher === undefined ? [] : [{ slots, teacher }];
      });
      const roomFree = withTeacher.flatMap(({ slots, teacher }) =>
        rooms
          .filter((r) => !added(scenario, schedule, student, { course: course.id, teacher, room: r.id, slots }).some((v) => v.rule === 'room-clash'))
          .map((r) => `${r.id} at ${slots.join('+')}`),
      );
      return roomFree.length === 0 ? null : `a ${cause.roomType} room is free where a teacher is: ${roomFree.slice(0, 3).join(', ')}`;
    }
  }
}
