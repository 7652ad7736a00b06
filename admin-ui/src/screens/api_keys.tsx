// Content API keys: make one for an app or a partner (the key is shown this once, to copy), see when each was last
// used, and revoke one (requests with it are refused from then on).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading, when } from '../ui.tsx';
import { useActing } from './acting.ts';
import { CopyField } from '../copy_field.tsx';
import type { Answer, Item, RequestBody } from '../api_types.ts';

type ApiKey = Item<Answer<'/api/admin/api-keys', 'get'>['apiKeys']>;

export function ApiKeys(_props: ScreenProps) {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [made, setMade] = useState<{ key: string; name: string } | null>(null);
  const load = async () => {
    try { setKeys((await api<Answer<'/api/admin/api-keys', 'get'>>('GET', '/api/admin/api-keys')).apiKeys); } catch (err) { setError(err); }
  };
  const { error, setError, note, setNote, act } = useActing(() => load());
  useEffect(() => { void load(); }, []);

  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setNote('');
    try {
      const body: RequestBody<'/api/admin/api-keys', 'post'> = { name };
      const r = await api<Answer<'/api/admin/api-keys', 'post'>>('POST', '/api/admin/api-keys', body);
      setMade({ key: r.key, name: r.apiKey.name });
      setName('');
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = (k: ApiKey) => act(() => api('DELETE', `/api/admin/api-keys/${k.id}`), t('keys.revoked', { name: k.name }), t('keys.revoke_ask', { name: k.name }));

  return (
    <section class="people">
      <Heading text="keys.title" />
      <p>{t('keys.about')}</p>
      <ErrorNote error={error && !fieldError(error, 'name') ? error : null} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      {made ? (
        <div class="panel handed" role="status">
          <p>{t('keys.made', { name: made.name })}</p>
          <CopyField id="new-key" label={t('keys.key')} value={made.key} />
        </div>
      ) : null}
      <form class="panel" onSubmit={create} aria-labelledby="key-new">
        <h2 id="key-new">{t('keys.new')}</h2>
        <Field id="key-name" label={t('keys.name')} hint={t('keys.name_hint')} error={fieldError(error, 'name')}>
          <input id="key-name" required dir="auto" value={name} aria-describedby="key-name-hint" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </Field>
        <p class="buttons"><button type="submit">{t('keys.create')}</button></p>
      </form>
      {keys === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : keys.length === 0 ? <p>{t('keys.none')}</p> : (
        <ul class="rows">
          {keys.map((k) => (
            <li key={k.id} class="row">
              <div class="who-is">
                <strong dir="auto">{k.name}</strong> <code>{k.prefix}…</code>
                <span class="meta">
                  {t('keys.created', { when: when(k.createdAt) })} · {k.lastUsedAt ? t('keys.last_used', { when: when(k.lastUsedAt) }) : t('keys.never_used')}
                  {k.revokedAt ? ` · ${t('keys.revoked_at', { when: when(k.revokedAt) })}` : ''}
                </span>
              </div>
              {k.revokedAt ? null : (
                <p class="buttons"><button type="button" class="quiet" onClick={() => revoke(k)}>{t('keys.revoke')}<span class="visually-hidden"> {k.name}</span></button></p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
