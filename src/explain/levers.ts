/**
 * Levers: the few changes to the school that would help most, computed from the schedule and its
 * explanations, never guessed.
 * - `add-section`: one more section of a course whose requests are blocked, in a placement where a
 *   qualified teacher can take it (free, available, keeping prep and common planning time as the
 *   checker judges them; if need be with one section more than their `maxSections`) and a room of
 *   its type is free; it would meet the blocked requests of the students free then, up to its seats.
 * - `teacher` / `room`: a course whose blocked requests no such section can serve, for want of a
 *   free qualified teacher, or of a free room of its type when a teacher is free.
 * - `calendar`: students whose requests need more slots than the calendar has; no schedule meets
 *   them all.
 */
import { coursePatterns, type Pattern } from '../calendar/slots.js';
import { courseLabel, timetableOf, type Lookup } from '../checker/index.js';
import type { Calendar, Course, Priority } from '../scenario/schema.js';
import { requestLines } from '../checker/matching.js';
import type { Explanations, RequestExplanation } from './cause.js';
import { occupancy, teacherCanOpen, type Occupancy } from './compute.js';
import { slotWords } from './render.js';
import { unmetKind } from './summary.js';

const RANK: Readonly<Record<Priority, number>> = { required: 0, requested: 1, recommended: 2 };

/** One unmet request an added section would meet. */
export interface Served {
  readonly student: string;
  readonly request: string;
  readonly priority: Priority;
}

/** A lever as data, before it is put in words. */
export type LeverPlan =
  | {
      readonly kind: 'add-section';
      readonly course: string;
      readonly teacher: string;
      readonly room: string;
      readonly slots: readonly string[];
      /** The teacher would teach one section more than their `maxSections`. */
      readonly raiseMax: boolean;
      /** Seats of the section: the smaller of the course's and the room's capacity. */
      readonly seats: number;
      readonly served: readonly Served[];
    }
  | { readonly kind: 'teacher'; readonly course: string; readonly teachers: readonly string[]; readonly requests: Readonly<Record<Priority, number>> }
  | { readonly kind: 'room'; readonly course: string; readonly roomType: string; readonly requests: Readonly<Record<Priority, number>> }
  | {
      readonly kind: 'calendar';
      /** Slots of the calendar. */
      readonly slots: number;
      /** Students whose requests need more slots than that, and how many of them are pathway students. */
      readonly students: number;
      readonly pathwayStudents: number;
      /** Slots the largest request list needs. */
      readonly most: number;
      /** Requests no schedule can meet (at least), and of them required ones. */
      readonly requests: number;
      readonly required: number;
    };

const zero = (): Record<Priority, number> => ({ required: 0, requested: 0, recommended: 0 });

/** Slots one section of the course occupies. */
function sectionSize(calendar: Calendar, course: Course): number {
  return course.meets.periods * (course.meets.days === 'all' ? calendar.days.length : 1) * (course.meets.terms === 'all' ? calendar.terms.length : 1);
}

/** Fewest items to drop from `sizes` (largest first) so the rest fit in `room`. */
function fewestToDrop(sizes: readonly number[], room: number): number {
  const sorted = [...sizes].sort((a, b) => b - a);
  let total = sorted.reduce((a, b) => a + b, 0);
  let dropped = 0;
  for (const size of sorted) {
    if (total <= room) break;
    total -= size;
    dropped++;
  }
  return dropped;
}

/** Students whose requests need more slots than the calendar has: at least this many requests stay unmet in every schedule. */
export function calendarLever(book: Lookup): LeverPlan | null {
  const { calendar } = book.scenario;
  const slots = book.slots.size;
  let students = 0;
  let pathwayStudents = 0;
  let requests = 0;
  let required = 0;
  let most = 0;
  for (const student of book.scenario.students) {
    const lines = requestLines(book.scenario, student).map((line) => {
      const sizes = line.accepts
        .map((c) => book.courses.get(c))
        .filter((c): c is Course => c !== undefined)
        .map((c) => sectionSize(calendar, c));
      return { priority: line.priority, size: sizes.length === 0 ? 0 : Math.min(...sizes) };
    });
    const need = lines.reduce((a, l) => a + l.size, 0);
    most = Math.max(most, need);
    if (need <= slots) continue;
    students++;
    if (student.pathway !== undefined) pathwayStudents++;
    requests += fewestToDrop(
      lines.map((l) => l.size),
      slots,
    );
    // Required requests (effective priorities, as the checker counts them) alone may already overflow.
    required += fewestToDrop(
      lines.filter((l) => l.priority === 'required').map((l) => l.size),
      slots,
    );
  }
  return students === 0 ? null : { kind: 'calendar', slots, students, pathwayStudents, most, requests, required };
}

