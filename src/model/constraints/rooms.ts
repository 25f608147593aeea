import type { ModelBuilder, Expr } from '../builder.js';
import type { Instance } from '../instance.js';
import type { Vars } from '../variables.js';
import { getOrInsert } from '../../map-entry.js';

/** In a slot, no more sections need a room type than there are rooms of that type. */
export function roomTypes(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const use = new Map<string, Map<string, Expr>>();
  for (const v of vars.teach) {
    const type = inst.courses.get(v.course)?.course.roomType ?? '';
    const bySlot = getOrInsert(use, type, () => new Map());
    for (const s of v.pattern.slots) {
      const e = bySlot.get(s) ?? [];
      e.push([v.col, 1]);
      bySlot.set(s, e);
    }
  }
  for (const [type, bySlot] of use) {
    const rooms = inst.roomsOfType.get(type) ?? 0;
    for (const [slot, expr] of bySlot)
      if (expr.length > rooms) m.row(`roomType[${type},${slot}]`, expr, 0, rooms, { rule: 'room-type', args: { roomType: type } });
  }
}
