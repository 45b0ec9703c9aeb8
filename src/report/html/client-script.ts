/**
 * The report page's script, plain browser JavaScript kept as a string so that a
 * `tsc`-only build ships it inside the compiled module (no asset to copy, nothing
 * to find at run time, the same from a packed package). It draws on canvas by hand:
 * the timeline, the latency and throughput plots and the message diagram share one
 * time axis, one zoom and the fault bands, and a 100,000-op history stays a few
 * canvases instead of hundreds of thousands of DOM nodes.
 *
 * What it exposes for people and tests on `window.__faultline`: the counts drawn
 * (rows, bands, latency points, messages), the visible range, the highlighted and
 * selected op, `opBox(i)` (where op i is drawn) and `setView(from, to)`.
 *
 * The text avoids backticks and dollar-brace: it lives in a template literal.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var started = performance.now();
  var data = JSON.parse(document.getElementById('faultline-data').textContent);
  var ops = data.ops;
  var n = ops.row.length;
  var COLORS = { ok: '#2f8f46', fail: '#d0433b', info: '#e69a1c', band: 'rgba(120, 90, 200, 0.13)', bandEdge: 'rgba(120, 90, 200, 0.55)', blocked: '#c000c0', selected: '#111' };
  var OUTCOME_COLOR = [COLORS.ok, COLORS.fail, COLORS.info];
  var OUTCOME_NAME = ['ok', 'fail', 'info'];
  var INFO_TAIL = 'rgba(230, 154, 28, 0.3)';
  var GUTTER = 64, RIGHT = 12, ROW_H = 24, BAND_H = 30, AXIS_H = 20;
  var lin = data.linearizability || null;
  var orderOf = new Map();
  if (lin) lin.order.forEach(function (pos, k) { orderOf.set(pos, k); });
  var full = { from: data.span.fromMs, to: data.span.toMs };
  var pad = (full.to - full.from) * 0.02;
  full.from -= pad; full.to += pad;
  var view = { from: full.from, to: full.to };
  var state = { selected: null, hover: null };
  var debug = window.__faultline = {
    ready: false, rows: data.processes.length, bands: 0, latencyPoints: 0, throughputBuckets: 0, messagesDrawn: 0,
    ops: n, highlighted: lin && lin.blocked !== null ? lin.blocked : null, selected: null,
    view: { from: view.from, to: view.to }, draws: 0, firstPaintMs: null, readyAtMs: null,
    opBox: function (i) { return opBox(i); },
    setView: function (from, to) { setView(from, to); }
  };

  var rowsOps = data.processes.map(function () { return []; });
  for (var i = 0; i < n; i++) rowsOps[ops.row[i]].push(i);

  function endOf(i) { return ops.outcome[i] === 2 || ops.endMs[i] === null ? Infinity : ops.endMs[i]; }

  function setupCanvas(canvas, height) {
    var ratio = window.devicePixelRatio || 1;
    var width = canvas.parentElement.clientWidth || 800;
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    var ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx: ctx, width: width, height: height };
  }
  function xOf(t, width) { return GUTTER + (t - view.from) / (view.to - view.from) * (width - GUTTER - RIGHT); }
  function tOf(x, width) { return view.from + (x - GUTTER) / (width - GUTTER - RIGHT) * (view.to - view.from); }

  function niceStep(span, pixels) {
    var rough = span / Math.max(1, pixels / 90);
    var pow = Math.pow(10, Math.floor(Math.log10(rough)));
    var m = rough / pow;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * pow;
  }
  function fmtMs(t) {
    var a = Math.abs(t);
    if (a < 1e-9) return '0';
    if (a >= 10000) return (t / 1000).toFixed(a >= 100000 ? 0 : 1) + ' s';
    if (a >= 100) return t.toFixed(0) + ' ms';
    if (a >= 1) return t.toFixed(1) + ' ms';
    return t.toFixed(3) + ' ms';
  }
  function drawAxis(ctx, width, y) {
    ctx.fillStyle = '#555'; ctx.font = '11px sans-serif'; ctx.textBaseline = 'top';
    var step = niceStep(view.to - view.from, width - GUTTER - RIGHT);
    var first = Math.ceil(view.from / step) * step;
    ctx.strokeStyle = '#ccc'; ctx.beginPath();
    for (var t = first; t <= view.to; t += step) {
      var x = xOf(t, width);
      ctx.moveTo(x, y); ctx.lineTo(x, y + 4);
      ctx.fillText(fmtMs(t), x + 2, y + 5);
    }
    ctx.stroke();
  }
  function drawBands(ctx, width, top, bottom, labels) {
    var drawn = 0;
    // Labels of bands that start close together take turns on two lines, so they do not overwrite each other.
    var lastLabelEnd = [-Infinity, -Infinity];
    data.faults.forEach(function (band) {
      var x0 = Math.max(GUTTER, xOf(band.startMs, width));
      var x1 = band.endMs === null ? width - RIGHT : Math.min(width - RIGHT, xOf(band.endMs, width));
      if (x1 < GUTTER || x0 > width - RIGHT) return;
      drawn++;
      ctx.fillStyle = COLORS.band;
      ctx.fillRect(x0, top, Math.max(1, x1 - x0), bottom - top);
      ctx.fillStyle = COLORS.bandEdge;
      ctx.fillRect(x0, top, 1, bottom - top);
      if (labels) {
        var text = band.kind + (band.targets ? ' ' + band.targets : '');
        ctx.font = '11px sans-serif'; ctx.textBaseline = 'middle';
        var lane = x0 < lastLabelEnd[0] && x0 >= lastLabelEnd[1] ? 1 : 0;
        var textEnd = x0 + 6 + ctx.measureText(text).width;
        lastLabelEnd[lane] = textEnd;
        ctx.save(); ctx.beginPath(); ctx.rect(x0, top, Math.max(1, x1 - x0), BAND_H); ctx.clip();
        ctx.fillStyle = '#4b3a8c';
        ctx.fillText(text, x0 + 3, top + 8 + lane * 14);
        ctx.restore();
      }
    });
    return drawn;
  }

  // Timeline: one row per client process, a bar per op, faults as bands across them.
  var timeline = document.getElementById('timeline');
  var timelineSize = null;
  function timelineHeight() { return BAND_H + data.processes.length * ROW_H + AXIS_H + 4; }
  function opBox(i) {
    if (!timelineSize) return null;
    var w = timelineSize.width;
    var x0 = xOf(ops.startMs[i], w);
    var end = endOf(i);
    var x1 = end === Infinity ? w : xOf(end, w);
    return { x: x0, y: BAND_H + ops.row[i] * ROW_H + 3, width: Math.max(3, x1 - x0), height: ROW_H - 6 };
  }
  function drawTimeline() {
    var size = timelineSize = setupCanvas(timeline, timelineHeight());
    var ctx = size.ctx, w = size.width, bottom = BAND_H + data.processes.length * ROW_H;
    ctx.clearRect(0, 0, w, size.height);
    for (var r = 0; r < data.processes.length; r++) {
      ctx.fillStyle = r % 2 ? '#f6f6f6' : '#fff';
      ctx.fillRect(0, BAND_H + r * ROW_H, w, ROW_H);
      ctx.fillStyle = '#333'; ctx.font = '12px sans-serif'; ctx.textBaseline = 'middle';
      ctx.fillText(data.processes[r], 6, BAND_H + r * ROW_H + ROW_H / 2);
    }
    debug.bands = drawBands(ctx, w, 0, bottom, true);
    ctx.save(); ctx.beginPath(); ctx.rect(GUTTER, 0, w - GUTTER - RIGHT, size.height); ctx.clip();
    ctx.font = '11px sans-serif'; ctx.textBaseline = 'middle';
    // The hot loop of a large history: no allocation per op, one fill per bar.
    var scale = (w - GUTTER - RIGHT) / (view.to - view.from), left = GUTTER - 1, right = w;
    for (var i = 0; i < n; i++) {
      var x0 = GUTTER + (ops.startMs[i] - view.from) * scale;
      if (x0 > right) continue;
      var info = ops.outcome[i] === 2 || ops.endMs[i] === null;
      var x1 = info ? w : GUTTER + (ops.endMs[i] - view.from) * scale;
      if (x1 < left) continue;
      var bw = Math.max(3, x1 - x0), y = BAND_H + ops.row[i] * ROW_H + 3, h = ROW_H - 6;
      if (info) {
        // Outcome unknown: a solid head where it began, then a faint bar running off to the right.
        ctx.fillStyle = INFO_TAIL; ctx.fillRect(x0, y, bw, h);
        ctx.fillStyle = COLORS.info; ctx.fillRect(x0, y, Math.min(bw, 6), h);
      } else {
        ctx.fillStyle = OUTCOME_COLOR[ops.outcome[i]]; ctx.fillRect(x0, y, bw, h);
      }
      var k = orderOf.get(i);
      if (bw > 28) {
        var text = (k === undefined ? '' : '#' + (k + 1) + ' ') + ops.label[i];
        ctx.save(); ctx.beginPath(); ctx.rect(x0, y, bw, h); ctx.clip();
        ctx.fillStyle = info ? '#5a3a00' : '#fff'; ctx.fillText(text, x0 + (info ? 8 : 3), y + h / 2);
        ctx.restore();
      } else if (k !== undefined) {
        ctx.fillStyle = '#1d3f8f'; ctx.fillText('#' + (k + 1), x0, y - 1);
      }
    }
    if (debug.highlighted !== null) {
      var hb = opBox(debug.highlighted);
      ctx.strokeStyle = COLORS.blocked; ctx.lineWidth = 3;
      ctx.strokeRect(hb.x - 2, hb.y - 2, hb.width + 4, hb.height + 4);
    }
    if (state.selected !== null) {
      var sb = opBox(state.selected);
      ctx.strokeStyle = COLORS.selected; ctx.lineWidth = 2; ctx.setLineDash([4, 2]);
      ctx.strokeRect(sb.x - 1, sb.y - 1, sb.width + 2, sb.height + 2);
      ctx.setLineDash([]);
    }
    ctx.restore();
    drawAxis(ctx, w, bottom + 2);
  }

  // Latency of every completed op over time, log scale.
  var latency = document.getElementById('latency');
  var latencyLog = null;
  function drawLatency() {
    if (!latency) return;
    var size = setupCanvas(latency, 240);
    var ctx = size.ctx, w = size.width, top = 8, bottom = size.height - AXIS_H;
    ctx.clearRect(0, 0, w, size.height);
    if (latencyLog === null) {
      var lo = Infinity, hi = -Infinity;
      for (var i = 0; i < n; i++) {
        if (ops.outcome[i] === 2 || ops.endMs[i] === null) continue;
        var l = Math.max(1e-3, ops.endMs[i] - ops.startMs[i]);
        if (l < lo) lo = l; if (l > hi) hi = l;
      }
      if (lo === Infinity) { lo = 1; hi = 10; }
      latencyLog = { lo: Math.floor(Math.log10(lo)), hi: Math.max(Math.floor(Math.log10(lo)) + 1, Math.ceil(Math.log10(hi))) };
    }
    function yOf(ms) { return bottom - (Math.log10(Math.max(1e-3, ms)) - latencyLog.lo) / (latencyLog.hi - latencyLog.lo) * (bottom - top); }
    drawBands(ctx, w, top, bottom, false);
    ctx.strokeStyle = '#ddd'; ctx.fillStyle = '#555'; ctx.font = '11px sans-serif'; ctx.textBaseline = 'middle';
    ctx.beginPath();
    for (var e = latencyLog.lo; e <= latencyLog.hi; e++) {
      var y = yOf(Math.pow(10, e));
      ctx.moveTo(GUTTER, y); ctx.lineTo(w - RIGHT, y);
      ctx.fillText(fmtMs(Math.pow(10, e)), 4, y);
    }
    ctx.stroke();
    if (data.availability) {
      ctx.strokeStyle = '#4b3a8c'; ctx.setLineDash([3, 3]);
      data.availability.faults.forEach(function (f) {
        if (f.rtoMs === null) return;
        var x = xOf(f.startMs + f.rtoMs, w);
        ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, bottom); ctx.stroke();
        ctx.fillStyle = '#4b3a8c'; ctx.fillText('RTO ' + fmtMs(f.rtoMs), x + 3, top + 8);
      });
      ctx.setLineDash([]);
    }
    var points = 0;
    for (var j = 0; j < n; j++) {
      if (ops.outcome[j] === 2 || ops.endMs[j] === null) continue;
      var x = xOf(ops.startMs[j], w);
      if (x < GUTTER || x > w - RIGHT) continue;
      ctx.fillStyle = OUTCOME_COLOR[ops.outcome[j]];
      ctx.fillRect(x - 2, yOf(ops.endMs[j] - ops.startMs[j]) - 2, 4, 4);
      points++;
    }
    debug.latencyPoints = points;
    drawAxis(ctx, w, bottom + 2);
  }

  // Completions per second of virtual time, by outcome.
  var throughput = document.getElementById('throughput');
  var buckets = null;
  function drawThroughput() {
    if (!throughput) return;
    var size = setupCanvas(throughput, 170);
    var ctx = size.ctx, w = size.width, top = 8, bottom = size.height - AXIS_H;
    ctx.clearRect(0, 0, w, size.height);
    if (buckets === null) {
      // One-second buckets, as a rate; a run shorter than 20 s gets finer ones (still counted per second).
      var spanMs = data.span.toMs - data.span.fromMs;
      var size_ = spanMs >= 20000 ? 1000 : Math.min(1000, niceStep(spanMs, 25 * 90));
      var first = Math.floor(data.span.fromMs / size_), last = Math.floor(data.span.toMs / size_);
      buckets = { first: first, size: size_, counts: [[], [], []], max: 1 };
      for (var b = first; b <= last; b++) { buckets.counts[0].push(0); buckets.counts[1].push(0); buckets.counts[2].push(0); }
      for (var i = 0; i < n; i++) {
        if (ops.endMs[i] === null) continue;
        var at = Math.floor(ops.endMs[i] / size_) - first;
        if (at >= 0 && at < buckets.counts[0].length) buckets.counts[ops.outcome[i]][at] += 1000 / size_;
      }
      buckets.counts.forEach(function (c) { c.forEach(function (v) { if (v > buckets.max) buckets.max = v; }); });
    }
    drawBands(ctx, w, top, bottom, false);
    function yOf(v) { return bottom - v / buckets.max * (bottom - top); }
    ctx.fillStyle = '#555'; ctx.font = '11px sans-serif'; ctx.textBaseline = 'middle';
    ctx.fillText(Math.round(buckets.max) + ' /s', 4, yOf(buckets.max) + 6); ctx.fillText('0', 4, bottom - 4);
    var drawnBuckets = 0;
    ctx.save(); ctx.beginPath(); ctx.rect(GUTTER, 0, w - GUTTER - RIGHT, size.height); ctx.clip();
    for (var o = 0; o < 3; o++) {
      ctx.strokeStyle = OUTCOME_COLOR[o]; ctx.lineWidth = 1.5; ctx.beginPath();
      var counts = buckets.counts[o];
      for (var k = 0; k < counts.length; k++) {
        var x0 = xOf((buckets.first + k) * buckets.size, w), x1 = xOf((buckets.first + k + 1) * buckets.size, w);
        if (k === 0) ctx.moveTo(x0, yOf(counts[k])); else ctx.lineTo(x0, yOf(counts[k]));
        ctx.lineTo(x1, yOf(counts[k]));
        if (o === 0 && x1 >= GUTTER && x0 <= w - RIGHT) drawnBuckets++;
      }
      ctx.stroke();
    }
    ctx.restore();
    ctx.lineWidth = 1;
    debug.throughputBuckets = drawnBuckets;
    drawAxis(ctx, w, bottom + 2);
  }

  // Messages of the trace: lifelines across, arrows from send to delivery, drops crossed.
  var messages = document.getElementById('messages');
  var M = data.messages || null;
  function drawMessages() {
    if (!messages || !M) return;
    var LINE_H = 30;
    var size = setupCanvas(messages, BAND_H + M.lifelines.length * LINE_H + AXIS_H + 4);
    var ctx = size.ctx, w = size.width, bottom = BAND_H + M.lifelines.length * LINE_H;
    ctx.clearRect(0, 0, w, size.height);
    function yOf(l) { return BAND_H + l * LINE_H + LINE_H / 2; }
    drawBands(ctx, w, 0, bottom, true);
    ctx.font = '12px sans-serif'; ctx.textBaseline = 'middle';
    M.lifelines.forEach(function (name, l) {
      ctx.fillStyle = '#333'; ctx.fillText(name, 6, yOf(l));
      ctx.strokeStyle = '#bbb'; ctx.beginPath(); ctx.moveTo(GUTTER, yOf(l)); ctx.lineTo(w - RIGHT, yOf(l)); ctx.stroke();
    });
    ctx.save(); ctx.beginPath(); ctx.rect(GUTTER, 0, w - GUTTER - RIGHT, size.height); ctx.clip();
    ctx.font = '10px sans-serif';
    var drawn = 0;
    for (var i = 0; i < M.from.length; i++) {
      var end = M.endMs[i] === null ? view.to + (view.to - view.from) : M.endMs[i];
      var x0 = xOf(M.sentMs[i], w), x1 = xOf(end, w);
      if (x1 < GUTTER || x0 > w - RIGHT) continue;
      drawn++;
      var y0 = yOf(M.from[i]), y1 = yOf(M.to[i]);
      if (M.dropped[i]) y1 = y0 + (y1 - y0) * 0.6;
      ctx.strokeStyle = M.dropped[i] ? COLORS.fail : '#3c5a99';
      ctx.setLineDash(M.endMs[i] === null ? [4, 3] : []);
      ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
      ctx.setLineDash([]);
      if (M.dropped[i]) {
        ctx.beginPath(); ctx.moveTo(x1 - 4, y1 - 4); ctx.lineTo(x1 + 4, y1 + 4); ctx.moveTo(x1 - 4, y1 + 4); ctx.lineTo(x1 + 4, y1 - 4); ctx.stroke();
      } else {
        var angle = Math.atan2(y1 - y0, x1 - x0);
        ctx.beginPath(); ctx.moveTo(x1, y1);
        ctx.lineTo(x1 - 6 * Math.cos(angle - 0.4), y1 - 6 * Math.sin(angle - 0.4));
        ctx.lineTo(x1 - 6 * Math.cos(angle + 0.4), y1 - 6 * Math.sin(angle + 0.4));
        ctx.closePath(); ctx.fillStyle = ctx.strokeStyle; ctx.fill();
      }
      if (Math.abs(x1 - x0) > 70) { ctx.fillStyle = '#333'; ctx.fillText(M.label[i], (x0 + x1) / 2 - 20, (y0 + y1) / 2 - 6); }
    }
    M.events.forEach(function (e) {
      var x = xOf(e.atMs, w);
      if (x < GUTTER || x > w - RIGHT) return;
      ctx.fillStyle = '#4b3a8c';
      var y = e.lifeline === null ? BAND_H + 4 : yOf(e.lifeline);
      ctx.beginPath(); ctx.arc(x, y, 4, 0, 2 * Math.PI); ctx.fill();
      ctx.fillText(e.text, x + 5, y + 9);
    });
    ctx.restore();
    debug.messagesDrawn = drawn;
    drawAxis(ctx, w, bottom + 2);
  }

  function drawAll() {
    drawTimeline(); drawLatency(); drawThroughput(); drawMessages();
    debug.view = { from: view.from, to: view.to };
    debug.draws++;
    var range = document.getElementById('range');
    if (range) range.textContent = fmtMs(view.from) + ' to ' + fmtMs(view.to);
  }
  function setView(from, to) {
    var minSpan = 1e-4;
    if (to - from < minSpan) { var mid = (from + to) / 2; from = mid - minSpan / 2; to = mid + minSpan / 2; }
    view.from = from; view.to = to;
    drawAll();
  }

  // Details of one op: where it is, what it did, and where the linearization stood.
  var details = document.getElementById('details');
  function showDetails(i) {
    state.selected = i; debug.selected = i === null ? null : { position: i, index: ops.index[i] };
    drawTimeline();
    if (i === null) { details.hidden = true; return; }
    var rows = [
      ['index', ops.index[i] + (ops.completeIndex[i] === null ? ' (never completed)' : ' -> ' + ops.completeIndex[i])],
      ['process', data.processes[ops.row[i]]],
      ['op', ops.label[i]],
      ['outcome', ops.completeIndex[i] === null ? 'never completed' : OUTCOME_NAME[ops.outcome[i]]],
      ['invoked', fmtMs(ops.startMs[i])],
      ['completed', ops.endMs[i] === null ? '-' : fmtMs(ops.endMs[i]) + ' (latency ' + fmtMs(ops.endMs[i] - ops.startMs[i]) + ')'],
      ['node', ops.node[i] < 0 ? '-' : ops.nodes[ops.node[i]]]
    ];
    if (ops.errors[i] !== undefined) rows.push(['error', ops.errors[i]]);
    if (lin) {
      var k = orderOf.get(i);
      if (k !== undefined) {
        rows.push(['linearized', '#' + (k + 1) + ' of the longest linearizable prefix (' + lin.order.length + ' ops)']);
        rows.push(['model state after', lin.statesAfter[k]]);
      } else if (i === lin.blocked) {
        rows.push(['linearizability', 'no linearization can place this op next']);
        rows.push(['model state before it', lin.order.length ? lin.statesAfter[lin.order.length - 1] : lin.initialState]);
      } else if (lin.candidates.indexOf(i) >= 0) {
        rows.push(['linearizability', 'could have gone next; does not fit either']);
      }
    }
    details.hidden = false;
    details.textContent = '';
    var table = document.createElement('table');
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      var th = document.createElement('th'); th.textContent = r[0];
      var td = document.createElement('td'); td.textContent = r[1];
      tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
    });
    details.appendChild(table);
  }
  function opAt(x, y) {
    var r = Math.floor((y - BAND_H) / ROW_H);
    if (r < 0 || r >= rowsOps.length) return null;
    var best = null;
    rowsOps[r].forEach(function (i) {
      var b = opBox(i);
      if (x >= b.x - 2 && x <= b.x + b.width + 2) best = i;
    });
    return best;
  }

  // Zoom with the wheel around the pointer, pan by dragging, on any of the time plots.
  var drag = null;
  [timeline, latency, throughput, messages].forEach(function (canvas) {
    if (!canvas) return;
    canvas.addEventListener('wheel', function (event) {
      event.preventDefault();
      var rect = canvas.getBoundingClientRect();
      var at = tOf(event.clientX - rect.left, rect.width);
      var factor = Math.exp(event.deltaY * 0.002);
      setView(at - (at - view.from) * factor, at + (view.to - at) * factor);
    }, { passive: false });
    canvas.addEventListener('mousedown', function (event) {
      drag = { x: event.clientX, from: view.from, to: view.to, width: canvas.getBoundingClientRect().width, moved: false, canvas: canvas };
    });
  });
  window.addEventListener('mousemove', function (event) {
    if (!drag) return;
    var dx = event.clientX - drag.x;
    if (Math.abs(dx) > 3) drag.moved = true;
    if (!drag.moved) return;
    var dt = dx / (drag.width - GUTTER - RIGHT) * (drag.to - drag.from);
    setView(drag.from - dt, drag.to - dt);
  });
  window.addEventListener('mouseup', function (event) {
    var d = drag; drag = null;
    if (!d || d.moved || d.canvas !== timeline) return;
    var rect = timeline.getBoundingClientRect();
    showDetails(opAt(event.clientX - rect.left, event.clientY - rect.top));
  });
  var tooltip = document.getElementById('tooltip');
  timeline.addEventListener('mousemove', function (event) {
    if (drag) return;
    var rect = timeline.getBoundingClientRect();
    var i = opAt(event.clientX - rect.left, event.clientY - rect.top);
    if (i === null) { tooltip.hidden = true; return; }
    tooltip.hidden = false;
    tooltip.textContent = data.processes[ops.row[i]] + ' ' + ops.label[i] + ' (index ' + ops.index[i] + ')';
    tooltip.style.left = (event.pageX + 12) + 'px';
    tooltip.style.top = (event.pageY + 12) + 'px';
  });
  timeline.addEventListener('mouseleave', function () { tooltip.hidden = true; });
  document.getElementById('reset').addEventListener('click', function () { setView(full.from, full.to); });
  var focus = document.getElementById('focus');
  if (focus) focus.addEventListener('click', function () {
    var i = debug.highlighted;
    var end = endOf(i) === Infinity ? ops.startMs[i] + (full.to - full.from) * 0.05 : endOf(i);
    var spanMs = Math.max(end - ops.startMs[i], 1) * 8;
    setView(ops.startMs[i] - spanMs / 2, end + spanMs / 2);
    showDetails(i);
  });
  var resizeTimer = null;
  window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(drawAll, 100); });

  drawAll();
  debug.firstPaintMs = performance.now() - started;
  // Since navigation started (performance's time origin): what a reader waits for.
  debug.readyAtMs = performance.now();
  debug.ready = true;
  document.body.setAttribute('data-ready', 'true');
})();
`;
