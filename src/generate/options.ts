/** Options of the synthetic school generator, validated with zod at the library boundary. */
import { z } from 'zod';

/** The bell schedules the generator knows (see {@link calendarShape}). */
export const GENERATED_CALENDARS = ['ab8', 'trad6', 'trad7', 'trad8', '4x4'] as const;
export type GeneratedCalendar = (typeof GENERATED_CALENDARS)[number];

export const generateOptionsSchema = z.strictObject({
  /** Students in grades 9–12 (30 to 5,000). */
  students: z.number().int().min(30).max(5000),
  /**
   * `ab8`: A/B 8-block (days A and B, 4 blocks a day); `trad6`/`trad7`/`trad8`: the same N
   * periods every day; `4x4`: 4 blocks a day in two terms, a one-term course being a year course.
   */
  calendar: z.enum(GENERATED_CALENDARS),
  /** CTE pathways (0 to 10), taken in a fixed order from the California sector list. */
  pathways: z.number().int().min(0).max(10),
  /** Seed of every random choice: the same options give the same school. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  /** Scenario name; default names the town, calendar and size. */
  name: z.string().min(1).optional(),
});
export type GenerateOptions = z.input<typeof generateOptionsSchema>;
