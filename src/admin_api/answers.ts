// The shapes of the Admin API's answers that the newsroom app reads, declared once: an endpoint names one as its
// `answers` (endpoint.ts), the OpenAPI document carries it, and the app's types are generated from the document
// (admin-ui/src/api_types.gen.ts). They describe and never serialize, so a field they leave out still goes out.
import { Flag, Num, OrNull, Str, When, WhenOrNull } from './answer_kit.ts';
import { Described as d, Type } from './schemas.ts';

/** GET /api/admin/auth/me: who is signed in, how far the sign-in got, and what they may do. */
export const MeAnswer = Type.Object({
  user: d('The signed-in account.', Type.Object({
    id: Num('The account\'s id.'),
    name: Str('The name shown in the app.'),
    email: Str('The sign-in email.'),
    role: Str('The role: owner, editor, author or contributor.'),
    personId: OrNull(Type.Integer(), 'The byline (person) this account writes as, if any.'),
    twoFactorEnabled: Type.Boolean({ description: 'Whether the account has two-factor sign-in.' }),
    language: OrNull(Type.String(), 'The language the app speaks to this person (en, fa, ps), or null to follow the site\'s.'),
  })),
  stage: Str('How far the sign-in got: full, or enroll while two-factor setup is required.'),
  capabilities: Type.Array(Type.String(), { description: 'What this account may do (the capability names, e.g. articles.publish).' }),
  timeZone: Str('The site\'s IANA time zone (e.g. Asia/Kabul): the app shows every date and time on its clock.'),
});

/** One staff account as the staff screen lists it. */
const StaffAccount = Type.Object({
  id: Num('The account\'s id.'),
  email: Str('The sign-in email.'),
  name: Str('The name shown in the app.'),
  role: Str('owner, admin, editor, author or contributor.'),
  person_id: OrNull(Type.Integer(), 'The byline (person) the account writes as, if any.'),
  totp_enabled: Flag('Whether two-factor sign-in is on'),
  disabled: Flag('Whether the account is switched off'),
  created_at: When('When the account was made'),
  last_login_at: WhenOrNull('The last finished sign-in'),
});
/** GET /api/admin/users */
export const StaffList = Type.Object({ users: Type.Array(StaffAccount, { description: 'Every staff account.' }) });

/** GET /api/admin/invitations */
export const InvitationList = Type.Object({
  invitations: Type.Array(Type.Object({
    id: Num('The invitation\'s id.'),
    email: OrNull(Type.String(), 'Where it went.'),
    role: OrNull(Type.String(), 'The role it offers (null: owner, from the setup link).'),
    name: Str('The name filled in for them (empty when none).'),
    created_by: OrNull(Type.Integer(), 'Who sent it.'),
    created_at: When('When it was made'),
    expires_at: When('When the link stops working'),
  }), { description: 'Open invitations, newest first.' }),
});

/** POST /api/admin/invitations and .../resend: what became of the link. */
export const HandedLinkAnswer = Type.Object({
  id: Num('The invitation\'s id.'),
  expiresAt: When('When the link stops working'),
  emailed: Type.Boolean({ description: 'Whether the link went out by email.' }),
  link: OrNull(Type.String(), 'The link itself when it could not be emailed (pass it on), else null.'),
});

/** A Content API key's record (never the key itself). */
const ApiKeyRecord = Type.Object({
  id: Num('The key\'s id.'),
  name: Str('Who the key is for.'),
  prefix: Str('The key\'s first characters, to tell keys apart.'),
  createdBy: OrNull(Type.Integer(), 'Who made it.'),
  createdAt: When('When it was made'),
  lastUsedAt: WhenOrNull('When a request last came with it'),
  revokedAt: WhenOrNull('When it was revoked'),
});
/** GET /api/admin/api-keys */
export const ApiKeyList = Type.Object({ apiKeys: Type.Array(ApiKeyRecord, { description: 'Every key, newest first.' }) });
/** POST /api/admin/api-keys */
export const MadeApiKey = Type.Object({
  key: Str('The key: shown this once, keep it.'),
  apiKey: d('Its record.', ApiKeyRecord),
});

