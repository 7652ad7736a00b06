// Site settings in the Admin API: read them all, change some (every change is in the audit log).
import type { FastifyInstance } from 'fastify';
import { CALENDARS, FEED_CONTENTS, PERSIAN_LOCALES, SLUG_SCRIPTS, getSettings, updateSettings, type LanguageDates, type LocalizedSite } from '../content/settings.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { SiteSettingsAnswer } from './answers_settings.ts';
import { endpoint } from './endpoint.ts';
import { Bool, Described as d, ListOf, NullableId, OneOf, Strict, Text, Type } from './schemas.ts';

const opt = Type.Optional;
const SettingsPatch = Strict({
  name: opt(d('The newsroom\'s name, at the top of every page.', Text(120, 1))),
  description: opt(d('One line about the newsroom, for search engines and feeds.', Text(300))),
  logoMediaId: opt(d('The logo\'s media id, or null for the name in type.', NullableId)),
  language: opt(d('The site\'s language (and its direction).', OneOf(LANGUAGES))),
  timeZone: opt(d('The newsroom\'s IANA time zone, e.g. Asia/Kabul.', Text(64))),
  // Checked in full by the settings domain; the schema documents the shape.
  calendars: opt(Type.Unsafe<Record<string, LanguageDates>>({ type: 'object', maxProperties: LANGUAGES.length,
    description: 'Per language (en, fa, ps): the calendar its dates follow (gregorian or solar-hijri) and whether the date bar adds the date in the other calendar (secondDate). Languages left out keep theirs.',
    additionalProperties: { type: 'object', additionalProperties: false, required: ['calendar', 'secondDate'],
      properties: { calendar: { type: 'string', enum: [...CALENDARS] }, secondDate: { type: 'boolean' } } } })),
  persianLocale: opt(d('Which Persian dates follow: fa-AF (Afghan Solar Hijri months, Hamal ...) or fa-IR (Iranian, Farvardin ...).', OneOf(PERSIAN_LOCALES))),
  slugScript: opt(d('New articles\' addresses from Dari and Pashto headlines: in their script (native) or in Latin letters (latin).', OneOf(SLUG_SCRIPTS))),
  social: opt(d('Links in the footer, in order.', ListOf(Strict({ label: d('The link\'s text.', Text(60)), url: d('Its address (http or https).', Text(2000)) }), 20))),
  commentsCloseAfterDays: opt(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 3650,
    description: 'Comments close this many days after publication; null: never.' })),
  moderateAll: opt(d('Hold every comment for a moderator, not only the doubtful ones.', Bool)),
  feedContent: opt(d('What feeds carry: the full text or only a summary.', OneOf(FEED_CONTENTS))),
  languages: opt(d('The languages the site publishes in (front and section pages under /fa/ and /ps/).', ListOf(OneOf(LANGUAGES), LANGUAGES.length))),
  // Checked in full by the settings domain (known languages, lengths); the schema documents the shape.
  localized: opt(Type.Unsafe<Record<string, LocalizedSite>>({ type: 'object', maxProperties: LANGUAGES.length,
    description: 'Per language: the site\'s name, one-line description, section names (by slug) and footer link labels (by link address) in that language.', additionalProperties: {
    type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, description: { type: 'string' }, sections: { type: 'object' }, social: { type: 'object' } } } })),
  authorsSubmitForReview: opt(d('True: authors submit their stories for an editor\'s review instead of publishing them (contributors always do).', Bool)),
});

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['settings'];
  const access = { capability: 'settings.manage' } as const;
  endpoint(app, {
    method: 'GET', url: '/api/admin/settings', operationId: 'getSettings', summary: 'Read the site settings', tags, access, answers: SiteSettingsAnswer,
    handle: async () => ({ settings: await getSettings(ctx.db) }),
  });
  endpoint(app, {
    method: 'PATCH', url: '/api/admin/settings', operationId: 'updateSettings', summary: 'Change the site settings', tags, access, body: SettingsPatch, answers: SiteSettingsAnswer, events: ['settings.changed'],
    handle: async (req) => ({ settings: await updateSettings(ctx, req.body) }),
    audit: { action: 'settings.update', entry: (req) => ({ subject: { type: 'settings' }, detail: { changed: req.body } }) },
  });
}
