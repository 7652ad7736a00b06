// Gathers what the phases judge a comment on: rates, history, blocks and surges from the database (so they
// hold across instances), plus the proof-of-work and verifier results.
import type { Db } from '../db/schema.ts';
import type { CommentSettings } from './settings.ts';
import type { CommentDraft, CommentFacts } from './phases/types.ts';
import type { PowCheck } from './pow.ts';
import type { CaptchaVerdict } from './captcha.ts';
import { bodyHash, similarity, words } from './fold.ts';
import { spamProbability } from './classifier.ts';

export interface Sender {
  ip: string;
  network: string;
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

export async function countHits(db: Db, key: string, since: string): Promise<number> {
  const r = await db.selectFrom('comment_rate_hits').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key).where('created_at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Records one posting attempt from the sender, for the address and network limits. */
export async function recordAttempt(db: Db, sender: Sender, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.insertInto('comment_rate_hits').values([{ key: `ip:${sender.ip}`, created_at: at }, { key: `net:${sender.network}`, created_at: at }]).execute();
}

export async function gatherFacts(db: Db, args: {
  draft: CommentDraft; sender: Sender; now: Date; settings: CommentSettings; pow: PowCheck; captcha: CaptchaVerdict;
  moderateAll: boolean; scripts: string[];
}): Promise<CommentFacts> {
  const { draft, sender, now, settings: s } = args;
  const email = draft.email;
  const hash = bodyHash(draft.body);
  function byPerson() {
    return db.selectFrom('comments').where((eb) => (email ? eb.or([eb('author_email', '=', email), eb('ip', '=', sender.ip)]) : eb('ip', '=', sender.ip)));
  }
  const [ipTenMinutes, ipHour, networkHour, emailRow, articleMinute, approved, sameBody, pending, blocks, recent, spamP] = await Promise.all([
    countHits(db, `ip:${sender.ip}`, ago(now, 10 * 60_000)),
    countHits(db, `ip:${sender.ip}`, ago(now, 3600_000)),
    countHits(db, `net:${sender.network}`, ago(now, 3600_000)),
    email
      ? db.selectFrom('comments').select([(eb) => eb.fn.max('created_at').as('last'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('author_email', '=', email).where('created_at', '>=', ago(now, 3600_000)).executeTakeFirstOrThrow()
      : Promise.resolve({ last: null, n: 0 }),
    db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', draft.articleId)
      .where('created_at', '>=', ago(now, 60_000)).executeTakeFirstOrThrow(),
    db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'approved')
      .where(email ? 'author_email' : 'ip', '=', email ?? sender.ip).executeTakeFirstOrThrow(),
    byPerson().select('id').where('body_hash', '=', hash).where('created_at', '>=', ago(now, s.duplicateWindowHours * 3600_000))
      .limit(1).executeTakeFirst(),
    db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending')
      .where('created_at', '>=', ago(now, s.surgeWindowMinutes * 60_000)).executeTakeFirstOrThrow(),
    db.selectFrom('comment_blocks').select('kind').where((eb) => eb.or([
      eb.and([eb('kind', '=', 'email'), eb('value', '=', email ?? '')]),
      eb.and([eb('kind', '=', 'ip'), eb('value', '=', sender.ip)]),
      eb.and([eb('kind', '=', 'network'), eb('value', '=', sender.network)]),
    ])).execute(),
    words(draft.body).length >= 8
      ? db.selectFrom('comments').select('body').where('created_at', '>=', ago(now, 24 * 3600_000)).orderBy('id', 'desc').limit(200).execute()
      : Promise.resolve([]),
    spamProbability(db, `${draft.name}\n${draft.body}`),
  ]);
  const blockedKind = (['email', 'ip', 'network'] as const).find((k) => blocks.some((b) => b.kind === k)) ?? null;
  return {
    draft,
    now: now.toISOString(),
    pow: { state: args.pow.state, issuedAt: args.pow.issuedAt },
    captcha: { state: args.captcha.state, score: args.captcha.score, reason: args.captcha.reason },
    blocked: blockedKind,
    rate: {
      ipTenMinutes, ipHour, networkHour,
      emailLastAt: (emailRow.last as string | null) ?? null,
      emailHour: Number(emailRow.n),
      articleMinute: Number(articleMinute.n),
    },
    approvedBefore: Number(approved.n),
    sameBody: !!sameBody,
    nearDuplicate: recent.reduce((m, r) => Math.max(m, similarity(r.body, draft.body)), 0),
    pendingRecent: Number(pending.n),
    moderateAll: args.moderateAll,
    scripts: args.scripts,
    spamProbability: spamP,
  };
}
