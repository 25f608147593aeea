/**
 * Teachers and rooms of an SIS import. A teacher may teach the courses of their qualification
 * rows and of every section that names them (several teachers per section each qualify); their
 * load is the `maxSections` column, else their number of sections. Rooms come from the rooms
 * file (capacity, type), and every room a section or room-use row names; a teacher's home room is
 * their `room` column, else the room their sections use most.
 */
import type { Room } from '../scenario/schema.js';
import { CellReader } from './cell-reader.js';
import { badCell, listCell, type RowRef, type SisContext } from './sis-context.js';
import type { Catalogue } from './sis-courses.js';
import type { SisTable } from './sis-files.js';
import { lookupValue } from './sis-values.js';
import { cellProblem } from './source-table.js';

/** A teacher of the import, before courses left out are removed. */
export interface StaffTeacher {
  readonly id: string;
  name: string;
  /** Where the teacher first appears (for problems the scenario check finds). */
  readonly origin: string;
  readonly courses: string[];
  /** Sections naming the teacher. */
  sections: number;
  maxSections: number | undefined;
  room: string;
  readonly teams: Set<string>;
  readonly roomUse: Map<string, number>;
}

export interface Staff {
  readonly teachers: Map<string, StaffTeacher>;
  readonly rooms: Room[];
}

export interface StaffTables {
  readonly teachers?: SisTable | undefined;
  readonly qualifications?: SisTable | undefined;
  readonly rooms?: SisTable | undefined;
  readonly roomUse?: SisTable | undefined;
}

const rowRef = (ctx: SisContext, table: SisTable, row: SisTable['rows'][number]): RowRef => ({ table, row, cells: new CellReader(table, row, ctx.problems) });

