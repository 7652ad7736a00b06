// The shapes of the settings answers, for the document and the app's types: the site settings (with each
// language's calendar and words) and the comment settings.
import { OrNull, Str } from './answer_kit.ts';
import { Described as d, Type } from './schemas.ts';

/** A language's dates: its calendar and whether a second date in the other one follows. */
export const LanguageDatesSchema = Type.Object({
  calendar: Type.Union([Type.Literal('gregorian'), Type.Literal('solar-hijri')], { description: 'The calendar its dates follow.' }),
  secondDate: Type.Boolean({ description: 'Whether the date bar adds the date in the other calendar.' }),
});

/** The site's words in one of its other languages (English stays the fallback). */
export const LocalizedSiteSchema = Type.Object({
  name: Type.Optional(Str('The site\'s name in that language.')),
  description: Type.Optional(Str('Its one-line description.')),
  sections: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Section names, by the section\'s slug.' })),
  social: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'The footer links\' labels, by the link\'s address.' })),
});

/** GET and PATCH /api/admin/settings */
export const SiteSettingsAnswer = Type.Object({
  settings: d('Every site setting.', Type.Object({
    name: Str('The newsroom\'s name, at the top of every page.'),
    description: Str('One line about the newsroom.'),
    logoMediaId: OrNull(Type.Integer(), 'The logo\'s media id, or null for the name in type.'),
    language: Str('The site\'s language.'),
    timeZone: Str('The newsroom\'s IANA time zone.'),
    calendars: Type.Record(Type.String(), LanguageDatesSchema, { description: 'Per language: its calendar.' }),
    persianLocale: Type.Union([Type.Literal('fa-AF'), Type.Literal('fa-IR')], { description: 'Which Persian dates follow.' }),
    slugScript: Type.Union([Type.Literal('native'), Type.Literal('latin')], { description: 'New articles\' addresses from Dari and Pashto headlines: in their script or in Latin letters.' }),
    social: Type.Array(Type.Object({ label: Str('The link\'s text.'), url: Str('Its address.') }), { description: 'Links in the footer, in order.' }),
    commentsCloseAfterDays: OrNull(Type.Integer(), 'Comments close this many days after publication; null: never.'),
    moderateAll: Type.Boolean({ description: 'Whether every comment is held for a moderator.' }),
    feedContent: Type.Union([Type.Literal('full'), Type.Literal('excerpt')], { description: 'What feeds carry: the full text or only a summary.' }),
    languages: Type.Array(Type.String(), { description: 'The languages the site publishes in besides its own.' }),
    localized: Type.Record(Type.String(), LocalizedSiteSchema, { description: 'Per language: the site\'s words in it.' }),
    authorsSubmitForReview: Type.Boolean({ description: 'Whether authors submit their stories for review instead of publishing them.' }),
  })),
});

/** GET and PATCH /api/admin/comments/settings */
export const CommentSettingsAnswer = Type.Object({
  comments: Type.Record(Type.String(), Type.Unknown(), { description: 'The comment settings by name (bodyMin, blockedWords, captchaProvider, ...; the captcha secret never: captchaSecretSet says whether one is set).' }),
  moderateAll: Type.Boolean({ description: 'Whether every comment is held for a moderator (a site setting).' }),
  commentsCloseAfterDays: OrNull(Type.Integer(), 'Comments close this many days after publication; null: never (a site setting).'),
});
