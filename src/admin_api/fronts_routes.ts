// Curated fronts and the breaking-news strip in the Admin API: which fronts there are (each language's home page,
// each section's page in each language), what an editor pinned on one and what it shows now, setting a front's lead
// and top stories, and setting or taking down a language's strip.
import { FrontAnswer, FrontList } from './answers.ts';
import type { FastifyInstance } from 'fastify';
import { FrontFields, frontName, frontPins, livePins, MAX_TOP, parseFront, pinCounts, setFront, frontOrder, type FrontKey } from '../content/fronts.ts';
import { BreakingFields, listBreaking, removeBreaking, setBreaking } from '../content/breaking_news.ts';
import { listPublished } from '../content/reading.ts';
import { listSections } from '../content/sections.ts';
import { getSettings } from '../content/settings.ts';
import { actorOf } from './access.ts';
import { endpoint } from './endpoint.ts';
import { Described as d, Strict, Text } from './schemas.ts';

const tags = ['fronts'];
const access = { capability: 'fronts.manage' } as const;
const FrontParams = Strict({ front: d('The front: home:<language> (e.g. home:fa) or section:<section id>:<language> (e.g. section:3:en).', Text(40, 1)) });
const LanguageParams = Strict({ language: d('The language of the strip: en, fa or ps.', Text(2, 2)) });

/** Where readers see a front. */
function frontPath(key: FrontKey, defaultLanguage: string, slug?: string): string {
  const base = key.language === defaultLanguage ? '' : `/${key.language}`;
  return key.kind === 'home' ? `${base}/` : `${base}/section/${encodeURIComponent(slug ?? '')}`;
}

export async function frontsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  endpoint(app, {
    method: 'GET', url: '/api/admin/fronts', operationId: 'listFronts', summary: 'List the fronts and breaking-news strips', tags, access, answers: FrontList,
    description: 'Each language\'s home page and each section\'s page in each language the site publishes in, with how many stories are pinned '
      + 'on it and where readers see it; and the breaking-news strip of each language that has one.',
    handle: async () => {
      const [settings, sections, counts, breaking] = await Promise.all([getSettings(ctx.db), listSections(ctx.db), pinCounts(ctx.db), listBreaking(ctx.db)]);
      const languages = [settings.language, ...settings.languages.filter((l) => l !== settings.language)];
      const fronts = languages.flatMap((language) => [
        { key: { kind: 'home', language } as FrontKey, name: settings.localized[language]?.name || settings.name, slug: undefined },
        ...sections.map((s) => ({ key: { kind: 'section', sectionId: s.id, language } as FrontKey, name: settings.localized[language]?.sections?.[s.slug] ?? s.name, slug: s.slug })),
      ]).map(({ key, name, slug }) => ({
        front: frontName(key), kind: key.kind, language: key.language, sectionId: key.kind === 'section' ? key.sectionId : null, name,
        path: frontPath(key, settings.language, slug), pinned: counts.get(frontName(key)) ?? 0,
      }));
      return { fronts, breaking, maxTop: MAX_TOP };
    },
  });

  endpoint(app, {
    method: 'GET', url: '/api/admin/fronts/:front', operationId: 'getFront', summary: 'Read a front: its pins and what it shows now', tags, access, params: FrontParams, answers: FrontAnswer,
    description: 'The stories pinned on the front (ended pins the job runner has not cleared yet and stories no longer published included, '
      + 'with their status) and the stories the front shows now in order, pinned or filled in by the newest.',
    handle: async (req) => {
      const key = parseFront(req.params.front);
      const front = frontName(key);
      const [pins, live, settings] = await Promise.all([frontPins(ctx.db, front), livePins(ctx.db, front, ctx.clock.now()), getSettings(ctx.db)]);
      const pinned = [...(live.lead ? [live.lead] : []), ...live.top];
      const filter = {
        ...(key.kind === 'section' ? { sectionId: key.sectionId } : {}),
        ...([settings.language, ...settings.languages].length > 1 ? { language: key.language } : {}),
        ...(pinned.length ? { excludeIds: pinned.map((a) => a.id) } : {}),
      };
      const { items } = await listPublished(ctx.db, filter, 1 + MAX_TOP - pinned.length);
      const order = frontOrder(live, items, key.kind === 'home');
      const pinnedIds = new Set(pinned.map((a) => a.id));
      const shows = order.slice(0, 1 + MAX_TOP).map((a) => ({ articleId: a.id, headline: a.headline, hasPicture: a.hero !== null, pinned: pinnedIds.has(a.id), publishedAt: a.published_at }));
      const now = ctx.clock.now().getTime();
      return { front, pins: pins.map((p) => ({ ...p, ended: p.until !== null && Date.parse(p.until) <= now })), shows };
    },
  });

  endpoint(app, {
    method: 'PUT', url: '/api/admin/fronts/:front', operationId: 'setFront', summary: 'Choose a front\'s lead and top stories', tags, access, params: FrontParams,
    body: FrontFields, events: ['front.changed'],
    description: 'Replaces the front\'s pins with these, in this order. Only published stories; each until a time or until removed (until: null). '
      + 'The front\'s pages are purged from the page cache.',
    handle: async (req) => {
      await setFront(ctx, req.params.front, req.body, actorOf(req));
      return { front: req.params.front, pins: await frontPins(ctx.db, req.params.front) };
    },
    audit: { action: 'front.update', entry: (req) => ({ subject: { type: 'front', id: req.params.front }, detail: { lead: req.body.lead?.articleId ?? null, top: req.body.top.map((p) => p.articleId) } }) },
  });

  endpoint(app, {
    method: 'PUT', url: '/api/admin/breaking/:language', operationId: 'setBreaking', summary: 'Put up a breaking-news strip', tags, access, params: LanguageParams,
    body: BreakingFields, events: ['breaking.changed'],
    description: 'Sets (or replaces) the line and link shown at the top of every page in the language until endsAt; the pages are purged from the page cache.',
    handle: async (req) => ({ breaking: await setBreaking(ctx, req.params.language, req.body, actorOf(req)) }),
    audit: { action: 'breaking.set', entry: (req, r) => ({ subject: { type: 'breaking', id: req.params.language }, detail: { text: r.breaking.text, endsAt: r.breaking.endsAt } }) },
  });

  endpoint(app, {
    method: 'DELETE', url: '/api/admin/breaking/:language', operationId: 'removeBreaking', summary: 'Take a breaking-news strip down', tags, access, params: LanguageParams,
    status: 204, events: ['breaking.changed'],
    handle: async (req) => { await removeBreaking(ctx, req.params.language); },
    audit: { action: 'breaking.remove', entry: (req) => ({ subject: { type: 'breaking', id: req.params.language } }) },
  });
}
