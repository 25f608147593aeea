/**
 * A board (teachers or rooms × slots) as an HTML table that shows the schedule as it is: a section
 * meeting in consecutive periods of one day (a double period) is one cell spanning them; slots a
 * teacher is unavailable in are marked; common planning time is drawn where the caller's
 * derivation (the checker's, src/checker/free-time.ts) says the whole team is available and free.
 * Slots are grouped under their term and day.
 */
import { allSlots, type Slot } from '../calendar/slots.js';
import type { Calendar } from '../scenario/schema.js';
import type { Section } from '../solution/schema.js';
import type { Board } from '../io/schedule-views.js';
import { esc } from './escape.js';

/** What a cell shows besides its sections. */
export interface CellMarks {
  /** The row's teacher is unavailable in this slot. */
  readonly off: boolean;
  /** Pathways whose team has common planning time in this slot (the row's teacher is on the team). */
  readonly cpt: readonly string[];
}

export interface BoardOptions {
  /** The HTML of one section in a cell. */
  readonly chip: (section: Section) => string;
  /** Marks of a cell, by row id and slot; none when absent. */
  readonly marks?: (rowId: string, slot: string) => CellMarks;
  /** The colour a pathway's CPT cell is outlined with. */
  readonly cptColour?: (pathway: string) => string;
}

const dayKey = (s: Slot | undefined) => (s ? `${s.term}|${s.day}` : '');

/** The header: term and day over their periods when there are several, then the periods. */
function header(corner: string, calendar: Calendar, slots: readonly Slot[]): string {
  if (calendar.terms.length === 1 && calendar.days.length === 1)
    return `<tr><th>${esc(corner)}</th>${slots.map((s) => `<th>${esc(s.name)}</th>`).join('')}</tr>`;
  const groups: { label: string; span: number }[] = [];
  for (const s of slots) {
    const label = [calendar.terms.length > 1 ? s.term : '', calendar.days.length > 1 ? `day ${s.day}` : ''].filter((x) => x).join(' ');
    const last = groups.at(-1);
    if (last && last.label === label) last.span++;
    else groups.push({ label, span: 1 });
  }
  return (
    `<tr><th rowspan="2">${esc(corner)}</th>${groups.map((g) => `<th class="day" colspan="${g.span}">${esc(g.label)}</th>`).join('')}</tr>` +
    `<tr>${slots.map((s) => `<th title="${esc(s.name)}">${esc(s.period)}</th>`).join('')}</tr>`
  );
}

/**
 * The board as a table. A cell holding exactly one section that also fills the next slots of the
 * same day is one `<td colspan>`; every cell carries `data-slots` (its slots, space-separated).
 */
export function boardTable(id: string, corner: string, board: Board, calendar: Calendar, options: BoardOptions): string {
  const slots = allSlots(calendar);
  const byName = new Map(slots.map((s) => [s.name, s]));
  const ordered = board.slots.map((name) => byName.get(name));
  const rows = board.rows.map((r) => {
    const cells: string[] = [];
    for (let i = 0; i < r.cells.length;) {
      const here = r.cells[i] ?? [];
      let span = 1;
      const only = here.length === 1 ? here[0] : undefined;
      while (
        only &&
        i + span < r.cells.length &&
        r.cells[i + span]?.length === 1 &&
        r.cells[i + span]?.[0] === only &&
        dayKey(ordered[i + span]) === dayKey(ordered[i])
      )
        span++;
      const covered = board.slots.slice(i, i + span);
      const marks = covered.map((slot) => options.marks?.(r.id, slot) ?? { off: false, cpt: [] });
      const off = marks.some((m) => m.off);
      const cpt = [...new Set(marks.flatMap((m) => m.cpt))];
      const body =
        here.map(options.chip).join('') +
        (off && here.length === 0 ? '<span class="off-mark">unavailable</span>' : '') +
        cpt
          .map(
            (p) => `<div class="cpt" data-pathway="${esc(p)}"${options.cptColour ? ` style="border-color:${options.cptColour(p)}"` : ''}>CPT ${esc(p)}</div>`,
          )
          .join('');
      cells.push(
        `<td${span > 1 ? ` colspan="${span}"` : ''}${off ? ' class="off" title="unavailable"' : ''} data-slots="${esc(covered.join(' '))}">${body}</td>`,
      );
      i += span;
    }
    return `<tr data-row="${esc(r.id)}"><th>${esc(r.label)}</th>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table id="${esc(id)}" class="board">${header(
    corner,
    calendar,
    slots.filter((s) => board.slots.includes(s.name)),
  )}${rows.join('')}</table></div>`;
}
