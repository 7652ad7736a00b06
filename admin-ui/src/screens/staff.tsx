// Staff and invitations: everyone with an account (role, two-factor status, last sign-in), changing a role, ending
// a person's sessions, turning off their two-factor; open invitations (send again, revoke) and inviting someone by
// email and role. The API decides who may do what (only an owner manages owners and admins) and says so.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading, when } from '../ui.tsx';
import { Handed, type HandedLink } from './handed_link.tsx';
import { useActing } from './acting.ts';
import { PickAndApply } from './pick_and_apply.tsx';
import type { Answer, Item, RequestBody } from '../api_types.ts';

export const ROLES = ['owner', 'admin', 'editor', 'author', 'contributor'] as const;
/** A staff account as GET /api/admin/users lists it. */
export type StaffMember = Item<Answer<'/api/admin/users', 'get'>['users']>;
type Invitation = Item<Answer<'/api/admin/invitations', 'get'>['invitations']>;

export const roleName = (role: string | null) => t(`role.${role ?? 'owner'}` as MessageKey);

export function Staff({ me }: ScreenProps) {
  const [users, setUsers] = useState<StaffMember[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [handed, setHanded] = useState<HandedLink | null>(null);

  const load = async () => {
    try {
      const [u, i] = await Promise.all([
        api<Answer<'/api/admin/users', 'get'>>('GET', '/api/admin/users'),
        api<Answer<'/api/admin/invitations', 'get'>>('GET', '/api/admin/invitations'),
      ]);
      setUsers(u.users);
      setInvitations(i.invitations);
    } catch (err) {
      setError(err);
    }
  };
  const { error, setError, note, setNote, act } = useActing(() => load());
  useEffect(() => { void load(); }, []);

  return (
    <section class="people">
      <Heading text="staff.title" />
      <ErrorNote error={error} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      <h2>{t('staff.members')}</h2>
      {users === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : (
        <ul class="rows">
          {users.map((u) => (
            <li key={u.id} class="row">
              <div class="who-is">
                <strong dir="auto">{u.name}</strong> <span class="meta">{u.email}</span>
                <span class="meta">
                  {u.totp_enabled ? t('staff.two_factor_on') : t('staff.two_factor_off')}
                  {u.disabled ? ` · ${t('staff.disabled')}` : ''}
                  {` · ${u.last_login_at ? t('staff.last_seen', { when: when(u.last_login_at) }) : t('staff.never_seen')}`}
                </span>
              </div>
              {u.id === me.user.id ? <span class="meta">{roleName(u.role)}</span> : (
                <PickAndApply label={t('staff.role_of', { name: u.name })} value={u.role} options={ROLES.map((r) => ({ value: r, label: roleName(r) }))}
                  button={t('staff.change_role')} who={u.name}
                  onApply={(role) => act(() => api('PATCH', `/api/admin/users/${u.id}`, { role }), t('staff.role_changed', { name: u.name, role: roleName(role) }))} />
              )}
              <p class="buttons">
                <button type="button" class="quiet" onClick={() => act(() => api('POST', `/api/admin/users/${u.id}/sessions/end`), t('staff.sessions_ended', { name: u.name }), t('staff.end_sessions_ask', { name: u.name }))}>
                  {t('staff.end_sessions')}<span class="visually-hidden"> {u.name}</span>
                </button>
                {u.totp_enabled ? (
                  <button type="button" class="quiet" onClick={() => act(() => api('POST', `/api/admin/users/${u.id}/two-factor/reset`), t('staff.two_factor_reset', { name: u.name }), t('staff.reset_two_factor_ask', { name: u.name }))}>
                    {t('staff.reset_two_factor')}<span class="visually-hidden"> {u.name}</span>
                  </button>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('staff.invitations')}</h2>
      {invitations.length === 0 ? <p>{t('staff.no_invitations')}</p> : (
        <ul class="rows">
          {invitations.map(({ email: sentTo, ...i }) => ({ ...i, email: sentTo ?? '' })).map((i) => (
            <li key={i.id} class="row">
              <div class="who-is">
                <strong>{i.email}</strong>
                <span class="meta">{roleName(i.role)} · {t('staff.expires', { when: when(i.expires_at) })}</span>
              </div>
              <p class="buttons">
                <button type="button" class="quiet" onClick={() => act(async () => {
                  // Emailed: the note says so; otherwise the new link is shown to pass on.
                  const h = await api<HandedLink>('POST', `/api/admin/invitations/${i.id}/resend`);
                  setHanded(h.emailed ? null : { ...h, to: i.email });
                }, t('staff.resent', { email: i.email }))}>
                  {t('staff.resend')}<span class="visually-hidden"> {i.email}</span>
                </button>
                <button type="button" class="quiet" onClick={() => act(() => api('DELETE', `/api/admin/invitations/${i.id}`), t('staff.revoked', { email: i.email }), t('staff.revoke_ask', { email: i.email }))}>
                  {t('staff.revoke')}<span class="visually-hidden"> {i.email}</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      {handed ? <Handed handed={handed} /> : null}
      <Invite onSent={async (h) => { setHanded(h); setNote(''); await load(); }} />
    </section>
  );
}

function Invite({ onSent }: { onSent: (h: HandedLink) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('contributor');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body: RequestBody<'/api/admin/invitations', 'post'> = { email, role: role as (typeof ROLES)[number], ...(name ? { name } : {}) };
      const made = await api<HandedLink>('POST', '/api/admin/invitations', body);
      // Cleared before the list reloads, so the next invitation typed meanwhile is not wiped when it lands.
      setEmail('');
      setName('');
      await onSent({ ...made, to: email });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const general = error && !['email', 'role', 'name'].some((f) => fieldError(error, f)) ? error : null;
  return (
    <form class="panel" onSubmit={send} aria-labelledby="invite-title">
      <h2 id="invite-title">{t('staff.invite')}</h2>
      <ErrorNote error={general} />
      <Field id="invite-email" label={t('staff.email')} error={fieldError(error, 'email')}>
        <input id="invite-email" type="email" required autocomplete="off" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
      </Field>
      <Field id="invite-name" label={t('staff.name_optional')} error={fieldError(error, 'name')}>
        <input id="invite-name" dir="auto" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </Field>
      <Field id="invite-role" label={t('staff.role')} error={fieldError(error, 'role')}>
        <select id="invite-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
          {ROLES.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
        </select>
      </Field>
      <p class="buttons"><button type="submit" disabled={busy}>{t('staff.send_invitation')}</button></p>
    </form>
  );
}
