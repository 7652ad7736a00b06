// The newsroom app's weight and speed: its JavaScript and CSS compressed (br and gzip) for the first screen (the
// entry chunk and stylesheet that /admin loads) and in total (with the lazily loaded editor chunk), and the time
// from opening /admin/articles to the list being drawn and the page idle (a time-to-interactive), in real
// Chromium, with 10,000 articles in the database next to a reference run with 10. Prints ratios; no assertions.
//   node --import tsx bench/admin_app.ts [--articles 10000]
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { APP_DIR } from '../src/admin_pages/app_shell.ts';
import { buildApp } from '../src/app.ts';
import { createUser } from '../src/auth/users.ts';
import { makeTestContext } from '../test/helpers/context.ts';
import { launchBrowser, startTestServer } from '../test/helpers/browser.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const PASSWORD = 'juniper lantern orchard';

function weights() {
  const html = readFileSync(`${APP_DIR}index.html`, 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/admin\/assets\/([^"]+)"/g)].map((m) => m[1]);
  const all = readdirSync(`${APP_DIR}assets`);
  const size = (files: string[]) => files.reduce((s, f) => {
    const b = readFileSync(`${APP_DIR}assets/${f}`);
    return { raw: s.raw + b.length, gzip: s.gzip + gzipSync(b, { level: 9 }).length, br: s.br + brotliCompressSync(b).length };
  }, { raw: 0, gzip: 0, br: 0 });
  return { first: size(first), total: size(all) };
}

/** Milliseconds from navigation to the drawn list with the main thread idle, best of three. */
async function listTime(count: number): Promise<number> {
  const tc = await makeTestContext('sqlite');
  const server = await startTestServer(await buildApp(tc.ctx));
  const browser = await launchBrowser();
  try {
    await createUser(tc.ctx, { email: 'omar@khabar.test', name: 'Omar Zahir', password: PASSWORD, role: 'editor' });
    const now = tc.clock.now().getTime();
    for (let i = 0; i < count; i += 500) {
      const rows = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
        const at = new Date(now - (i + j) * 60_000).toISOString();
        return { slug: `story-${i + j}`, headline: `Story ${i + j} about water prices`, status: ['draft', 'review', 'published'][(i + j) % 3], created_at: at, updated_at: at };
      });
      await tc.ctx.db.insertInto('articles').values(rows as never).execute();
    }
    const page = await browser.newPage();
    await page.goto(`${server.base}/admin/sign-in`);
    await page.getByLabel('Email address').fill('omar@khabar.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(`${server.base}/admin/articles?status=published`);
      await page.locator('table.list tbody tr').first().waitFor();
      times.push(await page.evaluate(() => new Promise<number>((resolve) => {
        // The next idle period after the list is drawn: the page answers input from here on.
        requestIdleCallback(() => resolve(performance.now()));
      })));
    }
    return Math.min(...times);
  } finally {
    await browser.close();
    await server.close();
    await tc.close();
  }
}

const w = weights();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`first screen JS+CSS: ${kb(w.first.br)} br, ${kb(w.first.gzip)} gzip (${kb(w.first.raw)} raw)`);
console.log(`all JS+CSS (editor chunk included): ${kb(w.total.br)} br, ${kb(w.total.gzip)} gzip (${kb(w.total.raw)} raw)`);
const reference = await listTime(10);
const big = await listTime(Number(values.articles));
console.log(`article list interactive: ${Math.round(big)} ms with ${values.articles} articles, ${Math.round(reference)} ms with 10 (ratio ${(big / reference).toFixed(2)})`);
