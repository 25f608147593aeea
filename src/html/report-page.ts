/**
 * The HTML report: one self-contained file (inline CSS, script and SVG; no network) with the
 * master board coloured by pathway (cohort sections marked, common planning time shown), the
 * report figures with charts, students not placed with reasons, searchable student schedules
 * and a room view.
 */
import { check, type Violation } from '../checker/index.js';
import { RULE_CATALOGUE, RULE_IDS } from '../scenario/rules.js';
import type { Scenario } from '../scenario/schema.js';
import type { Figures, NotPlaced, Section, Solution } from '../solution/schema.js';
import { explainNotPlaced } from '../report/index.js';
import { roomBoard, teacherBoard, timetables, viewsOf, type Board } from '../io/schedule-views.js';
import { barChart, type Bar } from './bar-chart.js';
import { esc, scriptJson } from './escape.js';
import { requireScenarioAndSolution } from '../solution/parse.js';

const PALETTE = ['#f4a261', '#8ecae6', '#90be6d', '#f28482', '#b8a1e3', '#ffd166', '#84a59d', '#e9c46a', '#a3c4f3', '#cdb4db'];

/** Pathway of each course: the pathway whose cohort courses include it (first wins). */
function coursePathways(scenario: Scenario): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of scenario.pathways) for (const list of Object.values(p.cohortCourses)) for (const c of list) if (!map.has(c)) map.set(c, p.id);
  return map;
}

/** Slots in which no teacher of the team teaches: the team's common planning time. */
function commonPlanning(scenario: Scenario, board: Board): Map<string, string[]> {
  const cpt = new Map<string, string[]>();
  const busy = new Map(board.rows.map((r) => [r.id, r.cells.map((c) => c.length > 0)]));
  for (const p of scenario.pathways) {
    if (p.team.length === 0 || p.commonPlanning === 0) continue;
    board.slots.forEach((slot, i) => {
      if (p.team.every((t) => !(busy.get(t)?.[i] ?? false))) {
        for (const t of p.team) cpt.set(`${t}|${slot}`, [...(cpt.get(`${t}|${slot}`) ?? []), p.id]);
      }
    });
  }
  return cpt;
}

function sectionChip(s: Section, colour: (s: Section) => string, enrolled: number): string {
  const cohort = s.cohort ? ` <span class="cohort-mark" title="cohort section ${esc(s.cohort)}">★ ${esc(s.cohort)}</span>` : '';
  return `<div class="sec${s.cohort ? ' cohort' : ''}" data-section="${esc(s.id)}" style="background:${colour(s)}" title="${esc(`${s.id}: ${s.course}, room ${s.room}, ${enrolled} students`)}">${esc(s.id)}${cohort}<small>${esc(s.room)} · ${enrolled}</small></div>`;
}

