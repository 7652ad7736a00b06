// A cheap phone's processor on the fronts: the demo newsroom's home, /fa/, /ps/ and a section page loaded in
// Chromium as a mid-range phone (412 x 823 CSS pixels at 1.75 device pixels each, Lighthouse's mobile screen) with
// the processor slowed 4x and 6x through the DevTools protocol (Emulation.setCPUThrottlingRate), and the main
// thread's time split by kind of work (bench/main_thread.ts). Then the pictures alone: the same twelve demo
// pictures as AVIF, WebP and JPEG at 480 and 960 pixels, eager, on one page each, so that decoding per format and
// size is measured on its own. Medians of --runs (default 3). Asserts nothing; prints the load average.
//   node --import tsx bench/front_cpu.ts [--runs 3] [--rates 4,6] [--entry built|tsx] [--no-images]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { breakdown, traced, type Breakdown } from './main_thread.ts';
import { serveDemo, warm } from './demo_served.ts';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const GROUP_ORDER = ['images', 'styleLayout', 'parseCSS', 'paintComposite', 'parseHTML', 'script', 'gc', 'other'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The median run of each figure (so a single slow run on a loaded machine does not decide). */
function medianOf(runs: Breakdown[]): Breakdown {
  const groups: Record<string, number> = {};
  for (const g of GROUP_ORDER) groups[g] = median(runs.map((r) => r.groups[g] ?? 0));
  const byTotal = [...runs].sort((a, b) => a.total - b.total)[Math.floor(runs.length / 2)];
  const cpuGroups: Record<string, number> = {};
  for (const g of GROUP_ORDER) cpuGroups[g] = median(runs.map((r) => r.cpuGroups[g] ?? 0));
  return { total: median(runs.map((r) => r.total)), groups, cpuTotal: median(runs.map((r) => r.cpuTotal)), cpuGroups, other: byTotal.other, decodeOffMain: median(runs.map((r) => r.decodeOffMain)), blocking: median(runs.map((r) => r.blocking)) };
}

function row(label: string, b: Breakdown): string {
  const ms = (n: number) => `${Math.round(n)}`.padStart(5);
  return `${label.padEnd(34)} ${ms(b.total)} ${GROUP_ORDER.map((g) => ms(b.groups[g] ?? 0)).join(' ')} ${ms(b.blocking)} ${ms(b.decodeOffMain)}\n`
    + `${'  thread time'.padEnd(34)} ${ms(b.cpuTotal)} ${GROUP_ORDER.map((g) => ms(b.cpuGroups[g] ?? 0)).join(' ')}`;
}

const HEADER = `${'page (ms, median)'.padEnd(34)} total ${GROUP_ORDER.map((g) => g.slice(0, 5).padStart(5)).join(' ')} block decod`;

/** One page loaded fresh (an empty cache: a new browser context) and traced until the network has been quiet. */
async function measure(browser: Browser, url: string, rate: number, route?: (ctx: BrowserContext) => Promise<unknown>): Promise<Breakdown> {
  const ctx = await browser.newContext(PHONE);
  try {
    await route?.(ctx);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    const events = await traced(cdp, rate, async () => {
      await page.goto(url, { waitUntil: 'networkidle', timeout: 0 });
    });
    return breakdown(events, url);
  } finally {
    await ctx.close();
  }
}

async function runs(n: number, fn: () => Promise<Breakdown>): Promise<Breakdown> {
  const out: Breakdown[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return medianOf(out);
}

/** Variant addresses of the demo's pictures on a page, by format and width: "avif 480" -> [urls]. */
function variantsOf(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of new Set([...html.matchAll(/\/media\/[^"\s,]+-(\d+)\.(avif|webp|jpg)/g)].map((x) => x[0]))) {
    const [, width, ext] = /-(\d+)\.(avif|webp|jpg)$/.exec(m)!;
    const key = `${ext === 'jpg' ? 'jpeg' : ext} ${width}`;
    out.set(key, [...(out.get(key) ?? []), m]);
  }
  return out;
}

/** A page of nothing but `urls` as eager pictures, each as wide as the screen (as a card on a phone). */
function picturesPage(urls: string[], decoding: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>pictures</title>
<style>body{margin:0}img{display:block;inline-size:100%;block-size:auto;aspect-ratio:3/2;object-fit:cover}</style></head><body>
${urls.map((u) => `<img src="${u}" alt="" width="960" height="640" decoding="${decoding}">`).join('\n')}</body></html>`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { entry: { type: 'string', default: 'built' }, runs: { type: 'string', default: '3' }, rates: { type: 'string', default: '4,6' },
    'no-images': { type: 'boolean', default: false }, 'css-variant': { type: 'string' }, pages: { type: 'string', default: '/,/fa/,/ps/' } } });
  const n = Number(values.runs);
  const rates = (values.rates ?? '4,6').split(',').map(Number);
  // a stylesheet to try in place of the site's (--css-variant FILE), side by side with it
  const variant = values['css-variant'] ? readFileSync(values['css-variant'], 'utf8') : undefined;
  const served = await serveDemo(values.entry);
  const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'] });
  try {
    const base = served.base;
    const pages = (values.pages ?? '').split(',').filter(Boolean);
    const html = new Map<string, string>();
    for (const p of pages) html.set(p, await warm(base, p));
    console.log(`front_cpu: load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${PHONE.viewport.width}x${PHONE.viewport.height} at ${PHONE.deviceScaleFactor}x, Chromium ${browser.version()}, ${n} runs each`);
    for (const rate of rates) {
      console.log(`\nprocessor ${rate}x slower\n${HEADER}`);
      for (const p of pages) {
        const b = await runs(n, () => measure(browser, base + p, rate));
        console.log(row(p, b));
        console.log(`${''.padEnd(34)} other: ${b.other.map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
        if (variant !== undefined) {
          // the same page with another stylesheet in place of the site's, measured right after it
          const v = await runs(n, () => measure(browser, base + p, rate, (ctx) => ctx.route(/\/assets\/site\.[^/]*css$|\/site\.css/, (r) => r.fulfill({ contentType: 'text/css', body: variant }))));
          console.log(row(`${p} with ${values['css-variant']}`, v));
        }
      }
      if (values['no-images']) continue;
      const variants = variantsOf([...html.values()].join('\n'));
      const none = `${base}/__pictures/none`;
      const b0 = await runs(n, () => measure(browser, none, rate, (ctx) => ctx.route(none, (r) => r.fulfill({ contentType: 'text/html', body: picturesPage([], 'async') }))));
      console.log(row('no pictures (the same page empty)', b0));
      console.log(`${''.padEnd(34)} other: ${b0.other.map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
      for (const key of ['avif 480', 'webp 480', 'jpeg 480', 'avif 960', 'webp 960', 'jpeg 960']) {
        const urls = (variants.get(key) ?? []).slice(0, 12);
        if (!urls.length) continue;
        for (const decoding of ['async', 'sync']) {
          const page = `${base}/__pictures/${key.replace(' ', '-')}-${decoding}`;
          const b = await runs(n, () => measure(browser, page, rate, (ctx) => ctx.route(page, (r) => r.fulfill({ contentType: 'text/html', body: picturesPage(urls, decoding) }))));
          console.log(row(`${urls.length} x ${key} decoding=${decoding}`, b));
          console.log(`${''.padEnd(34)} other: ${b.other.map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
        }
      }
    }
    console.log(`\nload average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await browser.close();
    await served.stop();
  }
}

await main();
