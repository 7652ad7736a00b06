// Syndication in the Admin API: a source created with its syndication fields, "poll now", the poll records, the
// review queue with the section chosen and why, and an editor's corrections teaching the classifier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { startPartnerSites, rssFeed } from '../helpers/partners.ts';
import { call } from '../admin/api.ts';
import { chooseSection } from '../../src/syndication/classify.ts';

const COMMON = 'village district province market road river school clinic council mosque bridge valley mountain border trader teacher doctor family elder youth'.split(' ');
const TOPIC = { cricket: 'cricket match bowlers wickets innings score batsman stadium', wheat: 'wheat harvest farmers irrigation canals flour price seed' };
/** A partner story of its own words (a deterministic shuffle per story), so no two are near duplicates. */
function story(topic: keyof typeof TOPIC, n: number): string {
  let seed = n * 7919 + 17;
  const pick = () => COMMON[(seed = (seed * 1103515245 + 12345) % 2147483648) % COMMON.length];
  const paragraph = () => `<p>${Array.from({ length: 30 }, (_, i) => (i % 5 ? pick() : TOPIC[topic].split(' ')[i % 8])).join(' ')}.</p>`;
  return `<html><body><article><h1>${topic} story ${n}</h1>${Array.from({ length: 4 }, paragraph).join('')}</article></body></html>`;
}

for (const dialect of testDialects()) {
  test(`sources, poll now, the review queue and learnt sections in the Admin API (${dialect})`, async () => {
    const partners = await startPartnerSites();
    const t = await makeTestApp(dialect, { fetchAllow: ['127.0.0.1/32'] });
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const reporter = (await signInAs(t, 'author')).headers;
      const sport = (await call(t, editor, 'POST', '/api/admin/sections', { name: 'Sport' })).body.id as number;
      const farming = (await call(t, editor, 'POST', '/api/admin/sections', { name: 'Farming' })).body.id as number;
      // Six stories, three on cricket and three on the harvest, none with a category or a matching rule.
      const items = [];
      for (let n = 0; n < 6; n++) {
        partners.pages.set(`/agri/${n}`, story(n % 2 ? 'cricket' : 'wheat', n));
        items.push({ url: `/agri/${n}`, title: `Story ${n}` });
      }
      partners.feeds.set('/agri/feed.xml', { type: 'application/rss+xml', body: rssFeed(partners.base, items) });
      const fields = { name: 'Agri Wire', feedUrl: `${partners.base}/agri/feed.xml`, siteUrl: partners.base, description: 'Farm news', language: 'en', autoPublish: false, licence: 'CC BY 4.0', pollMinutes: 15 };
      assert.equal((await call(t, reporter, 'POST', '/api/admin/sources', fields)).status, 403);
      assert.equal((await call(t, editor, 'POST', '/api/admin/sources', { ...fields, pollMinutes: 1 })).status, 400, 'polling more often than every 5 minutes is refused');
      const created = await call(t, editor, 'POST', '/api/admin/sources', fields);
      assert.equal(created.status, 201);
      const id = created.body.id as number;
      const read = (await call(t, editor, 'GET', `/api/admin/sources/${id}`)).body.source;
      assert.deepEqual([read.feed_url, read.language, read.auto_publish, read.licence, read.poll_minutes], [fields.feedUrl, 'en', 0, 'CC BY 4.0', 15]);

      const polled = await call(t, editor, 'POST', `/api/admin/sources/${id}/poll`);
      assert.equal(polled.status, 200);
      assert.deepEqual([polled.body.poll.outcome, polled.body.poll.imported], ['ok', 6]);
      const polls = (await call(t, editor, 'GET', `/api/admin/sources/${id}/polls`)).body.polls;
      assert.deepEqual(polls.map((p: { outcome: string; items_new: number }) => [p.outcome, p.items_new]), [['ok', 6]]);

      const queue = (await call(t, editor, 'GET', '/api/admin/syndication/queue')).body.items as { id: number; why: string; source: { name: string } }[];
      assert.equal(queue.length, 6);
      assert.deepEqual([queue[0]?.why, queue[0]?.source.name], ['no rule matched and no default section', 'Agri Wire']);
      // The editor files four of them; the classifier learns from it.
      for (const [i, item] of queue.slice(0, 4).entries()) {
        const r = await call(t, editor, 'POST', `/api/admin/syndication/queue/${item.id}/section`, { sectionId: i % 2 ? sport : farming });
        assert.equal(r.status, 204);
      }
      const after = (await call(t, editor, 'GET', '/api/admin/syndication/queue')).body.items as { why: string; section: string | null }[];
      assert.deepEqual(after.slice(0, 4).map((i) => i.section), ['farming', 'sport', 'farming', 'sport']);
      const rules = { section_id: null, category_map: '{}', rules: '[]' };
      const cricket = await chooseSection(t.ctx.db, rules, { categories: [], text: 'The bowlers took four wickets before the final score of the innings was known.' });
      const wheat = await chooseSection(t.ctx.db, rules, { categories: [], text: 'Farmers say the irrigation canals are dry and the price of flour keeps rising.' });
      assert.deepEqual([cricket.sectionId, wheat.sectionId], [sport, farming]);
      assert.match(cricket.why, /learnt from editors' corrections/);
      assert.equal((await call(t, editor, 'POST', '/api/admin/sources/99999/poll')).status, 404);

      // The sources list carries each source's latest poll; approving publishes a story, rejecting archives it.
      const listed = (await call(t, editor, 'GET', '/api/admin/sources')).body.sources as { id: number; lastPoll: { outcome: string; items_new: number } | null }[];
      assert.deepEqual(listed.map((s) => [s.id, s.lastPoll?.outcome, s.lastPoll?.items_new]), [[id, 'ok', 6]]);
      const [first, second] = queue;
      const approved = await call(t, editor, 'POST', `/api/admin/syndication/queue/${first.id}/approve`);
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal((await call(t, editor, 'GET', `/api/admin/articles/${approved.body.articleId}`)).body.article.status, 'published');
      const rejected = await call(t, editor, 'POST', `/api/admin/syndication/queue/${second.id}/reject`);
      assert.equal((await call(t, editor, 'GET', `/api/admin/articles/${rejected.body.articleId}`)).body.article.status, 'archived');
      assert.equal((await call(t, editor, 'GET', '/api/admin/syndication/queue')).body.items.length, 4, 'both left the queue');
      const again = await call(t, editor, 'POST', `/api/admin/syndication/queue/${second.id}/approve`);
      assert.deepEqual([again.status, again.body.error.field], [409, 'status'], 'a decided story is not decided again from the queue');
      assert.equal((await call(t, reporter, 'POST', `/api/admin/syndication/queue/${queue[2].id}/approve`)).status, 403);
      assert.equal((await call(t, editor, 'POST', '/api/admin/syndication/queue/99999/reject')).status, 404);
    } finally {
      await t.close();
      await partners.close();
    }
  });
}
