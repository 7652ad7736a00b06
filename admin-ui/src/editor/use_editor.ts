// The editor's state in one hook: the article as stored, the form being typed, the save state, and the saving
// itself (autosave two seconds after the last change, a copy on this device first, retries when offline, conflicts
// shown rather than overwritten). The screen only draws what the hook holds.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, leavingToSignIn } from '../api.ts';
import { t } from '../i18n/index.ts';
import { guardLeaving, navigate } from '../router.ts';
import { type ArticleForm, dropCopy, keepCopy, keptCopy } from './draft_store.ts';
import { type ArticleRecord, emptyForm, formOf, type SaveState, saveArticle, stateOfFailure } from './saving.ts';

const AUTOSAVE_MS = 2000;
const RETRY_MS = 5000;

interface Refs {
  base: string | null;
  latest: ArticleForm | null;
  dirty: boolean;
  timer: number | undefined;
  saving: Promise<void> | null;
}

export function useEditor(id: number | undefined) {
  const key = id ?? 'new';
  const [article, setArticle] = useState<ArticleRecord | null>(null);
  const [form, setForm] = useState<ArticleForm | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: Date.now() });
  const [loadError, setLoadError] = useState<unknown>(null);
  /** the body as plain text, for the word count */
  const [bodyText, setBodyText] = useState('');
  /** bumped when the body is replaced from outside (a load, a restore, a discard): the body editor starts again */
  const [generation, setGeneration] = useState(0);
  const r = useRef<Refs>({ base: null, latest: null, dirty: false, timer: undefined, saving: null }).current;

  const adopt = (a: ArticleRecord, f: ArticleForm = formOf(a)) => {
    setArticle(a);
    r.base = a.updated_at;
    r.latest = f;
    setForm(f);
  };
  /** Takes the article as the server now has it, text included (after a restore, a discard, a reload). */
  const replace = (a: ArticleRecord) => {
    dropCopy(key);
    r.dirty = false;
    adopt(a);
    setGeneration((g) => g + 1);
    setState({ kind: 'saved', at: Date.now() });
  };

  const load = async () => {
    setLoadError(null);
    try {
      const kept = keptCopy(key);
      if (id === undefined) {
        r.latest = kept?.form ?? emptyForm(document.documentElement.lang || 'en');
        setForm(r.latest);
        if (kept) { r.dirty = true; setState({ kind: 'unsaved' }); schedule(); }
        return;
      }
      const a = (await api<{ article: ArticleRecord }>('GET', `/api/admin/articles/${id}`)).article;
      if (kept) {
        // Work kept on this device after a dropped connection or an expired session: it comes back and is saved;
        // made from an older version than the server's, it is shown as a conflict, not written over theirs.
        adopt(a, kept.form);
        r.base = kept.base;
        r.dirty = true;
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
    if (r.saving) await r.saving;
    if (!r.dirty || !r.latest) return;
    const f = r.latest;
    if (!f.headline.trim()) return; // a new article is created once it has a headline; until then it is kept here
    r.dirty = false;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const a = await saveArticle(article?.id ?? null, f, r.base, autosave);
        r.base = a.updated_at;
        setArticle(a);
        if (r.latest === f) dropCopy(key); else keepCopy(a.id, r.latest!, a.updated_at);
        if (id === undefined) { dropCopy('new'); guardLeaving(null); navigate(`/admin/articles/${a.id}`, true); return; }
        setState(r.dirty ? { kind: 'unsaved' } : { kind: 'saved', at: Date.now() });
      } catch (err) {
        // Refused: the text stays in the form and on this device; the person reads why and can try again.
        r.dirty = true;
        const failed = stateOfFailure(err);
        setState(failed);
        // Offline: the copy is on this device; try again every few seconds as well as on the browser's 'online'.
        if (failed.kind === 'offline') {
          window.clearTimeout(r.timer);
          r.timer = window.setTimeout(() => { void save(); }, RETRY_MS);
        }
      }
    })();
    r.saving = run;
    await run;
    r.saving = null;
  };
  const schedule = () => {
    window.clearTimeout(r.timer);
    r.timer = window.setTimeout(() => { void save(); }, AUTOSAVE_MS);
  };
  const change = (patch: Partial<ArticleForm>) => {
    const next = { ...r.latest!, ...patch };
    r.latest = next;
    setForm(next);
    r.dirty = true;
    keepCopy(article?.id ?? key, next, r.base);
    setState((s) => (s.kind === 'conflict' ? s : { kind: 'unsaved' }));
    schedule();
  };

  /** The body editor's report: its text always (for the count), its markup when the person changed it. */
  const bodyChanged = (html: string, text: string, byPerson: boolean) => {
    setBodyText(text);
    if (byPerson) change({ bodyHtml: html });
  };

  useEffect(() => {
    void load();
    const online = () => { if (r.dirty) void save(); };
    const beforeUnload = (e: BeforeUnloadEvent) => { if (r.dirty && !leavingToSignIn()) e.preventDefault(); };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    guardLeaving(() => !r.dirty || window.confirm(t('editor.leave_unsaved')));
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      window.clearTimeout(r.timer);
      guardLeaving(null);
    };
  }, []);

  /** Keeps this person's text over the other change: saved against the version now on the server. */
  const keepMine = async () => {
    try {
      const a = (await api<{ article: ArticleRecord }>('GET', `/api/admin/articles/${article!.id}`)).article;
      r.base = a.updated_at;
      r.dirty = true;
      await save(false);
    } catch (err) {
      setState(stateOfFailure(err));
    }
  };
  const takeTheirs = async () => {
    dropCopy(key);
    r.dirty = false;
    setState({ kind: 'saved', at: Date.now() });
    await load();
  };
  /** After a move: the article's new state, the text being typed kept as it is. */
  const moved = (a: ArticleRecord) => adopt(a, r.latest ?? formOf(a));

  return { article, form, state, loadError, generation, bodyText, load, save, change, bodyChanged, keepMine, takeTheirs, replace, moved, base: () => r.base };
}