/** The unmet requests an added section of the course could meet: not left beside an open seat, student not already in a section of it. */
function blockedBy(book: Lookup, requests: readonly RequestExplanation[], course: string): RequestExplanation[] {
  return requests.filter((r) => {
    if (unmetKind(r.causes) === 'open-seat') return false;
    const accepts = [r.request, ...(book.students.get(r.student)?.alternates?.[r.request] ?? [])];
    return accepts.includes(course) && !timetableOf(book, r.student).some((s) => s.course === course);
  });
}

/** Who among `wanting` is free in every slot of the pattern, one request per student, highest priority first, up to `seats`. */
function servedAt(book: Lookup, wanting: readonly RequestExplanation[], pattern: Pattern, seats: number): Served[] {
  const best = new Map<string, Served>();
  for (const r of wanting) {
    const busy = timetableOf(book, r.student).some((s) => s.slots.some((slot) => pattern.slots.includes(slot)));
    if (busy) continue;
    const had = best.get(r.student);
    if (!had || RANK[r.priority] < RANK[had.priority]) best.set(r.student, { student: r.student, request: r.request, priority: r.priority });
  }
  return [...best.values()].sort((a, b) => RANK[a.priority] - RANK[b.priority] || (a.student < b.student ? -1 : 1)).slice(0, Math.max(0, seats));
}

const required = (served: readonly Served[]) => served.filter((s) => s.priority === 'required').length;

/** The free room of the course's type that seats the most of its capacity (scenario order on a tie). */
function roomFor(book: Lookup, occ: Occupancy, course: Course, pattern: Pattern): string | undefined {
  let best: { id: string; seats: number } | undefined;
  for (const r of book.scenario.rooms) {
    if (r.type !== course.roomType || pattern.slots.some((s) => occ.roomSlots.get(r.id)?.has(s))) continue;
    const seats = Math.min(course.capacity, r.capacity);
    if (!best || seats > best.seats) best = { id: r.id, seats };
  }
  return best?.id;
}

