// The shapes of the newsletters' answers (newsletters_routes.ts) that the app's Newsletters screen reads: the lists
// with their readers, and the sends with their figures.
import { Num, Str, When, WhenOrNull } from './answer_kit.ts';
import { Described as d, OneOf, Type } from './schemas.ts';

const Texts = (description: string) => Type.Record(Type.String(), Type.String(), { description });

/** GET /api/admin/newsletters/lists */
export const NewsletterListList = Type.Object({
  lists: Type.Array(Type.Object({
    id: Num('The list\'s id.'),
    slug: Str('Its address-safe name (List-Id, the sign-up form).'),
    language: Str('The language its letters are written in.'),
    names: Texts('Its name, by language.'),
    descriptions: Texts('Its description, by language.'),
    sectionIds: Type.Array(Type.Integer(), { description: 'The sections its digest draws from; none: every section.' }),
    public: Type.Boolean({ description: 'Whether the public form offers it.' }),
    digest: d('Its digest: off, daily or weekly.', OneOf(['off', 'daily', 'weekly'] as const)),
    digestTime: Str('When the digest goes (HH:MM, the site\'s time zone).'),
    digestWeekday: Num('The weekly digest\'s day (0 Sunday).'),
    lastDigestAt: WhenOrNull('When the last digest went'),
    nextDigestAt: WhenOrNull('When the next one goes'),
    readers: Type.Object({
      pending: Num('Readers who have not confirmed yet.'),
      subscribed: Num('Readers subscribed.'),
      unsubscribed: Num('Readers who left.'),
    }, { description: 'Its readers by status.' }),
  }), { description: 'Every list.' }),
});

/** A send with its figures. */
export const SendFiguresAnswer = Type.Object({
  id: Num('The send\'s id.'),
  listId: Num('The list it goes to.'),
  kind: d('digest, story, alert (breaking) or notice (a message without stories, such as the addresses readers can reach the site at).', OneOf(['digest', 'story', 'alert', 'notice'] as const)),
  subject: Str('Its subject.'),
  status: d('Where it stands: draft, scheduled, sending, sent or cancelled.', OneOf(['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const)),
  scheduledAt: WhenOrNull('When it is to start'),
  startedAt: WhenOrNull('When it started'),
  finishedAt: WhenOrNull('When it finished'),
  createdAt: When('When it was made'),
  recipients: Num('Readers it goes to.'),
  sent: Num('Letters sent.'),
  failed: Num('Letters that failed.'),
  skipped: Num('Readers skipped (suppressed, left meanwhile).'),
  left: Num('Letters still to send.'),
  bounced: Num('Letters that bounced.'),
  complained: Num('Readers who marked it as spam.'),
  unsubscribed: Num('Readers who left after it.'),
  clicks: Num('Clicks on its links.'),
});
/** GET /api/admin/newsletters/sends */
export const SendList = Type.Object({ sends: Type.Array(SendFiguresAnswer, { description: 'The sends, newest first.' }) });

/** GET /api/admin/newsletters/readers */
export const ReaderList = Type.Object({
  readers: Type.Array(Type.Object({
    id: Num('The reader\'s id.'),
    email: Str('Their address.'),
    name: Str('Their name (may be empty).'),
    language: Str('The language they read in.'),
    source: Str('Where they came from: form, staff, import:mailchimp, import:ghost or import:csv.'),
    createdAt: When('When they were added'),
    lists: Type.Array(Type.Object({
      listId: Num('The list.'),
      status: d('pending, subscribed or unsubscribed.', OneOf(['pending', 'subscribed', 'unsubscribed'] as const)),
      consentAt: When('When they consented'),
      confirmedAt: WhenOrNull('When they confirmed'),
      unsubscribedAt: WhenOrNull('When they left'),
    }), { description: 'Their subscriptions.' }),
  }), { description: 'The readers found, newest first (at most 50).' }),
});
