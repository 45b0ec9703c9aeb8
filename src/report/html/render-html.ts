import { CLIENT_SCRIPT } from './client-script.js';
import { PAGE_STYLE } from './page-style.js';
import type { ReportData } from './report-data.js';

/**
 * One self-contained HTML page for a report: the header, checks, scenario and
 * tables as HTML; the data as JSON in the page; the style and the drawing script
 * inlined. It loads nothing from the network and opens from disk.
 *
 * @example
 * writeFileSync('report.html', renderHtmlReport(buildReportData(input)));
 */
export function renderHtmlReport(data: ReportData): string {
  const parts = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty icon: a browser would otherwise ask the server it came from for /favicon.ico.
    '<link rel="icon" href="data:,">',
    // Nothing on this page may come from elsewhere: the report is read offline and as a CI artifact.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">',
    `<title>faultline: ${escapeHtml(data.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head><body>',
    header(data),
    checksTable(data),
    scenarioSection(data),
    timelineSection(data),
    plotsSection(data),
    availabilitySection(data),
    messagesSection(data),
    replicasSection(data),
    '<div id="tooltip" hidden></div>',
    `<script type="application/json" id="faultline-data">${scriptSafeJson(data)}</script>`,
    `<script>${CLIENT_SCRIPT}</script>`,
    '</body></html>',
  ];
  return `${parts.join('\n')}\n`;
}

function header(data: ReportData): string {
  const { valid, anomaly, reason } = data.verdict;
  const word = valid === true ? 'valid' : valid === false ? `invalid: ${anomaly ?? 'violation'}` : 'unknown';
  return `<header class="verdict ${verdictClass(valid)}"><h1>${escapeHtml(word)}</h1>` +
    `<p class="title">${escapeHtml(data.title)}</p><p class="reason">${escapeHtml(reason)}</p></header>`;
}

function checksTable(data: ReportData): string {
  const rows = data.checks.map((check) => `<tr class="${verdictClass(check.valid)}"><td>${escapeHtml(check.name)}</td>` +
    `<td>${escapeHtml(check.valid === true ? 'valid' : String(check.valid))}</td><td>${escapeHtml(check.anomaly ?? '')}</td><td>${escapeHtml(check.reason)}</td></tr>`);
  return `<section><h2>Checkers</h2><table class="checks"><tr><th>checker</th><th>verdict</th><th>anomaly</th><th>reason</th></tr>${rows.join('')}</table></section>`;
}

function scenarioSection(data: ReportData): string {
  if (data.scenario === undefined && data.replay === undefined) return '';
  const lines = data.scenario === undefined ? '' : `<pre class="scenario">${escapeHtml(data.scenario.join('\n'))}</pre>`;
  const replay = data.replay === undefined ? '' : `<p>Replay: <code id="replay">${escapeHtml(data.replay)}</code></p>`;
  return `<section><h2>Scenario</h2>${lines}${replay}</section>`;
}

function timelineSection(data: ReportData): string {
  const lin = data.linearizability;
  const legend = [
    '<span class="swatch ok"></span>ok', '<span class="swatch fail"></span>fail', '<span class="swatch info"></span>info (outcome unknown: runs off to the right)',
    '<span class="swatch band"></span>fault in force',
    ...(lin ? ['#n: position in the longest linearizable prefix', ...(lin.blocked === null ? [] : ['<span class="swatch blocked"></span>the op no linearization can place'])] : []),
  ].map((item) => `<li>${item}</li>`).join('');
  const focus = lin?.blocked == null ? '' : ' <button id="focus">show the op that cannot be placed</button>';
  const where = lin === undefined ? '' : `<p>Linearizability${lin.key === undefined ? '' : ` of key ${escapeHtml(String(lin.key))}`}: ` +
    `the longest linearizable prefix has ${lin.order.length} op(s), numbered in their linearization order.</p>`;
  return `<section><h2>Timeline</h2>${where}<div class="controls"><button id="reset">reset zoom</button>${focus} <span id="range"></span>` +
    ' <span class="hint">wheel: zoom, drag: pan, click an op for its details</span></div>' +
    `<ul class="legend">${legend}</ul>` +
    `<div class="plot"><canvas id="timeline" data-rows="${data.processes.length}" data-ops="${data.ops.row.length}" data-faults="${data.faults.length}"></canvas></div>` +
    '<div id="details" hidden></div></section>';
}

function plotsSection(data: ReportData): string {
  if (data.ops.row.length === 0) return '';
  return '<section><h2>Latency</h2><p class="hint">each completed op at its invocation time, log scale; fault bands shaded' +
    `${data.availability ? '; dashed: recovery time (RTO) after each fault' : ''}</p>` +
    '<div class="plot"><canvas id="latency"></canvas></div>' +
    '<h2>Throughput</h2><p class="hint">completions per second of virtual time, by outcome (buckets of one second, finer for a run shorter than 20 s)</p><div class="plot"><canvas id="throughput"></canvas></div></section>';
}

function availabilitySection(data: ReportData): string {
  const a = data.availability;
  if (a === undefined) return '';
  const num = (value: number | null) => (value === null ? '-' : String(Math.round(value * 1000) / 1000));
  const phases = a.phases.map((p) => `<tr><td>${p.phase}</td><td>${p.ops}</td><td>${p.ok}</td><td>${p.fail}</td><td>${p.info}</td><td>${num(p.p50Ms)}</td><td>${num(p.p99Ms)}</td></tr>`);
  const faults = a.faults.map((f) => `<tr><td>${escapeHtml(f.fault)}</td><td>${num(f.startMs)}</td><td>${num(f.endMs)}</td><td>${num(f.rtoMs)}</td><td>${f.ok} of ${f.ops}</td></tr>`);
  return '<section><h2>Availability</h2><table id="phases"><tr><th>phase</th><th>ops</th><th>ok</th><th>fail</th><th>info</th><th>p50 ms</th><th>p99 ms</th></tr>' +
    `${phases.join('')}</table>` +
    (faults.length === 0 ? '' : `<table id="rto"><tr><th>fault</th><th>start ms</th><th>end ms</th><th>RTO ms</th><th>ok during it</th></tr>${faults.join('')}</table>`) +
    '</section>';
}

function messagesSection(data: ReportData): string {
  const m = data.messages;
  if (m === undefined) return '';
  const thinned = m.shown < m.total ? ` (the ${m.shown} sent nearest the failure of ${m.total})` : '';
  return `<section><h2>Messages</h2><p class="hint">${m.total} messages${thinned}: one lifeline per node and client, ` +
    'an arrow from send to delivery, dropped ones crossed in red, faults and elections marked; same time axis and zoom as the timeline</p>' +
    `<div class="plot"><canvas id="messages" data-lifelines="${m.lifelines.length}"></canvas></div></section>`;
}

function replicasSection(data: ReportData): string {
  const r = data.replicas;
  if (r === undefined) return '';
  const divergent = r.keys.filter((row) => row.divergent).length;
  const head = `<tr><th>key</th>${r.nodes.map((node) => `<th>${escapeHtml(node)}</th>`).join('')}</tr>`;
  const rows = r.keys.map((row) => `<tr class="${row.divergent ? 'divergent' : ''}"><td>${escapeHtml(row.key)}</td>` +
    `${row.values.map((value) => `<td>${value === null ? '<em>absent</em>' : escapeHtml(value)}</td>`).join('')}</tr>`);
  return `<section><h2>Final replica states</h2><p>${divergent === 0 ? 'every key holds the same value on every node' : `${divergent} key(s) differ between nodes (highlighted)`}</p>` +
    `<table id="replicas">${head}${rows.join('')}</table></section>`;
}

function verdictClass(valid: unknown): string {
  return valid === true ? 'valid' : valid === false ? 'invalid' : 'unknown';
}

/**
 * Text made safe for HTML content and attribute values.
 *
 * @example
 * escapeHtml('<b>'); // '&lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON that cannot end its script element: every `<` is escaped (as are the line
 * separators JavaScript once disliked). The data holds only strings, finite numbers,
 * null and booleans (values are already text), so no replacer is needed: one would
 * cost more than the rest of the report on a large history.
 */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
