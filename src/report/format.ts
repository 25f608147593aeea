/** The report as plain text for the terminal. */
import type { Scenario } from '../scenario/schema.js';
import type { Figures, NotPlaced, Report, SolverFigures } from '../solution/schema.js';
import type { CheckResult } from '../checker/violation.js';
import { decimal, ofTotal, percent } from './numbers.js';
import { formatTable } from './table.js';
import { FULLY_SCHEDULED_MEANING, headline, leverWords, otherUnmet, placedMeaning, proofWords, unmetRequired } from './plain-words.js';

/** Options of {@link formatReport}. */
export interface FormatOptions {
  /** List at most this many students not placed (default: all), then say how many more there are. */
  readonly maxNotPlaced?: number;
  /** Unmet-request causes listed (default 8), then how many more groups there are. */
  readonly maxCauses?: number;
  /** The command that lists every explanation (`pathway-scheduler report school.json solution.json --kind explain`), named under the causes. */
  readonly explainCommand?: string;
  /** Line width for the plain-words part (default 100). */
  readonly width?: number;
}

/** Words wrapped to `width` columns: the first line starts with `first`, the others with `rest` (default: as wide, blank). */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(first.length)): string {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      prefix = rest;
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(prefix + line);
  return lines.join('\n');
}

/**
 * The plain-words top of the report: the three headline figures, what they mean, whether the
 * schedule is proven best, the unmet required requests by cause and the levers.
 */
export function formatSummary(report: Report, scenario: Scenario, options: FormatOptions = {}): string {
  const width = options.width ?? 100;
  const out: string[] = [];
  out.push(
    formatTable(
      headline(report.figures).map((h) => [h.label, ofTotal(h.tally)]),
      { header: false },
    ),
  );
  out.push('', wrap(placedMeaning(scenario), width, '  '), wrap(FULLY_SCHEDULED_MEANING, width, '  '));
  out.push('', wrap(proofWords(report.figures, report.solver), width, '  '));
  const unmet = unmetRequired(report);
  if (report.causes) {
    const required = report.causes.filter((c) => c.required > 0);
    const shown = required.slice(0, Math.max(0, options.maxCauses ?? 8));
    const widthN = Math.max(1, ...shown.map((c) => String(c.required).length));
    out.push(
      '',
      unmet === 0 ? 'Every required request is met.' : `Why required requests are unmet (${unmet} of ${report.figures.requestsByPriority.required.total})`,
    );
    for (const c of shown) out.push(wrap(c.reason, width, `  ${String(c.required).padStart(widthN)}  `));
    const rest = required.slice(shown.length);
    if (rest.length > 0)
      out.push(
        `  ${String(rest.reduce((n, c) => n + c.required, 0)).padStart(widthN)}  in ${rest.length} more group${rest.length === 1 ? '' : 's'} of course and cause`,
      );
    const other = otherUnmet(report.figures);
    const also = [other.requested > 0 ? `${other.requested} requested` : '', other.recommended > 0 ? `${other.recommended} recommended` : ''].filter((x) => x);
    const where = options.explainCommand ? `\`${options.explainCommand}\`` : '`pathway-scheduler report <scenario> <solution> --kind explain`';
    if (also.length > 0 || unmet > 0)
      out.push(
        wrap(`${also.length > 0 ? `Also unmet: ${also.join(' and ')} requests. ` : ''}${where} lists every unmet request with its causes.`, width, '  '),
      );
  }
  if (report.levers) {
    out.push(
      '',
      report.levers.length === 0
        ? 'What would help: nothing found on this schedule.'
        : 'What would help most (computed from this schedule; each change on its own)',
    );
    report.levers.forEach((l, i) => {
      const words = leverWords(l);
      out.push(wrap(words.text, width, `  ${i + 1}. `));
      if (words.check) out.push(wrap(words.check, width, '     '));
    });
  }
  return out.join('\n');
}

