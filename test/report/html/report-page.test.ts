import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { launchChromium, pageErrors, reportState, screenshot, skipBrowserTests } from './browser.js';

interface HistoryLine { index: number; process: number | 'nemesis'; type: string; f: string }

const SAVED = 'histories/regressions/ll-quorum-seed1';
const history = readFileSync(path.join(SAVED, 'history.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as HistoryLine);
const blockedIndex = (JSON.parse(readFileSync(path.join(SAVED, 'results.json'), 'utf8')) as {
  verdict: { checks: { linearizable: { detail: { failures: Array<{ blocked: { invokeIndex: number } }> } } } };
}).verdict.checks.linearizable.detail.failures[0]!.blocked.invokeIndex;

describe.skipIf(skipBrowserTests)('the HTML report of a saved counterexample, in chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const requests: string[] = [];

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-report-')), 'report.html');
    const written = runCli(['report', SAVED, '--out', file, '--json']);
    expect(written.status, written.stderr).toBe(1);
    expect(JSON.parse(written.stdout)).toMatchObject({ report: file, valid: false, anomaly: 'not-linearizable' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    errors = pageErrors(page);
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    await reportState(page);
  });
  afterAll(async () => {
    if (page) await screenshot(page, 'report-ll-quorum-seed1');
    await browser?.close();
  });

  it('loads with no console error and asks the network for nothing', () => {
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });

  it('draws one timeline row per client process and one band per fault', async () => {
    const state = await reportState(page);
    const processes = new Set(history.filter((op) => op.process !== 'nemesis').map((op) => op.process));
    const faults = history.filter((op) => op.process === 'nemesis' && op.f.startsWith('start')).length;
    expect(processes.size).toBe(7);
    expect(state.rows).toBe(processes.size);
    expect(faults).toBe(2);
    expect(state.bands).toBe(faults);
    expect(await page.locator('#timeline').getAttribute('data-rows')).toBe(String(processes.size));
  });

  it('highlights the op no linearization can place, in the highlight colour on the canvas', async () => {
    const state = await reportState(page);
    const index = await page.evaluate((at) => (window as any).__faultline && JSON.parse(document.getElementById('faultline-data')!.textContent!).ops.index[at], state.highlighted);
    expect(index).toBe(blockedIndex);
    // The outline is drawn 2 px outside the bar: read that pixel back from the canvas.
    const pixel = await page.evaluate((at) => {
      const box = (window as any).__faultline.opBox(at);
      const canvas = document.getElementById('timeline') as HTMLCanvasElement;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const data = canvas.getContext('2d')!.getImageData(Math.round((box.x + box.width / 2) * ratio), Math.round((box.y - 2) * ratio), 1, 1).data;
      return [data[0], data[1], data[2]];
    }, state.highlighted);
    expect(pixel).toEqual([0xc0, 0x00, 0xc0]);
  });

  it('shows an op\'s details when it is clicked', async () => {
    const target = history.find((op) => op.process !== 'nemesis' && op.type === 'invoke' && op.index !== blockedIndex)!;
    const box = await page.evaluate((index) => {
      const data = JSON.parse(document.getElementById('faultline-data')!.textContent!);
      return (window as any).__faultline.opBox(data.ops.index.indexOf(index));
    }, target.index);
    const canvas = (await page.locator('#timeline').boundingBox())!;
    expect(await page.locator('#details').isHidden()).toBe(true);
    await page.mouse.click(canvas.x + box.x + Math.min(box.width / 2, 20), canvas.y + box.y + box.height / 2);
    await expect.poll(() => page.locator('#details').isVisible(), { timeout: 5_000 }).toBe(true);
    const text = await page.locator('#details').innerText();
    expect(text).toContain(`index\t${target.index}`);
    expect(text).toContain(`process\tp${target.process}`);
    expect(text).toMatch(/model state after/);
    expect((await reportState(page)).selected?.index).toBe(target.index);
  });

  it('plots one latency point per completed op', async () => {
    const completed = history.filter((op) => op.process !== 'nemesis' && (op.type === 'ok' || op.type === 'fail')).length;
    expect(completed).toBeGreaterThan(0);
    expect((await reportState(page)).latencyPoints).toBe(completed);
  });

  it('zooms in with the wheel, pans by dragging, and resets', async () => {
    const before = await reportState(page);
    const canvas = (await page.locator('#timeline').boundingBox())!;
    const range = await page.locator('#range').innerText();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 10);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await reportState(page)).view.to - (await reportState(page)).view.from).toBeLessThan(before.view.to - before.view.from);
    const zoomed = await reportState(page);
    expect(zoomed.view.from).toBeGreaterThan(before.view.from);
    expect(await page.locator('#range').innerText()).not.toBe(range);

    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 10);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2 + 200, canvas.y + 10, { steps: 4 });
    await page.mouse.up();
    const panned = await reportState(page);
    expect(panned.view.from).toBeLessThan(zoomed.view.from);
    expect(panned.view.to - panned.view.from).toBeCloseTo(zoomed.view.to - zoomed.view.from, 6);

    await page.locator('#reset').click();
    expect((await reportState(page)).view).toEqual(before.view);
  });
});
