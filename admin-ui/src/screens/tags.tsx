// Tags: search them, rename one (its name and address; the old address keeps answering with a redirect), or merge
// one into another: its articles carry the other tag, and its page leads to the other's.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { Field, fieldError, Heading, ErrorNote } from '../ui.tsx';
import { Done, FormError, useList, textOf } from './content_kit.tsx';
import type { Answer, Item } from '../api_types.ts';

type Tag = Item<Answer<'/api/admin/tags', 'get'>['tags']>;

export function Tags(_props: ScreenProps) {
  const list = useList<Tag>('/api/admin/tags', 'tags');
  const [words, setWords] = useState('');
  const [editing, setEditing] = useState<Tag | null>(null);
  const [done, setDone] = useState('');
  const w = words.trim().toLowerCase();
  const shown = (list.rows ?? []).filter((x) => !w || x.name.toLowerCase().includes(w) || x.slug.includes(w));
  const finish = async (message: string | null) => {
    setEditing(null);
    if (message) { setDone(message); await list.reload(); }
  };
  return (
    <section>
      <Heading text="tags.title" />
      <p><label>{t('tags.search')} <input type="search" dir="auto" value={words} onInput={(e) => setWords(textOf(e))} /></label></p>
      <ErrorNote error={list.error} retry={list.reload} />
      {done ? <Done text={done} /> : null}
      {editing ? <TagForm key={editing.id} tag={editing} all={list.rows ?? []} onDone={finish} /> : null}
      {list.rows === null ? (list.error ? null : <p role="status">{t('common.loading')}</p>) : shown.length === 0 ? <p>{t('tags.none')}</p> : (
        <table class="list">
          <caption class="visually-hidden">{t('tags.title')}</caption>
          <thead><tr><th scope="col">{t('tags.name')}</th><th scope="col">{t('tags.address')}</th></tr></thead>
          <tbody>
            {shown.map((x) => (
              <tr key={x.id}>
                <td>
                  <span dir="auto">{x.name}</span>{' '}
                  <button type="button" class="link" aria-label={t('tags.edit', { name: x.name })} onClick={() => { setDone(''); setEditing(x); }}>{t('tags.rename_or_merge')}</button>
                </td>
                <td dir="ltr">/tag/{x.slug}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TagForm({ tag, all, onDone }: { tag: Tag; all: Tag[]; onDone: (message: string | null) => void }) {
  const [name, setName] = useState(tag.name);
  const [slug, setSlug] = useState(tag.slug);
  const [into, setInto] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mergeError, setMergeError] = useState<unknown>(null);
  const others = all.filter((x) => x.id !== tag.id);
  const rename = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api('PATCH', `/api/admin/tags/${tag.id}`, { name, ...(slug.trim() && slug.trim() !== tag.slug ? { slug: slug.trim() } : {}) });
      onDone(t('common.saved_name', { name }));
    } catch (err) { setError(err); }
  };
  const merge = async (e: Event) => {
    e.preventDefault();
    setMergeError(null);
    const target = others.find((x) => x.name === into.trim() || x.slug === into.trim());
    if (!target) { setMergeError(new MergeTargetMissing(t('tags.no_target', { name: into.trim() }))); return; }
    try {
      const r = await api<Answer<'/api/admin/tags/{id}/merge', 'post'>>('POST', `/api/admin/tags/${tag.id}/merge`, { into: target.id });
      onDone(t('tags.merged', { from: tag.name, into: target.name, count: r.moved }));
    } catch (err) { setMergeError(err); }
  };
  return (
    <div class="describe">
      <form onSubmit={rename} aria-labelledby="tag-rename-title">
        <h2 id="tag-rename-title">{t('tags.rename', { name: tag.name })}</h2>
        <FormError error={error} fields={['name', 'slug']} />
        <Field id="t-name" label={t('tags.name')} error={fieldError(error, 'name')}>
          <input id="t-name" dir="auto" required maxLength={60} value={name} onInput={(e) => setName(textOf(e))} />
        </Field>
        <Field id="t-slug" label={t('article.slug')} hint={t('tags.slug_hint')} error={fieldError(error, 'slug')}>
          <input id="t-slug" dir="ltr" maxLength={200} value={slug} aria-describedby="t-slug-hint" onInput={(e) => setSlug(textOf(e))} />
        </Field>
        <p class="buttons"><button type="submit">{t('tags.rename_button')}</button></p>
      </form>
      <form onSubmit={merge} aria-labelledby="tag-merge-title">
        <h2 id="tag-merge-title">{t('tags.merge', { name: tag.name })}</h2>
        <p class="meta">{t('tags.merge_hint')}</p>
        <Field id="t-into" label={t('tags.into')} error={mergeError instanceof MergeTargetMissing ? mergeError.message : fieldError(mergeError, 'into')}>
          <input id="t-into" dir="auto" list="t-into-names" required value={into} onInput={(e) => setInto(textOf(e))} />
          <datalist id="t-into-names">{others.map((x) => <option key={x.id} value={x.name} />)}</datalist>
        </Field>
        {mergeError instanceof MergeTargetMissing ? null : <FormError error={mergeError} fields={['into']} />}
        <p class="buttons">
          <button type="submit">{t('tags.merge_button')}</button>{' '}
          <button type="button" class="quiet" onClick={() => onDone(null)}>{t('common.cancel')}</button>
        </p>
      </form>
    </div>
  );
}

/** A merge target typed that names no tag: said beside the field before anything is sent. */
class MergeTargetMissing extends Error {}