/** GET /api/admin/audit: entries the app reads as sentences. */
export const AuditList = Type.Object({
  entries: Type.Array(Type.Object({
    id: Num('The entry\'s id.'),
    actor_id: OrNull(Type.Integer(), 'Who did it (null: Khabar itself, e.g. a scheduled publication, or an unknown person).'),
    actor_name: OrNull(Type.String(), 'Their name, when they have an account.'),
    action: Str('What was done, e.g. article.publish.'),
    subject: Str('What it was done to, e.g. article:12.'),
    detail: Type.Record(Type.String(), Type.Unknown(), { description: 'Small details of the change (never secrets).' }),
    ip: Str('The address the request came from.'),
    created_at: When('When it happened'),
    about: OrNull(Type.Object({
      title: OrNull(Type.String(), 'The story\'s headline, the section\'s name, ...; null when it no longer exists.'),
      href: OrNull(Type.String(), 'Where the app shows it, if anywhere.'),
      commenter: Type.Optional(Str('The commenter, for a comment.')),
    }), 'What the subject is called and where to open it; null for a subject without a page.'),
  }), { description: 'The entries, newest first.' }),
});

/** A section as the sections list and a read answer it. */
export const SectionItem = Type.Object({
  id: Num('The section\'s id.'),
  slug: Str('Its address, e.g. news for /section/news.'),
  name: Str('Its name as readers see it.'),
  description: Str('A line about it (may be empty).'),
  position: Num('Its place among its siblings (lower first).'),
  parent_id: OrNull(Type.Integer(), 'The section it sits under, or null for a top section.'),
  created_at: When('When it was made'),
});

/** A tag as the tags list and a read answer it. */
export const TagItem = Type.Object({
  id: Num('The tag\'s id.'),
  slug: Str('Its address, e.g. bread for /tag/bread.'),
  name: Str('The tag as readers see it.'),
});

/** POST /api/admin/tags/{id}/merge */
export const MergedTag = Type.Object({
  tag: OrNull(TagItem, 'The tag that stays.'),
  moved: Num('How many articles gained it.'),
});

/** GET /api/admin/comments/blocks */
export const CommentBlockList = Type.Object({
  blocks: Type.Array(Type.Object({
    id: Num('The block\'s id.'),
    kind: Type.Union([Type.Literal('email'), Type.Literal('ip'), Type.Literal('network')], { description: 'What is blocked: an email address, an IP address or a network.' }),
    value: Str('The address or network.'),
    note: Str('Why, for other moderators (may be empty).'),
    created_by: OrNull(Type.Integer(), 'Who blocked it.'),
    created_at: When('When it was blocked'),
  }), { description: 'Every block, newest first.' }),
});

/** A breaking-news strip. */
const Strip = Type.Object({
  language: Str('The language whose pages carry it.'),
  text: Str('The line readers see.'),
  url: Str('Where it links.'),
  endsAt: When('When it comes down'),
});

/** GET /api/admin/fronts */
export const FrontList = Type.Object({
  fronts: Type.Array(Type.Object({
    front: Str('The front\'s name in the API, e.g. home:en or section:3:fa.'),
    kind: Type.Union([Type.Literal('home'), Type.Literal('section')], { description: 'A language\'s home page or a section\'s page.' }),
    language: Str('The language of the front.'),
    sectionId: OrNull(Type.Integer(), 'The section, for a section\'s page.'),
    name: Str('The front\'s name as the newsroom knows it (the site\'s or the section\'s name in that language).'),
    path: Str('Where readers see it, e.g. /fa/.'),
    pinned: Num('How many stories are pinned on it.'),
  }), { description: 'Every front, home pages first.' }),
  breaking: Type.Array(Strip, { description: 'The breaking-news strip of each language that has one.' }),
  maxTop: Num('How many top stories a front takes besides its lead.'),
});

