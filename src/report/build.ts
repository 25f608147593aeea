/** Assembling the report a solution carries. */
import type { Figures, NotPlaced, Report, SolverFigures } from '../solution/schema.js';

/** The report of a solution: the checker's figures, the students not placed, the solver's figures. */
export function buildReport(figures: Figures, notPlaced: readonly NotPlaced[], solver: SolverFigures): Report {
  return { figures, notPlaced: notPlaced.map((n) => ({ ...n, reasons: [...n.reasons] })), solver };
}
