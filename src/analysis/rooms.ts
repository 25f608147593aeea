/** Rooms: how many slots each room is used, and how full its sections are. */
import { allSlots } from '../calendar/slots.js';
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { lookup, rosterOf } from '../checker/index.js';
import { percent, type AnalysisTable } from './table.js';

export function roomUse(scenario: Scenario, solution: Schedule): AnalysisTable {
  const book = lookup(scenario, solution);
  const total = allSlots(scenario.calendar).length;
  const rows = scenario.rooms.map((r) => {
    const own = [...book.sections.values()].filter((s) => s.room === r.id);
    const used = new Set(own.flatMap((s) => s.slots)).size;
    const seats = own.length * r.capacity;
    const enrolled = own.reduce((n, s) => n + rosterOf(book, s.id).length, 0);
    return {
      room: r.id,
      type: r.type,
      capacity: r.capacity,
      sections: own.length,
      slotsUsed: used,
      utilisation: percent(used, total),
      fill: percent(enrolled, seats),
    };
  });
  const byType = new Map<string, { used: number; rooms: number }>();
  for (const r of rows) {
    const t = byType.get(r.type) ?? { used: 0, rooms: 0 };
    byType.set(r.type, { used: t.used + r.slotsUsed, rooms: t.rooms + 1 });
  }
  return {
    kind: 'rooms',
    title: `Rooms: utilisation over ${total} slots`,
    columns: [
      { key: 'room', label: 'Room' },
      { key: 'type', label: 'Type' },
      { key: 'capacity', label: 'Capacity', align: 'right' },
      { key: 'sections', label: 'Sections', align: 'right' },
      { key: 'slotsUsed', label: 'Slots used', align: 'right' },
      { key: 'utilisation', label: 'Utilisation %', align: 'right' },
      { key: 'fill', label: 'Seat fill %', align: 'right' },
    ],
    rows,
    notes: [`By type: ${[...byType].map(([type, t]) => `${type} ${percent(t.used, t.rooms * total) ?? 0}%`).join(', ')}.`],
  };
}
