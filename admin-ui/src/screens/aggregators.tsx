// Aggregators: partners who carry our stories. Add one (its key is shown once), see its pulls per day, change its
// name or licence statement, give it a new key, revoke or delete it. On the Admin API's /api/admin/aggregators.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { CopyField } from '../copy_field.tsx';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading, when } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';

type Aggregator = Item<Answer<'/api/admin/aggregators', 'get'>['aggregators']>;
type UsageDay = Item<Answer<'/api/admin/aggregators/{id}', 'get'>['usage']>;
type Made = Answer<'/api/admin/aggregators', 'post'>;

const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;

export function Aggregators(_props: ScreenProps) {
  const [list, setList] = useState<Aggregator[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ name: '', licence: '' });
  const [shown, setShown] = useState<Made | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const feed = `${location.origin}/syndication/`;

  const load = async () => {
    setError(null);
    try {
      setList((await api<Answer<'/api/admin/aggregators', 'get'>>('GET', '/api/admin/aggregators')).aggregators);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, []);

  /** Runs a change, then reloads the list; a made key is shown once. */
  const run = async (change: () => Promise<Made | unknown>) => {
    setError(null);
    try {
      const made = await change();
      if (made && typeof made === 'object' && 'key' in made) setShown(made as Made);
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const add = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const made = await api<Made>('POST', '/api/admin/aggregators', form);
      setForm({ name: '', licence: '' });
      return made;
    });
  };
  const ask = (text: string, change: () => Promise<unknown>) => { if (confirm(text)) void run(change); };

  return (
    <section>
      <Heading text="aggregators.title" />
      <p>{t('aggregators.intro')}</p>
      <p dir="ltr">{t('aggregators.feed', { rss: `${feed}feed.xml`, atom: `${feed}atom.xml`, json: `${feed}feed.json` })}</p>
      <ErrorNote error={error} retry={load} />
      {shown ? (
        <div class="notice" role="status">
          <p>{t('aggregators.key_once', { name: shown.aggregator.name })}</p>
          <CopyField id="aggregator-key" label={t('aggregators.key')} value={shown.key} />
        </div>
      ) : null}
      <form onSubmit={add}>
        <h2>{t('aggregators.add')}</h2>
        <Field id="agg-name" label={t('aggregators.name')} error={fieldError(error, 'name')}>
          <input id="agg-name" required maxLength={100} value={form.name} onInput={(e) => setForm({ ...form, name: value(e) })} />
        </Field>
        <Field id="agg-licence" label={t('aggregators.licence')} hint={t('aggregators.licence_hint')} error={fieldError(error, 'licence')}>
          <textarea id="agg-licence" maxLength={2000} rows={3} aria-describedby="agg-licence-hint" value={form.licence} onInput={(e) => setForm({ ...form, licence: value(e) })} />
        </Field>
        <button type="submit">{t('aggregators.create')}</button>
      </form>
      {list && !list.length ? <p>{t('aggregators.none')}</p> : null}
      <ul class="aggregators">
        {(list ?? []).map((a) => (
          <li key={a.id}>
            <AggregatorRow a={a} open={open === a.id} onOpen={() => setOpen(open === a.id ? null : a.id)} run={run} ask={ask} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AggregatorRow({ a, open, onOpen, run, ask }: {
  a: Aggregator; open: boolean; onOpen: () => void; run: (change: () => Promise<unknown>) => Promise<void>; ask: (text: string, change: () => Promise<unknown>) => void;
}) {
  const [edit, setEdit] = useState({ name: a.name, licence: a.licence });
  const [usage, setUsage] = useState<UsageDay[] | null>(null);
  useEffect(() => {
    if (open && !usage) void run(async () => setUsage((await api<Answer<'/api/admin/aggregators/{id}', 'get'>>('GET', `/api/admin/aggregators/${a.id}?days=30`)).usage));
  }, [open]);
  const base = `/api/admin/aggregators/${a.id}`;
  return (
    <article>
      <h2>{a.name}</h2>
      <p>
        {t('aggregators.key')}: <code dir="ltr">{a.prefix}…</code>{' · '}
        {t('aggregators.last_used')}: {a.lastUsedAt ? when(a.lastUsedAt) : t('aggregators.never')}
        {a.last30Days ? <>{' · '}{t('aggregators.month', { requests: a.last30Days.requests, items: a.last30Days.items })}</> : null}
        {a.revokedAt ? <> · <strong>{t('aggregators.revoked', { when: when(a.revokedAt) })}</strong></> : null}
      </p>
      <form onSubmit={(e) => { e.preventDefault(); void run(() => api('PATCH', base, edit)); }}>
        <Field id={`agg-${a.id}-name`} label={t('aggregators.name')}>
          <input id={`agg-${a.id}-name`} required maxLength={100} value={edit.name} onInput={(e) => setEdit({ ...edit, name: value(e) })} />
        </Field>
        <Field id={`agg-${a.id}-licence`} label={t('aggregators.licence')}>
          <textarea id={`agg-${a.id}-licence`} maxLength={2000} rows={2} value={edit.licence} onInput={(e) => setEdit({ ...edit, licence: value(e) })} />
        </Field>
        <button type="submit">{t('aggregators.save')}</button>{' '}
        <button type="button" aria-expanded={open} onClick={onOpen}>{t('aggregators.show_usage')}</button>{' '}
        <button type="button" onClick={() => ask(t('aggregators.new_key_confirm', { name: a.name }), () => api('POST', `${base}/key`))}>{t('aggregators.new_key')}</button>{' '}
        {a.revokedAt ? null : <button type="button" onClick={() => ask(t('aggregators.revoke_confirm', { name: a.name }), () => api('POST', `${base}/revoke`))}>{t('aggregators.revoke')}</button>}{' '}
        <button type="button" class="danger" onClick={() => ask(t('aggregators.delete_confirm', { name: a.name }), () => api('DELETE', base))}>{t('aggregators.delete')}</button>
      </form>
      {open && usage ? (
        usage.length ? (
          <table>
            <caption>{t('aggregators.usage')}</caption>
            <thead><tr><th scope="col">{t('aggregators.day')}</th><th scope="col">{t('aggregators.requests')}</th><th scope="col">{t('aggregators.items')}</th></tr></thead>
            <tbody>{usage.map((d) => <tr key={d.day}><td dir="ltr">{d.day}</td><td>{d.requests}</td><td>{d.items}</td></tr>)}</tbody>
          </table>
        ) : <p>{t('aggregators.usage_none')}</p>
      ) : null}
    </article>
  );
}
