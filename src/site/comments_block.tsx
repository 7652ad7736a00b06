// The article page's comment thread and form. The block is the same for every reader of a given URL (the page
// is cached): no per-reader token, no cookie read. Paging (?cpage=) and "Reply" (?replyto=) are plain links, so
// everything works without JavaScript; public/comments.js makes the same form answer inline.
import type { FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { assetUrl } from './assets.ts';
import type { AppContext } from '../context.ts';
import { getSettings } from '../content/settings.ts';
import { getCommentSettings, type CommentSettings } from '../comments/settings.ts';
import { commentsOpen } from '../comments/articles.ts';
import { loadThread, replyTarget, type ThreadComment } from '../comments/thread.ts';
import { commentParagraphs } from '../comments/text.ts';
import type { TypedFields } from '../comments/validate.ts';
import { t, formatDate, type DateContext } from '../i18n/index.ts';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'altcha-widget': { challenge: string; name: string; auto: string; configuration?: string; language?: string };
    }
  }
}

export interface CommentsArticle {
  id: number;
  slug: string;
  comments_open: number;
  language: string;
  published_at?: string | null;
}

/** A form shown again after a refused post: what the reader typed and what went wrong. */
export interface CommentFormState {
  fields: TypedFields;
  message: string;
  field?: string;
  ok?: boolean;
}


/** Comment text as inert paragraphs: links are http(s) only and marked nofollow ugc. */
export function CommentBody({ body }: { body: string }): VNode {
  return (
    <div class="comment-body" dir="auto">
      {commentParagraphs(body).map((lines) => (
        <p>{lines.map((pieces, i) => [i > 0 ? <br /> : null, pieces.map((x) => ('href' in x
          ? <a href={x.href} rel="nofollow ugc noopener">{x.text}</a>
          : x.text))])}</p>
      ))}
    </div>
  );
}

export function CommentItem({ c, lang, dates, canReply }: { c: ThreadComment; lang: string; dates: DateContext; canReply: boolean }): VNode {
  return (
    <li id={`comment-${c.id}`} class="comment" data-depth={c.depth}>
      <article>
        <header>
          <b class="comment-author" dir="auto">{c.name}</b>{' '}
          <a class="comment-permalink" href={`#comment-${c.id}`} title={t(lang, 'comments.permalink')}>
            <time datetime={c.createdAt}>{formatDate(c.createdAt, lang, dates, 'datetime')}</time>
          </a>
        </header>
        <CommentBody body={c.body} />
        <footer class="comment-actions">
          {canReply && <a class="comment-reply" href={`?replyto=${c.id}#comment-form`} data-reply-to={c.id} data-reply-name={c.name}>{t(lang, 'comments.reply')}</a>}
          <form class="comment-report" method="post" action={`/comments/${c.id}/report`}>
            <button type="submit">{t(lang, 'comments.report')}</button>
          </form>
        </footer>
      </article>
      {c.replies.length > 0 && <ol class="comment-replies">{c.replies.map((r) => <CommentItem c={r} lang={lang} dates={dates} canReply={canReply} />)}</ol>}
    </li>
  );
}

function Field({ id, label, invalid, children }: { id: string; label: string; invalid: boolean; children: ComponentChildren }): VNode {
  return <p class={invalid ? 'comment-field comment-field-invalid' : 'comment-field'}><label for={id}>{label}</label>{children}</p>;
}

