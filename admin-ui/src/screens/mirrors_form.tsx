// The "Add a mirror" form: its fields follow the kind (an S3-compatible bucket, an SFTP host, a git remote, a folder
// on this server). A refusal names its field and is shown there; what was typed stays, secrets included, so the
// person corrects one field instead of typing the private key again.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { RequestBody } from '../api_types.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError } from '../ui.tsx';

type Kind = 's3' | 'sftp' | 'git' | 'folder';
type Body = RequestBody<'/api/admin/mirrors', 'post'>;
/** One field of a kind's place: the name the API takes, its label, and how it is typed. */
type Spec = { name: string; label: MessageKey; type?: 'password' | 'number' | 'checkbox' | 'textarea'; secret?: boolean; placeholder?: string };

export const KINDS: Kind[] = ['s3', 'sftp', 'git', 'folder'];
const FIELDS: Record<Kind, Spec[]> = {
  s3: [
    { name: 'endpoint', label: 'mirrors.endpoint', placeholder: 'https://s3.example.net' },
    { name: 'bucket', label: 'mirrors.bucket' },
    { name: 'region', label: 'mirrors.region', placeholder: 'us-east-1' },
    { name: 'accessKeyId', label: 'mirrors.access_key_id' },
    { name: 'secretAccessKey', label: 'mirrors.secret_access_key', type: 'password', secret: true },
    { name: 'pathStyle', label: 'mirrors.path_style', type: 'checkbox' },
    { name: 'prefix', label: 'mirrors.prefix' },
  ],
  sftp: [
    { name: 'host', label: 'mirrors.host' },
    { name: 'port', label: 'mirrors.port', type: 'number', placeholder: '22' },
    { name: 'username', label: 'mirrors.username' },
    { name: 'privateKey', label: 'mirrors.private_key', type: 'textarea', secret: true, placeholder: '-----BEGIN OPENSSH PRIVATE KEY-----' },
    { name: 'hostKey', label: 'mirrors.host_key' },
    { name: 'path', label: 'mirrors.folder', placeholder: '/var/www/mirror' },
  ],
  git: [
    { name: 'remote', label: 'mirrors.remote', placeholder: 'git@example.org:newsroom/mirror.git' },
    { name: 'branch', label: 'mirrors.branch', placeholder: 'main' },
    { name: 'privateKey', label: 'mirrors.git_key', type: 'textarea', secret: true },
  ],
  folder: [{ name: 'path', label: 'mirrors.path', placeholder: '/srv/mirror' }],
};

/** What the form sends for a kind: the fields of that kind only, blanks left out so the server's defaults apply. */
function targetOf(kind: Kind, values: Record<string, string | boolean>): Body['target'] {
  const target: Body['target'] = {};
  for (const f of FIELDS[kind]) {
    const v = values[f.name];
    if (f.type === 'checkbox') target[f.name] = v !== false;
    else if (typeof v === 'string' && v.trim() !== '') target[f.name] = f.type === 'number' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  }
  return target;
}

export function AddMirror({ onAdded }: { onAdded: (name: string) => Promise<void> }) {
  const [kind, setKind] = useState<Kind>('folder');
  const [name, setName] = useState('');
  const [publicUrl, setPublicUrl] = useState('');
  const [values, setValues] = useState<Record<string, string | boolean>>({ pathStyle: true });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await api('POST', '/api/admin/mirrors', { kind, name, publicUrl, target: targetOf(kind, values) } satisfies Body);
      setName('');
      setPublicUrl('');
      setValues({ pathStyle: true });
      await onAdded(name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const named = (field: string) => fieldError(error, field) ?? fieldError(error, `target.${field}`);
  const shownElsewhere = ['name', 'publicUrl', 'kind', ...FIELDS[kind].map((f) => f.name)].some((f) => named(f));

  return (
    <form class="mirror-form" onSubmit={(e) => void submit(e)} aria-labelledby="mirror-add">
      <h2 id="mirror-add">{t('mirrors.add')}</h2>
      <Field id="mirror-kind" label={t('mirrors.kind')} error={named('kind')}>
        <select id="mirror-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`mirrors.kind_${k}`)}</option>)}
        </select>
      </Field>
      <Field id="mirror-name" label={t('mirrors.name')} error={named('name')}>
        <input id="mirror-name" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="mirror-public" label={t('mirrors.public_url')} hint={t('mirrors.public_url_hint')} error={named('publicUrl')}>
        <input id="mirror-public" type="url" dir="ltr" required placeholder="https://mirror.example.org/" value={publicUrl}
          aria-describedby="mirror-public-hint" onInput={(e) => setPublicUrl(e.currentTarget.value)} />
      </Field>
      {FIELDS[kind].map((f) => {
        const id = `mirror-${kind}-${f.name}`;
        const v = values[f.name];
        const set = (value: string | boolean) => setValues({ ...values, [f.name]: value });
        if (f.type === 'checkbox') {
          return <label key={id} class="check"><input id={id} type="checkbox" checked={v !== false} onChange={(e) => set(e.currentTarget.checked)} /> {t(f.label)}</label>;
        }
        return (
          <Field key={id} id={id} label={t(f.label)} error={named(f.name)} hint={f.secret ? t('mirrors.secret_hint') : undefined}>
            {f.type === 'textarea'
              ? <textarea id={id} dir="ltr" rows={4} spellcheck={false} autocomplete="off" placeholder={f.placeholder} value={typeof v === 'string' ? v : ''} onInput={(e) => set(e.currentTarget.value)} />
              : <input id={id} dir="ltr" type={(f.type ?? 'text') as 'text'} inputMode={f.type === 'number' ? 'numeric' : undefined} autocomplete="off" placeholder={f.placeholder} value={typeof v === 'string' ? v : ''} onInput={(e) => set(e.currentTarget.value)} />}
          </Field>
        );
      })}
      {error && !shownElsewhere ? <ErrorNote error={error} /> : null}
      <p><button type="submit" disabled={busy}>{t('mirrors.add_submit')}</button></p>
    </form>
  );
}
