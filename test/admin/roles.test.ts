// Every operation in the OpenAPI document, called as every role and with no session, answers as the capability
// table says: 401 without a session, 403 for a role without the capability, anything else for a role with it.
// A new route without an entry in ROUTES fails this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { can, ROLES, type Capability, type Role } from '../../src/auth/capabilities.ts';
import { call, type Headers } from './api.ts';

/** What an operation needs: a capability, any signed-in staff member, a Content API key, or nothing. */
type Need = Capability | 'signed_in' | 'content_key' | 'public';

const ROUTES: Record<string, Need> = {
  // accounts and sessions
  'GET /api/admin/csrf': 'public',
  'POST /api/admin/auth/login': 'public',
  'POST /api/admin/auth/login/code': 'public',
  'POST /api/admin/auth/logout': 'public',
  'GET /api/admin/auth/me': 'signed_in',
  'GET /api/admin/auth/sessions': 'signed_in',
  'DELETE /api/admin/auth/sessions/{id}': 'signed_in',
  'POST /api/admin/auth/sessions/end-all': 'signed_in',
  'POST /api/admin/auth/password': 'signed_in',
  'GET /api/admin/auth/setup': 'public',
  'POST /api/admin/auth/setup': 'public',
  'GET /api/admin/auth/invitation': 'public',
  'POST /api/admin/auth/invitation': 'public',
  'POST /api/admin/auth/reset/request': 'public',
  'GET /api/admin/auth/reset': 'public',
  'POST /api/admin/auth/reset': 'public',
  // two-factor authentication and the newsroom's security rules
  'GET /api/admin/auth/2fa': 'signed_in',
  'POST /api/admin/auth/2fa/setup': 'signed_in',
  'POST /api/admin/auth/2fa/confirm': 'signed_in',
  'POST /api/admin/auth/2fa/recovery-codes': 'signed_in',
  'POST /api/admin/auth/2fa/disable': 'signed_in',
  'GET /api/admin/security': 'security.manage',
  'PATCH /api/admin/security': 'security.manage',
  // staff accounts, invitations, the audit log
  'GET /api/admin/users': 'users.manage',
  'GET /api/admin/users/{id}': 'users.manage',
  'PATCH /api/admin/users/{id}': 'users.manage',
  'POST /api/admin/users/{id}/sessions/end': 'users.manage',
  'POST /api/admin/users/{id}/two-factor/reset': 'users.manage',
  'POST /api/admin/users/{id}/reset-link': 'users.manage',
  'GET /api/admin/invitations': 'users.manage',
  'POST /api/admin/invitations': 'users.manage',
  'DELETE /api/admin/invitations/{id}': 'users.manage',
  'POST /api/admin/invitations/{id}/resend': 'users.manage',
  'GET /api/admin/audit': 'audit.read',
  // comment moderation
  'GET /api/admin/comments': 'comments.moderate',
  'GET /api/admin/comments/counts': 'comments.moderate',
  'GET /api/admin/comments/blocks': 'comments.moderate',
  'POST /api/admin/comments/blocks': 'comments.moderate',
  'DELETE /api/admin/comments/blocks/{blockId}': 'comments.moderate',
  'GET /api/admin/comments/settings': 'comments.moderate',
  'PATCH /api/admin/comments/settings': 'comments.moderate',
  'POST /api/admin/comments/bulk': 'comments.moderate',
  'PUT /api/admin/comments/articles/{articleId}/open': 'comments.moderate',
  'GET /api/admin/comments/{id}': 'comments.moderate',
  'PATCH /api/admin/comments/{id}': 'comments.moderate',
  'POST /api/admin/comments/{id}/block': 'comments.moderate',
  'POST /api/admin/comments/{id}/{action}': 'comments.moderate',
  // articles
  'GET /api/admin/articles': 'articles.read',
  'POST /api/admin/articles': 'articles.create',
  'GET /api/admin/articles/{id}': 'articles.read',
  'PATCH /api/admin/articles/{id}': 'articles.edit_own',
  'DELETE /api/admin/articles/{id}': 'articles.delete_own',
  'PUT /api/admin/articles/{id}/autosave': 'articles.edit_own',
  'POST /api/admin/articles/{id}/preview': 'articles.edit_own',
  'POST /api/admin/articles/{id}/submit': 'articles.edit_own',
  'POST /api/admin/articles/{id}/publish': 'articles.publish_own',
  'POST /api/admin/articles/{id}/schedule': 'articles.publish_own',
  'POST /api/admin/articles/{id}/unpublish': 'articles.publish_own',
  'POST /api/admin/articles/{id}/archive': 'articles.publish_own',
  'POST /api/admin/articles/{id}/update': 'articles.publish_own',
  'POST /api/admin/articles/{id}/send-back': 'articles.publish_own',
  'GET /api/admin/articles/{id}/changes': 'articles.read',
  'DELETE /api/admin/articles/{id}/changes': 'articles.edit_own',
  'GET /api/admin/reviews': 'articles.read',
  'GET /api/admin/articles/counts': 'articles.read',
  'POST /api/admin/articles/archive': 'articles.publish_own',
  'POST /api/admin/articles/{id}/corrections': 'articles.publish_own',
  'GET /api/admin/media/{id}/usage': 'media.upload',
  // revisions
  'GET /api/admin/articles/{id}/revisions': 'articles.edit_own',
  'GET /api/admin/articles/{id}/revisions/diff': 'articles.edit_own',
  'GET /api/admin/articles/{id}/revisions/{revisionId}': 'articles.edit_own',
  'POST /api/admin/articles/{id}/revisions/{revisionId}/restore': 'articles.edit_own',
  // taxonomy and people
  'GET /api/admin/sections': 'articles.read',
  'GET /api/admin/fronts': 'fronts.manage',
  'GET /api/admin/fronts/{front}': 'fronts.manage',
  'PUT /api/admin/fronts/{front}': 'fronts.manage',
  'PUT /api/admin/breaking/{language}': 'fronts.manage',
  'DELETE /api/admin/breaking/{language}': 'fronts.manage',
  // translations (the route also checks the article may be edited and the other read)
  'GET /api/admin/articles/{id}/translations': 'articles.read',
  'PUT /api/admin/articles/{id}/translation': 'articles.read',
  // newsletters (the relay and DKIM settings need settings.manage) and audience figures
  'GET /api/admin/newsletters/lists': 'newsletters.manage',
  'POST /api/admin/newsletters/lists': 'newsletters.manage',
  'PATCH /api/admin/newsletters/lists/{id}': 'newsletters.manage',
  'DELETE /api/admin/newsletters/lists/{id}': 'newsletters.manage',
  'GET /api/admin/newsletters/lists/{id}/export': 'newsletters.manage',
  'POST /api/admin/newsletters/lists/{id}/import': 'newsletters.manage',
  'GET /api/admin/newsletters/sends': 'newsletters.manage',
  'POST /api/admin/newsletters/sends': 'newsletters.manage',
  'GET /api/admin/newsletters/sends/{id}': 'newsletters.manage',
  'GET /api/admin/newsletters/sends/{id}/preview': 'newsletters.manage',
  'POST /api/admin/newsletters/sends/{id}/test': 'newsletters.manage',
  'POST /api/admin/newsletters/sends/{id}/start': 'newsletters.manage',
  'POST /api/admin/newsletters/sends/{id}/cancel': 'newsletters.manage',
  'GET /api/admin/newsletters/readers': 'newsletters.manage',
  'GET /api/admin/newsletters/readers/{id}/export': 'newsletters.manage',
  'DELETE /api/admin/newsletters/readers/{id}': 'newsletters.manage',
  'GET /api/admin/newsletters/suppressions': 'newsletters.manage',
  'DELETE /api/admin/newsletters/suppressions/{email}': 'newsletters.manage',
  'GET /api/admin/newsletters/settings': 'settings.manage',
  'PATCH /api/admin/newsletters/settings': 'settings.manage',
  'GET /api/admin/audience': 'audience.read',
  'GET /api/admin/audience/tables/{table}': 'audience.read',
  'GET /api/admin/audience/realtime': 'audience.read',
  'GET /api/admin/audience/stories': 'audience.read',
  'GET /api/admin/audience/stories/{id}': 'audience.read',
  'GET /api/admin/audience/settings': 'audience.read',
  'PATCH /api/admin/audience/settings': 'audience.manage',
  'POST /api/admin/sections': 'sections.manage',
  'GET /api/admin/sections/{id}': 'articles.read',
  'PATCH /api/admin/sections/{id}': 'sections.manage',
  'DELETE /api/admin/sections/{id}': 'sections.manage',
  'GET /api/admin/tags': 'articles.read',
  'POST /api/admin/tags': 'tags.manage',
  'GET /api/admin/tags/{id}': 'articles.read',
  'PATCH /api/admin/tags/{id}': 'tags.manage',
  'DELETE /api/admin/tags/{id}': 'tags.manage',
  'POST /api/admin/tags/{id}/merge': 'tags.manage',
  'GET /api/admin/people': 'articles.read',
  'POST /api/admin/people': 'people.manage',
  'GET /api/admin/people/{id}': 'articles.read',
  'PATCH /api/admin/people/{id}': 'people.manage',
  'DELETE /api/admin/people/{id}': 'people.manage',
  // media
  'GET /api/admin/media': 'media.upload',
  'POST /api/admin/media': 'media.upload',
  'GET /api/admin/media/{id}': 'media.upload',
  'PATCH /api/admin/media/{id}': 'media.upload',
  'DELETE /api/admin/media/{id}': 'media.upload',
  'POST /api/admin/media/{id}/square': 'media.upload',
  // ads, sources, settings, redirects, keys
  'GET /api/admin/ads/slots': 'ads.manage',
  'POST /api/admin/ads/slots': 'ads.manage',
  'DELETE /api/admin/ads/slots/{id}': 'ads.manage',
  'GET /api/admin/ads/creatives': 'ads.manage',
  'POST /api/admin/ads/creatives': 'ads.manage',
  'PATCH /api/admin/ads/creatives/{id}': 'ads.manage',
  'DELETE /api/admin/ads/creatives/{id}': 'ads.manage',
  'GET /api/admin/sources': 'sources.manage',
  'POST /api/admin/sources': 'sources.manage',
  'GET /api/admin/sources/{id}': 'sources.manage',
  'PATCH /api/admin/sources/{id}': 'sources.manage',
  'DELETE /api/admin/sources/{id}': 'sources.manage',
  'POST /api/admin/sources/{id}/poll': 'sources.manage',
  'GET /api/admin/sources/{id}/polls': 'sources.manage',
  'GET /api/admin/syndication/queue': 'sources.manage',
  'POST /api/admin/syndication/queue/{id}/section': 'sources.manage',
  'POST /api/admin/syndication/queue/{id}/approve': 'sources.manage',
  'POST /api/admin/syndication/queue/{id}/reject': 'sources.manage',
  'GET /api/admin/settings': 'settings.manage',
  'PATCH /api/admin/settings': 'settings.manage',
  'GET /api/admin/redirects': 'redirects.manage',
  'POST /api/admin/redirects': 'redirects.manage',
  'DELETE /api/admin/redirects/{id}': 'redirects.manage',
  'GET /api/admin/api-keys': 'api_keys.manage',
  'POST /api/admin/api-keys': 'api_keys.manage',
  'DELETE /api/admin/api-keys/{id}': 'api_keys.manage',
  'GET /api/admin/aggregators': 'api_keys.manage',
  'POST /api/admin/aggregators': 'api_keys.manage',
  'GET /api/admin/aggregators/{id}': 'api_keys.manage',
  'PATCH /api/admin/aggregators/{id}': 'api_keys.manage',
  'DELETE /api/admin/aggregators/{id}': 'api_keys.manage',
  'POST /api/admin/aggregators/{id}/key': 'api_keys.manage',
  'POST /api/admin/aggregators/{id}/revoke': 'api_keys.manage',
  // the public Content API
  'GET /api/content/articles': 'content_key',
  'GET /api/content/articles/{slug}': 'content_key',
  'GET /api/content/sections': 'content_key',
  'GET /api/content/tags': 'content_key',
  'GET /api/content/authors': 'content_key',
  'POST /api/admin/newsletters/settings/test': 'settings.manage',
  // mirrors: their places and credentials are the owners' and admins'
  'GET /api/admin/mirrors': 'settings.manage',
  'POST /api/admin/mirrors': 'settings.manage',
  'DELETE /api/admin/mirrors/{id}': 'settings.manage',
  'POST /api/admin/mirrors/{id}/check': 'settings.manage',
  'POST /api/admin/mirrors/push': 'settings.manage',
  'POST /api/admin/mirrors/announce': 'settings.manage',
  'GET /api/admin/newsletters/sends/{id}/letter': 'newsletters.manage',
  // live coverage (the domain also checks the story may be published by this person)
  'GET /api/admin/articles/{id}/live': 'articles.publish_own',
  'POST /api/admin/articles/{id}/live/start': 'articles.publish_own',
  'POST /api/admin/articles/{id}/live/end': 'articles.publish_own',
  'POST /api/admin/articles/{id}/live/entries': 'articles.publish_own',
  'PATCH /api/admin/live/entries/{id}': 'articles.publish_own',
  'DELETE /api/admin/live/entries/{id}': 'articles.publish_own',
  'PUT /api/admin/auth/language': 'signed_in',
  // alerts and channels (the tokens need settings.manage)
  'GET /api/admin/channels/settings': 'settings.manage',
  'PATCH /api/admin/channels/settings': 'settings.manage',
  'GET /api/admin/channels/alerts': 'channels.announce',
  'POST /api/admin/channels/alerts': 'channels.announce',
  'GET /api/admin/channels/alerts/{id}': 'channels.announce',
  'GET /api/admin/channels/posts': 'channels.announce',
  'GET /api/admin/channels/articles/{id}/plan': 'channels.announce',
  'PUT /api/admin/channels/articles/{id}/plan': 'channels.announce',
  'POST /api/admin/channels/articles/{id}/announce': 'channels.announce',
};

