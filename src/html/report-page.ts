/**
 * The HTML report: one self-contained file (inline CSS, script and SVG; no network). On top, in
 * plain words, the headline figures, what they mean, whether the schedule is proven best, unmet
 * requests by cause and the levers (src/html/summary.ts). Then the master board as the schedule is:
 * only cohort sections coloured as their pathway's, a double period one cell over its periods,
 * teacher unavailability marked, common planning time drawn from the checker's derivation
 * (src/checker/free-time.ts). Then the figures with charts, the hard rules, students not placed,
 * each student's timetable with their unmet requests and causes, the room board, and the solver
 * details.
 */
import { allSlots } from '../calendar/slots.js';
import { check, cohortPathway, commonPlanningSlots, courseLabel, freeTime, lookup, type Violation } from '../checker/index.js';
import { explainSchedule } from '../explain/compute.js';
import { reasonsOf } from '../explain/reasons.js';
import { RULE_CATALOGUE, RULE_IDS } from '../scenario/rules.js';
import type { Scenario } from '../scenario/schema.js';
import type { Figures, Section, Solution, SolverFigures } from '../solution/schema.js';
import { reportExplanations } from '../report/build.js';
import { solverRows } from '../report/format.js';
import { roomBoard, teacherBoard, timetables, viewsOf } from '../io/schedule-views.js';
import { barChart, type Bar } from './bar-chart.js';
import { boardTable, type CellMarks } from './board.js';
import { esc, scriptJson } from './escape.js';
import { summaryHtml } from './summary.js';
import { requireScenarioAndSolution } from '../solution/parse.js';

const PALETTE = ['#f4a261', '#8ecae6', '#90be6d', '#f28482', '#b8a1e3', '#ffd166', '#84a59d', '#e9c46a', '#a3c4f3', '#cdb4db'];
/** Regular sections: open to every student, whatever course they teach, so no pathway's colour. */
export const REGULAR_COLOUR = '#eeeeee';

function sectionChip(s: Section, colour: (s: Section) => string, enrolled: number): string {
  const cohort = s.cohort ? ` <span class="cohort-mark" title="cohort section ${esc(s.cohort)}">★ ${esc(s.cohort)}</span>` : '';
  return `<div class="sec${s.cohort ? ' cohort' : ''}" data-section="${esc(s.id)}" style="background:${colour(s)}" title="${esc(`${s.id}: ${s.course}, room ${s.room}, ${enrolled} students`)}">${esc(s.id)}${cohort}<small>${esc(s.room)} · ${enrolled}</small></div>`;
}

function tallyText(t: { count: number; total: number; share: number | null }): string {
  return `${t.count} of ${t.total} (${t.share === null ? 'n/a' : `${(t.share * 100).toFixed(1)}%`})`;
}

/** The checker's verdict: each broken rule by its catalogue id and statement, with its violations. */
function hardRules(violations: readonly Violation[]): string {
  if (violations.length === 0) return '<p id="hard-rules">Every hard rule holds (the independent checker).</p>';
  const rows = RULE_IDS.filter((id) => violations.some((v) => v.rule === id)).map((id) => {
    const list = violations
      .filter((v) => v.rule === id)
      .map((v) => `<li>${esc(v.message)}</li>`)
      .join('');
    return `<tr data-rule="${esc(id)}"><td><code>${esc(id)}</code></td><td>${esc(RULE_CATALOGUE[id].statement)}</td><td><ul>${list}</ul></td></tr>`;
  });
  return `<table id="hard-rules" class="list"><tr><th>Rule</th><th>What it says</th><th>Broken here</th></tr>${rows.join('')}</table>`;
}

