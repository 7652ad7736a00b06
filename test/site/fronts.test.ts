// Curated fronts and the breaking-news strip, through the Admin API and the public pages (with the page cache on):
// the editor's lead and top stories stay on the English and Dari home pages and on a section's page whatever is
// published after them until their pins end; a front without a choice never draws a story without a picture as its
// picture lead; the strip shows on every page of its language until its end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';

const actor = { userId: null };
const HOUR = 3600_000;

/** The headlines of a front page's lead, secondary stories and latest rail, in order. */
function homeTop(html: string): { lead: string; secondary: string[]; latest: string[] } {
  const headlines = (part: string) => [...part.matchAll(/class="card-headline"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
  const lead = /<section class="lead[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  const secondary = /<div class="secondary">([\s\S]*?)<\/div><div class="home-rail">/.exec(html)?.[1] ?? '';
  const latest = /<section class="rail latest"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  return { lead: headlines(lead)[0] ?? '', secondary: headlines(secondary), latest: headlines(latest) };
}

for (const dialect of testDialects()) {
  test(`curated fronts and the breaking-news strip (${dialect})`, async (s) => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx, 3);
      await updateSettings(t.ctx, { languages: ['fa'] });
      const editor = (await signInAs(t, 'editor')).headers;
      const get = (url: string) => t.app.inject(url);
      const story = async (headline: string, more: Partial<Parameters<typeof createArticle>[1]> = {}) => {
        t.clock.advance(60_000);
        const id = await createArticle(t.ctx, { headline, sectionId: n.sections.politics, bodyHtml: '<p>Text.</p>', ...more }, actor);
        await publishArticle(t.ctx, id, actor);
        return id;
      };

      await s.test('without a choice, a story without a picture is never the picture lead', async () => {
        await story('One-line test story');
        const top = homeTop((await get('/')).body);
        assert.equal(top.lead, 'Border crossings &lt;script>alert(1)&lt;/script> rise', 'the newest story with a picture leads');
        assert.equal(top.secondary[0], 'One-line test story', 'the newer story without a picture comes next');
        // A front where no story has a picture draws its lead as a headline across the top.
        const fa = await get('/fa/');
        assert.doesNotMatch(fa.body, /<section class="lead"/);
      });

      const dari = {
        lead: await story('سرک‌ها دوباره باز شد', { language: 'fa' }),
        a: await story('بازار کابل', { language: 'fa' }),
        b: await story('مکتب‌ها باز شدند', { language: 'fa' }),
      };
      await story('خبر تازه', { language: 'fa' });

      await s.test('an editor pins a lead and two top stories on the English home page and on /fa/', async () => {
        assert.equal((await get('/')).headers['x-khabar-cache'], 'miss');
        assert.equal((await get('/')).headers['x-khabar-cache'], 'hit');
        const until = new Date(t.clock.now().getTime() + 2 * HOUR).toISOString();
        const r = await call(t, editor, 'PUT', '/api/admin/fronts/home:en', {
          lead: { articleId: n.articles.corrected, until }, top: [{ articleId: n.articles.list[0], until }, { articleId: n.articles.syndicated, until: null }],
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual(r.body.pins.map((p: { articleId: number; place: string }) => [p.place, p.articleId]), [['lead', n.articles.corrected], ['top', n.articles.list[0]], ['top', n.articles.syndicated]]);
        const home = await get('/');
        assert.equal(home.headers['x-khabar-cache'], 'miss', 'the change purged the home page');
        assert.deepEqual(homeTop(home.body).lead, 'Clinic opens in Herat');
        assert.deepEqual(homeTop(home.body).secondary, ['Politics story 1', 'Talks resume abroad']);
        assert.match(home.body, /<section class="lead lead-text"/, 'a lead without a picture is drawn as a headline across the top');
        const fa = await call(t, editor, 'PUT', '/api/admin/fronts/home:fa', { lead: { articleId: dari.lead, until }, top: [{ articleId: dari.a, until }, { articleId: dari.b, until }] });
        assert.equal(fa.status, 200, JSON.stringify(fa.body));
        const faTop = homeTop((await get('/fa/')).body);
        assert.equal(faTop.lead, 'سرک‌ها دوباره باز شد');
        assert.deepEqual(faTop.secondary, ['بازار کابل', 'مکتب‌ها باز شدند']);
        const shown = await call(t, editor, 'GET', '/api/admin/fronts/home:en');
        assert.deepEqual(shown.body.shows.slice(0, 3).map((a: { articleId: number; pinned: boolean }) => [a.articleId, a.pinned]),
          [[n.articles.corrected, true], [n.articles.list[0], true], [n.articles.syndicated, true]]);
        assert.equal(shown.body.shows[3].pinned, false);
      });

      await s.test('a newer story does not displace the pinned ones until the pin ends', async () => {
        const newer = await story('Cabinet meets', { heroMediaId: (await t.ctx.db.selectFrom('articles').select('hero_media_id').where('id', '=', n.articles.lead).executeTakeFirstOrThrow()).hero_media_id });
        await story('تازه‌ترین خبر', { language: 'fa' });
        let home = homeTop((await get('/')).body);
        assert.equal(home.lead, 'Clinic opens in Herat');
        assert.deepEqual(home.secondary, ['Politics story 1', 'Talks resume abroad']);
        assert.equal(home.latest[0], 'Cabinet meets', 'the newer story heads the latest rail');
        assert.equal(homeTop((await get('/fa/')).body).lead, 'سرک‌ها دوباره باز شد');
        t.clock.advance(HOUR);
        await runDueJobs(t.ctx);
        assert.equal(homeTop((await get('/')).body).lead, 'Clinic opens in Herat', 'still pinned an hour later');
        t.clock.advance(HOUR + 60_000);
        const ran = await runDueJobs(t.ctx);
        assert.ok(ran.ran.includes('end-front-pins'));
        home = homeTop((await get('/')).body);
        assert.equal(home.lead, 'Cabinet meets', 'the pin ended: the newest story with a picture leads');
        assert.equal(home.secondary[0], 'Talks resume abroad', 'the pin until removed stays');
        assert.equal(homeTop((await get('/fa/')).body).lead, 'تازه‌ترین خبر');
        const pins = (await call(t, editor, 'GET', '/api/admin/fronts/home:en')).body.pins;
        assert.deepEqual(pins.map((p: { articleId: number }) => p.articleId), [n.articles.syndicated]);
        void newer;
      });

      await s.test('a section page shows its pinned lead first, and pages on without repeating it', async () => {
        const politics = `section:${n.sections.politics}:en`;
        assert.equal((await call(t, editor, 'PUT', `/api/admin/fronts/${politics}`, { lead: { articleId: n.articles.list[1], until: null }, top: [] })).status, 200);
        const page = (await get('/section/politics')).body;
        assert.match(page, /<section class="section-lead lead-text"[^>]*><article class="story-card story-lead"><div class="card-text">(?:(?!<\/article>)[\s\S])*Politics story 2/);
        assert.equal([...page.matchAll(/>Politics story 2</g)].length, 1);
        // Emptying the front brings back the newest first.
        assert.equal((await call(t, editor, 'PUT', `/api/admin/fronts/${politics}`, { lead: null, top: [] })).status, 200);
        assert.doesNotMatch((await get('/section/politics')).body, /section-lead/);
      });

      await s.test('bad choices are refused with a reason', async () => {
        const future = new Date(t.clock.now().getTime() + HOUR).toISOString();
        const bad = async (front: string, body: unknown) => call(t, editor, 'PUT', `/api/admin/fronts/${front}`, body);
        let r = await bad('home:en', { lead: { articleId: n.articles.draft, until: null }, top: [] });
        assert.equal(r.status, 400);
        assert.match(r.body.error.message, /not published/);
        r = await bad('home:en', { lead: { articleId: n.articles.lead, until: future }, top: [{ articleId: n.articles.lead, until: null }] });
        assert.equal(r.status, 400);
        assert.equal(r.body.error.field, 'top.0');
        r = await bad('home:en', { lead: { articleId: n.articles.lead, until: new Date(t.clock.now().getTime() - 1000).toISOString() }, top: [] });
        assert.equal(r.status, 400);
        assert.match(r.body.error.message, /future/);
        assert.equal((await bad('home:ps', { lead: null, top: [] })).status, 404, 'the site does not publish in Pashto');
        assert.equal((await bad('section:999:en', { lead: null, top: [] })).status, 404);
        assert.equal((await bad('front-page', { lead: null, top: [] })).status, 400);
        const author = (await signInAs(t, 'author')).headers;
        assert.equal((await call(t, author, 'PUT', '/api/admin/fronts/home:en', { lead: null, top: [] })).status, 403);
      });

      await s.test('the breaking-news strip shows on every page of its language until its end', async () => {
        const endsAt = new Date(t.clock.now().getTime() + HOUR).toISOString();
        const article = await get('/articles/clinic-opens-in-herat');
        assert.doesNotMatch(article.body, /class="breaking"/);
        const r = await call(t, editor, 'PUT', '/api/admin/breaking/en', { text: 'Earthquake in Herat: follow our live coverage', url: '/articles/clinic-opens-in-herat', endsAt });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        for (const url of ['/', '/articles/clinic-opens-in-herat', '/section/politics', '/lite/']) {
          const page = await get(url);
          assert.match(page.body, /<aside class="breaking" aria-label="Breaking news"><p><strong>Breaking<\/strong> <a href="\/articles\/clinic-opens-in-herat" dir="auto">Earthquake in Herat: follow our live coverage<\/a><\/p><\/aside>/, url);
        }
        assert.doesNotMatch((await get('/fa/')).body, /class="breaking"/, 'an English strip is not on Dari pages');
        assert.equal((await call(t, editor, 'PUT', '/api/admin/breaking/en', { text: 'x', url: 'javascript:alert(1)', endsAt })).status, 400);
        assert.equal((await call(t, editor, 'PUT', '/api/admin/breaking/xx', { text: 'x', url: '/', endsAt })).status, 404);
        t.clock.advance(HOUR + 1000);
        await runDueJobs(t.ctx);
        assert.doesNotMatch((await get('/')).body, /class="breaking"/, 'the strip came down at its end, and the cached page with it');
        assert.deepEqual((await call(t, editor, 'GET', '/api/admin/fronts')).body.breaking, []);
        const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'in', ['front.update', 'breaking.set']).execute();
        assert.ok(audit.some((a) => a.action === 'front.update' && a.subject === 'front:home:fa'));
        assert.ok(audit.some((a) => a.action === 'breaking.set' && a.subject === 'breaking:en'));
      });
    } finally {
      await t.close();
    }
  });
}
