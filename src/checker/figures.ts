/** The report's figures, recomputed from the scenario and the schedule alone. */
import type { Figures, Tally } from '../solution/schema.js';
import { compareIds, rosterOf, seatLimit, type Lookup } from './lookup.js';
import { freeTime, keepsCommonPlanning } from './free-time.js';
import type { Standing } from './standing.js';

/** `count of total`, with share null when there is nothing to count. */
export function tally(count: number, total: number): Tally {
  return { count, total, share: total === 0 ? null : count / total };
}

function countWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of list) if (test(item)) n++;
  return n;
}

const placedTally = (list: readonly Standing[]) =>
  tally(
    countWhere(list, (s) => s.placed === true),
    list.length,
  );
const fullyScheduled = (s: Standing) => s.unmet.every((l) => l.priority === 'recommended');
const fullyTally = (list: readonly Standing[]) => tally(countWhere(list, fullyScheduled), list.length);
function agTally(list: readonly Standing[]): Tally {
  const reachable = list.filter((s) => !s.ag.offTrackByRequest);
  return tally(
    countWhere(reachable, (s) => s.ag.onTrack),
    reachable.length,
  );
}

/** Requests whose course or an alternate is not offered to the student's grade (SCENARIO.md, "Grades"). */
function outsideGrade(book: Lookup): number {
  let n = 0;
  for (const student of book.scenario.students) {
    for (const course of student.requests) {
      const accepts = [course, ...(student.alternates?.[course] ?? [])];
      if (accepts.some((c) => book.courses.get(c)?.grades.includes(student.grade) === false)) n++;
    }
  }
  return n;
}

/** Computes every figure of the report. */
export function computeFigures(book: Lookup, all: readonly Standing[]): Figures {
  const pathwayStudents = all.filter((s) => s.placed !== undefined);

  const byPathway = book.scenario.pathways.map((p) => {
    const members = pathwayStudents.filter((s) => s.student.pathway === p.id);
    const grades = [...new Set(members.map((s) => s.student.grade))].sort((a, b) => a - b);
    return {
      pathway: p.id,
      placed: placedTally(members),
      byGrade: grades.map((grade) => ({ grade, placed: placedTally(members.filter((s) => s.student.grade === grade)) })),
    };
  });

  const lines = all.flatMap((s) => s.match.lines.map((line) => ({ line, met: s.match.metBy.has(line.course) })));
  const priorityTally = (priority: string) => {
    const of = lines.filter((l) => l.line.priority === priority);
    return tally(
      countWhere(of, (l) => l.met),
      of.length,
    );
  };

  const teams = book.scenario.pathways.filter((p) => p.commonPlanning > 0 && p.team.length > 0);
  const free = freeTime(book);
  const teamsWithCpt = tally(
    countWhere(teams, (p) => keepsCommonPlanning(book, free, p)),
    teams.length,
  );

  let unusedSeats = 0;
  const underFilled: string[] = [];
  for (const section of book.sections.values()) {
    const enrolled = rosterOf(book, section.id).length;
    const limit = seatLimit(book, section);
    if (limit !== undefined) unusedSeats += Math.max(0, limit - enrolled);
    const minSize = book.courses.get(section.course)?.minSize;
    if (minSize !== undefined && enrolled < minSize) underFilled.push(section.id);
  }

  const groups = [...new Set(all.flatMap((s) => s.student.groups ?? []))].sort(compareIds);
  const byGroup = groups.map((group) => {
    const members = all.filter((s) => s.student.groups?.includes(group));
    return {
      group,
      students: members.length,
      pathwayPlaced: placedTally(members.filter((s) => s.placed !== undefined)),
      fullyScheduled: fullyTally(members),
      agOnTrack: agTally(members),
    };
  });

  return {
    pathwayPlaced: placedTally(pathwayStudents),
    byPathway,
    requestsMet: tally(
      countWhere(lines, (l) => l.met),
      lines.length,
    ),
    requestsByPriority: { required: priorityTally('required'), requested: priorityTally('requested'), recommended: priorityTally('recommended') },
    fullyScheduled: fullyTally(all),
    agOnTrack: agTally(all),
    agOffTrackByRequest: countWhere(all, (s) => s.ag.offTrackByRequest),
    requestsOutsideGrade: outsideGrade(book),
    teamsWithCpt,
    sections: book.schedule.sections.length,
    unusedSeats,
    underFilledSections: underFilled.sort(compareIds),
    byGroup,
  };
}