function figuresList(f: Figures): string {
  const rows: [string, string][] = [
    ['Pathway students placed', tallyText(f.pathwayPlaced)],
    ['Requests met', tallyText(f.requestsMet)],
    ['  required', tallyText(f.requestsByPriority.required)],
    ['  requested', tallyText(f.requestsByPriority.requested)],
    ['  recommended', tallyText(f.requestsByPriority.recommended)],
    ['Students fully scheduled', tallyText(f.fullyScheduled)],
    ['A–G on track', `${tallyText(f.agOnTrack)}; off track by request: ${f.agOffTrackByRequest}`],
    ['Teams with common planning time', tallyText(f.teamsWithCpt)],
    ['Sections', String(f.sections)],
    ['Unused seats', String(f.unusedSeats)],
  ];
  return `<table id="figures" class="list">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
}

function byGradeBars(f: Figures): Bar[] {
  const grades = new Map<number, { count: number; total: number }>();
  for (const p of f.byPathway)
    for (const g of p.byGrade) {
      const t = grades.get(g.grade) ?? { count: 0, total: 0 };
      grades.set(g.grade, { count: t.count + g.placed.count, total: t.total + g.placed.total });
    }
  return [...grades.entries()].sort((a, b) => a[0] - b[0]).map(([g, t]) => ({ label: `grade ${g}`, ...t }));
}

/** The solver's figures in a table, with its stages: the jargon kept at the bottom of the page. */
function solverDetails(solver: SolverFigures | undefined): string {
  if (!solver) return '<p>This solution carries no solver figures.</p>';
  const rows = solverRows(solver)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('');
  const stages = solver.stages.map((st) => `<tr><td>${esc(st.name)}</td><td>${esc(st.status)}</td><td>${st.seconds.toFixed(1)}</td></tr>`).join('');
  return `<table id="solver" class="list">${rows}</table>${stages ? `<table class="list"><tr><th>Stage</th><th>Status</th><th>Seconds</th></tr>${stages}</table>` : ''}`;
}

/**
 * The report page for a scenario and its solution. Figures, reasons, causes and levers come from
 * the solution's report when it has them, else from the checker and the explanation engine.
 * @throws {@link InputError} when the scenario or the solution does not have the shape of its format.
 */
export function reportHtml(scenarioInput: Scenario, solutionInput: Solution): string {
  const [scenario, solution] = requireScenarioAndSolution(scenarioInput, solutionInput);
  const views = viewsOf(scenario, solution);
  const book = lookup(scenario, solution);
  const verdict = check(scenario, solution);
  const figures: Figures = solution.report?.figures ?? verdict.figures;
  const stored = solution.report;
  const explained =
    stored?.causes && stored.levers ? { notPlaced: stored.notPlaced, causes: stored.causes, levers: stored.levers } : reportExplanations(scenario, solution);
  const notPlaced = stored?.notPlaced ?? explained.notPlaced;
  const colours = new Map(scenario.pathways.map((p, i) => [p.id, PALETTE[i % PALETTE.length] ?? '#ddd']));
  const colour = (s: Section) => colours.get(cohortPathway(s) ?? '') ?? REGULAR_COLOUR;
  const enrolled = (id: string) => views.rosters.get(id)?.length ?? 0;
  const chip = (s: Section) => sectionChip(s, colour, enrolled(s.id));
  // Common planning time and unavailability as the checker derives them.
  const free = freeTime(book);
  const cpt = new Map<string, string[]>();
  for (const p of scenario.pathways)
    for (const slot of commonPlanningSlots(book, free, p)) for (const t of p.team) cpt.set(`${t}|${slot}`, [...(cpt.get(`${t}|${slot}`) ?? []), p.id]);
  const off = new Map(scenario.teachers.map((t) => [t.id, new Set(t.unavailable ?? [])]));
  const marks = (teacher: string, slot: string): CellMarks => ({ off: off.get(teacher)?.has(slot) ?? false, cpt: cpt.get(`${teacher}|${slot}`) ?? [] });
  const master = boardTable('master-board', 'Teacher', teacherBoard(views), scenario.calendar, { chip, marks, cptColour: (p) => colours.get(p) ?? '#999' });
  const rooms = boardTable('room-board', 'Room', roomBoard(views), scenario.calendar, { chip });
  const legend = scenario.pathways
    .map((p) => `<span class="key" style="background:${colours.get(p.id) ?? '#ddd'}">${esc(p.id)}: ${esc(p.name)}</span>`)
    .join(' ');
  const charts = [
    barChart(
      'Pathway students placed, by pathway',
      figures.byPathway.map((p) => ({ label: p.pathway, count: p.placed.count, total: p.placed.total })),
    ),
    barChart('Pathway students placed, by grade', byGradeBars(figures)),
    barChart(
      'Pathway students placed, by student group',
      figures.byGroup.map((g) => ({ label: g.group, count: g.pathwayPlaced.count, total: g.pathwayPlaced.total })),
    ),
    barChart(
      'Requests met, by priority',
      (['required', 'requested', 'recommended'] as const).map((k) => ({
        label: k,
        count: figures.requestsByPriority[k].count,
        total: figures.requestsByPriority[k].total,
      })),
    ),
    barChart(
      'Students fully scheduled, by student group',
      figures.byGroup.map((g) => ({ label: g.group, count: g.fullyScheduled.count, total: g.fullyScheduled.total })),
    ),
  ].join('');
  const notPlacedHtml =
    notPlaced.length === 0
      ? '<p>Every pathway student is placed.</p>'
      : `<table id="not-placed" class="list"><tr><th>Student</th><th>Pathway</th><th>Grade</th><th>Reasons</th></tr>${notPlaced
          .map(
            (n) =>
              `<tr><td>${esc(n.student)}</td><td>${esc(n.pathway)}</td><td>${n.grade}</td><td><ul>${n.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></td></tr>`,
          )
          .join('')}</table>`;
  // Each student's unmet requests with their causes, from the explanation engine.
  const unmet: Record<string, [string, string, string[]][]> = {};
  for (const r of explainSchedule(scenario, solution).requests)
    (unmet[r.student] ??= []).push([courseLabel(book, r.request), r.priority, reasonsOf(book, r.causes)]);
  const slotPos: Record<string, [number, number, number]> = {};
  const { terms, days, periods } = scenario.calendar;
  for (const s of allSlots(scenario.calendar)) slotPos[s.name] = [terms.indexOf(s.term), days.indexOf(s.day), s.periodIndex];
  const data = {
    calendar: { terms, days, periods },
    slotPos,
    students: scenario.students.map((s) => ({ id: s.id, grade: s.grade, pathway: s.pathway ?? '', requests: s.requests })),
    lines: timetables(views).map((l) => [l.student, l.section, l.courseName, l.teacher, l.room, l.slots]),
    unmet,
  };
  const solver = solution.report?.solver;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(scenario.name)}: master schedule</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#222}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
.headline{display:flex;gap:1rem;flex-wrap:wrap}.fig{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;min-width:14rem}
.fig .big{font-size:1.6rem;font-weight:bold}.fig .share{color:#555}
.meaning{max-width:60rem;color:#333}#proof{font-weight:bold;max-width:60rem}
td.n{text-align:right;font-weight:bold}small.check{color:#2d6a2d}
.scroll{overflow-x:auto}
table.board{border-collapse:collapse;font-size:12px}
table.board th,table.board td{border:1px solid #ccc;padding:2px;vertical-align:top;min-width:80px}
table.board th{background:#fafafa;text-align:left;white-space:nowrap}table.board th.day{text-align:center}
table.board td.off{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#ddd 4px,#ddd 8px)}
.off-mark{color:#666;font-style:italic}
.sec{border-radius:3px;padding:2px 4px;margin:1px 0}
.sec small{display:block;color:#444}
.sec.cohort{outline:2px solid #333}
.cohort-mark{font-weight:bold}
.cpt{border:2px dashed #999;border-radius:3px;padding:1px 4px;margin:1px 0;font-weight:bold;color:#555}
.key{display:inline-block;padding:2px 8px;border-radius:3px;margin:2px}
table.list{border-collapse:collapse}table.list th,table.list td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
table.grid{border-collapse:collapse;font-size:13px;margin-bottom:.5rem}table.grid th,table.grid td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;min-width:9rem}
.unmet-request{color:#8a1c1c}
.charts{display:flex;flex-wrap:wrap;gap:1rem}figure.chart{margin:0}figcaption{font-weight:bold;margin-bottom:4px}
#student-search{font-size:1rem;padding:4px 8px;width:20rem}
</style></head><body>
<h1>${esc(scenario.name)}</h1>
<p>${esc(`${figures.sections} sections, ${scenario.teachers.length} teachers, ${scenario.rooms.length} rooms, ${scenario.students.length} students.`)}</p>
<nav><a href="#summary">In short</a> · <a href="#board">Master board</a> · <a href="#figures-section">Figures</a> · <a href="#hard-rules-section">Hard rules</a> · <a href="#not-placed-section">Not placed</a> · <a href="#students">Student schedules</a> · <a href="#rooms">Rooms</a> · <a href="#solver-details">Solver details</a></nav>
${summaryHtml(scenario, figures, solver, explained.causes, explained.levers)}
<h2 id="board">Master board (teachers × periods)</h2>
<p>Colour = a cohort section, reserved for one cohort of the pathway (<span class="cohort-mark">★</span> and its cohort); grey = a regular section, open to every student, even of a pathway's course. A double period is one cell over its two periods. <span class="cpt">CPT</span> = common planning time: the whole pathway team is available and teaches nothing. Hatched = the teacher is unavailable. ${legend}</p>
${master}
<h2 id="figures-section">Figures</h2>
${figuresList(figures)}
<div class="charts">${charts}</div>
<h2 id="hard-rules-section">Hard rules</h2>
${hardRules(verdict.violations)}
<h2 id="not-placed-section">Pathway students not placed (${notPlaced.length})</h2>
${notPlacedHtml}
<h2 id="students">Student schedules</h2>
<p><label>Find a student: <input id="student-search" type="search" placeholder="student id, e.g. ${esc(scenario.students[0]?.id ?? '')}" list="student-ids" autocomplete="off"></label></p>
<datalist id="student-ids">${scenario.students.map((s) => `<option value="${esc(s.id)}">`).join('')}</datalist>
<div id="student-schedule"><p>Type a student id to see their schedule.</p></div>
<h2 id="rooms">Rooms (rooms × periods)</h2>
${rooms}
<h2 id="solver-details">Solver details</h2>
<p>How the schedule was found; the README's "Solver details" explains each term.</p>
${solverDetails(solver)}
<script type="application/json" id="schedule-data">${scriptJson(data)}</script>
<script>
(function(){
  var data = JSON.parse(document.getElementById('schedule-data').textContent);
  var cal = data.calendar;
  var input = document.getElementById('student-search');
  var out = document.getElementById('student-schedule');
  function text(tag, value){ var el = document.createElement(tag); el.textContent = value; return el; }
  // The timetable as a grid: periods down, term and day across; a double period spans its rows.
  function grid(lines){
    var cols = [];
    cal.terms.forEach(function(t, ti){ cal.days.forEach(function(d, di){ cols.push({ti: ti, di: di, label: [cal.terms.length > 1 ? t : '', cal.days.length > 1 ? 'day ' + d : ''].join(' ').trim() || 'every day'}); }); });
    var cells = {};
    lines.forEach(function(l){
      var byCol = {};
      l[5].split(' ').forEach(function(slot){ var p = data.slotPos[slot]; if (!p) return; var c = p[0] * cal.days.length + p[1]; (byCol[c] = byCol[c] || []).push(p[2]); });
      Object.keys(byCol).forEach(function(c){
        var ps = byCol[c].sort(function(a, b){ return a - b; });
        var start = ps[0], prev = ps[0];
        for (var i = 1; i <= ps.length; i++) {
          if (i < ps.length && ps[i] === prev + 1) { prev = ps[i]; continue; }
          var key = c + '|' + start; (cells[key] = cells[key] || []).push({line: l, span: prev - start + 1});
          if (i < ps.length) { start = ps[i]; prev = ps[i]; }
        }
      });
    });
    var table = document.createElement('table'); table.className = 'grid';
    var head = document.createElement('tr'); head.appendChild(text('th', 'Period')); cols.forEach(function(c){ head.appendChild(text('th', c.label)); }); table.appendChild(head);
    var covered = {};
    cal.periods.forEach(function(p, pi){
      var tr = document.createElement('tr'); tr.appendChild(text('th', p));
      cols.forEach(function(c, ci){
        if (covered[ci + '|' + pi]) return;
        var here = cells[ci + '|' + pi] || [];
        var td = document.createElement('td');
        if (here.length === 1 && here[0].span > 1) { td.rowSpan = here[0].span; for (var k = 1; k < here[0].span; k++) covered[ci + '|' + (pi + k)] = true; }
        here.forEach(function(h){ var div = text('div', h.line[2] + ' · ' + h.line[1]); div.className = 'slot-section'; div.setAttribute('data-section', h.line[1]); div.title = 'teacher ' + h.line[3] + ', room ' + h.line[4]; td.appendChild(div); td.setAttribute('data-section', h.line[1]); });
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    return table;
  }
  function show(){
    var q = input.value.trim().toLowerCase();
    out.textContent = '';
    if (!q) { out.appendChild(text('p', 'Type a student id to see their schedule.')); return; }
    var found = data.students.filter(function(s){ return s.id.toLowerCase() === q; });
    if (found.length === 0) found = data.students.filter(function(s){ return s.id.toLowerCase().indexOf(q) >= 0; }).slice(0, 5);
    if (found.length === 0) { out.appendChild(text('p', 'No student matches "' + input.value + '".')); return; }
    found.forEach(function(s){
      var box = document.createElement('div'); box.className = 'student-timetable'; box.setAttribute('data-student', s.id);
      box.appendChild(text('h3', s.id + ' (grade ' + s.grade + (s.pathway ? ', ' + s.pathway : '') + ')'));
      var lines = data.lines.filter(function(l){ return l[0] === s.id; });
      box.appendChild(grid(lines));
      var table = document.createElement('table'); table.className = 'list sections';
      var head = document.createElement('tr'); ['Slots','Section','Course','Teacher','Room'].forEach(function(c){ head.appendChild(text('th', c)); }); table.appendChild(head);
      lines.forEach(function(l){ var tr = document.createElement('tr'); [l[5], l[1], l[2], l[3], l[4]].forEach(function(c){ tr.appendChild(text('td', c)); }); table.appendChild(tr); });
      box.appendChild(table);
      var unmet = data.unmet[s.id] || [];
      box.appendChild(text('p', lines.length + ' sections for ' + s.requests.length + ' requests' + (unmet.length ? '; ' + unmet.length + ' unmet:' : '; every request met.')));
      if (unmet.length) {
        var ul = document.createElement('ul'); ul.className = 'unmet';
        unmet.forEach(function(u){
          var li = document.createElement('li'); li.className = 'unmet-request'; li.setAttribute('data-priority', u[1]);
          li.appendChild(text('strong', u[0] + ' (' + u[1] + ', unmet)'));
          var why = document.createElement('ul'); u[2].forEach(function(r){ var c = text('li', r); c.className = 'cause'; why.appendChild(c); }); li.appendChild(why);
          ul.appendChild(li);
        });
        box.appendChild(ul);
      }
      out.appendChild(box);
    });
  }
  input.addEventListener('input', show);
})();
</script>
</body></html>
`;
}
