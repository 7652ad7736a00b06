// The editor's way to the live desk: a small panel beside the story's details.
import type { Me } from '../session.ts';
import { t } from '../i18n/index.ts';

/** Shown to those who may publish (entries go public at once); the desk checks the story itself. */
export function LiveLink({ me, articleId }: { me: Me; articleId: number }) {
  if (!me.capabilities.includes('articles.publish_own')) return null;
  return (
    <section class="live-link" aria-labelledby="live-link-heading">
      <h2 id="live-link-heading">{t('live.title')}</h2>
      <p class="meta">{t('live.editor_hint')}</p>
      <a class="button" href={`/admin/articles/${articleId}/live`}>{t('live.open')}</a>
    </section>
  );
}
