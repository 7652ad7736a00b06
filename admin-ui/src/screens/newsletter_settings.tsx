// The relay and its signing: who letters come from, the SMTP relay (its address with the password is sealed on the
// server and only said to be set), DKIM, the rate, bounces (a mailbox over IMAP, or the SES and Postmark webhook
// addresses to give those services), and a button that sends a test letter through the relay as it is now.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError } from '../ui.tsx';

interface Settings {
  fromAddress: string; fromName: string; replyTo: string; bounceAddress: string; ratePerSecond: number; connections: number;
  dkimDomain: string; dkimSelector: string; doubleOptIn: boolean; softBounceLimit: number; softBounceDays: number; clickCounts: boolean;
  sesTopics: string[]; digestMaxStories: number;
}
type Secrets = Record<'smtpUrl' | 'dkimPrivateKey' | 'bounceMailboxUrl' | 'webhookKey', boolean>;
interface Answer { settings: Settings; secrets: Secrets; postmarkWebhook?: string; sesWebhook?: string }

export function RelaySettings({ email }: { email: string }) {
  const [got, setGot] = useState<Answer | null>(null);
  const [form, setForm] = useState<Settings | null>(null);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [testTo, setTestTo] = useState(email);
  const [testing, setTesting] = useState<{ busy: boolean; answer?: string; error?: unknown }>({ busy: false });

  const load = async () => {
    try {
      const a = await api<Answer>('GET', '/api/admin/newsletters/settings');
      setGot(a);
      setForm(a.settings);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, []);
  if (!form || !got) return <><ErrorNote error={error} retry={load} />{error ? null : <p role="status">{t('common.loading')}</p>}</>;

  const set = (change: Partial<Settings>) => setForm({ ...form, ...change });
  const text = (k: keyof Settings, label: string, hint?: string, type: 'text' | 'email' | 'number' = 'text') => (
    <Field id={`rs-${k}`} label={label} hint={hint} error={fieldError(error, k)}>
      <input id={`rs-${k}`} type={type as 'text'} dir={type === 'email' ? 'ltr' : 'auto'} value={String(form[k])}
        onInput={(e) => set({ [k]: type === 'number' ? Number((e.target as HTMLInputElement).value) : (e.target as HTMLInputElement).value })} />
    </Field>
  );
  const secret = (k: keyof Secrets, label: string, hint: string, area = false) => (
    <Field id={`rs-${k}`} label={`${label} · ${got.secrets[k] ? t('newsletters.secret_set') : t('newsletters.secret_not_set')}`} hint={hint} error={fieldError(error, k)}>
      {area ? <textarea id={`rs-${k}`} rows={4} dir="ltr" spellcheck={false} value={secrets[k] ?? ''} placeholder={got.secrets[k] ? t('newsletters.secret_keep') : ''} onInput={(e) => setSecrets({ ...secrets, [k]: (e.target as HTMLTextAreaElement).value })} />
        : <input id={`rs-${k}`} type="password" dir="ltr" autocomplete="off" value={secrets[k] ?? ''} placeholder={got.secrets[k] ? t('newsletters.secret_keep') : ''} onInput={(e) => setSecrets({ ...secrets, [k]: (e.target as HTMLInputElement).value })} />}
    </Field>
  );
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setNote('');
    try {
      const changed = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''));
      await api('PATCH', '/api/admin/newsletters/settings', { settings: form, ...(Object.keys(changed).length ? { secrets: changed } : {}) });
      setSecrets({});
      setNote(t('newsletters.settings_saved'));
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const sendTest = async () => {
    setTesting({ busy: true });
    try {
      const r = await api<{ to: string; response: string }>('POST', '/api/admin/newsletters/settings/test', testTo && testTo !== email ? { to: testTo } : {});
      setTesting({ busy: false, answer: t('newsletters.relay_ok', { to: r.to, response: r.response }) });
    } catch (err) {
      setTesting({ busy: false, error: err });
    }
  };

  return (
    <form class="nl-form nl-settings" onSubmit={save}>
      <ErrorNote error={error} />
      {note ? <p class="ok" role="status">{note}</p> : null}
      <fieldset>
        <legend>{t('newsletters.sender')}</legend>
        <div class="grid">
          {text('fromAddress', t('newsletters.from_address'), t('newsletters.from_address_hint'), 'email')}
          {text('fromName', t('newsletters.from_name'), t('newsletters.from_name_hint'))}
          {text('replyTo', t('newsletters.reply_to'), undefined, 'email')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('newsletters.relay')}</legend>
        {secret('smtpUrl', t('newsletters.smtp_url'), t('newsletters.smtp_url_hint'))}
        <div class="grid">
          {text('ratePerSecond', t('newsletters.rate'), t('newsletters.rate_hint'), 'number')}
          {text('connections', t('newsletters.connections'), t('newsletters.connections_hint'), 'number')}
        </div>
        <div class="nl-relay-test">
          <Field id="rs-test-to" label={t('newsletters.relay_test_to')} hint={t('newsletters.relay_test_hint')}>
            <input id="rs-test-to" type="email" dir="ltr" value={testTo} onInput={(e) => setTestTo((e.target as HTMLInputElement).value)} />
          </Field>
          <button type="button" disabled={testing.busy || !got.secrets.smtpUrl} onClick={() => void sendTest()}>{testing.busy ? t('newsletters.relay_testing') : t('newsletters.relay_test')}</button>
          {got.secrets.smtpUrl ? null : <small>{t('newsletters.relay_test_needs')}</small>}
          {testing.answer ? <p class="ok" role="status">{testing.answer}</p> : null}
          <ErrorNote error={testing.error} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('newsletters.dkim')}</legend>
        <p><small>{t('newsletters.dkim_intro')}</small></p>
        <div class="grid">
          {text('dkimDomain', t('newsletters.dkim_domain'))}
          {text('dkimSelector', t('newsletters.dkim_selector'), t('newsletters.dkim_selector_hint'))}
        </div>
        {secret('dkimPrivateKey', t('newsletters.dkim_key'), t('newsletters.dkim_key_hint'), true)}
      </fieldset>
      <fieldset>
        <legend>{t('newsletters.bounces')}</legend>
        <div class="grid">
          {text('bounceAddress', t('newsletters.bounce_address'), t('newsletters.bounce_address_hint'), 'email')}
          {text('softBounceLimit', t('newsletters.soft_limit'), t('newsletters.soft_limit_hint', { days: form.softBounceDays }), 'number')}
        </div>
        {secret('bounceMailboxUrl', t('newsletters.bounce_mailbox'), t('newsletters.bounce_mailbox_hint'))}
        <Field id="rs-ses" label={t('newsletters.ses_topics')} hint={t('newsletters.ses_topics_hint')} error={fieldError(error, 'sesTopics')}>
          <textarea id="rs-ses" rows={2} dir="ltr" value={form.sesTopics.join('\n')} onInput={(e) => set({ sesTopics: (e.target as HTMLTextAreaElement).value.split('\n').map((s) => s.trim()).filter(Boolean) })} />
        </Field>
        <dl class="nl-hooks">
          <dt>{t('newsletters.ses_webhook')}</dt><dd><code>{got.sesWebhook}</code></dd>
          <dt>{t('newsletters.postmark_webhook')}</dt><dd><code>{got.postmarkWebhook}</code></dd>
        </dl>
      </fieldset>
      <fieldset>
        <legend>{t('newsletters.readers_settings')}</legend>
        <label class="check"><input type="checkbox" checked={form.doubleOptIn} onChange={(e) => set({ doubleOptIn: (e.target as HTMLInputElement).checked })} /> {t('newsletters.double_opt_in')}</label>
        <label class="check"><input type="checkbox" checked={form.clickCounts} onChange={(e) => set({ clickCounts: (e.target as HTMLInputElement).checked })} /> {t('newsletters.click_counts')}</label>
        <p><small>{t('newsletters.click_counts_hint')}</small></p>
        {text('digestMaxStories', t('newsletters.digest_max'), undefined, 'number')}
      </fieldset>
      <div class="buttons"><button type="submit">{t('common.save')}</button></div>
    </form>
  );
}
