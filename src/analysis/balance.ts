/** Balance: seats offered and taken in each slot, so periods that crowd or starve show up. */
import { allSlots } from '../calendar/slots.js';
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { lookup, rosterOf, seatLimit } from '../checker/index.js';
import { percent, type AnalysisTable } from './table.js';

export function balance(scenario: Scenario, solution: Schedule): AnalysisTable {
  const book = lookup(scenario, solution);
  const rows = allSlots(scenario.calendar).map((slot) => {
    const meeting = [...book.sections.values()].filter((s) => s.slots.includes(slot.name));
    const seats = meeting.reduce((n, s) => n + (seatLimit(book, s) ?? 0), 0);
    const enrolled = meeting.reduce((n, s) => n + rosterOf(book, s.id).length, 0);
    return { slot: slot.name, sections: meeting.length, seats, enrolled, fill: percent(enrolled, seats), open: seats - enrolled };
  });
  const seats = rows.map((r) => r.seats);
  const mean = seats.length === 0 ? 0 : seats.reduce((a, b) => a + b, 0) / seats.length;
  const spread = seats.length === 0 ? 0 : Math.max(...seats) - Math.min(...seats);
  return {
    kind: 'balance',
    title: 'Balance: seats per slot',
    columns: [
      { key: 'slot', label: 'Slot' },
      { key: 'sections', label: 'Sections', align: 'right' },
      { key: 'seats', label: 'Seats', align: 'right' },
      { key: 'enrolled', label: 'Enrolled', align: 'right' },
      { key: 'open', label: 'Open seats', align: 'right' },
      { key: 'fill', label: 'Fill %', align: 'right' },
    ],
    rows,
    notes: [`Seats per slot: mean ${Math.round(mean * 10) / 10}, spread (max − min) ${spread}.`],
  };
}
