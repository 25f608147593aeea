/**
 * The plain words at the top of every report (text, HTML, XLSX): what the three headline figures
 * mean, whether the schedule is proven best or how far from the bound it may be, the unmet
 * requests by cause, and the levers with what their check found. One module, so the three reports
 * say the same sentences.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Figures, Lever, LeverCheck, Report, SolverFigures, Tally } from '../solution/schema.js';
import { percent } from './numbers.js';

/** What "successfully placed" means (SCENARIO.md, "Pathways, cohorts, A–G"). */
export function placedMeaning(scenario: Scenario): string {
  const ag = scenario.policy.agRule === 'on-track' ? ', and they stay on track for A–G (UC/CSU subject requirements)' : '';
  return `A pathway student is successfully placed when every one of their requests is met, their cohort courses are taken with their own cohort (in its reserved sections)${ag}.`;
}

export const FULLY_SCHEDULED_MEANING = 'A student is fully scheduled when every required and requested course is met (recommended ones may be missing).';

/** The three headline figures, in order, with a short label. */
export function headline(figures: Figures): { readonly label: string; readonly tally: Tally }[] {
  return [
    { label: 'Pathway students successfully placed', tally: figures.pathwayPlaced },
    { label: 'Requests met', tally: figures.requestsMet },
    { label: 'Students fully scheduled', tally: figures.fullyScheduled },
  ];
}

/**
 * Whether the schedule is proven best, or how far from the bound it may be, in plain words.
 * `schedule: 'optimal'` is proven best on every tier; otherwise pathway placement is proven when it
 * reaches the placement bound (`solver.placementBound`), and else the bound says how many placed
 * students it may lack, and what share of the bound that is: (bound − placed) / bound.
 */
export function proofWords(figures: Figures, solver: SolverFigures): string {
  const early = solver.partial ? ' The solve was stopped early: this is the best schedule found until then.' : '';
  if (solver.schedule === 'none') return `No schedule was found.${early}`;
  if (solver.schedule === 'optimal')
    return `Proven best for the school as given: no schedule places more pathway students, nor (with as many placed) meets more requests of any priority.${early}`;
  const placed = figures.pathwayPlaced.count;
  const bound = solver.placementBound;
  if (figures.pathwayPlaced.total === 0)
    return `Not proven best: the school has no pathway students to place, and the requests met are not proven the most possible.${early}`;
  // A relaxation bound may be fractional; placed students are whole, so its floor is the most (the epsilon absorbs the solver's rounding).
  const most = bound === null ? null : Math.floor(bound.value + 1e-6);
  if (most !== null && placed >= most)
    return `Pathway placement is proven best for the school as given: no schedule places more than ${Math.min(most, figures.pathwayPlaced.total)} pathway students. The requests met are not proven the most possible.${early}`;
  if (most === null) return `Not proven best, and no limit on pathway placement is known.${early}`;
  const short = most - placed;
  const gap = short / most;
  return `Not proven best: no schedule can place more than ${most} pathway students, so this one may be up to ${short} placed student${short === 1 ? '' : 's'} (${percent(gap)}) short of the best.${early}`;
}

const signed = (n: number, what: string) => (n >= 0 ? `${n} more ${what}` : `${-n} fewer ${what}`);

/** What a lever's check found, as one sentence. */
export function checkWords(c: LeverCheck): string {
  const found = [
    signed(c.requestsMet, `request${Math.abs(c.requestsMet) === 1 ? '' : 's'} met`) +
      (c.requiredMet !== c.requestsMet ? ` (${c.requiredMet} required)` : c.requiredMet > 0 ? ' (all required)' : ''),
    signed(c.fullyScheduled, `student${Math.abs(c.fullyScheduled) === 1 ? '' : 's'} fully scheduled`),
    signed(c.pathwayPlaced, `pathway student${Math.abs(c.pathwayPlaced) === 1 ? '' : 's'} placed`),
  ];
  return `Checked by re-loading the students with it (greedy loading on this board): ${found.join(', ')}; ${c.valid ? 'every hard rule holds' : 'but the checker finds a hard rule broken, so do not take it as it stands'}.`;
}

/** One lever as a sentence, with its check when there is one. */
export function leverWords(l: Lever): { readonly text: string; readonly check: string | null } {
  const text = `${l.text.charAt(0).toUpperCase()}${l.text.slice(1)}.`;
  return { text, check: l.check ? checkWords(l.check) : null };
}

/** Unmet requests by priority beyond the required ones, for the line under the causes. */
export function otherUnmet(figures: Figures): { requested: number; recommended: number } {
  const p = figures.requestsByPriority;
  return { requested: p.requested.total - p.requested.count, recommended: p.recommended.total - p.recommended.count };
}

/** Unmet required requests: the count the causes summary adds up to. */
export function unmetRequired(report: Report): number {
  const r = report.figures.requestsByPriority.required;
  return r.total - r.count;
}
