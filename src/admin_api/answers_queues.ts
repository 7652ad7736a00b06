// The shapes of the review queues' answers, for the document and the app's types: readers' comments as moderators
// see them (with the reasons behind each bot score) and partner stories waiting for review.
import { Num, OrNull, Str, When, WhenOrNull } from './answer_kit.ts';
import { Described as d, Type } from './schemas.ts';

/** One step of the bot defence behind a comment's score. */
const Reason = Type.Object({
  phase: Str('The check, e.g. links or blocked_words.'),
  reason: Str('What it found.'),
  delta: Type.Optional(Type.Number({ description: 'What it added to the score (which starts at 1).' })),
  action: Type.Optional(Str('What it decided: spam, refuse or hold.')),
  status: Type.Optional(Num('For a refusal: the HTTP status the reader got.')),
  messageKey: Type.Optional(Str('For a refusal: the message the reader got.')),
});

/** A comment as moderators see it (private fields included). */
const ModeratedComment = Type.Object({
  id: Num('The comment\'s id.'),
  article_id: Num('The story it is on.'),
  parent_id: OrNull(Type.Integer(), 'The comment it answers, if any.'),
  depth: Num('How deep it nests (0: top level).'),
  author_name: Str('The commenter\'s name.'),
  author_email: OrNull(Type.String(), 'Their email, if given (never shown on the site).'),
  ip: Str('The address it came from (never shown on the site).'),
  network: Str('The /24 (IPv4) or /64 (IPv6) around the address.'),
  body: Str('The text.'),
  body_hash: Str('A hash of the folded text, for duplicate checks.'),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('spam'), Type.Literal('trash')], { description: 'pending (held), approved, spam or trash.' }),
  score: Type.Number({ description: 'The bot defence\'s score, 0 (a bot) to 1 (a person).' }),
  reasons: Type.Array(Reason, { description: 'The steps behind the score.' }),
  report_count: Num('How many readers reported it.'),
  created_at: When('When it was posted'),
  updated_at: When('When it last changed'),
  edited_at: WhenOrNull('When a moderator last edited its text'),
  article_headline: Str('The story\'s headline.'),
  article_slug: Str('The story\'s slug.'),
});

/** GET /api/admin/comments */
export const CommentList = Type.Object({ comments: Type.Array(ModeratedComment, { description: 'The comments, newest first.' }) });

/** GET /api/admin/comments/{id} */
export const CommentAnswer = Type.Object({
  comment: d('The comment, with its decisions and reports.', Type.Object({
    ...ModeratedComment.properties,
    decisions: Type.Array(Type.Object({
      id: Num('The decision\'s id.'),
      comment_id: Num('The comment.'),
      action: Str('What was decided, e.g. approve or spam.'),
      from_status: OrNull(Type.String(), 'Its status before.'),
      to_status: OrNull(Type.String(), 'Its status after.'),
      actor_id: OrNull(Type.Integer(), 'The moderator (null: the bot defence or a reader).'),
      note: Str('A note (may be empty).'),
      created_at: When('When'),
    }), { description: 'Every decision on it, oldest first.' }),
    reports: Type.Array(Type.Object({ id: Num('The report\'s id.'), reason: Str('Why the reader reported it.'), created_at: When('When') }),
      { description: 'Readers\' reports, oldest first.' }),
  })),
});

/** GET /api/admin/syndication/queue */
export const SyndicationQueue = Type.Object({
  items: Type.Array(Type.Object({
    id: Num('The queue item\'s id.'),
    articleId: Num('The story\'s article (in review).'),
    headline: Str('Its headline.'),
    originalUrl: Str('Where the partner published it.'),
    source: d('The partner it came from.', Type.Object({ id: Num('The source\'s id.'), name: Str('The partner\'s name.') })),
    section: OrNull(Type.String(), 'The slug of the section it is filed under, if any.'),
    why: Str('Why that section was chosen.'),
    byline: OrNull(Type.String(), 'The partner\'s byline, if any.'),
    originallyPublishedAt: WhenOrNull('When the partner published it'),
    receivedAt: When('When it came in'),
  }), { description: 'Partner stories waiting for review, oldest first.' }),
});
