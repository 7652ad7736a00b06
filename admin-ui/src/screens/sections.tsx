// Sections: the site's menu in order, each top-level section with the sections under it (one level). Create,
// rename (name, address, line for its page), choose a parent, and move a section up or down among its neighbours
// with the arrow buttons (the keyboard's way; positions are renumbered on the server as the list shows them).
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading } from '../ui.tsx';
import { Done, FormError, SaveOrCancel, useList, textOf } from './content_kit.tsx';
import type { Answer, Item } from '../api_types.ts';

/** A section as GET /api/admin/sections lists it. */
export type Section = Item<Answer<'/api/admin/sections', 'get'>['sections']>;

/** Top-level sections in order, each followed by the sections under it. */
function tree(rows: Section[]): { s: Section; siblings: Section[] }[] {
  const tops = rows.filter((s) => s.parent_id === null || !rows.some((p) => p.id === s.parent_id));
  return tops.flatMap((top) => {
    const kids = rows.filter((s) => s.parent_id === top.id);
    return [{ s: top, siblings: tops }, ...kids.map((k) => ({ s: k, siblings: kids }))];
  });
}

export function Sections(_props: ScreenProps) {
  const list = useList<Section>('/api/admin/sections', 'sections');
  const [editing, setEditing] = useState<Section | 'new' | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const rows = list.rows ?? [];

  const move = async (s: Section, siblings: Section[], by: number) => {
    const order = [...siblings];
    const i = order.findIndex((x) => x.id === s.id);
    if (i + by < 0 || i + by >= order.length) return;
    [order[i], order[i + by]] = [order[i + by], order[i]];
    setError(null);
    try {
      // Each sibling's place becomes its position; only the ones that change are sent.
      for (const [n, x] of order.entries()) {
        if (x.position !== n * 10) await api('PATCH', `/api/admin/sections/${x.id}`, { position: n * 10 });
      }
      await list.reload();
      setDone(t('sections.moved', { name: s.name }));
      // The button pressed keeps the focus: moving again is one more key press.
      requestAnimationFrame(() => document.getElementById(`move-${by < 0 ? 'up' : 'down'}-${s.id}`)?.focus());
    } catch (err) { setError(err); }
  };

  return (
    <section>
      <Heading text="sections.title">
        <button type="button" onClick={() => { setDone(''); setEditing('new'); }}>{t('sections.new')}</button>
      </Heading>
      <p class="meta">{t('sections.intro')}</p>
      <ErrorNote error={list.error ?? error} retry={list.reload} />
      {done ? <Done text={done} /> : null}
      {editing ? (
        <SectionForm section={editing === 'new' ? null : editing} all={rows} onDone={async (saved) => {
          setEditing(null);
          if (saved) { setDone(t('common.saved_name', { name: saved })); await list.reload(); }
        }} />
      ) : null}
      {list.rows === null ? (list.error ? null : <p role="status">{t('common.loading')}</p>) : rows.length === 0 ? <p>{t('sections.none')}</p> : (
        <table class="list">
          <caption class="visually-hidden">{t('sections.title')}</caption>
          <thead><tr><th scope="col">{t('sections.name')}</th><th scope="col">{t('sections.order')}</th><th scope="col">{t('sections.address')}</th></tr></thead>
          <tbody>
            {tree(rows).map(({ s, siblings }) => {
              const i = siblings.findIndex((x) => x.id === s.id);
              return (
                <tr key={s.id} class={s.parent_id !== null ? 'child' : undefined}>
                  <td>
                    <span dir="auto" class={s.parent_id !== null ? 'under' : undefined}>{s.name}</span>{' '}
                    <button type="button" class="link" aria-label={t('sections.edit', { name: s.name })} onClick={() => { setDone(''); setEditing(s); }}>{t('common.edit')}</button>
                  </td>
                  <td class="order">
                    <button id={`move-up-${s.id}`} type="button" class="quiet" disabled={i <= 0} aria-label={t('sections.up', { name: s.name })} onClick={() => move(s, siblings, -1)}>↑</button>
                    <button id={`move-down-${s.id}`} type="button" class="quiet" disabled={i >= siblings.length - 1} aria-label={t('sections.down', { name: s.name })} onClick={() => move(s, siblings, 1)}>↓</button>
                  </td>
                  <td dir="ltr">/section/{s.slug}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SectionForm({ section, all, onDone }: { section: Section | null; all: Section[]; onDone: (savedName: string | null) => void }) {
  const [name, setName] = useState(section?.name ?? '');
  const [slug, setSlug] = useState(section?.slug ?? '');
  const [description, setDescription] = useState(section?.description ?? '');
  const [parentId, setParentId] = useState<number | null>(section?.parent_id ?? null);
  const [error, setError] = useState<unknown>(null);
  // Only top-level sections, other than this one, can be parents (one level of nesting).
  const parents = all.filter((s) => s.parent_id === null && s.id !== section?.id);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const body = { name, description, parentId, ...(slug.trim() ? { slug: slug.trim() } : {}) };
    try {
      if (section) await api('PATCH', `/api/admin/sections/${section.id}`, body);
      else await api('POST', '/api/admin/sections', { ...body, position: (Math.max(0, ...all.map((s) => s.position)) + 10) });
      onDone(name);
    } catch (err) { setError(err); }
  };
  return (
    <form class="describe" onSubmit={save} aria-labelledby="section-form-title">
      <h2 id="section-form-title">{section ? t('sections.edit', { name: section.name }) : t('sections.new')}</h2>
      <FormError error={error} fields={['name', 'slug', 'description', 'parentId']} />
      <Field id="s-name" label={t('sections.name')} error={fieldError(error, 'name')}>
        <input id="s-name" dir="auto" required maxLength={80} value={name} onInput={(e) => setName(textOf(e))} />
      </Field>
      <Field id="s-slug" label={t('article.slug')} hint={t('sections.slug_hint')} error={fieldError(error, 'slug')}>
        <input id="s-slug" dir="ltr" maxLength={200} value={slug} aria-describedby="s-slug-hint" onInput={(e) => setSlug(textOf(e))} />
      </Field>
      <Field id="s-description" label={t('sections.description')} error={fieldError(error, 'description')}>
        <input id="s-description" dir="auto" maxLength={500} value={description} onInput={(e) => setDescription(textOf(e))} />
      </Field>
      <Field id="s-parent" label={t('sections.parent')} error={fieldError(error, 'parentId')}>
        <select id="s-parent" value={parentId ?? ''} onChange={(e) => setParentId(textOf(e) ? Number(textOf(e)) : null)}>
          <option value="">{t('sections.top_level')}</option>
          {parents.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </Field>
      <SaveOrCancel onCancel={() => onDone(null)} />
    </form>
  );
}
