// Blocked commenters: an email address, an IP address, or a network (an IPv4 /24 or IPv6 /64, written as CIDR).
// Later comments from a blocked sender are filed as spam without telling them. Add a block, see them all, lift one.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, when } from '../ui.tsx';
import { useActing } from './acting.ts';
import type { Answer, Item } from '../api_types.ts';

type Block = Item<Answer<'/api/admin/comments/blocks', 'get'>['blocks']>;
const KINDS = ['email', 'ip', 'network'] as const;

export function CommentBlocks() {
  const [blocks, setBlocks] = useState<Block[] | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('email');
  const [value, setValue] = useState('');
  const [why, setWhy] = useState('');
  const load = async () => {
    try { setBlocks((await api<Answer<'/api/admin/comments/blocks', 'get'>>('GET', '/api/admin/comments/blocks')).blocks); } catch (err) { setError(err); }
  };
  const { error, setError, note, setNote, act } = useActing(() => load());
  useEffect(() => { void load(); }, []);

  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setNote('');
    try {
      await api('POST', '/api/admin/comments/blocks', { kind, value, ...(why ? { note: why } : {}) });
      setNote(t('blocks.added', { value }));
      setValue('');
      setWhy('');
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const lift = (b: Block) => act(() => api('DELETE', `/api/admin/comments/blocks/${b.id}`), t('blocks.lifted', { value: b.value }));

  return (
    <div class="blocks">
      <h2 id="blocks-title">{t('blocks.title')}</h2>
      <p>{t('blocks.about')}</p>
      <ErrorNote error={error && !fieldError(error, 'value') && !fieldError(error, 'kind') ? error : null} retry={load} />
      {note ? <p role="status" class="ok">{note}</p> : null}
      <form class="panel" onSubmit={add} aria-labelledby="block-new">
        <h3 id="block-new">{t('blocks.new')}</h3>
        <Field id="block-kind" label={t('blocks.kind')} error={fieldError(error, 'kind')}>
          <select id="block-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as Block['kind'])}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`blocks.kind_${k}` as MessageKey)}</option>)}
          </select>
        </Field>
        <Field id="block-value" label={t(`blocks.value_${kind}` as MessageKey)} hint={t(`blocks.hint_${kind}` as MessageKey)} error={fieldError(error, 'value')}>
          <input id="block-value" required dir="ltr" value={value} aria-describedby="block-value-hint" onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        </Field>
        <Field id="block-note" label={t('blocks.note')}>
          <input id="block-note" dir="auto" value={why} onInput={(e) => setWhy((e.target as HTMLInputElement).value)} />
        </Field>
        <p class="buttons"><button type="submit">{t('blocks.add')}</button></p>
      </form>
      {blocks === null ? null : blocks.length === 0 ? <p>{t('blocks.none')}</p> : (
        <ul class="rows" aria-labelledby="blocks-title">
          {blocks.map((b) => (
            <li key={b.id} class="row">
              <div class="who-is">
                <strong dir="ltr">{b.value}</strong>
                <span class="meta">{t(`blocks.kind_${b.kind}` as MessageKey)} · {when(b.created_at)}{b.note ? ' · ' : ''}<span dir="auto">{b.note}</span></span>
              </div>
              <p class="buttons"><button type="button" class="quiet" onClick={() => lift(b)}>{t('blocks.lift')}<span class="visually-hidden"> {b.value}</span></button></p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