export function CommentForm({ articleId, lang, s, state, replyTo, heading: Heading = 'h3' }: {
  articleId: number; lang: string; s: CommentSettings; state?: CommentFormState; replyTo?: { id: number; name: string } | null;
  /** h3 under the article's comments heading; h2 on a page of its own */
  heading?: 'h2' | 'h3';
}): VNode {
  const f = state?.fields;
  const parent = f?.parent_id ?? (replyTo ? String(replyTo.id) : '');
  return (
    <form id="comment-form" class="comment-form" method="post" action="/comments" novalidate data-comment-form>
      <Heading>{t(lang, 'comments.form.heading')}</Heading>
      <p class={state?.ok ? 'comment-message comment-message-ok' : 'comment-message'} role="alert" aria-live="polite" data-comment-message>{state?.message ?? ''}</p>
      <input type="hidden" name="article_id" value={String(articleId)} />
      <input type="hidden" name="parent_id" value={parent} data-parent-id />
      <p class="comment-replying" hidden={!replyTo} data-replying>
        <span data-replying-text data-template={t(lang, 'comments.form.replying')}>{replyTo ? t(lang, 'comments.form.replying', { name: replyTo.name }) : ''}</span>{' '}
        <a href="#comment-form" data-cancel-reply>{t(lang, 'comments.form.cancel_reply')}</a>
      </p>
      <Field id="comment-text" label={t(lang, 'comments.form.comment')} invalid={state?.field === 'comment'}>
        <textarea id="comment-text" name="comment" rows={6} maxLength={s.bodyMax} dir="auto" aria-invalid={state?.field === 'comment' ? 'true' : undefined}>{f?.comment ?? ''}</textarea>
      </Field>
      <Field id="comment-name" label={t(lang, 'comments.form.name')} invalid={state?.field === 'name'}>
        <input id="comment-name" name="name" maxLength={s.nameMax} autocomplete="name" dir="auto" value={f?.name ?? ''} aria-invalid={state?.field === 'name' ? 'true' : undefined} />
      </Field>
      <Field id="comment-email" label={t(lang, 'comments.form.email')} invalid={state?.field === 'email'}>
        <input id="comment-email" name="email" type="email" maxLength={254} autocomplete="email" value={f?.email ?? ''} aria-invalid={state?.field === 'email' ? 'true' : undefined} />
      </Field>
      <p class="comment-hp" hidden aria-hidden="true">
        <label>{t(lang, 'comments.form.honeypot')} <input name="website" tabIndex={-1} autocomplete="off" /></label>
      </p>
      <altcha-widget challenge={`/comments/challenge?article=${articleId}`} name="altcha" auto="onfocus" configuration='{"hideFooter":true,"hideLogo":true}' />
      <p class="comment-pow-note" aria-live="polite" hidden data-pow-note data-pow-wait={t(lang, 'comments.pow_wait', { seconds: '{seconds}' })} data-pow-busy={t(lang, 'comments.pow_busy', { seconds: '{seconds}' })} />
      <noscript><p class="comment-noscript">{t(lang, 'comments.form.noscript')}</p></noscript>
      <p><button type="submit">{t(lang, 'comments.form.submit')}</button></p>
    </form>
  );
}

/** The form's script, from our own origin; it fetches the proof-of-work widget and its styles only when a reader
 * starts on the form (the article page's weight budget holds no widget). */
export function CommentAssets(): VNode {
  return (
    <script type="module" src={assetUrl('comments.js')} data-worker={assetUrl('altcha/sha.js')}
      data-widget={assetUrl('altcha/altcha.min.js')} data-widget-css={assetUrl('altcha/altcha.css')} />
  );
}

function pageParam(v: unknown): number {
  return typeof v === 'string' && /^\d{1,6}$/.test(v) ? Math.max(1, Number(v)) : 1;
}

/** Loads and renders the comments block for an article page (marked place: <section id="comments">). */
export async function loadCommentsBlock(ctx: AppContext, article: CommentsArticle, req: FastifyRequest, state?: CommentFormState): Promise<VNode | null> {
  const [s, site] = await ctx.reads.get('comment-settings', () => Promise.all([getCommentSettings(ctx.db), getSettings(ctx.db)]));
  const query = (req.query ?? {}) as Record<string, unknown>;
  const page = pageParam(query.cpage);
  const thread = await ctx.reads.get(`thread:${article.id}:${page}:${s.pageSize}`, () => loadThread(ctx.db, article.id, page, s.pageSize));
  const open = commentsOpen({ comments_open: article.comments_open, published_at: article.published_at ?? null }, s, site, ctx.clock.now());
  const lang = article.language;
  let replyTo: { id: number; name: string } | null = null;
  const replyId = pageParam(query.replyto);
  if (open && query.replyto !== undefined) {
    replyTo = await replyTarget(ctx.db, article.id, replyId);
  }
  const base = `/articles/${encodeURIComponent(article.slug)}`;
  return (
    <div class="comments" data-article-id={article.id}>
      <h2 data-comments-heading>{t(lang, 'comments.heading', { count: thread.count })}</h2>
      {thread.count === 0 && <p class="comments-none" data-comments-none>{t(lang, 'comments.none')}</p>}
      <ol class="comment-list" data-comment-list>{thread.comments.map((c) => <CommentItem c={c} lang={lang} dates={site} canReply={open} />)}</ol>
      {thread.pages > 1 && (
        <nav class="comment-pages">
          {thread.page > 1 && <a rel="prev" href={`${base}?cpage=${thread.page - 1}#comments`}>{t(lang, 'comments.previous')}</a>}{' '}
          {thread.page < thread.pages && <a rel="next" href={`${base}?cpage=${thread.page + 1}#comments`}>{t(lang, 'comments.more')}</a>}
        </nav>
      )}
      {open ? <><CommentForm articleId={article.id} lang={lang} s={s} state={state} replyTo={replyTo} /><CommentAssets /></> : <p class="comments-closed">{t(lang, 'comments.closed')}</p>}
    </div>
  );
}

/** One comment as HTML, for the inline answer to a post made with JavaScript. */
export async function renderCommentHtml(ctx: AppContext, c: ThreadComment, language: string): Promise<string> {
  const site = await getSettings(ctx.db);
  return render(<CommentItem c={c} lang={language} dates={site} canReply />);
}
