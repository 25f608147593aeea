/** Tallies: per course, requests against seats offered and sections needed against sections offered. */
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { lookup, rosterOf, seatLimit } from '../checker/index.js';
import { sectionsPerCourse } from './sections.js';
import type { AnalysisTable } from './table.js';

export function tallies(scenario: Scenario, solution?: Schedule): AnalysisTable {
  const requests = new Map<string, number>();
  const alternates = new Map<string, number>();
  for (const s of scenario.students) {
    for (const c of new Set(s.requests)) requests.set(c, (requests.get(c) ?? 0) + 1);
    for (const list of Object.values(s.alternates ?? {})) for (const c of new Set(list)) alternates.set(c, (alternates.get(c) ?? 0) + 1);
  }
  const largestRoom = new Map<string, number>();
  for (const r of scenario.rooms) largestRoom.set(r.type, Math.max(largestRoom.get(r.type) ?? 0, r.capacity));
  const offered = sectionsPerCourse(scenario, solution);
  const book = solution ? lookup(scenario, solution) : undefined;
  const rows = scenario.courses.map((c) => {
    const seatsPerSection = Math.min(c.capacity, largestRoom.get(c.roomType) ?? 0);
    const req = requests.get(c.id) ?? 0;
    const sections = offered.get(c.id) ?? 0;
    const own = book ? [...book.sections.values()].filter((s) => s.course === c.id) : [];
    const seats = book ? own.reduce((n, s) => n + (seatLimit(book, s) ?? 0), 0) : sections * seatsPerSection;
    const enrolled = book ? own.reduce((n, s) => n + rosterOf(book, s.id).length, 0) : null;
    const needed = seatsPerSection === 0 ? null : Math.ceil(req / seatsPerSection);
    return {
      course: c.id,
      name: c.name,
      requests: req,
      alternates: alternates.get(c.id) ?? 0,
      seatsOffered: seats,
      seatGap: seats - req,
      sectionsNeeded: needed,
      sectionsOffered: sections,
      enrolled,
    };
  });
  return {
    kind: 'tallies',
    title: `Tallies: requests against seats, sections needed against sections ${solution ? 'offered' : 'planned'}`,
    columns: [
      { key: 'course', label: 'Course' },
      { key: 'name', label: 'Name' },
      { key: 'requests', label: 'Requests', align: 'right' },
      { key: 'alternates', label: 'As alternate', align: 'right' },
      { key: 'seatsOffered', label: 'Seats', align: 'right' },
      { key: 'seatGap', label: 'Seats − requests', align: 'right' },
      { key: 'sectionsNeeded', label: 'Sections needed', align: 'right' },
      { key: 'sectionsOffered', label: solution ? 'Sections offered' : 'Sections planned', align: 'right' },
      ...(solution ? [{ key: 'enrolled', label: 'Enrolled', align: 'right' as const }] : []),
    ],
    rows,
    notes: ['Sections needed = requests ÷ seats per section (the course capacity, or the largest room of its type when smaller), rounded up.'],
  };
}
