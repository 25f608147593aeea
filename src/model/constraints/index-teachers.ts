/**
 * Which board columns keep a teacher busy in a slot, shared by the teacher rules.
 */
import type { Expr } from '../builder.js';
import type { TeachVar } from '../variables.js';
import { getOrInsert } from '../../map-entry.js';

/** teacher → slot → columns of sections that occupy the slot. */
export function teacherSlotIndex(teach: readonly TeachVar[]): Map<string, Map<string, Expr>> {
  const index = new Map<string, Map<string, Expr>>();
  for (const v of teach) {
    const bySlot = getOrInsert(index, v.teacher, () => new Map());
    for (const s of v.pattern.slots) {
      let e = bySlot.get(s);
      if (!e) bySlot.set(s, (e = []));
      e.push([v.col, 1]);
    }
  }
  return index;
}
