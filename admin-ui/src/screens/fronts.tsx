// Fronts: an editor picks a front (a language's home page or a section's page), chooses its lead and top stories
// from the published ones, orders them by dragging or with the arrow buttons, pins each until a time or until
// removed, saves, and sees what the front shows now (and the page itself, as readers do). The breaking-news strips
// sit below (breaking_form.tsx).
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Heading, siteInput, siteMoment, siteZone } from '../ui.tsx';
import { navigate } from '../router.ts';
import { Done, textOf } from './content_kit.tsx';
import { BreakingStrips, type Strip } from './breaking_form.tsx';
import type { Answer, Item } from '../api_types.ts';
import type { ArticleRow } from './articles.tsx';

type FrontSummary = Item<Answer<'/api/admin/fronts', 'get'>['fronts']>;
type PinRow = Item<Answer<'/api/admin/fronts/{front}', 'get'>['pins']>;
type Shown = Item<Answer<'/api/admin/fronts/{front}', 'get'>['shows']>;
type Found = ArticleRow;
/** A pin as the screen edits it: until as the datetime-local input's value ('' = until removed). */
interface Choice { articleId: number; headline: string; hasPicture: boolean; note: string; until: string }

const lang = (l: string) => t(`lang.${l}` as MessageKey);
const frontLabel = (f: FrontSummary) => (f.kind === 'home' ? t('fronts.home', { language: lang(f.language) }) : t('fronts.section', { name: f.name, language: lang(f.language) }));

// A pin's end is typed and shown on the site's clock (Asia/Kabul for a Kabul newsroom), not the computer's.
const localInput = siteInput;
const isoOf = siteMoment;

function choiceOf(p: PinRow): Choice {
  const note = p.status !== 'published' ? t('fronts.not_published') : p.ended ? t('fronts.ended') : !p.hasPicture ? t('fronts.no_picture') : '';
  return { articleId: p.articleId, headline: p.headline, hasPicture: p.hasPicture, note, until: localInput(p.until) };
}

export function Fronts({ me, params }: ScreenProps) {
  const [fronts, setFronts] = useState<FrontSummary[] | null>(null);
  const [strips, setStrips] = useState<Strip[]>([]);
  const [maxTop, setMaxTop] = useState(7);
  const [error, setError] = useState<unknown>(null);
  const allowed = me.capabilities.includes('fronts.manage');
  const load = async () => {
    setError(null);
    try {
      const r = await api<Answer<'/api/admin/fronts', 'get'>>('GET', '/api/admin/fronts');
      setFronts(r.fronts);
      setStrips(r.breaking);
      setMaxTop(r.maxTop);
    } catch (err) { setError(err); }
  };
  useEffect(() => { if (allowed) void load(); }, []);
  if (!allowed) return <section><Heading text="fronts.title" /><p role="alert">{t('fronts.may_not')}</p></section>;
  const current = params.get('front') ?? fronts?.[0]?.front ?? '';
  const pick = (front: string) => navigate(`/admin/fronts${query({ front })}`, true);
  const languages = [...new Set((fronts ?? []).map((f) => f.language))];
  const chosen = fronts?.find((f) => f.front === current);

  return (
    <section class="fronts">
      <Heading text="fronts.title" />
      <p class="meta">{t('fronts.intro')}</p>
      <ErrorNote error={error} retry={load} />
      {fronts === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : (
        <>
          <div class="filters">
            <label for="front-pick">{t('fronts.pick')}</label>
            <select id="front-pick" value={current} onChange={(e) => pick(textOf(e))}>
              {fronts.map((f) => <option key={f.front} value={f.front}>{frontLabel(f)}{f.pinned ? ` · ${t('fronts.pinned_count', { count: f.pinned })}` : ''}</option>)}
            </select>
            {chosen ? <a href={chosen.path} target="_blank" rel="noopener" data-native>{t('fronts.see')}</a> : null}
          </div>
          {chosen ? <FrontEditor key={chosen.front} front={chosen} maxTop={maxTop} onSaved={load} /> : null}
          <BreakingStrips languages={languages} strips={strips} onChange={load} />
        </>
      )}
    </section>
  );
}

