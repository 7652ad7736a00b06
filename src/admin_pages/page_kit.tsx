// What every sign-in page does the same way: read a form, render in the site's language with a fresh form token,
// answer never-cached, turn a refusal from the accounts service into a message for the form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { KhabarError, TooManyRequestsError } from '../errors.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { loadSiteView } from '../site/site_view.ts';
import type { SessionStage } from '../auth/tables.ts';
import { csrfToken } from '../http/csrf.ts';
import { AdminLayout, type PageView, type Problem } from './layout.tsx';

/** The language, the newsroom's name and a CSRF token (setting its secret cookie when the browser has none). */
export async function pageView(ctx: AppContext, reply: FastifyReply): Promise<PageView> {
  const site = await loadSiteView(ctx);
  return { lang: site.lang, siteName: site.settings.name, csrf: await csrfToken(reply) };
}

/** 303 See Other: after a form, the browser GETs the next page. */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('cache-control', 'no-store').header('location', location).send();
}

/** Where a session at this stage goes next. */
export function pageFor(stage: SessionStage): string {
  return stage === 'full' ? '/admin' : stage === 'two_factor' ? '/admin/sign-in/code' : '/admin/two-factor';
}

/** The named fields of a form as text ('' when missing, repeated or not text). */
export function formFields<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, typeof b[n] === 'string' ? b[n] : ''])) as Record<K, string>;
}

/** The one-time token of a link: from the form, else from the address. */
export function tokenOf(req: FastifyRequest, fromForm = ''): string {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return fromForm || (typeof q.token === 'string' ? q.token : '');
}

/** A refusal as the form shows it; anything that is not a refusal (a bug, the database down) is thrown on. */
export function problemOf(err: unknown, reply: FastifyReply, lang: string): Problem {
  if (!(err instanceof KhabarError)) throw err;
  if (err instanceof TooManyRequestsError) reply.header('retry-after', String(err.retryAfterSeconds));
  if (err.code === 'csrf') return { status: 403, message: t(lang, 'admin.error.csrf') };
  return { status: err.status, message: err.message, field: err.field };
}

/** The page a used, expired or made-up link opens. */
export function InvalidLink({ view, text, next }: { view: PageView; text: MessageKey; next?: { href: string; label: MessageKey } }): VNode {
  return (
    <AdminLayout view={view} title={t(view.lang, 'admin.link.invalid_title')}>
      <p class="admin-alert" role="alert">{t(view.lang, text)}</p>
      {next ? <p><a href={next.href}>{t(view.lang, next.label)}</a></p> : null}
    </AdminLayout>
  );
}