/** GET /api/admin/fronts/{front} */
export const FrontAnswer = Type.Object({
  front: Str('The front\'s name in the API.'),
  pins: Type.Array(Type.Object({
    articleId: Num('The pinned story.'),
    place: Type.Union([Type.Literal('lead'), Type.Literal('top')], { description: 'As the lead or as a top story.' }),
    position: Num('Its place among the top stories (0 first).'),
    until: WhenOrNull('When the pin ends (null: until removed)'),
    headline: Str('The story\'s headline.'),
    status: Str('The story\'s status now (a story no longer published is not shown).'),
    language: Str('The story\'s language.'),
    hasPicture: Type.Boolean({ description: 'Whether the story has a hero picture (a lead without one is laid out without a picture).' }),
    ended: Type.Boolean({ description: 'Whether the pin has ended (the job runner clears it soon).' }),
  }), { description: 'The pins, lead first.' }),
  shows: Type.Array(Type.Object({
    articleId: Num('The story.'),
    headline: Str('Its headline.'),
    hasPicture: Type.Boolean({ description: 'Whether it has a hero picture.' }),
    pinned: Type.Boolean({ description: 'Pinned, or filled in by the newest.' }),
    publishedAt: OrNull(Type.String(), 'When it was published (ISO 8601, UTC).'),
  }), { description: 'What the front shows now, in order: the lead first.' }),
});

export const ArticleStatus = Type.Union([Type.Literal('draft'), Type.Literal('review'), Type.Literal('scheduled'), Type.Literal('published'), Type.Literal('archived')],
  { description: 'Where the story stands: draft, review, scheduled, published or archived.' });

/** GET /api/admin/articles: one page of the list. */
export const ArticleList = Type.Object({
  articles: Type.Array(Type.Object({
    id: Num('The article\'s id.'),
    slug: Str('Its address\'s last part.'),
    headline: Str('Its headline (the live version\'s, for a published story with unpublished changes).'),
    status: ArticleStatus,
    section_id: OrNull(Type.Integer(), 'Its section, if any.'),
    language: Str('Its language, e.g. en or fa.'),
    created_by: OrNull(Type.Integer(), 'The staff account that started it.'),
    created_at: When('When it was started'),
    updated_at: When('When it last changed'),
    published_at: WhenOrNull('When it was first published'),
    scheduled_at: WhenOrNull('When it is to be published'),
    hero_media_id: OrNull(Type.Integer(), 'Its hero picture, if any.'),
    authorIds: Type.Array(Type.Integer(), { description: 'The people in its byline, in order.' }),
  }), { description: 'The page\'s articles, the last changed first.' }),
  total: Num('How many articles match in all.'),
});

/** GET /api/admin/articles/counts */
export const ArticleCounts = Type.Object({
  counts: Type.Object(Object.fromEntries(['draft', 'review', 'scheduled', 'published', 'archived'].map((s) => [s, Num(`How many are ${s}.`)])),
    { description: 'How many articles match, in each status.' }),
});

/** An aggregator's record (never its key). */
const AggregatorRecord = Type.Object({
  id: Num('The aggregator\'s id.'),
  name: Str('Who they are.'),
  licence: Str('The terms the stories are offered under, carried in their feed (may be empty).'),
  prefix: Str('The key\'s first characters, to tell keys apart.'),
  createdAt: When('When it was added'),
  lastUsedAt: WhenOrNull('When they last pulled'),
  revokedAt: WhenOrNull('When the key was revoked'),
});
const Usage = Type.Object({
  requests: Num('Feed requests answered.'),
  items: Num('Stories served.'),
});
/** GET /api/admin/aggregators */
export const AggregatorList = Type.Object({
  aggregators: Type.Array(Type.Object({ ...AggregatorRecord.properties, last30Days: d('Their use over the last 30 days.', Usage) }),
    { description: 'Every aggregator, newest first.' }),
});
/** GET /api/admin/aggregators/{id} */
export const AggregatorAnswer = Type.Object({
  aggregator: d('The record.', AggregatorRecord),
  usage: Type.Array(Type.Object({ day: Str('The day (UTC), YYYY-MM-DD.'), ...Usage.properties }), { description: 'Per day, days without a pull left out.' }),
});
/** PATCH /api/admin/aggregators/{id} */
export const OneAggregator = Type.Object({ aggregator: d('The record.', AggregatorRecord) });
/** POST /api/admin/aggregators and .../key: the key, shown this once. */
export const MadeAggregatorKey = Type.Object({
  key: Str('The key: shown this once, hand it to the partner.'),
  aggregator: d('The record.', AggregatorRecord),
});

