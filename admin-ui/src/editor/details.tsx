// An article's details beside its text: section, tags (pick or create), the byline's people in order, the hero
// picture with its alt text, caption and credit, the address (slug), the SEO title and description, language (Dari and Pashto read right to
// left), comments open or closed, and the syndication source (for those who may manage sources: nobody else is
// sent to ask for them). A hero picture is chosen from the library, or uploaded or dropped here without leaving.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Me } from '../session.ts';
import type { Answer } from '../api_types.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { MediaPicker, thumbnail, type MediaRow } from '../screens/media_picker.tsx';
import { Field, fieldError } from '../ui.tsx';
import type { ArticleForm } from './draft_store.ts';
import { picturesIn, SendingList, usePictureUpload } from './picture_upload.tsx';

type ListPath = '/api/admin/sections' | '/api/admin/tags' | '/api/admin/people' | '/api/admin/sources';

/** A list the form picks from (`rowsOf` takes it from the answer); not asked for at all when the person may not read it. */
function useList<P extends ListPath, T>(path: P, rowsOf: (r: Answer<P, 'get'>) => T[], may = true): T[] {
  const [rows, setRows] = useState<T[]>([]);
  useEffect(() => { if (may) void api<Answer<P, 'get'>>('GET', path).then((r) => setRows(rowsOf(r)), () => setRows([])); }, [may]);
  return rows;
}

