import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pageErrors, reportState, screenshot, skipBrowserTests } from '../report/html/browser.js';
import { spawnServing, type ServingChild } from './serve-process.js';

describe.skipIf(skipBrowserTests)('the served pages in chromium', () => {
  let browser: Browser;
  const children: ServingChild[] = [];
  const base = mkdtempSync(path.join(tmpdir(), 'faultline-live-'));

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const child of children) await child.stop('SIGKILL');
    await browser?.close();
  });

  it('serve lists the saved runs and opens one\'s report', async () => {
    const root = path.join(base, 'saved');
    mkdirSync(root);
    cpSync('histories/regressions/ll-quorum-seed1', path.join(root, 'll-quorum-seed1'), { recursive: true });
    cpSync('histories/regressions/sl-async-seed1', path.join(root, 'sl-async-seed1'), { recursive: true });
    const server = spawnServing(['serve', root, '--port', '0']);
    children.push(server);
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await page.goto(await server.url);
    await expect.poll(() => page.locator('#runs tbody tr').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.locator('tr[data-run="ll-quorum-seed1"]').innerText()).toMatch(/invalid\s+ll-quorum-seed1\s+ll-quorum\s+not-linearizable/);
    await page.locator('tr[data-run="ll-quorum-seed1"] a').click();
    const state = await reportState(page);
    expect(state.rows).toBe(7);
    expect(await page.locator('h1').innerText()).toBe('invalid: not-linearizable');
    expect(errors).toEqual([]);
    expect(await server.stop('SIGINT')).toBe(130);
  });

  it('during explore --serve of a weak preset the failure appears on the open page, linked to its report', async () => {
    const out = path.join(base, 'explore');
    const explore = spawnServing(['explore', '--preset', 'sl-async', '--runs', '500', '--seed', '1', '--serve', '--port', '0', '--out', out]);
    children.push(explore);
    const page = await browser.newPage();
    const errors = pageErrors(page);
    let navigations = 0;
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });
    await page.goto(await explore.url);
    const failure = page.locator('#failures li[data-failure-run]');
    await expect.poll(() => failure.count(), { timeout: 60_000, intervals: [100] }).toBe(1);
    expect(await failure.innerText()).toMatch(/^run 28: lost-write/);
    expect(Number(await page.locator('#live-runs').innerText())).toBeGreaterThanOrEqual(28);
    // The run list picked the saved failure up too, without a reload.
    await expect.poll(() => page.locator('#runs tbody tr').count(), { timeout: 10_000 }).toBe(1);
    expect(navigations).toBe(1);
    await screenshot(page, 'explore-serve');
    await failure.locator('a').click();
    expect((await reportState(page)).bands).toBe(1);
    expect(errors).toEqual([]);
    // Ctrl-C after the end stops serving; the exit code is the exploration's (1: a violation was found).
    expect(await explore.stop('SIGINT')).toBe(1);
  });
});
