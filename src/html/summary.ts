/**
 * The top of the HTML report, in the same words as the text report (src/report/plain-words.ts):
 * the three headline figures, what they mean, whether the schedule is proven best, the unmet
 * required requests by cause and the levers with what their check found.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Figures, Lever, SolverFigures, UnmetCause } from '../solution/schema.js';
import { FULLY_SCHEDULED_MEANING, headline, leverWords, otherUnmet, placedMeaning, proofWords } from '../report/plain-words.js';
import { percent } from '../report/numbers.js';
import { esc } from './escape.js';

const FIGURE_KEYS = ['pathwayPlaced', 'requestsMet', 'fullyScheduled'] as const;

/** The summary section; `causes` and `levers` from the solution's report or computed for it. */
export function summaryHtml(
  scenario: Scenario,
  figures: Figures,
  solver: SolverFigures | undefined,
  causes: readonly UnmetCause[],
  levers: readonly Lever[],
): string {
  const cards = headline(figures)
    .map(
      (h, i) =>
        `<div class="fig" data-figure="${FIGURE_KEYS[i] ?? ''}"><div class="big">${h.tally.count} of ${h.tally.total}</div><div class="share">${esc(percent(h.tally.share))}</div><div>${esc(h.label)}</div></div>`,
    )
    .join('');
  const required = figures.requestsByPriority.required;
  const unmet = required.total - required.count;
  const rows = causes
    .filter((c) => c.required > 0)
    .map((c) => `<tr data-kind="${esc(c.kind)}" data-course="${esc(c.course)}"><td class="n">${c.required}</td><td>${esc(c.reason)}</td></tr>`)
    .join('');
  const other = otherUnmet(figures);
  const also = [other.requested > 0 ? `${other.requested} requested` : '', other.recommended > 0 ? `${other.recommended} recommended` : ''].filter((x) => x);
  const causesHtml =
    unmet === 0
      ? '<p>Every required request is met.</p>'
      : `<h3>Why required requests are unmet (${unmet} of ${required.total})</h3><table id="causes" class="list"><tr><th>Requests</th><th>Cause</th></tr>${rows}</table>`;
  const alsoHtml =
    also.length > 0
      ? `<p>Also unmet: ${esc(also.join(' and '))} requests. Each student's timetable below lists their unmet requests with the causes; <code>pathway-scheduler report &lt;scenario&gt; &lt;solution&gt; --kind explain</code> lists all of them.</p>`
      : '';
  const leverItems = levers
    .map((l) => {
      const w = leverWords(l);
      return `<li data-kind="${esc(l.kind)}">${esc(w.text)}${w.check ? `<br><small class="check">${esc(w.check)}</small>` : ''}</li>`;
    })
    .join('');
  const leversHtml =
    levers.length === 0
      ? '<p>What would help: nothing found on this schedule.</p>'
      : `<h3>What would help most <small>(computed from this schedule; each change on its own)</small></h3><ol id="levers">${leverItems}</ol>`;
  return `<section id="summary"><div class="headline">${cards}</div>
<p class="meaning">${esc(placedMeaning(scenario))} ${esc(FULLY_SCHEDULED_MEANING)}</p>
${solver ? `<p id="proof">${esc(proofWords(figures, solver))}</p>` : ''}
${causesHtml}${alsoHtml}${leversHtml}</section>`;
}
