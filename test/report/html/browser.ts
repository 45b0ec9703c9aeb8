import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium package; another path through FAULTLINE_CHROMIUM. */
export const CHROMIUM = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Browser tests run when chromium is installed. Without it they are skipped on a
 * developer's machine, but in CI (CI set) they run and fail with a clear message:
 * a missing browser must not pass for a passing test.
 */
export const skipBrowserTests = !existsSync(CHROMIUM) && !process.env.CI;
if (skipBrowserTests) console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set FAULTLINE_CHROMIUM)`);

/** Headless chromium as the tests drive it: no sandbox (root in containers), no network side channels. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install -y chromium, or set FAULTLINE_CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Console errors and uncaught exceptions of a page, collected as they happen. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** Screenshots for people to look at; out/ is git-ignored. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('out/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** What the report's script exposes on window.__faultline (see src/report/html/client-script.ts). */
export interface FaultlineDebug {
  ready: boolean;
  rows: number;
  bands: number;
  latencyPoints: number;
  messagesDrawn: number;
  ops: number;
  highlighted: number | null;
  selected: { position: number; index: number } | null;
  view: { from: number; to: number };
  firstPaintMs: number;
}

/** The page's debug object once its first drawing is done. */
export async function reportState(page: Page): Promise<FaultlineDebug> {
  await page.waitForFunction(() => (window as unknown as { __faultline?: { ready: boolean } }).__faultline?.ready === true, null, { timeout: 15_000 });
  return page.evaluate(() => {
    const { opBox: _box, setView: _set, ...rest } = (window as unknown as { __faultline: Record<string, unknown> }).__faultline;
    return rest as unknown as FaultlineDebug;
  });
}