/** Operations that end the caller's session: each role calls them with a session of its own. */
const SESSION_ENDING = new Set(['POST /api/admin/auth/logout', 'POST /api/admin/auth/sessions/end-all']);

const PARAMS: Record<string, string> = { action: 'approve', slug: 'no-such-story' };

function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? '999999');
}

interface Operation {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
}

for (const dialect of testDialects()) {
  test(`[${dialect}] every Admin and Content API operation answers each role as the capability table says`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const doc = (await call(t, null, 'GET', '/api/admin/openapi.json')).body;
      assert.equal(doc.openapi, '3.1.0');
      const ops: Operation[] = [];
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
        assert.match(path, /^\/api\/(admin|content)\//, `only API routes are documented: ${path}`);
        for (const method of Object.keys(item)) {
          ops.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase() as Operation['method'], url: concrete(path) });
        }
      }
      const documented = new Set(ops.map((o) => o.key));
      const missing = [...documented].filter((k) => !(k in ROUTES));
      assert.deepEqual(missing, [], 'every documented operation has an entry in the capability table');
      const stale = Object.keys(ROUTES).filter((k) => !documented.has(k));
      assert.deepEqual(stale, [], 'every entry in the table is a documented operation');

      const staff = new Map<Role, Headers>();
      for (const role of ROLES) staff.set(role, (await signInAs(t, role)).headers);
      const problems: string[] = [];
      for (const op of ops) {
        const need = ROUTES[op.key];
        const payload = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
        const anon = await call(t, null, op.method, op.url, payload);
        // Sign-in routes answer strangers (a missing CSRF token or pending code may still be refused).
        if (need === 'public' ? anon.status >= 500 : anon.status !== 401) problems.push(`${op.key} without a session: ${anon.status}`);
        for (const role of ROLES) {
          const headers = SESSION_ENDING.has(op.key) ? (await signInAs(t, role)).headers : staff.get(role)!;
          const r = await call(t, headers, op.method, op.url, payload);
          const allowed = need === 'public' || need === 'signed_in' || (need !== 'content_key' && can(role, need));
          const expected = need === 'content_key' ? 'exactly 401 (a session is not a key)' : allowed ? 'not 401/403' : '403';
          const ok = need === 'content_key' ? r.status === 401 : allowed ? ![401, 403].includes(r.status) : r.status === 403;
          if (!ok) problems.push(`${op.key} as ${role}: ${r.status}, expected ${expected} (${JSON.stringify(r.body?.error ?? r.body)?.slice(0, 120)})`);
          assert.ok(r.status < 500, `${op.key} as ${role} answered ${r.status}`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await t.close();
    }
  });
}