export function ArticleDetails({ me, form, error, onChange }: { me: Me; form: ArticleForm; error: unknown; onChange: (p: Partial<ArticleForm>) => void }) {
  const sections = useList('/api/admin/sections', (r) => r.sections);
  const tags = useList('/api/admin/tags', (r) => r.tags);
  const people = useList('/api/admin/people', (r) => r.people);
  const sources = useList('/api/admin/sources', (r) => r.sources, me.capabilities.includes('sources.manage'));
  const [picking, setPicking] = useState(false);
  const [over, setOver] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const uploads = usePictureUpload();
  const latest = useRef(form);
  latest.current = form;
  const takeHero = (m: MediaRow) => {
    setHero(m);
    const f = latest.current;
    onChange({ heroMediaId: m.id, heroAlt: f.heroAlt || m.alt || '', heroCaption: f.heroCaption || m.caption || '', heroCredit: f.heroCredit || m.credit || '' });
  };
  /** An uploaded hero has no alt text yet: the cursor goes to the field that asks for it. */
  const uploadHero = async (files: File[]) => {
    const [m] = await uploads.send(files.slice(0, 1));
    if (!m) return;
    takeHero(m);
    window.setTimeout(() => document.getElementById('hero-alt')?.focus(), 0);
  };
  const [hero, setHero] = useState<MediaRow | null>(null);
  useEffect(() => {
    if (form.heroMediaId && hero?.id !== form.heroMediaId) {
      void api<{ media: MediaRow }>('GET', `/api/admin/media/${form.heroMediaId}`).then((r) => setHero(r.media), () => {});
    }
  }, [form.heroMediaId]);
  // The byline as the story's readers will see it: a person's name in the story's language where they have one.
  const nameOf = (id: number) => { const p = people.find((x) => x.id === id); return p ? p.names?.[form.language] || p.name : `#${id}`; };
  const move = (i: number, by: number) => {
    const ids = [...form.authorIds];
    [ids[i], ids[i + by]] = [ids[i + by], ids[i]];
    onChange({ authorIds: ids });
  };
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  const idOrNull = (e: Event) => (value(e) ? Number(value(e)) : null);

  return (
    <div class="details">
      <Field id="section" label={t('article.section')} error={fieldError(error, 'sectionId')}>
        <select id="section" value={form.sectionId ?? ''} onChange={(e) => onChange({ sectionId: idOrNull(e) })}>
          <option value="">{t('details.no_section')}</option>
          {sections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </Field>
      <Field id="tags" label={t('article.tags')} hint={t(me.capabilities.includes('tags.manage') ? 'details.tags_hint' : 'details.tags_hint_pick')} error={fieldError(error, 'tags')}>
        <input id="tags" list="tag-names" dir="auto" value={form.tags.join(', ')} aria-describedby="tags-hint"
          onChange={(e) => onChange({ tags: value(e).split(',').map((x) => x.trim()).filter(Boolean) })} />
        <datalist id="tag-names">{tags.map((x) => <option key={x.id} value={x.name} />)}</datalist>
      </Field>
      <fieldset class="byline">
        <legend>{t('article.authors')}</legend>
        <ol>
          {form.authorIds.map((id, i) => (
            <li key={id}>
              <span>{nameOf(id)}</span>
              <button type="button" class="quiet" disabled={i === 0} aria-label={t('details.earlier', { name: nameOf(id) })} onClick={() => move(i, -1)}>↑</button>
              <button type="button" class="quiet" disabled={i === form.authorIds.length - 1} aria-label={t('details.later', { name: nameOf(id) })} onClick={() => move(i, 1)}>↓</button>
              <button type="button" class="quiet" aria-label={t('details.remove', { name: nameOf(id) })} onClick={() => onChange({ authorIds: form.authorIds.filter((x) => x !== id) })}>×</button>
            </li>
          ))}
        </ol>
        <label for="add-author">{t('details.add_author')}</label>
        <select id="add-author" value="" onChange={(e) => { const id = idOrNull(e); if (id && !form.authorIds.includes(id)) onChange({ authorIds: [...form.authorIds, id] }); }}>
          <option value="">—</option>
          {people.filter((p) => !form.authorIds.includes(p.id)).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </fieldset>
      <fieldset class="hero">
        <legend>{t('article.hero')}</legend>
        {form.heroMediaId && hero ? <img src={thumbnail(hero)} alt="" width={240} height={Math.round((240 * hero.height) / hero.width)} /> : null}
        <p>
          <button type="button" class="quiet" onClick={() => setPicking(true)}>{t(form.heroMediaId ? 'details.hero_change' : 'details.hero_pick')}</button>{' '}
          {form.heroMediaId ? <button type="button" class="quiet" onClick={() => onChange({ heroMediaId: null })}>{t('details.hero_remove')}</button> : null}
        </p>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping a picture is a shortcut; the upload button does the same */}
        <div class={over ? 'hero-upload over' : 'hero-upload'} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
          onDrop={(e) => { e.preventDefault(); setOver(false); void uploadHero(picturesIn(e.dataTransfer)); }}>
          <button type="button" class="quiet" onClick={() => file.current?.click()}>{t('hero.upload')}</button>
          <small>{t('hero.drop')}</small>
          <input ref={file} id="hero-file" type="file" accept="image/*" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void uploadHero([...(input.files ?? [])]);
            input.value = '';
          }} />
        </div>
        <SendingList sending={uploads.sending} dismiss={uploads.dismiss} />
        {form.heroMediaId ? (
          <>
            <Field id="hero-alt" label={t('media.alt')} error={fieldError(error, 'heroAlt')}>
              <input id="hero-alt" dir="auto" value={form.heroAlt} onInput={(e) => onChange({ heroAlt: value(e) })} />
            </Field>
            <Field id="hero-caption" label={t('media.caption')}><input id="hero-caption" dir="auto" value={form.heroCaption} onInput={(e) => onChange({ heroCaption: value(e) })} /></Field>
            <Field id="hero-credit" label={t('media.credit')}><input id="hero-credit" dir="auto" value={form.heroCredit} onInput={(e) => onChange({ heroCredit: value(e) })} /></Field>
          </>
        ) : null}
      </fieldset>
      <Field id="slug" label={t('article.slug')} hint={t('details.slug_hint')} error={fieldError(error, 'slug')}>
        <input id="slug" dir="ltr" value={form.slug} aria-describedby="slug-hint" onInput={(e) => onChange({ slug: value(e) })} />
      </Field>
      <fieldset class="seo">
        <legend>{t('seo.legend')}</legend>
        <Field id="seo-title" label={t('seo.title')} hint={t('seo.title_hint', { count: form.seoTitle.length })} error={fieldError(error, 'seoTitle')}>
          <input id="seo-title" dir="auto" maxLength={120} value={form.seoTitle} aria-describedby="seo-title-hint" onInput={(e) => onChange({ seoTitle: value(e) })} />
        </Field>
        <Field id="seo-description" label={t('seo.description')} hint={t('seo.description_hint', { count: form.seoDescription.length })} error={fieldError(error, 'seoDescription')}>
          <textarea id="seo-description" dir="auto" rows={3} maxLength={300} value={form.seoDescription} aria-describedby="seo-description-hint"
            onInput={(e) => onChange({ seoDescription: (e.target as HTMLTextAreaElement).value })} />
        </Field>
      </fieldset>
      <Field id="language" label={t('article.language')} error={fieldError(error, 'language')}>
        <select id="language" value={form.language} onChange={(e) => onChange({ language: value(e) })}>
          {['en', 'fa', 'ps'].map((l) => <option key={l} value={l}>{t(`lang.${l}` as MessageKey)}</option>)}
        </select>
      </Field>
      <div class="field check">
        <label><input type="checkbox" checked={form.commentsOpen} onChange={(e) => onChange({ commentsOpen: (e.target as HTMLInputElement).checked })} /> {t('article.comments_open')}</label>
      </div>
      <div class="field check">
        <label><input type="checkbox" checked={form.noSyndication ?? false} onChange={(e) => onChange({ noSyndication: (e.target as HTMLInputElement).checked })} /> {t('article.no_syndication')}</label>
      </div>
      {sources.length ? (
        <>
          <Field id="source" label={t('article.source')} error={fieldError(error, 'sourceId')}>
            <select id="source" value={form.sourceId ?? ''} onChange={(e) => onChange({ sourceId: idOrNull(e) })}>
              <option value="">{t('details.own_story')}</option>
              {sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </Field>
          {form.sourceId ? (
            <Field id="source-url" label={t('article.source_url')} error={fieldError(error, 'sourceUrl')}>
              <input id="source-url" type="url" dir="ltr" value={form.sourceUrl} onInput={(e) => onChange({ sourceUrl: value(e) })} />
            </Field>
          ) : null}
        </>
      ) : null}
      {picking ? (
        <MediaPicker onClose={() => setPicking(false)} onPick={(m) => { setPicking(false); takeHero(m); }} />
      ) : null}
    </div>
  );
}
