import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { writeHistory, type Op } from '../../src/history/index.js';
import { buildReportData } from '../../src/report/html/build-report-data.js';
import { renderHtmlReport } from '../../src/report/html/render-html.js';
import { checkLinearizable } from '../../src/checker/index.js';
import { kvModel } from '../../src/models/index.js';
import { generateKvHistory } from './generate-kv.js';
import { median } from './stats.js';

/** What the report benchmark measured (medians). */
export interface ReportFigures {
  ops: number;
  faults: number;
  /** Building the page's data and HTML from a checked history, in process. */
  renderMs: number;
  /** `faultline report FILE` end to end: read, check, render, write. */
  cliMs: number;
  /** `faultline check FILE` on the same file: what of cliMs is reading and checking, not the report. */
  checkCliMs: number;
  fileMb: number;
  /** Chromium: from navigation start to the first drawing done, and the script's own share. */
  firstPaintMs: number | null;
  scriptMs: number | null;
}

const CHROMIUM = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * A generated kv history of `ops` client ops with `faults` fault bands laid over
 * it: the time to write its report (in process and through the CLI), the page's
 * size, and the time to first paint in headless Chromium (when installed).
 *
 * @example
 * const figures = await benchReport({ ops: 100_000, faults: 20, repeats: 3 });
 */
export async function benchReport(c: { ops: number; faults: number; repeats: number }): Promise<ReportFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-report-bench-'));
  try {
    const history = withFaults(generateKvHistory({ ops: c.ops, keys: 100, processes: 20, infoRate: 0.05, seed: 7 }), c.faults);
    const file = path.join(dir, 'history.ndjson');
    await writeHistory(file, history);
    const model = kvModel({ init: null });
    const verdict = checkLinearizable(history, model);
    const renderMs = median(Array.from({ length: c.repeats }, () => {
      const started = performance.now();
      renderHtmlReport(buildReportData({ title: file, history, verdict, model }));
      return performance.now() - started;
    }));
    const page = path.join(dir, 'report.html');
    const timeCli = (args: string[]) => median(Array.from({ length: c.repeats }, () => {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['dist/src/cli/main.js', ...args], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`faultline ${args[0]} exited ${run.status}: ${run.stderr}`);
      return performance.now() - started;
    }));
    const cliMs = timeCli(['report', file, '--out', page, '--model', 'kv']);
    const checkCliMs = timeCli(['check', file, '--model', 'kv']);
    const paint = existsSync(CHROMIUM) ? await firstPaint(page, c.repeats) : null;
    return {
      ops: c.ops, faults: c.faults, renderMs: round(renderMs), cliMs: round(cliMs), checkCliMs: round(checkCliMs), fileMb: round(statSync(page).size / 2 ** 20),
      firstPaintMs: paint === null ? null : round(paint.readyAtMs), scriptMs: paint === null ? null : round(paint.scriptMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median over fresh pages of the time from navigation start to the report's first drawing done. */
async function firstPaint(page: string, repeats: number): Promise<{ readyAtMs: number; scriptMs: number }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const samples: Array<{ readyAtMs: number; scriptMs: number }> = [];
    for (let i = 0; i < repeats; i++) {
      const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await tab.goto(`file://${page}`, { timeout: 60_000 });
      await tab.waitForFunction(() => (globalThis as any).__faultline?.ready === true, null, { timeout: 60_000 });
      samples.push(await tab.evaluate(() => ({ readyAtMs: (globalThis as any).__faultline.readyAtMs as number, scriptMs: (globalThis as any).__faultline.firstPaintMs as number })));
      await tab.close();
    }
    return { readyAtMs: median(samples.map((s) => s.readyAtMs)), scriptMs: median(samples.map((s) => s.scriptMs)) };
  } finally {
    await browser.close();
  }
}

/** The history with `count` partitions, evenly spread, each in force for a fifth of its slot, as nemesis start/stop ops. */
function withFaults(history: Op[], count: number): Op[] {
  const first = history[0]!.time;
  const last = history[history.length - 1]!.time;
  const slot = (last - first) / (count + 1);
  const nemesis: Op[] = [];
  for (let fault = 0; fault < count; fault++) {
    const start = Math.round(first + slot * (fault + 0.5));
    const value = { fault, kind: 'partition-one', targets: [`n${(fault % 3) + 1}`] };
    nemesis.push({ index: 0, time: start, process: 'nemesis', type: 'info', f: 'start-partition', value });
    nemesis.push({ index: 0, time: Math.round(start + slot / 5), process: 'nemesis', type: 'info', f: 'stop-partition', value });
  }
  return [...history, ...nemesis].sort((a, b) => a.time - b.time).map((op, index) => ({ ...op, index }));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
