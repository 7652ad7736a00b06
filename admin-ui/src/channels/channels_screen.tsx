// Alerts and channels: whether the site offers push alerts (and how many readers took them), the Telegram channel and
// bot token of each language, the Mastodon account, then the alerts sent with their figures (sent, failed, removed)
// and the channel posts with their state. Tokens are sealed on the server: the screen only says whether one is set.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import type { Answer } from '../api_types.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Heading, when } from '../ui.tsx';
import { AlertFigures, ChannelPosts } from './channel_lists.tsx';

const LANGUAGES = ['en', 'fa', 'ps'];
type Loaded = Answer<'/api/admin/channels/settings', 'get'>;
type Settings = Loaded['settings'];

export function ChannelsScreen({ me }: ScreenProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [tokens, setTokens] = useState<Record<string, string>>({});
  const [mastodonToken, setMastodonToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const manages = me.capabilities.includes('settings.manage');

  const load = async () => {
    try {
      const l = await api<Loaded>('GET', '/api/admin/channels/settings');
      setLoaded(l);
      setDraft(l.settings);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { if (manages) void load(); }, [manages]);

  const save = async (e: Event, clear?: { lang?: string; mastodon?: boolean }) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    setNote('');
    const telegramTokens = clear?.lang ? { [clear.lang]: '' } : Object.fromEntries(Object.entries(tokens).filter(([, v]) => v));
    const secrets = { telegramTokens, ...(clear?.mastodon ? { mastodonToken: '' } : mastodonToken ? { mastodonToken } : {}) };
    try {
      await api('PATCH', '/api/admin/channels/settings', { settings: draft, secrets });
      setTokens({});
      setMastodonToken('');
      setNote(t('channels.saved'));
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const set = (patch: Partial<Settings>) => draft && setDraft({ ...draft, ...patch });

  return (
    <section>
      <Heading text="channels.title" />
      {manages && draft && loaded ? (
        <form onSubmit={(e) => void save(e)}>
          <fieldset>
            <legend>{t('channels.push')}</legend>
            <label><input type="checkbox" checked={draft.pushEnabled} onChange={(e) => set({ pushEnabled: e.currentTarget.checked })} /> {t('channels.push_enabled')}</label>
            <ul>{loaded.subscriptions.map((s) => <li>{t('channels.subscribers', { language: s.language, all: s.all, sections: s.sections })}</li>)}</ul>
          </fieldset>
          <fieldset>
            <legend>{t('channels.telegram')}</legend>
            <p><small>{t('channels.telegram_hint')}</small></p>
            {LANGUAGES.map((lang) => (
              <div class="field-row">
                <label>{t('channels.telegram_channel', { language: lang })}
                  <input dir="ltr" value={draft.telegramChannels[lang] ?? ''} placeholder="@channel" onInput={(e) => set({ telegramChannels: { ...draft.telegramChannels, [lang]: e.currentTarget.value } })} />
                </label>
                <label>{t('channels.telegram_token', { language: lang })}
                  <input dir="ltr" type="password" autocomplete="off" value={tokens[lang] ?? ''} onInput={(e) => setTokens({ ...tokens, [lang]: e.currentTarget.value })} />
                </label>
                {loaded.secrets.telegramTokens.includes(lang)
                  ? <small>{t('channels.token_set')} <button type="button" onClick={(e) => void save(e, { lang })}>{t('channels.clear')}</button></small>
                  : null}
              </div>
            ))}
            <label><input type="checkbox" checked={draft.telegramFullText} onChange={(e) => set({ telegramFullText: e.currentTarget.checked })} /> {t('channels.full_text')}</label>
          </fieldset>
          <fieldset>
            <legend>{t('channels.mastodon')}</legend>
            <label>{t('channels.mastodon_instance')}
              <input dir="ltr" type="url" value={draft.mastodonInstance} onInput={(e) => set({ mastodonInstance: e.currentTarget.value })} />
            </label>
            <label>{t('channels.mastodon_token')}
              <input dir="ltr" type="password" autocomplete="off" value={mastodonToken} onInput={(e) => setMastodonToken(e.currentTarget.value)} />
            </label>
            {loaded.secrets.mastodonToken ? <small>{t('channels.token_set')} <button type="button" onClick={(e) => void save(e, { mastodon: true })}>{t('channels.clear')}</button></small> : null}
            <p>{t('channels.mastodon_languages')}</p>
            {LANGUAGES.map((lang) => (
              <label><input type="checkbox" checked={draft.mastodonLanguages.includes(lang)}
                onChange={(e) => set({ mastodonLanguages: e.currentTarget.checked ? [...draft.mastodonLanguages, lang] : draft.mastodonLanguages.filter((l) => l !== lang) })} /> {lang}</label>
            ))}
          </fieldset>
          <p><button type="submit">{t('channels.save')}</button></p>
          {note ? <p role="status">{note}</p> : null}
        </form>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <AlertFigures when={when} />
      <ChannelPosts when={when} />
    </section>
  );
}