/** A person (a byline and author page) as the people list and a read answer it. */
export const PersonItem = Type.Object({
  id: Num('The person\'s id.'),
  slug: Str('Their author page\'s address, e.g. farida-noori.'),
  name: Str('Their name as bylines show it.'),
  bio: Str('A short bio (may be empty).'),
  role_label: Str('What they do, e.g. Kabul correspondent (may be empty).'),
  photo_media_id: OrNull(Type.Integer(), 'Their square photo, if any.'),
  email: OrNull(Type.String(), 'A contact address, if any (never shown to readers).'),
  created_at: When('When they were added'),
  names: Type.Record(Type.String(), Type.String(), { description: 'Their name by language code, where it is written otherwise (e.g. {"fa": "..."}).' }),
});

/** A house ad slot. */
export const AdSlotItem = Type.Object({
  id: Num('The slot\'s id.'),
  key: Str('Its key, as the page templates name it (e.g. sidebar).'),
  name: Str('Its name in the app.'),
  description: Str('Where it sits on the pages (may be empty).'),
});

/** A house ad. */
export const AdCreativeItem = Type.Object({
  id: Num('The house ad\'s id.'),
  slot_id: Num('The slot it runs in.'),
  name: Str('Its name in the app.'),
  headline: Str('Its headline.'),
  body: Str('Its line of text.'),
  link_url: Str('Where it links.'),
  image_media_id: OrNull(Type.Integer(), 'Its picture, if any.'),
  weight: Num('How often it runs against the slot\'s others (higher: more often).'),
  starts_at: WhenOrNull('When it starts running'),
  ends_at: WhenOrNull('When it stops'),
  active: Flag('Whether it runs at all'),
  language: OrNull(Type.String(), 'The language it speaks, or null for pages of any language without ads of their own.'),
  created_at: When('When it was made'),
});

/** One poll of a syndication source's feed. */
const PollRecord = Type.Object({
  id: Num('The poll\'s id.'),
  source_id: Num('The source polled.'),
  started_at: When('When it started'),
  outcome: Type.Union([Type.Literal('ok'), Type.Literal('not_modified'), Type.Literal('failed'), Type.Literal('busy')],
    { description: 'ok, not_modified (nothing new since last time), failed, or busy (another instance was polling it).' }),
  http_status: OrNull(Type.Integer(), 'The partner\'s HTTP status, if it answered.'),
  items_seen: Num('Stories in the feed.'),
  items_new: Num('Stories new to us.'),
  items_failed: Num('Stories that could not be taken in.'),
  duration_ms: Num('How long it took, in milliseconds.'),
  reason: Str('Why it failed (empty when it did not).'),
});
/** GET /api/admin/sources/{id}/polls */
export const PollList = Type.Object({ polls: Type.Array(PollRecord, { description: 'Recent polls, newest first.' }) });

/** A syndication source as the sources list and a read answer it (the list adds its latest poll). */
export const SourceItem = Type.Object({
  id: Num('The source\'s id.'),
  slug: Str('Its address\'s last part.'),
  name: Str('The partner\'s name.'),
  description: Str('The partner box\'s line about them.'),
  site_url: Str('Their site.'),
  logo_media_id: OrNull(Type.Integer(), 'Their logo, if any.'),
  feed_url: OrNull(Type.String(), 'The feed (or list page) polled, if any.'),
  created_at: When('When it was added'),
  language: Str('The language of their stories.'),
  auto_publish: Flag('Whether their stories are published without review'),
  licence: Str('The terms their stories come under.'),
  section_id: OrNull(Type.Integer(), 'The section their stories go in when no rule says otherwise.'),
  category_map: Str('JSON: their category to our section\'s slug.'),
  rules: Str('JSON: a list of {words, section} rules that place stories.'),
  canonical_to_original: Flag('Whether the story pages link to the partner\'s page as canonical'),
  poll_minutes: Num('How often the feed is polled, in minutes.'),
  etag: OrNull(Type.String(), 'The feed\'s last ETag, for a conditional poll.'),
  last_modified: OrNull(Type.String(), 'The feed\'s last Last-Modified, for a conditional poll.'),
  next_poll_at: WhenOrNull('When it is polled next'),
  failures: Num('Failed polls in a row (the wait grows with them).'),
  list_selector: Str('For a list page: the CSS selector of its story links (empty: guessed).'),
  lastPoll: Type.Optional(OrNull(PollRecord, 'In the list: its latest poll (null before the first).')),
});
