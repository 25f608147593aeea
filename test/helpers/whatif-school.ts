/**
 * The tiny school the what-if tests compare variants of: one cohort of three whose teachers
 * share one CPT slot, and two students outside the pathway.
 */
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { variantFromJson, type Variant } from '../../src/whatif/variant.js';
import { tinySchool, type TinySchoolShape } from './tiny-school.js';

const shape: TinySchoolShape = {
  capacities: [3, 3, 3, 3],
  labCourse: 0,
  teachers: [
    { courses: [true, true, false, false], maxSections: 2, unavailable: [false, false, false] },
    { courses: [false, false, true, true], maxSections: 2, unavailable: [false, false, true] },
  ],
  cohortSize: 3,
  team: [true, true, false],
  commonPlanning: 1,
  members: [
    [true, false],
    [true, true],
    [false, true],
  ],
  others: [
    [true, true, false],
    [false, true, true],
  ],
  labs: 1,
};

export const baseInput = (): ScenarioInput => tinySchool(shape);
export const base = (): Scenario => parseScenario(baseInput());
/** The base with an RFC 6902 patch applied, named as a patch file would be. */
export const patched = (name: string, patch: unknown): Variant => variantFromJson(baseInput(), patch, `${name}.patch.json`);
