/**
 * Recovering placements the program's counts promised but no split of them can give: the
 * program only asks each request of a placed student to be met somewhere, not all of them in
 * different slots, so a cohort member can be left with two courses in one period. Such a member
 * is completed by moves that cost nobody a request: another section of the missing course, made
 * free by moving the member's clashing section to a sibling, or made roomy by moving one of its
 * students to a sibling with a seat. A member who cannot be completed is left as they were.
 */
import type { StudentGroup } from '../model/aggregate.js';
import type { Roster } from './roster.js';

type Op = readonly ['enroll' | 'drop', string, string];

/** A roster whose changes can be taken back. */
class Journal {
  private readonly ops: Op[] = [];
  constructor(readonly roster: Roster) {}
  enroll(student: string, section: string): void {
    this.roster.enroll(student, section);
    this.ops.push(['enroll', student, section]);
  }
  drop(student: string, section: string): void {
    this.roster.drop(student, section);
    this.ops.push(['drop', student, section]);
  }
  mark(): number {
    return this.ops.length;
  }
  undo(to: number): void {
    while (this.ops.length > to) {
      const last = this.ops.pop();
      if (!last) break;
      const [op, student, section] = last;
      if (op === 'enroll') this.roster.drop(student, section);
      else this.roster.enroll(student, section);
    }
  }
}

/** Regular sections of the course other than `except` that the student fits into. */
function siblings(roster: Roster, course: string, except: string, student: string): string[] {
  return roster.sections.filter((s) => s.course === course && !s.cohort && s.id !== except && roster.fits(student, s.id)).map((s) => s.id);
}

/** Frees a seat in the section by moving one of its students (other than `keep`) to a sibling section. */
function freeSeat(j: Journal, section: string, keep: string): boolean {
  const roster = j.roster;
  if (roster.seatsLeft(section) > 0) return true;
  const course = roster.section(section).course;
  for (const other of roster.studentsIn(section).sort()) {
    if (other === keep) continue;
    const mark = j.mark();
    j.drop(other, section);
    const to = siblings(roster, course, section, other)[0];
    if (to) {
      j.enroll(other, to);
      return true;
    }
    j.undo(mark);
  }
  return false;
}

/** Seats the student in the section, moving their clashing regular sections to siblings; all or nothing. */
function seatWithMoves(j: Journal, student: string, section: string): boolean {
  const roster = j.roster;
  const target = roster.section(section);
  const mark = j.mark();
  const blockers = [...new Set(target.slots.map((x) => roster.occupant(student, x)).filter((x): x is string => x !== undefined))];
  if (blockers.some((b) => roster.byId.get(b)?.cohort)) return false;
  for (const b of blockers) j.drop(student, b);
  if (freeSeat(j, section, student) && roster.fits(student, section)) {
    j.enroll(student, section);
    const moved = blockers.every((b) => {
      const to = siblings(roster, roster.section(b).course, b, student)[0];
      if (to) j.enroll(student, to);
      return to !== undefined;
    });
    if (moved) return true;
  }
  j.undo(mark);
  return false;
}

function missing(roster: Roster, group: StudentGroup, student: string): number[] {
  const courses = new Map(roster.sectionsOf(student).map((id) => [roster.section(id).course, id]));
  return group.requests.flatMap((r, i) => (r.cohort || r.safe.some((c) => courses.has(c)) ? [] : [i]));
}

/**
 * Completes cohort members who miss at most `maxMissing` requests, by moves that keep every other
 * student's requests met.
 * @param members - cohort members with their groups, in the order they are tried.
 */
export function recoverPlacements(roster: Roster, members: ReadonlyArray<{ student: string; group: StudentGroup }>, maxMissing = 2): void {
  const j = new Journal(roster);
  for (const { student, group } of members) {
    const gaps = missing(roster, group, student);
    if (gaps.length === 0 || gaps.length > maxMissing) continue;
    const mark = j.mark();
    const done = gaps.every((ri) => {
      const r = group.requests[ri]!;
      // An alternate that does not count towards placement gives way to the course that does.
      const held = roster.sectionsOf(student).find((id) => r.choices.includes(roster.section(id).course));
      if (held) j.drop(student, held);
      // One section of a course per student: a course taken for another request is no option.
      const options = roster.sections.filter((s) => r.safe.includes(s.course) && !s.cohort && !roster.holdsCourse(student, s.course)).map((s) => s.id);
      return options.some((id) => seatWithMoves(j, student, id));
    });
    if (!done) j.undo(mark);
  }
}
