// The editor's translations control (in the details panel): the stories linked to this one as its versions in other
// languages, each with an Unlink button, and a search by headline in any language to link this story to the one it
// translates. Both sides then show the language switcher and hreflang links on the site.
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import { t, isRtl, type MessageKey } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';

type Translations = Answer<'/api/admin/articles/{id}/translations', 'get'>;
type Member = Item<Translations['translations']>;
type Found = Item<Answer<'/api/admin/articles', 'get'>['articles']>;

export function TranslationLinks({ articleId, language }: { articleId: number; language: string }) {
  const [group, setGroup] = useState<Member[] | null>(null);
  const [words, setWords] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const load = async () => {
    try {
      setGroup((await api<Translations>('GET', `/api/admin/articles/${articleId}/translations`)).translations);
    } catch (err) { setError(err); }
  };
  useEffect(() => { void load(); }, [articleId]);
  // A search a moment after typing stops; a later search replaces an earlier one's answer.
  useEffect(() => {
    const q = words.trim();
    if (q.length < 2) { setFound(null); return; }
    let current = true;
    const timer = setTimeout(() => {
      void api<Answer<'/api/admin/articles', 'get'>>('GET', `/api/admin/articles${query({ q, limit: 8 })}`)
        .then((r) => { if (current) setFound(r.articles.filter((a) => a.id !== articleId)); }, (err) => { if (current) setError(err); });
    }, 250);
    return () => { current = false; clearTimeout(timer); };
  }, [words, articleId]);
  const link = async (id: number, of: number | null) => {
    setError(null);
    setDone(false);
    try {
      const r = await api<Answer<'/api/admin/articles/{id}/translation', 'put'>>('PUT', `/api/admin/articles/${id}/translation`, { of });
      if (id === articleId) setGroup(r.translations); else await load();
      setWords('');
      setDone(of !== null);
    } catch (err) { setError(err); }
  };
  const others = (group ?? []).filter((m) => m.id !== articleId);
  const taken = new Set((group ?? []).map((m) => m.language));
  const lang = (l: string) => t(`lang.${l}` as MessageKey);
  return (
    <fieldset class="translations">
      <legend>{t('translations.title')}</legend>
      <p class="meta">{t('translations.hint')}</p>
      {error ? <ErrorNote error={error} /> : null}
      {others.length ? (
        <ul class="translation-list">
          {others.map((m) => (
            <li key={m.id}>
              <span class="badge">{lang(m.language)}</span>{' '}
              <a href={`/admin/articles/${m.id}`} dir={isRtl(m.language) ? 'rtl' : 'ltr'} lang={m.language}>{m.headline}</a>{' '}
              <span class="meta">({m.status})</span>{' '}
              <button type="button" class="quiet" aria-label={t('translations.unlink_named', { headline: m.headline })}
                onClick={() => { void link(others.length === 1 ? articleId : m.id, null); }}>{t('translations.unlink')}</button>
            </li>
          ))}
        </ul>
      ) : group ? <p class="meta">{t('translations.none')}</p> : null}
      {done ? <p role="status" class="meta">{t('translations.linked')}</p> : null}
      <div class="field">
        <label for="translation-find">{t('translations.find')}</label>
        <input id="translation-find" type="search" dir="auto" value={words} aria-describedby="translation-find-hint"
          onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
        <small id="translation-find-hint" class="hint">{t('translations.find_hint')}</small>
      </div>
      {found ? (found.length ? (
        <ul class="translation-found">
          {found.map((a) => {
            const blocked = a.language === language || (taken.has(a.language) && !others.some((m) => m.id === a.id));
            return (
              <li key={a.id}>
                <span class="badge">{lang(a.language)}</span>{' '}
                <span dir={isRtl(a.language) ? 'rtl' : 'ltr'} lang={a.language}>{a.headline}</span>{' '}
                {a.language === language ? <span class="meta">({t('translations.same_language')})</span> : null}
                <button type="button" class="quiet" disabled={blocked} aria-label={t('translations.link_named', { headline: a.headline })}
                  onClick={() => { void link(articleId, a.id); }}>{t('translations.link')}</button>
              </li>
            );
          })}
        </ul>
      ) : <p class="meta">{t('translations.no_match')}</p>) : null}
    </fieldset>
  );
}