/** The figures part, shared by the solve report and the checker's output. */
export function formatFigures(figures: Figures, scenario?: Scenario): string {
  const out: string[] = [];
  out.push(`Pathway students successfully placed: ${ofTotal(figures.pathwayPlaced)}`);
  if (figures.byPathway.length > 0) {
    const rows: string[][] = [['Pathway', 'Grade', 'Placed', 'Of', 'Share']];
    for (const p of figures.byPathway) {
      const name = scenario?.pathways.find((x) => x.id === p.pathway)?.name;
      rows.push([name ? `${p.pathway} (${name})` : p.pathway, 'all', String(p.placed.count), String(p.placed.total), percent(p.placed.share)]);
      for (const g of p.byGrade) rows.push(['', String(g.grade), String(g.placed.count), String(g.placed.total), percent(g.placed.share)]);
    }
    out.push('', 'By pathway and grade', formatTable(rows, { align: ['left', 'right', 'right', 'right', 'right'] }));
  }
  const { required, requested, recommended } = figures.requestsByPriority;
  out.push('', `Requests met: ${ofTotal(figures.requestsMet)}`);
  out.push(
    formatTable(
      [
        ['required', ofTotal(required)],
        ['requested', ofTotal(requested)],
        ['recommended', ofTotal(recommended)],
      ],
      { header: false },
    ),
  );
  const outsideGrade = figures.requestsOutsideGrade ?? 0;
  if (outsideGrade > 0) out.push(`  outside the course's grades (admitted by policy.gradeRule "allow"): ${outsideGrade}`);
  out.push(`Students fully scheduled: ${ofTotal(figures.fullyScheduled)}`);
  out.push(`A–G on track: ${ofTotal(figures.agOnTrack)}; off track by request (not counted): ${figures.agOffTrackByRequest}`);
  out.push(`Pathway teams with common planning time: ${ofTotal(figures.teamsWithCpt)}`);
  out.push(`Sections: ${figures.sections}; unused seats: ${figures.unusedSeats}`);
  const under = figures.underFilledSections;
  out.push(`Under-filled sections: ${under.length === 0 ? 'none' : `${under.length} (${under.join(', ')})`}`);
  if (figures.byGroup.length > 0) {
    const rows: string[][] = [['Group', 'Students', 'Pathway placed', 'Fully scheduled', 'A–G on track']];
    for (const g of figures.byGroup) rows.push([g.group, String(g.students), ofTotal(g.pathwayPlaced), ofTotal(g.fullyScheduled), ofTotal(g.agOnTrack)]);
    out.push('', 'By student group', formatTable(rows, { align: ['left', 'right', 'left', 'left', 'left'] }));
  }
  return out.join('\n');
}

/** The solver's figures as label–value rows (the README, "Solver details", explains each term). */
export function solverRows(solver: SolverFigures): [string, string][] {
  return [
    ['backend', solver.backend],
    ['strategy', `${solver.strategy} (seed ${solver.seed})`],
    ['termination', solver.termination],
    ...(solver.reproducible === undefined
      ? []
      : [
          [
            'reproducible',
            solver.reproducible ? 'yes (stopped by work limits only: same scenario and seed, same schedule)' : 'no (a stage was cut by the clock)',
          ] as [string, string],
        ]),
    ['schedule', `${solver.schedule}${solver.partial ? ' (partial: stopped early, best found so far)' : ''}`],
    ...(solver.delivered === undefined ? [] : [['delivered', solver.delivered] as [string, string]]),
    ['objective', decimal(solver.objective)],
    ...(solver.programObjective === undefined
      ? []
      : [
          ['program objective', `${decimal(solver.programObjective)} (the program's value for this board, which the named schedule does not reach)`] as [
            string,
            string,
          ],
        ]),
    ['bound', decimal(solver.bound)],
    ['gap', solver.gap === null ? '–' : percent(solver.gap)],
    [
      'placement bound',
      solver.placementBound
        ? `at most ${decimal(solver.placementBound.value)} placed (${solver.placementBound.source})${solver.placementGap == null ? '' : `; gap ${percent(solver.placementGap)}`}`
        : '–',
    ],
    ['time', `${solver.seconds.toFixed(1)} s`],
    ...(solver.sectionsNotPlaced?.length
      ? [
          ['planned sections not placed', solver.sectionsNotPlaced.map((m) => `${m.course} ${m.placed} of ${m.planned}: ${m.reason}`).join('; ')] as [
            string,
            string,
          ],
        ]
      : []),
  ];
}