function boardTable(id: string, corner: string, board: Board, cell: (rowId: string, slot: string, sections: readonly Section[]) => string): string {
  const head = `<tr><th>${esc(corner)}</th>${board.slots.map((s) => `<th>${esc(s)}</th>`).join('')}</tr>`;
  const rows = board.rows.map((r) => `<tr data-row="${esc(r.id)}"><th>${esc(r.label)}</th>${r.cells.map((c, i) => `<td>${cell(r.id, board.slots[i] ?? '', c)}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table id="${id}" class="board">${head}${rows}</table></div>`;
}

function tallyText(t: { count: number; total: number; share: number | null }): string {
  return `${t.count} of ${t.total} (${t.share === null ? 'n/a' : `${(t.share * 100).toFixed(1)}%`})`;
}

/** The checker's verdict: each broken rule by its catalogue id and statement, with its violations. */
function hardRules(violations: readonly Violation[]): string {
  if (violations.length === 0) return '<p id="hard-rules">Every hard rule holds (the independent checker).</p>';
  const rows = RULE_IDS.filter((id) => violations.some((v) => v.rule === id)).map((id) => {
    const list = violations.filter((v) => v.rule === id).map((v) => `<li>${esc(v.message)}</li>`).join('');
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
  for (const p of f.byPathway) for (const g of p.byGrade) {
    const t = grades.get(g.grade) ?? { count: 0, total: 0 };
    grades.set(g.grade, { count: t.count + g.placed.count, total: t.total + g.placed.total });
  }
  return [...grades.entries()].sort((a, b) => a[0] - b[0]).map(([g, t]) => ({ label: `grade ${g}`, ...t }));
}

/**
 * The report page for a scenario and its solution. Figures come from the solution's report
 * when present, else from the checker.
 */
export function reportHtml(scenarioInput: Scenario, solutionInput: Solution): string {
  const [scenario, solution] = requireScenarioAndSolution(scenarioInput, solutionInput);
  const views = viewsOf(scenario, solution);
  const verdict = check(scenario, solution);
  const figures = solution.report?.figures ?? verdict.figures;
  const notPlaced: readonly NotPlaced[] = solution.report?.notPlaced ?? explainNotPlaced(scenario, solution);
  const pathwayOf = coursePathways(scenario);
  const colours = new Map(scenario.pathways.map((p, i) => [p.id, PALETTE[i % PALETTE.length] ?? '#ddd']));
  const colour = (s: Section) => {
    const p = s.cohort ? s.cohort.split('-').slice(0, -2).join('-') : pathwayOf.get(s.course);
    return (p && colours.get(p)) ?? '#f1f1f1';
  };
  const enrolled = (id: string) => views.rosters.get(id)?.length ?? 0;
  const teachers = teacherBoard(views);
  const cpt = commonPlanning(scenario, teachers);
  const master = boardTable('master-board', 'Teacher', teachers, (t, slot, secs) => {
    const marks = (cpt.get(`${t}|${slot}`) ?? []).map((p) => `<div class="cpt" style="border-color:${colours.get(p) ?? '#999'}">CPT ${esc(p)}</div>`).join('');
    return secs.map((s) => sectionChip(s, colour, enrolled(s.id))).join('') + marks;
  });
  const rooms = boardTable('room-board', 'Room', roomBoard(views), (_r, _slot, secs) => secs.map((s) => sectionChip(s, colour, enrolled(s.id))).join(''));
  const legend = scenario.pathways.map((p) => `<span class="key" style="background:${colours.get(p.id) ?? '#ddd'}">${esc(p.id)}: ${esc(p.name)}</span>`).join(' ');
  const charts = [
    barChart('Pathway students placed, by pathway', figures.byPathway.map((p) => ({ label: p.pathway, count: p.placed.count, total: p.placed.total }))),
    barChart('Pathway students placed, by grade', byGradeBars(figures)),
    barChart('Pathway students placed, by student group', figures.byGroup.map((g) => ({ label: g.group, count: g.pathwayPlaced.count, total: g.pathwayPlaced.total }))),
    barChart('Requests met, by priority', (['required', 'requested', 'recommended'] as const).map((k) => ({ label: k, count: figures.requestsByPriority[k].count, total: figures.requestsByPriority[k].total }))),
    barChart('Students fully scheduled, by student group', figures.byGroup.map((g) => ({ label: g.group, count: g.fullyScheduled.count, total: g.fullyScheduled.total }))),
  ].join('');
  const notPlacedHtml =
    notPlaced.length === 0
      ? '<p>Every pathway student is placed.</p>'
      : `<table id="not-placed" class="list"><tr><th>Student</th><th>Pathway</th><th>Grade</th><th>Reasons</th></tr>${notPlaced
          .map((n) => `<tr><td>${esc(n.student)}</td><td>${esc(n.pathway)}</td><td>${n.grade}</td><td><ul>${n.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></td></tr>`)
          .join('')}</table>`;
  const data = {
    students: scenario.students.map((s) => ({ id: s.id, grade: s.grade, pathway: s.pathway ?? '', requests: s.requests })),
    lines: timetables(views).map((l) => [l.student, l.section, l.courseName, l.teacher, l.room, l.slots]),
  };
  const solver = solution.report?.solver;
  const solverLine = solver ? `Solver: ${solver.backend}, ${solver.strategy}, ${solver.schedule}${solver.partial ? ' (stopped early)' : ''}, ${solver.seconds} s.${solver.placementBound ? ` Pathway placed ${figures.pathwayPlaced.count} of at most ${solver.placementBound.value} (${solver.placementBound.source})${solver.placementGap == null ? '' : `, gap ${(solver.placementGap * 100).toFixed(1)}%`}.` : ''}` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(scenario.name)}: master schedule</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#222}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
.scroll{overflow-x:auto}
table.board{border-collapse:collapse;font-size:12px}
table.board th,table.board td{border:1px solid #ccc;padding:2px;vertical-align:top;min-width:80px}
table.board th{background:#fafafa;text-align:left;white-space:nowrap}
.sec{border-radius:3px;padding:2px 4px;margin:1px 0}
.sec small{display:block;color:#444}
.sec.cohort{outline:2px solid #333}
.cohort-mark{font-weight:bold}
.cpt{border:2px dashed #999;border-radius:3px;padding:1px 4px;margin:1px 0;font-weight:bold;color:#555}
.key{display:inline-block;padding:2px 8px;border-radius:3px;margin:2px}
table.list{border-collapse:collapse}table.list th,table.list td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
.charts{display:flex;flex-wrap:wrap;gap:1rem}figure.chart{margin:0}figcaption{font-weight:bold;margin-bottom:4px}
#student-search{font-size:1rem;padding:4px 8px;width:20rem}
</style></head><body>
<h1>${esc(scenario.name)}</h1>
<p>${esc(`${figures.sections} sections, ${scenario.teachers.length} teachers, ${scenario.rooms.length} rooms, ${scenario.students.length} students.`)} ${esc(solverLine)}</p>
<nav><a href="#board">Master board</a> · <a href="#figures-section">Figures</a> · <a href="#hard-rules-section">Hard rules</a> · <a href="#not-placed-section">Not placed</a> · <a href="#students">Student schedules</a> · <a href="#rooms">Rooms</a></nav>
<h2 id="board">Master board (teachers × slots)</h2>
<p>Colour = pathway of the course; <span class="cohort-mark">★</span> with a dark outline = cohort section reserved for one pathway cohort; <span class="cpt">CPT</span> = common planning time of the pathway team. ${legend}</p>
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
<h2 id="rooms">Rooms (rooms × slots)</h2>
${rooms}
<script type="application/json" id="schedule-data">${scriptJson(data)}</script>
<script>
(function(){
  var data = JSON.parse(document.getElementById('schedule-data').textContent);
  var input = document.getElementById('student-search');
  var out = document.getElementById('student-schedule');
  function text(tag, value){ var el = document.createElement(tag); el.textContent = value; return el; }
  function show(){
    var q = input.value.trim().toLowerCase();
    out.textContent = '';
    if (!q) { out.appendChild(text('p', 'Type a student id to see their schedule.')); return; }
    var found = data.students.filter(function(s){ return s.id.toLowerCase() === q; });
    if (found.length === 0) found = data.students.filter(function(s){ return s.id.toLowerCase().indexOf(q) >= 0; }).slice(0, 5);
    if (found.length === 0) { out.appendChild(text('p', 'No student matches "' + input.value + '".')); return; }
    found.forEach(function(s){
      var h = text('h3', s.id + ' (grade ' + s.grade + (s.pathway ? ', ' + s.pathway : '') + ')');
      out.appendChild(h);
      var table = document.createElement('table'); table.className = 'list student-timetable'; table.setAttribute('data-student', s.id);
      var head = document.createElement('tr'); ['Slots','Section','Course','Teacher','Room'].forEach(function(c){ head.appendChild(text('th', c)); }); table.appendChild(head);
      data.lines.filter(function(l){ return l[0] === s.id; }).forEach(function(l){
        var tr = document.createElement('tr'); [l[5], l[1], l[2], l[3], l[4]].forEach(function(c){ tr.appendChild(text('td', c)); }); table.appendChild(tr);
      });
      out.appendChild(table);
      var met = data.lines.filter(function(l){ return l[0] === s.id; }).length;
      out.appendChild(text('p', met + ' sections for ' + s.requests.length + ' requests: ' + s.requests.join(', ')));
    });
  }
  input.addEventListener('input', show);
})();
</script>
</body></html>
`;
}
