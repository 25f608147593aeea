/** Rules on cohort sections: reserved for one cohort of one pathway and grade, shared whole. */
import type { Pathway } from '../../scenario/schema.js';
import type { Section } from '../../solution/schema.js';
import { parseCohortLabel, type CohortLabel } from '../cohort-label.js';
import { rosterOf, type Lookup } from '../lookup.js';
import type { Violation } from '../violation.js';

interface Cohort {
  readonly label: string;
  readonly parsed: CohortLabel;
  readonly pathway: Pathway;
  readonly sections: Section[];
}

/** Sections grouped by well-formed cohort label of a known pathway, in schedule order. */
function cohorts(book: Lookup): Cohort[] {
  const found = new Map<string, Cohort>();
  for (const s of book.schedule.sections) {
    if (s.cohort === undefined) continue;
    const parsed = parseCohortLabel(s.cohort);
    const pathway = parsed && book.pathways.get(parsed.pathway);
    if (!parsed || !pathway) continue;
    const cohort = found.get(s.cohort);
    if (cohort) cohort.sections.push(s);
    else found.set(s.cohort, { label: s.cohort, parsed, pathway, sections: [s] });
  }
  return [...found.values()];
}

/** Students of a cohort: everyone in any of its sections. */
function members(book: Lookup, cohort: Cohort): string[] {
  return [...new Set(cohort.sections.flatMap((s) => rosterOf(book, s.id)))];
}

/** A cohort label reads PATHWAY-GRADE-N for a listed pathway, on a section of one of that pathway's cohort courses for that grade. */
export function cohortLabel(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const s of book.schedule.sections) {
    if (s.cohort === undefined) continue;
    const parsed = parseCohortLabel(s.cohort);
    if (!parsed) {
      out.push({
        rule: 'cohort-label',
        message: `section ${s.id} has cohort label "${s.cohort}", which does not read PATHWAY-GRADE-N (e.g. HEALTH-10-1)`,
        sections: [s.id],
      });
      continue;
    }
    const pathway = book.pathways.get(parsed.pathway);
    if (!pathway) {
      out.push({
        rule: 'cohort-label',
        message: `section ${s.id} is reserved for cohort ${s.cohort} of pathway "${parsed.pathway}", which the scenario does not list`,
        sections: [s.id],
      });
      continue;
    }
    const courses = pathway.cohortCourses[String(parsed.grade)] ?? [];
    if (!courses.includes(s.course)) {
      out.push({
        rule: 'cohort-label',
        message: `section ${s.id} of ${s.course} is reserved for cohort ${s.cohort}, but ${s.course} is not a ${pathway.id} grade ${parsed.grade} cohort course (${courses.join(', ') || 'none'})`,
        sections: [s.id],
      });
    }
  }
  return out;
}

/** Only members of the pathway in the cohort's grade sit in a cohort section. */
export function cohortExclusive(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const cohort of cohorts(book)) {
    for (const s of cohort.sections) {
      const outsiders = rosterOf(book, s.id).filter((id) => {
        const st = book.students.get(id);
        return !st || st.pathway !== cohort.pathway.id || st.grade !== cohort.parsed.grade;
      });
      if (outsiders.length > 0) {
        out.push({
          rule: 'cohort-exclusive',
          message: `section ${s.id} is reserved for cohort ${cohort.label}, but holds ${outsiders.join(', ')}, who ${outsiders.length === 1 ? 'is not a' : 'are not'} ${cohort.pathway.id} grade ${cohort.parsed.grade} member${outsiders.length === 1 ? '' : 's'}`,
          sections: [s.id],
          students: outsiders,
        });
      }
    }
  }
  return out;
}

/** A cohort shares all its cohort sections: every section of the cohort holds exactly the same students. */
export function cohortTogether(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const cohort of cohorts(book)) {
    const all = members(book, cohort);
    for (const s of cohort.sections) {
      const here = new Set(rosterOf(book, s.id));
      const missing = all.filter((id) => !here.has(id));
      if (missing.length > 0) {
        out.push({
          rule: 'cohort-together',
          message: `cohort ${cohort.label}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} in other ${cohort.label} sections but not in ${s.id} (${s.course})`,
          sections: [s.id],
          students: missing,
        });
      }
    }
  }
  return out;
}

/** A cohort has at most one section of each course. */
export function cohortOneSection(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const cohort of cohorts(book)) {
    const byCourse = new Map<string, string[]>();
    for (const s of cohort.sections) byCourse.set(s.course, [...(byCourse.get(s.course) ?? []), s.id]);
    for (const [course, ids] of byCourse) {
      if (ids.length > 1)
        out.push({
          rule: 'cohort-one-section',
          message: `cohort ${cohort.label} has ${ids.length} sections of ${course} (${ids.join(', ')}); a cohort takes one`,
          sections: ids,
        });
    }
  }
  return out;
}

/** A cohort holds at most the pathway's cohort size. */
export function cohortSize(book: Lookup): Violation[] {
  const out: Violation[] = [];
  for (const cohort of cohorts(book)) {
    const all = members(book, cohort);
    if (all.length > cohort.pathway.cohortSize) {
      out.push({
        rule: 'cohort-size',
        message: `cohort ${cohort.label} has ${all.length} students, above ${cohort.pathway.id}'s cohort size of ${cohort.pathway.cohortSize}`,
        sections: cohort.sections.map((s) => s.id),
        students: all,
      });
    }
  }
  return out;
}

/** A pathway forms at most ceil(members / cohortSize) cohorts in a grade. */
export function cohortCount(book: Lookup): Violation[] {
  const out: Violation[] = [];
  const byGrade = new Map<string, Cohort[]>();
  for (const c of cohorts(book)) {
    const key = JSON.stringify([c.pathway.id, c.parsed.grade]);
    byGrade.set(key, [...(byGrade.get(key) ?? []), c]);
  }
  for (const list of byGrade.values()) {
    const first = list[0];
    if (!first) continue;
    const { pathway, parsed } = first;
    const memberCount = book.scenario.students.filter((s) => s.pathway === pathway.id && s.grade === parsed.grade).length;
    const allowed = Math.ceil(memberCount / pathway.cohortSize);
    if (list.length > allowed) {
      out.push({
        rule: 'cohort-count',
        message: `${pathway.id} grade ${parsed.grade} has ${list.length} cohorts (${list.map((c) => c.label).join(', ')}), but its ${memberCount} members make at most ${allowed} at cohort size ${pathway.cohortSize}`,
        sections: list.flatMap((c) => c.sections.map((s) => s.id)),
      });
    }
  }
  return out;
}
