// The editor's way to the live desk: a small panel beside the story's details.
import { t } from '../i18n/index.ts';

export function LiveLink({ articleId }: { articleId: number }) {
  return (
    <section class="live-link" aria-labelledby="live-link-heading">
      <h2 id="live-link-heading">{t('live.title')}</h2>
      <p class="meta">{t('live.editor_hint')}</p>
      <a class="button" href={`/admin/articles/${articleId}/live`}>{t('live.open')}</a>
    </section>
  );
}
