/**
 * Causes of an unmet request or an unplaced pathway student, as data: a kind and the ids and
 * slots involved. Data first, so that each cause can be rendered in school words and verified
 * against the schedule by {@link verifyExplanations}.
 */
import type { AgSubject, Priority } from '../scenario/schema.js';
import type { RuleId } from '../scenario/rules.js';

export type Cause =
  /** No section of the course or any of its alternates runs. */
  | { readonly kind: 'not-offered'; readonly request: string; readonly courses: readonly string[] }
  /** The student's own section `blocker` and the offered `section` share `slots`. */
  | { readonly kind: 'clash'; readonly request: string; readonly section: string; readonly blocker: string; readonly slots: readonly string[] }
  /** The section holds `enrolled` students of at most `size`. */
  | { readonly kind: 'full'; readonly request: string; readonly section: string; readonly enrolled: number; readonly size: number }
  /** The section is reserved for a cohort the student is not in. */
  | { readonly kind: 'reserved'; readonly request: string; readonly section: string; readonly cohort: string }
  /** No qualified teacher could open another section in a placement the student has free. */
  | { readonly kind: 'teacher-shortage'; readonly request: string; readonly course: string; readonly teachers: readonly string[] }
  /** A qualified teacher was free, but no room of the type was free in `placements`. */
  | { readonly kind: 'room-shortage'; readonly request: string; readonly course: string; readonly roomType: string; readonly placements: readonly string[] }
  /** Another section could have run with `teacher` in `room` at `slots`: the schedule runs the planned count. */
  | {
      readonly kind: 'section-count';
      readonly request: string;
      readonly course: string;
      readonly sections: number;
      readonly teacher: string;
      readonly room: string;
      readonly slots: readonly string[];
    }
  /** A section has a free seat and fits the student's timetable: loading chose otherwise. */
  | { readonly kind: 'open-seat'; readonly request: string; readonly section: string }
  /** The student is in no cohort of their pathway grade. */
  | {
      readonly kind: 'no-cohort-seat';
      readonly pathway: string;
      readonly grade: number;
      readonly cohorts: readonly string[];
      readonly seated: number;
      readonly members: number;
      readonly cohortSize: number;
    }
  /** The student's cohort courses are met in sections of different cohorts. */
  | { readonly kind: 'cohort-split'; readonly sections: readonly string[]; readonly cohorts: readonly string[] }
  /** The student's cohort has no section of a cohort course, or the student is not in it. */
  | { readonly kind: 'cohort-section'; readonly cohort: string; readonly course: string; readonly section: string | null }
  /** This year's schedule leaves the student short in an A–G subject. */
  | { readonly kind: 'ag-shortfall'; readonly subject: AgSubject; readonly years: number; readonly needed: number };

export type CauseKind = Cause['kind'];

/**
 * The hard rules (rule catalogue ids) that stand in the way in each kind of cause; none where the
 * board or the loading chose (a course not offered, an open seat left) or no hard rule is involved.
 */
export const CAUSE_RULES: { readonly [K in CauseKind]: readonly RuleId[] } = {
  'not-offered': [],
  clash: ['student-clash'],
  full: ['course-capacity', 'room-capacity'],
  reserved: ['cohort-exclusive'],
  'teacher-shortage': ['max-sections', 'unavailable', 'teacher-clash'],
  'room-shortage': ['room-type'],
  'section-count': ['section-count'],
  'open-seat': [],
  'no-cohort-seat': ['cohort-size', 'cohort-count'],
  'cohort-split': ['cohort-together'],
  'cohort-section': ['cohort-together'],
  'ag-shortfall': [],
};

/** Why one request of one student is unmet. */
export interface RequestExplanation {
  readonly student: string;
  readonly request: string;
  readonly priority: Priority;
  readonly causes: readonly Cause[];
}

/** Why one pathway student is not successfully placed. */
export interface StudentExplanation {
  readonly student: string;
  readonly pathway: string;
  readonly grade: number;
  readonly causes: readonly Cause[];
}

/** Every explanation of a schedule. */
export interface Explanations {
  readonly students: readonly StudentExplanation[];
  readonly requests: readonly RequestExplanation[];
}
