// The review queue of partner stories: each waiting story with its source, the section chosen for it and why;
// an editor files it elsewhere (the classifier learns from that), publishes it, or turns it down.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, when } from '../ui.tsx';
import { useActing } from './acting.ts';
import { PickAndApply } from './pick_and_apply.tsx';
import type { Answer } from '../api_types.ts';
import type { Section } from './sections.tsx';

type Queue = Answer<'/api/admin/syndication/queue', 'get'>;
type Item = Queue['items'][number];

export function SyndicationQueue(_props: ScreenProps) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const load = async () => {
    try {
      const [q, s] = await Promise.all([
        api<Queue>('GET', '/api/admin/syndication/queue'),
        api<Answer<'/api/admin/sections', 'get'>>('GET', '/api/admin/sections'),
      ]);
      setItems(q.items);
      setSections(s.sections);
    } catch (err) {
      setError(err);
    }
  };
  const { error, setError, note, act } = useActing(() => load());
  useEffect(() => { void load(); }, []);
  const sectionName = (slug: string | null) => sections.find((s) => s.slug === slug)?.name ?? slug;

  return (
    <section class="people">
      <div class="heading"><h1>{t('queue.title')}</h1><a href="/admin/sources">{t('source.back')}</a></div>
      <ErrorNote error={error} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      {items === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : items.length === 0 ? <p>{t('queue.empty')}</p> : (
        <ul class="rows">
          {items.map((i) => (
            <li key={i.id} class="row queue-item">
              <div class="who-is">
                <a href={`/admin/articles/${i.articleId}`}><strong dir="auto">{i.headline}</strong></a>
                <span class="meta">{t('queue.from', { source: i.source.name, when: when(i.receivedAt) })}{i.byline ? ` · ${i.byline}` : ''}</span>
                <span class="meta">{i.section ? t('queue.filed', { section: sectionName(i.section) ?? '' }) : t('queue.no_section')} ({i.why})</span>
              </div>
              <PickAndApply label={t('queue.move_of', { headline: i.headline })} value={String(sections.find((s) => s.slug === i.section)?.id ?? '')}
                options={[{ value: '', label: t('details.no_section') }, ...sections.map((s) => ({ value: String(s.id), label: s.name }))]}
                button={t('queue.move')} who={i.headline}
                onApply={(id) => { if (id) void act(() => api('POST', `/api/admin/syndication/queue/${i.id}/section`, { sectionId: Number(id) }), t('queue.moved', { headline: i.headline })); }} />
              <p class="buttons">
                <button type="button" onClick={() => act(() => api('POST', `/api/admin/syndication/queue/${i.id}/approve`), t('queue.approved', { headline: i.headline }))}>
                  {t('queue.approve')}<span class="visually-hidden"> {i.headline}</span>
                </button>
                <button type="button" class="quiet" onClick={() => act(() => api('POST', `/api/admin/syndication/queue/${i.id}/reject`), t('queue.rejected', { headline: i.headline }))}>
                  {t('queue.reject')}<span class="visually-hidden"> {i.headline}</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