/** Writes that reach another capability's data through a route of their own: each needs both the route's
 *  capability (`via`) and the capability that owns the data (`need`). */
interface SideDoor {
  what: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  url: (t: Awaited<ReturnType<typeof makeTestApp>>, owner: Headers, self: Headers) => Promise<string>;
  payload: () => unknown;
  via: Capability;
  need: Capability;
  /** the status a role with `via` but without `need` gets (403, or 400 naming the field when it is about a value) */
  refused: number;
}

let n = 0;
const SIDE_DOORS: SideDoor[] = [
  { what: 'site settings through the comment settings', method: 'PATCH', url: async () => '/api/admin/comments/settings',
    payload: () => ({ moderateAll: true, commentsCloseAfterDays: 3650 }), via: 'comments.moderate', need: 'settings.manage', refused: 403 },
  { what: 'a new tag through an article', method: 'POST', url: async () => '/api/admin/articles',
    payload: () => ({ headline: 'x', tags: [`newtag-${++n}`] }), via: 'articles.create', need: 'tags.manage', refused: 400 },
  { what: 'a new tag through an edit of their own article', method: 'PATCH',
    url: async (t, _owner, self) => `/api/admin/articles/${(await call(t, self, 'POST', '/api/admin/articles', { headline: 'Edited' })).body.id}`,
    payload: () => ({ tags: [`newtag-${++n}`] }), via: 'articles.edit_own', need: 'tags.manage', refused: 400 },
  { what: 'an invitation to be an admin', method: 'POST', url: async () => '/api/admin/invitations',
    payload: () => ({ email: `boss${++n}@newsroom.test`, role: 'admin' }), via: 'users.manage', need: 'users.manage_admins', refused: 403 },
  { what: 'voiding an invitation to be an admin', method: 'DELETE',
    url: async (t, owner) => `/api/admin/invitations/${(await call(t, owner, 'POST', '/api/admin/invitations', { email: `boss${++n}@newsroom.test`, role: 'admin' })).body.id}`,
    payload: () => undefined, via: 'users.manage', need: 'users.manage_admins', refused: 403 },
];

