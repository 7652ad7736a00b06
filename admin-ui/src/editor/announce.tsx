// "Send alert" and "Post to channels" beside the publish buttons: before a story is out the choice is kept with it
// and carried out once when it is published (now or at its scheduled time); for a story already out, "Announce now"
// sends the alert and posts it (each channel takes a story once).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Me } from '../session.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';

type Plan = { alert: boolean; alertText: string; channels: boolean; done?: boolean };

export function AnnounceOptions({ me, article }: { me: Me; article: { id: number; status: string } }) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const allowed = me.capabilities.includes('channels.announce');
  const published = article.status === 'published';
  useEffect(() => {
    if (allowed) void api<Plan>('GET', `/api/admin/channels/articles/${article.id}/plan`).then(setPlan, setError);
  }, [article.id, allowed]);
  if (!allowed || !plan) return error ? <ErrorNote error={error} /> : null;

  const change = async (next: Plan) => {
    setPlan(next);
    setNote('');
    if (published) return;
    try {
      setPlan(await api<Plan>('PUT', `/api/admin/channels/articles/${article.id}/plan`, { alert: next.alert, alertText: next.alertText, channels: next.channels }));
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const announce = async () => {
    try {
      const r = await api<{ alertId: number | null; posts: number }>('POST', `/api/admin/channels/articles/${article.id}/announce`, { alert: plan.alert, alertText: plan.alertText, channels: plan.channels });
      setNote([r.alertId ? t('announce.alert_queued') : '', plan.channels ? t('announce.sent', { posts: r.posts }) : ''].filter(Boolean).join(' '));
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <fieldset class="announce">
      <legend>{t('announce.title')}</legend>
      <label><input type="checkbox" checked={plan.alert} onChange={(e) => void change({ ...plan, alert: e.currentTarget.checked })} /> {t('announce.send_alert')}</label>
      {plan.alert ? (
        <label class="announce-text">{t('announce.alert_text')}
          <input maxLength={200} value={plan.alertText} dir="auto" onChange={(e) => void change({ ...plan, alertText: e.currentTarget.value })} />
        </label>
      ) : null}
      <label><input type="checkbox" checked={plan.channels} onChange={(e) => void change({ ...plan, channels: e.currentTarget.checked })} /> {t('announce.post_channels')}</label>
      {published
        ? <button type="button" disabled={!plan.alert && !plan.channels} onClick={() => void announce()}>{t('announce.now')}</button>
        : <small>{plan.done ? t('announce.done') : t('announce.on_publish')}</small>}
      {note ? <p role="status">{note}</p> : null}
      {error ? <ErrorNote error={error} /> : null}
    </fieldset>
  );
}