function FrontEditor({ front, maxTop, onSaved }: { front: FrontSummary; maxTop: number; onSaved: () => Promise<void> }) {
  const [lead, setLead] = useState<Choice | null>(null);
  const [top, setTop] = useState<Choice[]>([]);
  const [shows, setShows] = useState<Shown[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const load = async () => {
    try {
      const r = await api<Answer<'/api/admin/fronts/{front}', 'get'>>('GET', `/api/admin/fronts/${front.front}`);
      const l = r.pins.find((p) => p.place === 'lead');
      setLead(l ? choiceOf(l) : null);
      setTop(r.pins.filter((p) => p.place === 'top').map(choiceOf));
      setShows(r.shows);
    } catch (err) { setError(err); }
  };
  useEffect(() => { void load(); }, []);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= top.length || from === to) return;
    const next = [...top];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    setTop(next);
    setDone('');
  };
  const pinOf = (c: Choice) => ({ articleId: c.articleId, until: isoOf(c.until) });
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone('');
    try {
      await api('PUT', `/api/admin/fronts/${front.front}`, { lead: lead ? pinOf(lead) : null, top: top.map(pinOf) });
      setDone(t('fronts.saved'));
      await Promise.all([load(), onSaved()]);
    } catch (err) { setError(err); }
  };
  const taken = new Set([...(lead ? [lead.articleId] : []), ...top.map((c) => c.articleId)]);
  const add = (found: Found, asLead: boolean) => {
    const c: Choice = { articleId: found.id, headline: found.headline, hasPicture: found.hero_media_id !== null, note: found.hero_media_id === null ? t('fronts.no_picture') : '', until: '' };
    setDone('');
    if (asLead) {
      setTop(top.filter((x) => x.articleId !== c.articleId));
      setLead(c);
    } else if (top.length < maxTop && !taken.has(c.articleId)) setTop([...top, c]);
  };
  const untilField = (c: Choice, set: (c: Choice) => void) => (
    <label class="until">{t('fronts.until')}
      <input type="datetime-local" value={c.until} onInput={(e) => set({ ...c, until: textOf(e) })} aria-describedby="until-hint" />
    </label>
  );

  return (
    <form class="front-editor" onSubmit={save}>
      <p id="until-hint" class="meta">{t('fronts.until_hint')} {t('time.site_zone', { zone: siteZone() })} {t('fronts.drag')}</p>
      <h2>{t('fronts.lead')}</h2>
      {lead ? (
        <div class="pin lead-pin">
          <span class="pin-headline" dir="auto">{lead.headline}</span>{lead.note ? <small class="pin-note">{lead.note}</small> : null}
          {untilField(lead, setLead)}
          <button type="button" class="quiet" aria-label={t('fronts.remove_named', { headline: lead.headline })} onClick={() => setLead(null)}>{t('fronts.remove')}</button>
        </div>
      ) : <p class="meta">{t('fronts.lead_none')}</p>}
      <h2>{t('fronts.top')}</h2>
      {top.length ? (
        <ol class="pins">
          {top.map((c, i) => (
            <li key={c.articleId} class={dragged === i ? 'pin dragging' : 'pin'} draggable
              onDragStart={(e) => { setDragged(i); e.dataTransfer?.setData('text/plain', String(i)); }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => { e.preventDefault(); if (dragged !== null) move(dragged, i); setDragged(null); }}
              onDragEnd={() => setDragged(null)}>
              <span class="pin-headline" dir="auto">{c.headline}</span>{c.note ? <small class="pin-note">{c.note}</small> : null}
              {untilField(c, (n) => setTop(top.map((x) => (x.articleId === n.articleId ? n : x))))}
              <span class="buttons">
                <button type="button" class="quiet" disabled={i === 0} aria-label={t('fronts.up', { headline: c.headline })} onClick={() => move(i, i - 1)}>↑</button>
                <button type="button" class="quiet" disabled={i === top.length - 1} aria-label={t('fronts.down', { headline: c.headline })} onClick={() => move(i, i + 1)}>↓</button>
                <button type="button" class="quiet" aria-label={t('fronts.remove_named', { headline: c.headline })} onClick={() => setTop(top.filter((x) => x.articleId !== c.articleId))}>{t('fronts.remove')}</button>
              </span>
            </li>
          ))}
        </ol>
      ) : <p class="meta">{t('fronts.top_none')}</p>}
      {top.length >= maxTop ? <p class="meta">{t('fronts.top_full', { count: maxTop })}</p> : null}
      <StoryFinder language={front.language} taken={taken} topFull={top.length >= maxTop} onAdd={add} />
      <ErrorNote error={error} />
      {done ? <Done text={done} /> : null}
      <p class="buttons"><button type="submit">{t('fronts.save')}</button></p>
      {shows ? (
        <>
          <h2>{t('fronts.shows')}</h2>
          <ol class="shows">
            {shows.map((s) => <li key={s.articleId}><span dir="auto">{s.headline}</span> <small class="meta">{s.pinned ? t('fronts.shows_pinned') : t('fronts.shows_newest')}</small></li>)}
          </ol>
        </>
      ) : null}
    </form>
  );
}

/** Searches the published stories of the front's language and offers each as the lead or a top story. */
function StoryFinder({ language, taken, topFull, onAdd }: { language: string; taken: Set<number>; topFull: boolean; onAdd: (f: Found, asLead: boolean) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = async () => {
    setError(null);
    try {
      setFound((await api<Answer<'/api/admin/articles', 'get'>>('GET', `/api/admin/articles${query({ status: 'published', q: q.trim(), language, limit: 10 })}`)).articles);
    } catch (err) { setError(err); }
  };
  useEffect(() => { void search(); }, [language]);
  return (
    <fieldset class="finder">
      <legend>{t('fronts.find')}</legend>
      <div class="filters">
        <label>{t('fronts.find_hint')}
          <input type="search" value={q} onInput={(e) => setQ(textOf(e))} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } }} />
        </label>
        <button type="button" class="quiet" onClick={search}>{t('fronts.search')}</button>
      </div>
      <ErrorNote error={error} retry={search} />
      {found === null ? null : found.length === 0 ? <p>{t('fronts.no_results')}</p> : (
        <ul class="found">
          {found.map((f) => (
            <li key={f.id}>
              <span dir="auto">{f.headline}</span>{f.hero_media_id === null ? <small class="pin-note">{t('fronts.no_picture')}</small> : null}
              <span class="buttons">
                <button type="button" class="quiet" onClick={() => onAdd(f, true)}>{t('fronts.make_lead')}</button>
                <button type="button" class="quiet" disabled={topFull || taken.has(f.id)} onClick={() => onAdd(f, false)}>{t('fronts.add_top')}</button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
