// Readers as the newsroom sees them: search, one reader's data exported or deleted on request, and import from
// Mailchimp's and Ghost's member exports (CSV), keeping the consent dates those services recorded.
import { parse } from 'csv-parse/sync';
import type { AppContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { getList } from './lists.ts';
import { readEmail } from './addresses.ts';
import { NewsletterRefusedError } from './messages.ts';

/** Readers whose address or name contains the words, newest first, with their lists. */
export async function searchSubscribers(ctx: AppContext, q: string, limit = 50) {
  const like = `%${q.trim().toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  let query = ctx.db.selectFrom('newsletter_subscribers').selectAll().orderBy('id', 'desc').limit(Math.min(200, limit));
  if (q.trim()) query = query.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  const rows = await query.execute();
  const subs = rows.length ? await ctx.db.selectFrom('newsletter_subscriptions').selectAll().where('subscriber_id', 'in', rows.map((r) => r.id)).execute() : [];
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, language: r.language, source: r.source, createdAt: r.created_at,
    lists: subs.filter((s) => s.subscriber_id === r.id).map((s) => ({ listId: s.list_id, status: s.status, consentAt: s.consent_at, confirmedAt: s.confirmed_at, unsubscribedAt: s.unsubscribed_at })) }));
}

/** Everything kept about one reader (a data request): the record, subscriptions, letters sent, bounces. */
export async function exportSubscriber(ctx: AppContext, id: number) {
  const r = await ctx.db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('No such reader');
  const [subscriptions, letters, bounces, suppression] = await Promise.all([
    ctx.db.selectFrom('newsletter_subscriptions').selectAll().where('subscriber_id', '=', id).execute(),
    ctx.db.selectFrom('newsletter_send_log').select(['send_id', 'status', 'sent_at']).where('subscriber_id', '=', id).execute(),
    ctx.db.selectFrom('newsletter_bounces').selectAll().where('email', '=', r.email).execute(),
    ctx.db.selectFrom('newsletter_suppressions').selectAll().where('email', '=', r.email).executeTakeFirst(),
  ]);
  return { subscriber: r, subscriptions, letters, bounces, suppression: suppression ?? null };
}

/** Deletes a reader and everything kept about them (their letters in the send log, their bounces). The address
 * stays on the suppression list only if it was there: a reader who asked to be forgotten may sign up again. */
export async function deleteSubscriber(ctx: AppContext, id: number): Promise<void> {
  const r = await ctx.db.selectFrom('newsletter_subscribers').select(['id', 'email']).where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('No such reader');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('newsletter_send_log').where('subscriber_id', '=', id).execute();
    await trx.deleteFrom('newsletter_bounces').where('email', '=', r.email).execute();
    await trx.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', id).execute();
    await trx.deleteFrom('newsletter_subscribers').where('id', '=', id).execute();
  });
}

export interface ImportRow {
  /** the line in the file (the header is line 1) */
  row: number;
  email: string;
  name: string;
  status: 'subscribed' | 'unsubscribed';
  consentAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  ip: string;
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: { row: number; reason: string }[];
  /** what the export says it is: import:mailchimp, import:ghost or import:csv */
  source: string;
  /** with `preview`: the first rows as they would come in, nothing written */
  rows?: ImportRow[];
}

const MAX_ROWS = 200_000;
const PREVIEW_ROWS = 20;

function when(v: unknown, fallback: string): string {
  if (typeof v !== 'string' || !v.trim()) return fallback;
  const t = Date.parse(v.includes('T') || v.endsWith('Z') ? v : `${v.replace(' ', 'T')}Z`);
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

/** Reads a CSV export into the rows it would import and the lines it cannot, each with why. */
function readImport(csv: string, now: string): { rows: ImportRow[]; skipped: ImportReport['skipped']; source: string } {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, bom: true, relax_column_count: true, relax_quotes: true, to: MAX_ROWS + 1 });
  } catch (err) {
    throw new ValidationError('csv', `The file is not CSV this importer can read: ${(err as Error).message}`);
  }
  if (records.length > MAX_ROWS) throw new ValidationError('csv', `At most ${MAX_ROWS} readers in one import`);
  if (!records.length) throw new ValidationError('csv', 'The file has a header but no readers');
  if (!('email address' in records[0] || 'email' in records[0])) throw new ValidationError('csv', 'The file has no "Email Address" (Mailchimp) or "email" (Ghost) column');
  const source = 'email address' in records[0] ? 'import:mailchimp' : 'created_at' in records[0] ? 'import:ghost' : 'import:csv';
  const rows: ImportRow[] = [];
  const skipped: ImportReport['skipped'] = [];
  const seen = new Map<string, number>();
  for (const [i, rec] of records.entries()) {
    const line = i + 2;
    let email: string;
    try { email = readEmail(rec['email address'] ?? rec.email); } catch (err) {
      skipped.push({ row: line, reason: err instanceof NewsletterRefusedError ? err.message : 'no address' });
      continue;
    }
    const first = seen.get(email);
    if (first !== undefined) { skipped.push({ row: line, reason: `The same address is on line ${first}` }); continue; }
    seen.set(email, line);
    const name = (rec.name ?? [rec['first name'], rec['last name']].filter(Boolean).join(' ')).replace(/[\u0000-\u001f]/g, ' ').trim().slice(0, 100);
    const consentAt = when(rec.optin_time ?? rec.created_at, now);
    const out = (rec.subscribed_to_emails ?? rec.subscribed ?? 'true').trim().toLowerCase();
    const status = out === 'false' || out === '0' || out === 'no' ? 'unsubscribed' as const : 'subscribed' as const;
    rows.push({
      row: line, email, name, status, consentAt, ip: (rec.optin_ip ?? '').slice(0, 45),
      confirmedAt: status === 'subscribed' ? when(rec.confirm_time ?? rec.optin_time ?? rec.created_at, consentAt) : null,
      unsubscribedAt: status === 'unsubscribed' ? when(rec.unsub_time ?? rec.last_changed, now) : null,
    });
  }
  return { rows, skipped, source };
}

/** Imports a CSV export: Mailchimp's (Email Address, First Name, Last Name, OPTIN_TIME, CONFIRM_TIME, LAST_CHANGED) or
 * Ghost's (email, name, subscribed_to_emails, created_at), or any CSV with an email column. Readers marked as not
 * subscribed in the export come in as unsubscribed; consent and confirmation dates are kept. With `preview`, it
 * says what it would do (counts, the first rows, the lines it cannot read) and writes nothing. */
export async function importCsv(ctx: AppContext, input: { listId: number; csv: string; language?: string; preview?: boolean }): Promise<ImportReport> {
  const list = await getList(ctx.db, input.listId);
  const language = input.language && (LANGUAGES as readonly string[]).includes(input.language) ? input.language : list.language;
  const now = ctx.clock.now().toISOString();
  const { rows, skipped, source } = readImport(input.csv, now);
  const report: ImportReport = { added: 0, updated: 0, skipped, source };
  if (input.preview) {
    for (let i = 0; i < rows.length; i += 500) {
      const emails = rows.slice(i, i + 500).map((r) => r.email);
      const known = await ctx.db.selectFrom('newsletter_subscribers').select((eb) => eb.fn.countAll<number>().as('n')).where('email', 'in', emails).executeTakeFirstOrThrow();
      report.updated += Number(known.n);
    }
    report.added = rows.length - report.updated;
    report.rows = rows.slice(0, PREVIEW_ROWS);
    return report;
  }
  for (const row of rows) {
    await ctx.db.transaction().execute(async (trx) => {
      const made = await trx.insertInto('newsletter_subscribers').values({ email: row.email, name: row.name, language, source, created_at: row.consentAt })
        .onConflict((oc) => oc.column('email').doNothing()).returning('id').execute();
      const r = made[0] ?? (await trx.selectFrom('newsletter_subscribers').select('id').where('email', '=', row.email).executeTakeFirstOrThrow());
      if (made.length) report.added++; else report.updated++;
      await trx.insertInto('newsletter_subscriptions').values({ subscriber_id: r.id, list_id: list.id, status: row.status, consent_at: row.consentAt, consent_ip: row.ip,
        confirmed_at: row.confirmedAt, unsubscribed_at: row.unsubscribedAt })
        .onConflict((oc) => oc.columns(['subscriber_id', 'list_id']).doNothing()).execute();
    });
  }
  return report;
}

/** Every reader of a list as CSV (email, name, language, status, consent and confirmation dates). */
export async function exportListCsv(ctx: AppContext, listId: number): Promise<string> {
  await getList(ctx.db, listId);
  const rows = await ctx.db.selectFrom('newsletter_subscriptions as s').innerJoin('newsletter_subscribers as r', 'r.id', 's.subscriber_id')
    .select(['r.email', 'r.name', 'r.language', 's.status', 's.consent_at', 's.confirmed_at', 's.unsubscribed_at']).where('s.list_id', '=', listId).orderBy('r.id').execute();
  const cell = (v: string | null) => (v === null ? '' : /[",\n\r]|^[=+\-@]/.test(v) ? `"${v.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : v);
  return ['email,name,language,status,consent_at,confirmed_at,unsubscribed_at', ...rows.map((r) => [r.email, r.name, r.language, r.status, r.consent_at, r.confirmed_at, r.unsubscribed_at].map(cell).join(','))].join('\n') + '\n';
}
