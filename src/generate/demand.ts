/**
 * Section demand from course requests: the tally step of the CCASN workflow. Cohort courses get
 * one reserved section per cohort, and the remaining requests fill sections up to capacity.
 */
import type { ScenarioInput } from '../scenario/schema.js';

type DemandInput = Pick<ScenarioInput, 'courses' | 'pathways' | 'students'>;

/**
 * Sections each course needs: for every pathway and grade, ceil(members / cohortSize) cohort
 * sections of each cohort course, plus ceil(other requests / capacity). A course with a fixed
 * `sections` count keeps it.
 */
export function expectedSections(scenario: DemandInput): Map<string, number> {
  const cohortSections = new Map<string, number>();
  const requests = new Map<string, number>();
  const cohortMemberRequests = new Map<string, number>();
  const members = new Map<string, number>();
  for (const st of scenario.students) {
    for (const c of st.requests) requests.set(c, (requests.get(c) ?? 0) + 1);
    if (st.pathway !== undefined) members.set(`${st.pathway}|${st.grade}`, (members.get(`${st.pathway}|${st.grade}`) ?? 0) + 1);
  }
  for (const p of scenario.pathways) {
    for (const [grade, courses] of Object.entries(p.cohortCourses)) {
      const n = members.get(`${p.id}|${grade}`) ?? 0;
      if (n === 0) continue;
      const cohorts = Math.ceil(n / p.cohortSize);
      for (const c of courses) {
        cohortSections.set(c, (cohortSections.get(c) ?? 0) + cohorts);
        cohortMemberRequests.set(c, (cohortMemberRequests.get(c) ?? 0) + n);
      }
    }
  }
  const out = new Map<string, number>();
  for (const course of scenario.courses) {
    if (course.sections !== undefined) {
      out.set(course.id, course.sections);
      continue;
    }
    const others = (requests.get(course.id) ?? 0) - (cohortMemberRequests.get(course.id) ?? 0);
    out.set(course.id, (cohortSections.get(course.id) ?? 0) + Math.ceil(Math.max(0, others) / course.capacity));
  }
  return out;
}
