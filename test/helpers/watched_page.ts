// A page of the newsroom app watched the way every e2e test of it is: script and CSP errors collected (a refused
// call's 4xx is the app's business, not an error), dialogs accepted, and `screen(name)` that asks axe-core for
// serious findings and writes screenshots at desktop width and at 390 px.
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from './axe.ts';
import type { LaunchedBrowser } from './browser.ts';

export async function watchedPage(browser: LaunchedBrowser, screensDir: string, prefix = '') {
  const page: Page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const problems: string[] = [];
  const findings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource.*status of 4\d\d/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('dialog', (d) => { void d.accept(); });
  const screen = async (name: string) => {
    await page.waitForLoadState('load');
    for (const f of await seriousAxeFindings(page)) findings.push(`${name}: ${f}`);
    for (const [width, height, label] of [[1280, 900, 'desktop'], [390, 844, '390']] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${screensDir}/${prefix}${name}-${label}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  return { page, problems, findings, screen };
}
