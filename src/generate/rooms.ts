/**
 * Rooms: every teacher gets a home room of the type they use most, and each room type has
 * enough rooms for its sections with some slack; a room holds any course of its type.
 */
import type { ScenarioInput } from '../scenario/schema.js';
import type { Random } from './random.js';

type RoomInput = ScenarioInput['rooms'][number];

const PREFIX: Readonly<Record<string, string>> = {
  general: 'R',
  'science-lab': 'SCI',
  'computer-lab': 'CL',
  'health-lab': 'HL',
  'engineering-lab': 'ENGL',
  'media-lab': 'ML',
  shop: 'SHOP',
  kitchen: 'KIT',
  'ag-lab': 'AGL',
  art: 'ART',
  music: 'MUS',
  theater: 'THR',
  dance: 'DAN',
  gym: 'GYM',
};
/** Rooms are busy at most this share of the slots. */
const ROOM_UTILISATION = 0.85;

export interface RoomNeed {
  readonly type: string;
  /** Section-slots the type's sections occupy in a year. */
  readonly slotUse: number;
  /** Largest capacity of a course of this type. */
  readonly capacity: number;
  /** Teachers whose home room is of this type. */
  readonly homeTeachers: number;
}

/** Builds rooms by type, in the order the needs are given. */
export function buildRooms(needs: readonly RoomNeed[], slots: number, rng: Random): RoomInput[] {
  const rooms: RoomInput[] = [];
  for (const need of needs) {
    const count = Math.max(1, need.homeTeachers, Math.ceil(need.slotUse / (slots * ROOM_UTILISATION)));
    const prefix = PREFIX[need.type] ?? need.type.toUpperCase().replace(/[^A-Z0-9]/g, '');
    for (let i = 0; i < count; i++) {
      // General classrooms are numbered by building and floor, like R101..R120, R201...
      const id = need.type === 'general' ? `R${100 * (1 + Math.floor(i / 20)) + (i % 20) + 1}` : `${prefix}${i + 1}`;
      rooms.push({ id, type: need.type, capacity: need.capacity + (rng.chance(0.3) ? rng.int(1, 4) : 0) });
    }
  }
  return rooms;
}
