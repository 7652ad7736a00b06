// Site settings in the Admin API: read them all, change some (every change is in the audit log).
import type { FastifyInstance } from 'fastify';
import { FEED_CONTENTS, getSettings, updateSettings, type LocalizedSite } from '../content/settings.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { endpoint } from './endpoint.ts';
import { Bool, ListOf, NullableId, OneOf, Strict, Text, Type } from './schemas.ts';

const opt = Type.Optional;
const SettingsPatch = Strict({
  name: opt(Text(120, 1)),
  description: opt(Text(300)),
  logoMediaId: opt(NullableId),
  language: opt(OneOf(LANGUAGES)),
  timeZone: opt(Text(64)),
  calendar: opt(OneOf(['gregorian', 'solar-hijri'] as const)),
  social: opt(ListOf(Strict({ label: Text(60), url: Text(2000) }), 20)),
  commentsCloseAfterDays: opt(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 3650 })),
  moderateAll: opt(Bool),
  feedContent: opt(OneOf(FEED_CONTENTS)),
  languages: opt(ListOf(OneOf(LANGUAGES), LANGUAGES.length)),
  // Checked in full by the settings domain (known languages, lengths); the schema documents the shape.
  localized: opt(Type.Unsafe<Record<string, LocalizedSite>>({ type: 'object', maxProperties: LANGUAGES.length, additionalProperties: {
    type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, description: { type: 'string' }, sections: { type: 'object' } } } })),
});

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['settings'];
  const access = { capability: 'settings.manage' } as const;
  endpoint(app, {
    method: 'GET', url: '/api/admin/settings', operationId: 'getSettings', tags, access,
    handle: async () => ({ settings: await getSettings(ctx.db) }),
  });
  endpoint(app, {
    method: 'PATCH', url: '/api/admin/settings', operationId: 'updateSettings', tags, access, body: SettingsPatch, events: ['settings.changed'],
    handle: async (req) => ({ settings: await updateSettings(ctx, req.body) }),
    audit: { action: 'settings.update', entry: (req) => ({ subject: { type: 'settings' }, detail: { changed: req.body } }) },
  });
}