/** Reads teachers, qualifications, rooms and room use against the catalogue. */
export function readStaff(ctx: SisContext, catalogue: Catalogue, tables: StaffTables, coursesLabel: string): Staff {
  const m = ctx.mapping;
  const teachers = new Map<string, StaffTeacher>();
  const listedTeachers = tables.teachers !== undefined;
  const teacher = (id: string, origin: string): StaffTeacher => {
    let t = teachers.get(id);
    if (!t) {
      t = { id, name: '', origin, courses: [], sections: 0, maxSections: undefined, room: '', teams: new Set(), roomUse: new Map() };
      teachers.set(id, t);
    }
    return t;
  };
  const knownTeacher = (ref: RowRef, column: string, id: string): boolean => {
    if (!listedTeachers || teachers.has(id)) return true;
    badCell(ctx, ref, column, `a teacher id of ${tables.teachers.label}`);
    return false;
  };

  if (tables.teachers && m.teachers) {
    const tm = m.teachers;
    for (const row of tables.teachers.rows) {
      const ref = rowRef(ctx, tables.teachers, row);
      const id = ref.cells.text(tm.id, 'a teacher id');
      const max = tm.maxSections !== undefined ? ref.cells.int(tm.maxSections, 0) : undefined;
      if (id === undefined) continue;
      if (teachers.has(id)) {
        ctx.problems.push(cellProblem(tables.teachers.label, row.row, tm.id, id, 'each teacher id once'));
        continue;
      }
      const t = teacher(id, `${tables.teachers.label}, row ${row.row}`);
      t.name = tm.name !== undefined ? ref.cells.raw(tm.name) : '';
      t.maxSections = max;
      t.room = tm.room !== undefined ? ref.cells.raw(tm.room) : '';
      if (tm.team !== undefined && !tables.teachers.absent.has(tm.team)) for (const code of listCell(ctx, ref, tm.team)) t.teams.add(code);
    }
  }

  if (tables.qualifications && m.qualifications) {
    const qm = m.qualifications;
    for (const row of tables.qualifications.rows) {
      const ref = rowRef(ctx, tables.qualifications, row);
      const id = ref.cells.text(qm.teacher, 'a teacher id');
      const course = ref.cells.text(qm.course, 'a course code');
      if (id === undefined || course === undefined || !knownTeacher(ref, qm.teacher, id)) continue;
      if (!catalogue.courses.has(course)) {
        badCell(ctx, ref, qm.course, `a course code of ${coursesLabel}`);
        continue;
      }
      const t = teacher(id, `${tables.qualifications.label}, row ${row.row}`);
      if (!t.courses.includes(course)) t.courses.push(course);
    }
  }

  for (const s of catalogue.sections) {
    for (const id of s.teachers) {
      const column = m.sections?.teachers[0] ?? '';
      if (!knownTeacher(s.first, column, id)) continue;
      const t = teacher(id, `${s.first.table.label}, row ${s.first.row.row}`);
      if (!t.courses.includes(s.course)) t.courses.push(s.course);
      t.sections++;
      if (t.name === '') t.name = s.teacherNames.get(id) ?? '';
      if (s.room !== '') t.roomUse.set(s.room, (t.roomUse.get(s.room) ?? 0) + 1);
    }
  }

  // Rooms: the rooms file first, then every room named by a section, a room-use row or a teacher.
  const rooms: Room[] = [];
  const roomIds = new Set<string>();
  const listedRooms = tables.rooms !== undefined;
  const addRoom = (id: string, ref: RowRef | undefined, column: string): boolean => {
    if (roomIds.has(id)) return true;
    if (listedRooms) {
      if (ref) badCell(ctx, ref, column, `a room of ${tables.rooms.label}`);
      return false;
    }
    roomIds.add(id);
    rooms.push({ id, type: m.defaults.roomType, capacity: m.defaults.roomCapacity });
    return true;
  };
  if (tables.rooms && m.rooms) {
    const rm = m.rooms;
    for (const row of tables.rooms.rows) {
      const ref = rowRef(ctx, tables.rooms, row);
      const id = ref.cells.text(rm.id, 'a room id');
      const capacity = rm.capacity !== undefined ? ref.cells.int(rm.capacity, 1, Number.MAX_SAFE_INTEGER, true) : undefined;
      const typeRaw = rm.type !== undefined ? ref.cells.raw(rm.type) : '';
      const type = typeRaw === '' ? m.defaults.roomType : ((m.values.roomTypes ? lookupValue(m.values.roomTypes, typeRaw) : undefined) ?? typeRaw);
      if (id === undefined) continue;
      if (roomIds.has(id)) {
        ctx.problems.push(cellProblem(tables.rooms.label, row.row, rm.id, id, 'each room id once'));
        continue;
      }
      roomIds.add(id);
      rooms.push({ id, type, capacity: capacity ?? m.defaults.roomCapacity });
    }
  }
  for (const s of catalogue.sections) if (s.room !== '') addRoom(s.room, s.first, m.sections?.room ?? '');
  if (tables.roomUse && m.roomUse) {
    const um = m.roomUse;
    for (const row of tables.roomUse.rows) {
      const ref = rowRef(ctx, tables.roomUse, row);
      const room = ref.cells.raw(um.room);
      // Rows for courses outside the course list (or with no room) describe nothing to schedule.
      if (room === '' || !catalogue.courses.has(ref.cells.raw(um.course))) continue;
      if (!addRoom(room, ref, um.room)) continue;
      const id = um.teacher !== undefined ? ref.cells.raw(um.teacher) : '';
      if (id === '') continue;
      const t = teachers.get(id);
      if (t) t.roomUse.set(room, (t.roomUse.get(room) ?? 0) + 1);
    }
  }
  for (const t of teachers.values()) {
    if (t.room !== '') {
      if (!roomIds.has(t.room) && listedRooms)
        ctx.problems.push({
          path: `${t.origin}, column ${m.teachers?.room ?? 'room'}`,
          message: `unknown room ${JSON.stringify(t.room)}`,
          fix: `expected a room of ${tables.rooms.label}`,
        });
      else addRoom(t.room, undefined, '');
      continue;
    }
    const used = [...t.roomUse.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    t.room = used[0]?.[0] ?? '';
  }
  return { teachers, rooms };
}
