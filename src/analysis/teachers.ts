/** Teachers: load against the maximum, preps (distinct courses), free prep slots and team CPT. */
import { allSlots } from '../calendar/slots.js';
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { lookup } from '../checker/index.js';
import { sharedFreeSlots } from '../checker/rules/staff.js';
import { percent, type AnalysisTable } from './table.js';

export function teacherLoads(scenario: Scenario, solution: Schedule): AnalysisTable {
  const book = lookup(scenario, solution);
  const slots = allSlots(scenario.calendar).map((s) => s.name);
  const cpt = new Map(scenario.pathways.map((p) => [p.id, sharedFreeSlots(book, p.team)]));
  const rows = scenario.teachers.map((t) => {
    const own = [...book.sections.values()].filter((s) => s.teacher === t.id);
    const busy = new Set(own.flatMap((s) => s.slots));
    const off = new Set(t.unavailable ?? []);
    const free = slots.filter((s) => !busy.has(s) && !off.has(s));
    const teams = scenario.pathways.filter((p) => p.team.includes(t.id));
    const cptText = teams.map((p) => {
      const shared = cpt.get(p.id) ?? [];
      return p.commonPlanning <= 0
        ? `${p.id}: none asked`
        : shared.length >= p.commonPlanning
          ? `${p.id}: ${shared.slice(0, 3).join(' ')}`
          : `${p.id}: MISSING`;
    });
    return {
      teacher: t.id,
      name: t.name,
      sections: own.length,
      max: t.maxSections,
      load: percent(own.length, t.maxSections),
      preps: new Set(own.map((s) => s.course)).size,
      teachingSlots: busy.size,
      freeSlots: free.length,
      unavailable: off.size,
      cpt: cptText.join('; '),
    };
  });
  return {
    kind: 'teachers',
    title: 'Teachers: loads, preps, free slots and common planning time',
    columns: [
      { key: 'teacher', label: 'Teacher' },
      { key: 'name', label: 'Name' },
      { key: 'sections', label: 'Sections', align: 'right' },
      { key: 'max', label: 'Max', align: 'right' },
      { key: 'load', label: 'Load %', align: 'right' },
      { key: 'preps', label: 'Preps', align: 'right' },
      { key: 'teachingSlots', label: 'Slots taught', align: 'right' },
      { key: 'freeSlots', label: 'Free (prep) slots', align: 'right' },
      { key: 'unavailable', label: 'Unavailable', align: 'right' },
      { key: 'cpt', label: 'Team CPT slots' },
    ],
    rows,
    notes: ['Preps: distinct courses taught. Free slots: available slots with no section. Team CPT: slots the whole team shares free (first three).'],
  };
}
