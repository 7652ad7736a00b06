// The article editor: the text and its details, saved as you type (autosave with a visible state, a copy on this
// device first), a warning before leaving unsaved work, conflicts shown rather than overwritten, the moves the
// person may make (in a bar that stays in reach on a phone), a published story's unpublished changes (see them,
// discard them, Update), the note of a story sent back, preview in the site's layout, and the revision history.
// The state lives in useEditor (use_editor.ts).
import { useEffect, useRef } from 'preact/hooks';
import type { ScreenProps } from '../session.ts';
import { isRtl, t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError } from '../ui.tsx';
import { ArticleActions } from './actions.tsx';
import { ArticleDetails } from './details.tsx';
import { AnnounceOptions } from './announce.tsx';
import { TranslationLinks } from './translation_links.tsx';
import { BodyEditor } from './body_editor.tsx';
import { UnpublishedChangesNote, ReviewNote } from './changes.tsx';
import { wordsAndMinutes } from './draft_store.ts';
import { Revisions } from './revisions.tsx';
import { StoryFigures } from '../screens/story_figures.tsx';
import { SaveStatus } from './save_status.tsx';
import { useEditor } from './use_editor.ts';
import { LiveLink } from '../live/live_link.tsx';

export function EditorScreen({ me, id }: ScreenProps) {
  const e = useEditor(id);
  const headline = useRef<HTMLInputElement>(null);
  // "New article" starts with the cursor in the headline.
  useEffect(() => { if (id === undefined && e.form) headline.current?.focus(); }, [id, e.form === null]);

  if (e.loadError) return <ErrorNote error={e.loadError} retry={e.load} />;
  const { form, article, state } = e;
  if (!form) return <p role="status">{t('common.loading')}</p>;
  const refused = state.kind === 'refused' ? state.error : null;
  const dir = isRtl(form.language) ? 'rtl' : 'auto';
  const { words, minutes } = wordsAndMinutes(`${form.standfirst} ${e.bodyText}`);
  const mayUpdate = article?.moves?.includes('update') ?? false;

  return (
    <section class="editor">
      <div class="heading">
        <h1>{id === undefined ? t('editor.new') : t('editor.title')}</h1>
        <SaveStatus state={state} onKeepMine={e.keepMine} onTakeTheirs={e.takeTheirs} onRetry={() => { void e.save(); }} />
      </div>
      {refused && !refused.field ? <ErrorNote error={refused} retry={() => { void e.save(); }} /> : null}
      {article?.review ? <ReviewNote review={article.review} status={article.status} timeZone={article.time_zone} /> : null}
      {article?.changes ? (
        <UnpublishedChangesNote article={article} mayUpdate={mayUpdate} beforeLook={() => e.save(false)} base={e.base} onDiscarded={e.replace} />
      ) : null}
      <div class="editor-columns">
        <div class="editor-main">
          <Field id="headline" label={t('article.headline')} error={fieldError(refused, 'headline')}>
            <input id="headline" ref={headline} class="headline" dir={dir} value={form.headline} maxLength={300} required
              onInput={(ev) => e.change({ headline: (ev.target as HTMLInputElement).value })} />
          </Field>
          <Field id="standfirst" label={t('article.standfirst')} error={fieldError(refused, 'standfirst')}>
            <textarea id="standfirst" dir={dir} rows={2} value={form.standfirst} maxLength={1000}
              onInput={(ev) => e.change({ standfirst: (ev.target as HTMLTextAreaElement).value })} />
          </Field>
          <div class={fieldError(refused, 'bodyHtml') ? 'field invalid' : 'field'}>
            <span class="label" id="body-label">{t('article.body')}</span>
            <BodyEditor key={e.generation} html={form.bodyHtml} dir={dir} onChange={e.bodyChanged} />
            {fieldError(refused, 'bodyHtml') ? <small class="field-error" role="alert">{fieldError(refused, 'bodyHtml')}</small> : null}
          </div>
          <p class="meta">{t('editor.words', { words, minutes })}</p>
        </div>
        <aside class="editor-side" aria-label={t('editor.details')}>
          {article ? <ArticleActions article={article} base={e.base} beforeMove={() => e.save(false)} onMoved={e.moved} /> : null}
          {article ? <AnnounceOptions me={me} article={article} /> : null}
          <ArticleDetails me={me} form={form} error={refused} onChange={e.change} />
          {article ? <TranslationLinks articleId={article.id} language={form.language} /> : null}
          {article ? <Revisions articleId={article.id} updatedAt={article.updated_at} timeZone={article.time_zone} onRestored={e.replace} /> : null}
          {article ? <StoryFigures me={me} articleId={article.id} /> : null}
          {article ? <LiveLink me={me} articleId={article.id} /> : null}
        </aside>
      </div>
    </section>
  );
}
