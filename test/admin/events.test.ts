// What an endpoint declares about its side effects holds: the events its domain calls emit during a call are
// among the events the declaration lists (x-events in the OpenAPI document), so cache purge, feeds and search
// can be read off the declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import type { KhabarEvents } from '../../src/events.ts';
import { call } from './api.ts';

test('the events a change emits are the ones its endpoint declares', async () => {
  const t = await makeTestApp('sqlite');
  try {
    const doc = (await call(t, null, 'GET', '/api/admin/openapi.json')).body;
    const declared = (method: string, path: string): string[] => doc.paths[path]?.[method.toLowerCase()]?.['x-events'] ?? [];
    const seen: string[] = [];
    const events = Object.keys({
      'article.changed': 1, 'article.published': 1, 'comment.changed': 1, 'settings.changed': 1, 'section.changed': 1, 'ads.changed': 1, 'content.changed': 1,
      'front.changed': 1, 'breaking.changed': 1, 'newsletters.changed': 1,
      'audience.most_read': 1,
      'live.entry.posted': 1,
      'mirrors.changed': 1,
      'offline.changed': 1,
    } satisfies Record<keyof KhabarEvents, 1>) as (keyof KhabarEvents)[];
    for (const e of events) t.ctx.events.on(e, () => { seen.push(e); });
    const owner = (await signInAs(t, 'owner')).headers;

    const problems: string[] = [];
    const run = async (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, url: string, payload?: unknown) => {
      seen.length = 0;
      const r = await call(t, owner, method, url, payload);
      assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
      const extra = [...new Set(seen)].filter((e) => !declared(method, path).includes(e));
      if (extra.length) problems.push(`${method} ${path} emitted ${extra.join(', ')} but declares ${declared(method, path).join(', ') || 'none'}`);
      return r.body;
    };
    const section = await run('POST', '/api/admin/sections', '/api/admin/sections', { name: 'Economy' });
    await run('PATCH', '/api/admin/sections/{id}', `/api/admin/sections/${section.id}`, { description: 'Money and work' });
    const tag = await run('POST', '/api/admin/tags', '/api/admin/tags', { name: 'Prices' });
    await run('PATCH', '/api/admin/tags/{id}', `/api/admin/tags/${tag.id}`, { name: 'Bread prices' });
    const flour = await run('POST', '/api/admin/tags', '/api/admin/tags', { name: 'Flour' });
    await run('POST', '/api/admin/tags/{id}/merge', `/api/admin/tags/${flour.id}/merge`, { into: tag.id });
    const person = await run('POST', '/api/admin/people', '/api/admin/people', { name: 'Farida Noori' });
    await run('PATCH', '/api/admin/people/{id}', `/api/admin/people/${person.id}`, { bio: 'Reporter' });
    const slot = await run('POST', '/api/admin/ads/slots', '/api/admin/ads/slots', { name: 'Sidebar' });
    await run('POST', '/api/admin/ads/creatives', '/api/admin/ads/creatives', { slotId: slot.id, name: 'House ad', headline: 'Subscribe', linkUrl: 'https://example.org/' });
    const article = await run('POST', '/api/admin/articles', '/api/admin/articles', { headline: 'Bread prices rise', tags: ['Bread prices'], sectionId: section.id });
    await run('PATCH', '/api/admin/articles/{id}', `/api/admin/articles/${article.id}`, { standfirst: 'Again.' });
    await run('POST', '/api/admin/articles/{id}/publish', `/api/admin/articles/${article.id}/publish`);
    await run('PUT', '/api/admin/comments/articles/{articleId}/open', `/api/admin/comments/articles/${article.id}/open`, { open: false });
    await run('PATCH', '/api/admin/settings', '/api/admin/settings', { description: 'News from the valley' });
    await run('PATCH', '/api/admin/comments/settings', '/api/admin/comments/settings', { moderateAll: true });
    await run('POST', '/api/admin/articles/{id}/live/start', `/api/admin/articles/${article.id}/live/start`);
    const entry = await run('POST', '/api/admin/articles/{id}/live/entries', `/api/admin/articles/${article.id}/live/entries`, { text: 'Prices up again', alert: true });
    await run('PATCH', '/api/admin/live/entries/{id}', `/api/admin/live/entries/${entry.entry.id}`, { text: 'Prices up again today' });
    await run('DELETE', '/api/admin/live/entries/{id}', `/api/admin/live/entries/${entry.entry.id}`);
    await run('POST', '/api/admin/articles/{id}/live/end', `/api/admin/articles/${article.id}/live/end`);
    await run('DELETE', '/api/admin/articles/{id}', `/api/admin/articles/${article.id}`);
    assert.deepEqual(problems, []);
  } finally {
    await t.close();
  }
});