for (const dialect of testDialects()) {
  test(`[${dialect}] writes through a side door need the capability that owns the data`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const problems: string[] = [];
      for (const door of SIDE_DOORS) {
        for (const role of ROLES) {
          const headers = (await signInAs(t, role)).headers;
          const r = await call(t, headers, door.method, await door.url(t, owner, headers), door.payload());
          const expected = !can(role, door.via) ? 403 : !can(role, door.need) ? door.refused : 'success';
          const ok = expected === 'success' ? r.status < 300 : r.status === expected;
          if (!ok) problems.push(`${door.what} as ${role}: ${r.status}, expected ${expected} (${JSON.stringify(r.body?.error ?? '').slice(0, 120)})`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await t.close();
    }
  });
}

for (const dialect of testDialects()) {
  test(`[${dialect}] without a session, every guarded operation answers 401 before it reads its input`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const doc = (await call(t, null, 'GET', '/api/admin/openapi.json')).body;
      const problems: string[] = [];
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
        for (const method of Object.keys(item).map((m) => m.toUpperCase())) {
          const need = ROUTES[`${method} ${path}`];
          if (need === 'public' || need === 'content_key') continue;
          // Ids that are not ids, and a body that is not JSON: still 401, the route's schema stays unread.
          const url = path.replace(/\{(\w+)\}/g, 'not-an-id');
          const r = await t.app.inject({ method: method as 'GET', url, headers: { 'content-type': 'application/json' }, payload: method === 'GET' ? undefined : '{' });
          if (r.statusCode !== 401) problems.push(`${method} ${path}: ${r.statusCode}`);
        }
      }
      assert.deepEqual(problems, []);
      const r = await t.app.inject({ method: 'DELETE', url: '/api/admin/comments/blocks/1', headers: { 'content-type': 'application/json' } });
      assert.equal(r.statusCode, 401);
    } finally {
      await t.close();
    }
  });
}

test('every Admin API operation is declared through endpoint(): it names who may call it, and its audit action when it writes one', async () => {
  const t = await makeTestApp('sqlite');
  try {
    const doc = (await call(t, null, 'GET', '/api/admin/openapi.json')).body;
    const undeclared: string[] = [];
    let count = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      if (!path.startsWith('/api/admin/')) continue;
      for (const [method, op] of Object.entries(item)) {
        count++;
        const need = ROUTES[`${method.toUpperCase()} ${path}`];
        const access = op['x-access'];
        const expected = need === 'public' ? 'none' : need === 'signed_in' ? /^session: / : need;
        if (typeof access !== 'string' || (expected instanceof RegExp ? !expected.test(access) : access !== expected)) {
          undeclared.push(`${method.toUpperCase()} ${path}: x-access ${String(access)}, the table says ${need}`);
        }
        if ('x-audit' in op && typeof op['x-audit'] !== 'string') undeclared.push(`${method.toUpperCase()} ${path}: x-audit names no action`);
      }
    }
    assert.ok(count > 90, `${count} operations`);
    assert.deepEqual(undeclared, []);
  } finally {
    await t.close();
  }
});
