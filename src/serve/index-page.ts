import { escapeHtml } from '../report/html/render-html.js';

/**
 * The served index page: the saved runs as a table (fetched from /api/runs), and,
 * while an exploration streams its progress over the /live WebSocket, its runs,
 * runs per second, failures (linked to their report once saved) and shrink step.
 * The page updates itself without a reload. Its script avoids backticks and
 * dollar-brace: it lives in a template literal.
 *
 * @example
 * response.end(indexPage('out'));
 */
export function indexPage(title: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>faultline: ${escapeHtml(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 16px 40px; color: #222; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
.invalid { color: #b3261e; font-weight: 600; } .valid { color: #1e7a34; } .unknown { color: #a36a00; }
#live { background: #eef2fb; padding: 8px 12px; border-radius: 6px; margin: 10px 0; } #live[hidden] { display: none; }
#failures li { margin: 2px 0; }
</style></head><body>
<h1>faultline runs in ${escapeHtml(title)}</h1>
<section id="live" hidden><h2>Exploring</h2>
<p><span id="live-status">starting</span>: <b id="live-runs">0</b> runs, <b id="live-rate">0</b> runs/s, <b id="live-failures">0</b> failure(s) found<span id="live-shrink"></span></p>
<ul id="failures"></ul></section>
<p id="empty" hidden>No saved runs yet.</p>
<table id="runs"><thead><tr><th>verdict</th><th>run</th><th>preset or store</th><th>anomaly</th><th>ops</th><th>faults</th><th>saved</th></tr></thead><tbody></tbody></table>
<script>
(function () {
  'use strict';
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text === null || text === undefined ? '-' : String(text); if (cls) td.className = cls; tr.appendChild(td); return td; }
  function verdictWord(v) { return v === true ? 'valid' : v === false ? 'invalid' : v === 'unknown' ? 'unknown' : '?'; }
  function reportHref(p) { return '/runs/' + p.split('/').map(encodeURIComponent).join('/') + '/report.html'; }
  function loadRuns() {
    return fetch('/api/runs').then(function (r) { return r.json(); }).then(function (runs) {
      var body = document.querySelector('#runs tbody');
      body.textContent = '';
      runs.forEach(function (run) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-run', run.path);
        cell(tr, verdictWord(run.valid), verdictWord(run.valid));
        var td = cell(tr, '');
        var a = document.createElement('a'); a.href = reportHref(run.path); a.textContent = run.path; td.appendChild(a);
        cell(tr, run.target); cell(tr, run.anomaly); cell(tr, run.ops); cell(tr, run.faults);
        cell(tr, new Date(run.savedAt).toLocaleString());
        body.appendChild(tr);
      });
      document.getElementById('empty').hidden = runs.length > 0;
      document.body.setAttribute('data-runs', String(runs.length));
    });
  }
  var failuresShown = new Set();
  function apply(state) {
    if (!state || !state.exploring) return;
    document.getElementById('live').hidden = false;
    var p = state.progress || { runs: 0, runsPerSecond: 0, failures: 0 };
    document.getElementById('live-status').textContent = state.done ? 'done' : 'running';
    document.getElementById('live-runs').textContent = String(p.runs);
    document.getElementById('live-rate').textContent = p.runsPerSecond.toFixed(1);
    document.getElementById('live-failures').textContent = String(Math.max(p.failures, state.failures.length));
    document.getElementById('live-shrink').textContent = state.shrink ? '; shrinking a failure: step ' + state.shrink.step + ', ' + state.shrink.clientOps + ' ops and ' + state.shrink.faults + ' faults left' : '';
    var list = document.getElementById('failures');
    var added = false;
    state.failures.forEach(function (f) {
      if (failuresShown.has(f.run)) return;
      failuresShown.add(f.run); added = true;
      var li = document.createElement('li');
      li.setAttribute('data-failure-run', String(f.run));
      li.textContent = 'run ' + f.run + ': ' + f.anomaly + ' (' + f.clientOps + ' ops, ' + f.faults + ' faults after shrinking) ';
      if (f.report) { var a = document.createElement('a'); a.href = f.report; a.textContent = 'report'; li.appendChild(a); }
      list.appendChild(li);
    });
    if (added || state.done) loadRuns();
  }
  loadRuns();
  function connect() {
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live');
    socket.onmessage = function (event) { apply(JSON.parse(event.data)); };
    socket.onclose = function () { document.body.setAttribute('data-live', 'closed'); };
    socket.onopen = function () { document.body.setAttribute('data-live', 'open'); };
  }
  connect();
})();
</script></body></html>
`;
}
