// The article editor: the text and its details, saved as you type (autosave with a visible state, a copy on this
// device first), a warning before leaving unsaved work, conflicts shown rather than overwritten, the moves the
// person's role allows, preview in the site's layout, and the revision history.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, leavingToSignIn } from '../api.ts';
import type { ScreenProps } from '../app.tsx';
import { isRtl, t } from '../i18n/index.ts';
import { guardLeaving, navigate } from '../router.ts';
import { ErrorNote, Field, fieldError } from '../ui.tsx';
import { ArticleActions } from './actions.tsx';
import { ArticleDetails } from './details.tsx';
import { BodyEditor } from './body_editor.tsx';
import { type ArticleForm, dropCopy, keepCopy, keptCopy, wordsAndMinutes } from './draft_store.ts';
import { Revisions } from './revisions.tsx';
import { StoryFigures } from '../screens/story_figures.tsx';
import { type ArticleRecord, emptyForm, formOf, type SaveState, saveArticle, stateOfFailure } from './saving.ts';
import { SaveStatus } from './save_status.tsx';

const AUTOSAVE_MS = 2000;
const RETRY_MS = 5000;

export function EditorScreen({ me, id }: ScreenProps) {
  const key = id ?? 'new';
  const [article, setArticle] = useState<ArticleRecord | null>(null);
  const [form, setForm] = useState<ArticleForm | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: Date.now() });
  const [loadError, setLoadError] = useState<unknown>(null);
  const [bodyText, setBodyText] = useState('');
  const [generation, setGeneration] = useState(0);
  const base = useRef<string | null>(null);
  const latest = useRef<ArticleForm | null>(null);
  const dirty = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const saving = useRef<Promise<void> | null>(null);

  const adopt = (a: ArticleRecord, f: ArticleForm = formOf(a)) => {
    setArticle(a);
    base.current = a.updated_at;
    latest.current = f;
    setForm(f);
  };
  const load = async () => {
    setLoadError(null);
    try {
      const kept = keptCopy(key);
      if (id === undefined) {
        latest.current = kept?.form ?? emptyForm(document.documentElement.lang || 'en');
        setForm(latest.current);
        if (kept) { dirty.current = true; setState({ kind: 'unsaved' }); schedule(); }
        return;
      }
      const a = (await api<{ article: ArticleRecord }>('GET', `/api/admin/articles/${id}`)).article;
      if (kept) {
        // Work kept on this device after a dropped connection or an expired session: it comes back and is saved;
        // made from an older version than the server's, it is shown as a conflict, not written over theirs.
        adopt(a, kept.form);
        base.current = kept.base;
        dirty.current = true;
        setState(kept.base === a.updated_at ? { kind: 'unsaved' } : { kind: 'conflict' });
        if (kept.base === a.updated_at) schedule();
      } else {
        adopt(a);
      }
      setGeneration((g) => g + 1);
    } catch (err) {
      setLoadError(err);
    }
  };

  const save = async (autosave = true): Promise<void> => {
    if (saving.current) await saving.current;
    if (!dirty.current || !latest.current) return;
    const f = latest.current;
    if (!f.headline.trim()) return; // a new article is created once it has a headline; until then it is kept here
    dirty.current = false;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const a = await saveArticle(article?.id ?? null, f, base.current, autosave);
        base.current = a.updated_at;
        setArticle(a);
        if (latest.current === f) dropCopy(key); else keepCopy(a.id, latest.current!, a.updated_at);
        if (id === undefined) { dropCopy('new'); guardLeaving(null); navigate(`/admin/articles/${a.id}`, true); return; }
        setState(dirty.current ? { kind: 'unsaved' } : { kind: 'saved', at: Date.now() });
      } catch (err) {
        dirty.current = true;
        const failed = stateOfFailure(err);
        setState(failed);
        // Offline: the copy is on this device; try again every few seconds as well as on the browser's 'online'.
        if (failed.kind === 'offline') {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => { void save(); }, RETRY_MS);
        }
      }
    })();
    saving.current = run;
    await run;
    saving.current = null;
  };
  const schedule = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => { void save(); }, AUTOSAVE_MS);
  };
  const change = (patch: Partial<ArticleForm>) => {
    const next = { ...latest.current!, ...patch };
    latest.current = next;
    setForm(next);
    dirty.current = true;
    keepCopy(article?.id ?? key, next, base.current);
    setState((s) => (s.kind === 'conflict' ? s : { kind: 'unsaved' }));
    schedule();
  };

  useEffect(() => {
    void load();
    const online = () => { if (dirty.current) void save(); };
    const beforeUnload = (e: BeforeUnloadEvent) => { if (dirty.current && !leavingToSignIn()) e.preventDefault(); };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    guardLeaving(() => !dirty.current || window.confirm(t('editor.leave_unsaved')));
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      window.clearTimeout(timer.current);
      guardLeaving(null);
    };
  }, []);

  /** Keeps this person's text over the other change: saved against the version now on the server. */
  const keepMine = async () => {
    try {
      const a = (await api<{ article: ArticleRecord }>('GET', `/api/admin/articles/${article!.id}`)).article;
      base.current = a.updated_at;
      dirty.current = true;
      await save(false);
    } catch (err) {
      setState(stateOfFailure(err));
    }
  };
  const takeTheirs = async () => {
    dropCopy(key);
    dirty.current = false;
    setState({ kind: 'saved', at: Date.now() });
    await load();
  };

  if (loadError) return <ErrorNote error={loadError} retry={load} />;
  if (!form) return <p role="status">{t('common.loading')}</p>;
  const refused = state.kind === 'refused' ? state.error : null;
  const dir = isRtl(form.language) ? 'rtl' : 'auto';
  const { words, minutes } = wordsAndMinutes(`${form.standfirst} ${bodyText}`);

  return (
    <section class="editor">
      <div class="heading">
        <h1>{id === undefined ? t('editor.new') : t('editor.title')}</h1>
        <SaveStatus state={state} onKeepMine={keepMine} onTakeTheirs={takeTheirs} onRetry={() => { void save(); }} />
      </div>
      {refused && !refused.field ? <ErrorNote error={refused} retry={() => { void save(); }} /> : null}
      <div class="editor-columns">
        <div class="editor-main">
          <Field id="headline" label={t('article.headline')} error={fieldError(refused, 'headline')}>
            <input id="headline" class="headline" dir={dir} value={form.headline} maxLength={300} required
              onInput={(e) => change({ headline: (e.target as HTMLInputElement).value })} />
          </Field>
          <Field id="standfirst" label={t('article.standfirst')} error={fieldError(refused, 'standfirst')}>
            <textarea id="standfirst" dir={dir} rows={2} value={form.standfirst} maxLength={1000}
              onInput={(e) => change({ standfirst: (e.target as HTMLTextAreaElement).value })} />
          </Field>
          <div class={fieldError(refused, 'bodyHtml') ? 'field invalid' : 'field'}>
            <span class="label" id="body-label">{t('article.body')}</span>
            <BodyEditor key={generation} html={form.bodyHtml} dir={dir} onChange={(html, text, byPerson) => {
              setBodyText(text);
              if (byPerson) change({ bodyHtml: html });
            }} />
            {fieldError(refused, 'bodyHtml') ? <small class="field-error" role="alert">{fieldError(refused, 'bodyHtml')}</small> : null}
          </div>
          <p class="meta">{t('editor.words', { words, minutes })}</p>
        </div>
        <aside class="editor-side" aria-label={t('editor.details')}>
          {article ? <ArticleActions me={me} article={article} beforeMove={() => save(false)} onMoved={(a) => adopt(a, latest.current ?? formOf(a))} /> : null}
          <ArticleDetails form={form} error={refused} onChange={change} />
          {article ? <Revisions articleId={article.id} updatedAt={article.updated_at} onRestored={(a) => { dropCopy(key); dirty.current = false; adopt(a); setGeneration((g) => g + 1); setState({ kind: 'saved', at: Date.now() }); }} /> : null}
          {article ? <StoryFigures me={me} articleId={article.id} /> : null}
        </aside>
      </div>
    </section>
  );
}
