// The answer to a comment posted (or reported) without JavaScript: a site page like any other, in the article's
// language, saying what happened; after a refusal it holds the form again with everything the reader typed.
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { getCommentSettings } from '../comments/settings.ts';
import { t } from '../i18n/index.ts';
import { loadSiteView } from './site_view.ts';
import { Layout } from './views/layout.tsx';
import { articleHref } from './views/parts.tsx';
import { CommentAssets, CommentForm, type CommentFormState } from './comments_block.tsx';

export interface AnsweredArticle {
  id: number;
  slug: string;
  language: string;
}

/** What the page says: the message, and after a refusal the form as the reader left it. */
export interface CommentAnswer {
  message: string;
  state?: CommentFormState;
}

/** The page: the message, or the refused form with the reader's text and the message above it. */
export async function commentAnswerPage(ctx: AppContext, article: AnsweredArticle, answer: CommentAnswer): Promise<VNode> {
  const [site, s] = await Promise.all([loadSiteView(ctx, article.language), getCommentSettings(ctx.db)]);
  const lang = article.language;
  const title = t(lang, 'comments.form.page_title');
  return (
    <Layout site={site} title={`${title} | ${site.settings.name}`} head={<meta name="robots" content="noindex" />}>
      <section class="comment-page">
        <h1>{title}</h1>
        {answer.state
          ? <><CommentForm articleId={article.id} lang={lang} s={s} state={answer.state} heading="h2" /><CommentAssets /></>
          : <p class="comment-message comment-message-ok" role="status">{answer.message}</p>}
        <p><a href={`${articleHref(article.slug)}#comments`}>{t(lang, 'comments.form.back')}</a></p>
      </section>
    </Layout>
  );
}
