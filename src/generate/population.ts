/**
 * Student groups for equity reports, drawn from a distribution like a California comprehensive
 * high school's: English learners ~15–20%, students with IEPs ~11%, socioeconomically
 * disadvantaged ~55–60%, foster youth ~1%, plus one race/ethnicity and one gender.
 */
import type { Random } from './random.js';

interface Ethnicity {
  readonly label: string;
  readonly share: number;
  /** Probabilities of being an English learner and socioeconomically disadvantaged. */
  readonly el: number;
  readonly sed: number;
}

const ETHNICITIES: readonly Ethnicity[] = [
  { label: 'Hispanic/Latino', share: 0.56, el: 0.25, sed: 0.72 },
  { label: 'White', share: 0.2, el: 0.03, sed: 0.33 },
  { label: 'Asian', share: 0.1, el: 0.22, sed: 0.4 },
  { label: 'Black/African American', share: 0.05, el: 0.02, sed: 0.65 },
  { label: 'Filipino', share: 0.03, el: 0.1, sed: 0.4 },
  { label: 'Two or more', share: 0.06, el: 0.03, sed: 0.45 },
];
const GENDERS: readonly (readonly [string, number])[] = [
  ['Female', 0.49],
  ['Male', 0.495],
  ['Nonbinary', 0.015],
];

export interface Demographics {
  readonly ethnicity: string;
  readonly gender: string;
  readonly el: boolean;
  readonly iep: boolean;
  readonly sed: boolean;
  readonly foster: boolean;
}

/** Draws one student's groups. */
export function drawDemographics(rng: Random): Demographics {
  const eth = rng.weighted(ETHNICITIES.map((e) => [e, e.share] as const));
  return {
    ethnicity: eth.label,
    gender: rng.weighted(GENDERS),
    el: rng.chance(eth.el),
    iep: rng.chance(0.11),
    sed: rng.chance(eth.sed),
    foster: rng.chance(0.01),
  };
}

/** The `groups` labels of a student, in a stable order. */
export function groupLabels(d: Demographics): string[] {
  const out: string[] = [];
  if (d.el) out.push('EL');
  if (d.iep) out.push('IEP');
  if (d.sed) out.push('SED');
  if (d.foster) out.push('Foster');
  out.push(d.ethnicity, d.gender);
  return out;
}