/** The solver's figures: backend, stop, objective, bound, gap, tiers and stages (the README, "Solver details", explains each term). */
export function formatSolver(solver: SolverFigures): string {
  const rows = solverRows(solver);
  const out = ['Solver details (the README explains each term, "Solver details")', formatTable(rows, { header: false })];
  if (solver.tiers && solver.tiers.length > 0) {
    // Strict tiers, highest first: the schedule (as checked) beside the program's solution behind it.
    const tiers: string[][] = [['Objective tier', 'Schedule', 'Program']];
    for (const t of solver.tiers) tiers.push([t.name, String(t.schedule), String(t.program)]);
    out.push('', formatTable(tiers, { align: ['left', 'right', 'right'] }));
  }
  if (solver.stages.length > 0) {
    const stages: string[][] = [['Stage', 'Status', 'Seconds', 'Objective', 'Bound']];
    for (const s of solver.stages) stages.push([s.name, s.status, s.seconds.toFixed(1), decimal(s.objective), decimal(s.bound)]);
    out.push('', 'Stages', formatTable(stages, { align: ['left', 'left', 'right', 'right', 'right'] }));
  }
  if (solver.infeasibleRules && solver.infeasibleRules.length > 0) {
    out.push('', 'No schedule satisfies these rules together:', ...solver.infeasibleRules.map((r) => `  - ${r}`));
  }
  return out.join('\n');
}

function formatNotPlaced(list: readonly NotPlaced[], max: number | undefined): string {
  if (list.length === 0) return 'Students not placed: none';
  const shown = max === undefined ? list : list.slice(0, Math.max(0, max));
  const out = [`Students not placed (${list.length})`];
  for (const n of shown) {
    out.push(`  ${n.student}  ${n.pathway} grade ${n.grade}`);
    for (const r of n.reasons) out.push(`    - ${r}`);
  }
  const more = list.length - shown.length;
  if (more > 0) out.push(`  … and ${more} more student${more === 1 ? '' : 's'} not placed (all are listed in solution.json)`);
  return out.join('\n');
}

/**
 * The full report (no trailing newline): plain words on top (headline figures, what they mean,
 * proven best or not, unmet requests by cause, levers), the figures by pathway, grade and group
 * underneath, the solver details, then the students not placed with their reasons.
 */
export function formatReport(report: Report, scenario: Scenario, options: FormatOptions = {}): string {
  return [
    `Schedule report: ${scenario.name}`,
    '',
    formatSummary(report, scenario, options),
    '',
    'Figures',
    '',
    formatFigures(report.figures, scenario),
    '',
    formatSolver(report.solver),
    '',
    formatNotPlaced(report.notPlaced, options.maxNotPlaced),
  ].join('\n');
}

/** The checker's verdict (no trailing newline): `valid`, or every broken rule, followed by the figures. */
export function formatCheck(result: CheckResult): string {
  const out: string[] = [];
  if (result.valid) out.push('valid: every hard rule holds');
  else {
    const rules = new Set(result.violations.map((v) => v.rule));
    out.push(
      `INVALID: ${rules.size} hard rule${rules.size === 1 ? '' : 's'} broken, ${result.violations.length} violation${result.violations.length === 1 ? '' : 's'}`,
    );
    for (const v of result.violations) out.push(`✖ ${v.rule}: ${v.message}`);
  }
  out.push('', formatFigures(result.figures));
  return out.join('\n');
}