/** The best placement of one more section of the course, or why there is none. */
function addSection(book: Lookup, occ: Occupancy, course: Course, wanting: readonly RequestExplanation[]): LeverPlan | 'teacher' | 'room' {
  const qualified = book.scenario.teachers.filter((t) => t.courses.includes(course.id));
  let best: Extract<LeverPlan, { kind: 'add-section' }> | null = null;
  let teacherFree = false;
  for (const raiseMax of [false, true]) {
    for (const pattern of coursePatterns(book.scenario.calendar, course)) {
      // Only placements some of the students have free count, for the section and for the shortage.
      if (servedAt(book, wanting, pattern, 1).length === 0) continue;
      for (const t of qualified) {
        const load = occ.teacherLoad.get(t.id) ?? 0;
        if (raiseMax && load < t.maxSections) continue;
        // One section more than maxSections: the same test with the load one lower.
        const view = raiseMax ? { ...occ, teacherLoad: new Map(occ.teacherLoad).set(t.id, t.maxSections - 1) } : occ;
        if (!teacherCanOpen(book, view, t.id, pattern)) continue;
        teacherFree = true;
        const room = roomFor(book, occ, course, pattern);
        if (room === undefined) continue;
        const seats = Math.min(course.capacity, book.rooms.get(room)?.capacity ?? 0);
        const served = servedAt(book, wanting, pattern, seats);
        if (!best || required(served) > required(best.served) || (required(served) === required(best.served) && served.length > best.served.length)) {
          best = { kind: 'add-section', course: course.id, teacher: t.id, room, slots: pattern.slots, raiseMax, seats, served };
        }
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- false positive: TypeScript narrows `best` to its initial null and misses the assignment in the loop above (tsc types it `null` here), but a placement found there makes it non-null
    if (best) return best;
  }
  return teacherFree ? 'room' : 'teacher';
}

const leverWeight = (l: LeverPlan): [number, number] => {
  switch (l.kind) {
    case 'add-section':
      return [required(l.served), l.served.length];
    case 'teacher':
    case 'room':
      return [l.requests.required, l.requests.required + l.requests.requested + l.requests.recommended];
    case 'calendar':
      return [l.required, l.requests];
  }
};

/**
 * Every lever the schedule shows, most required requests helped first (then most requests).
 * @param e - the schedule's explanations ({@link explainSchedule}).
 */
export function findLevers(book: Lookup, e: Explanations): LeverPlan[] {
  const occ = occupancy(book);
  const out: LeverPlan[] = [];
  const calendar = calendarLever(book);
  if (calendar) out.push(calendar);
  const courses = new Set(e.requests.flatMap((r) => [r.request, ...(book.students.get(r.student)?.alternates?.[r.request] ?? [])]));
  for (const id of [...courses].sort()) {
    const course = book.courses.get(id);
    if (!course) continue;
    const wanting = blockedBy(book, e.requests, id);
    if (wanting.length === 0) continue;
    const found = addSection(book, occ, course, wanting);
    if (typeof found !== 'string') {
      out.push(found);
      continue;
    }
    // Only requests of this very course count toward its shortage (an alternate's shortage is its own course's).
    const counts = zero();
    for (const r of wanting) if (r.request === id) counts[r.priority]++;
    if (counts.required + counts.requested + counts.recommended === 0) continue;
    out.push(
      found === 'room'
        ? { kind: 'room', course: id, roomType: course.roomType, requests: counts }
        : { kind: 'teacher', course: id, teachers: book.scenario.teachers.filter((t) => t.courses.includes(id)).map((t) => t.id), requests: counts },
    );
  }
  return out
    .map((l, i) => ({ l, i, w: leverWeight(l) }))
    .sort((a, b) => b.w[0] - a.w[0] || b.w[1] - a.w[1] || a.i - b.i)
    .map((x) => x.l);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function teacherWords(book: Lookup, id: string): string {
  const name = book.teachers.get(id)?.name;
  return name ? `${id} ${name}` : id;
}

/** `6-period day`, `4-period day on 2 rotation days (8 slots)`. */
export function calendarWords(calendar: Calendar, slots: number): string {
  const parts = [`${calendar.periods.length}-period day`];
  if (calendar.days.length > 1) parts.push(`on ${calendar.days.length} rotation days`);
  if (calendar.terms.length > 1) parts.push(`in ${calendar.terms.length} terms`);
  if (slots !== calendar.periods.length) parts.push(`(${slots} slots)`);
  return parts.join(' ');
}

/** The requests of an add-section lever: `10 requests (8 required)`. */
function servedWords(served: readonly Served[]): string {
  const r = required(served);
  return `${plural(served.length, 'request')}${r > 0 ? ` (${r} required)` : ''}`;
}

/** The lever in school words: what to change, and what it would do. */
export function renderLever(book: Lookup, l: LeverPlan): string {
  switch (l.kind) {
    case 'add-section': {
      const t = book.teachers.get(l.teacher);
      const who = l.raiseMax
        ? `${teacherWords(book, l.teacher)} free in ${slotWords(book, l.slots)} if allowed ${plural((t?.maxSections ?? 0) + 1, 'section')} instead of ${t?.maxSections ?? 0}`
        : `${teacherWords(book, l.teacher)} free in ${slotWords(book, l.slots)}`;
      return `one more ${courseLabel(book, l.course)} section (${who}, room ${l.room} free, ${plural(l.seats, 'seat')}) would meet ${servedWords(l.served)} of students free then`;
    }
    case 'teacher': {
      const loads = l.teachers.map((id) => {
        const t = book.teachers.get(id);
        const sections = book.schedule.sections.filter((s) => s.teacher === id).length;
        return `${teacherWords(book, id)} teaches ${sections} of ${t?.maxSections ?? 0}`;
      });
      const n = l.requests.required + l.requests.requested + l.requests.recommended;
      return `another teacher for ${courseLabel(book, l.course)}: ${plural(n, 'request')}${l.requests.required > 0 ? ` (${l.requests.required} required)` : ''} find every section blocked and no qualified teacher free to open another when the students are free (${loads.length === 0 ? 'no teacher is credentialed' : loads.join('; ')})`;
    }
    case 'room': {
      const n = l.requests.required + l.requests.requested + l.requests.recommended;
      return `another ${l.roomType} room: ${plural(n, 'request')}${l.requests.required > 0 ? ` (${l.requests.required} required)` : ''} for ${courseLabel(book, l.course)} find every section blocked; a qualified teacher is free for another section, but no ${l.roomType} room then`;
    }
    case 'calendar':
      return `a ${calendarWords(book.scenario.calendar, l.slots)} cannot hold up to ${plural(l.most, 'slot')} of requests: ${l.students} students (${l.pathwayStudents} in pathways) ask for more than it holds, so at least ${plural(l.requests, 'request')}${l.required > 0 ? ` (${l.required} required)` : ''} stay unmet in any schedule; a longer day or fewer requests would help`;
  }
}

/** Requests and required requests a lever addresses, as the report stores them. */
export function leverCounts(l: LeverPlan): { requests: number; required: number } {
  switch (l.kind) {
    case 'add-section':
      return { requests: l.served.length, required: required(l.served) };
    case 'teacher':
    case 'room':
      return { requests: l.requests.required + l.requests.requested + l.requests.recommended, required: l.requests.required };
    case 'calendar':
      return { requests: l.requests, required: l.required };
  }
}
