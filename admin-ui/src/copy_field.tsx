// A value to pass on (an invitation link, a new API key) in a read-only field with a Copy button: the clipboard
// when the browser allows it, otherwise the whole value is selected (and copied where the browser still lets a
// page do that) so Ctrl+C takes it; either way the person is told which happened.
import { useRef, useState } from 'preact/hooks';
import { t } from './i18n/index.ts';

export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<'' | 'copied' | 'select'>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid('copied');
    } catch {
      // No clipboard here (a page served over plain http, or permission refused): select all of it instead.
      field.current?.focus();
      field.current?.select();
      let copied = false;
      try { copied = document.execCommand('copy'); } catch { /* not allowed either */ }
      setSaid(copied ? 'copied' : 'select');
    }
  };
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <span class="copy-row">
        <input id={id} ref={field} readOnly dir="ltr" value={value} onFocus={(e) => (e.target as HTMLInputElement).select()} />
        <button type="button" onClick={copy}>{t('copy.copy')}<span class="visually-hidden"> {label}</span></button>
      </span>
      <span class="copy-said" role="status">{said === 'copied' ? t('copy.copied') : said === 'select' ? t('copy.select') : ''}</span>
    </div>
  );
}
