// One way for every e2e test to drive the Debian Chromium: headless, no network chatter of its own, a fresh
// profile in a temp folder that is removed afterwards; and the app listening on a loopback port for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export interface BrowserOptions {
  /** default true */
  javaScriptEnabled?: boolean;
  /** Lets a test inject scripts (axe) past the site's Content-Security-Policy; default false. */
  bypassCSP?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile folder; close() ends it and removes the folder. */
export async function launchBrowser(opts: BrowserOptions = {}): Promise<LaunchedBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-chromium-'));
  let context: BrowserContext;
  try {
    // Playwright passes the profile folder to Chromium as --user-data-dir.
    context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      args: ARGS,
      headless: true,
      javaScriptEnabled: opts.javaScriptEnabled ?? true,
      bypassCSP: opts.bypassCSP ?? false,
      // No limit on Chromium's start either (Playwright's default is 30 s).
      timeout: 0,
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // Playwright gives every wait 30 s by default, too little on a busy machine: a page is waited for until it
  // loads, and a page that never does is caught by the test runner's limit for a hung test.
  context.setDefaultTimeout(0);
  context.setDefaultNavigationTimeout(0);
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs fn with a launched browser and always closes it. */
export async function withBrowser<T>(fn: (b: LaunchedBrowser) => Promise<T>, opts: BrowserOptions = {}): Promise<T> {
  const b = await launchBrowser(opts);
  try {
    return await fn(b);
  } finally {
    await b.close();
  }
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  base: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 with a free port. close() closes the app. */
export async function startTestServer(app: FastifyInstance): Promise<TestServer> {
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { base: base.replace(/\/$/, ''), close: () => app.close() };
}

/** Records every URL the page requests (documents, styles, images, scripts, fetches). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The recorded URLs that leave the test server's origin (data: and blob: URLs stay in the page). */
export function foreignRequests(urls: string[], base: string): string[] {
  const origin = new URL(base).origin;
  return urls.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin);
}

/** The script errors a page logs (console errors other than a refused request's 4xx, and uncaught exceptions), as
 * they happen: a test asserts the list is empty at its end. */
export function scriptProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*status of 4\d\d/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

/** Screenshots of the page at desktop width and at 390 px (a phone), full length, as <dir>/<name>-desktop.png and -390.png.
 * With `fitsPhone`, throws when anything at 390 px is wider than the phone. The page is back at desktop width
 * afterwards either way, so a failed check never leaves the next steps looking at the phone's layout. */
export async function twoWidths(page: Page, dir: string, name: string, { fitsPhone = false } = {}): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${dir}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.screenshot({ path: `${dir}/${name}-390.png`, fullPage: true });
    const wide = fitsPhone ? await page.evaluate(() => document.documentElement.scrollWidth) : 0;
    if (wide > 390) throw new Error(`${name}: nothing wider than a 390 px phone (${wide} px)`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}
