// The body's link tool (Ctrl/Cmd+K or the toolbar): one field that searches the newsroom's own published stories
// by headline and takes a web address; on a link already there it shows its address, to change or remove. The
// same field takes an embed's address. Arrow keys move between the stories found, Enter takes one, Escape closes
// and puts the cursor back in the text.
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import { findStories, type StoryLink } from './editorial_api.ts';

export type LinkMode = 'link' | 'embed';

const WEB = /^https?:\/\/[^\s/]+\.[^\s]+$/i;
const LINKABLE = /^(https?:\/\/\S+|mailto:\S+@\S+|\/\S*)$/i;
const SEARCH_MS = 250;

/** The public address of one of the newsroom's stories. */
export const storyHref = (s: StoryLink) => `/articles/${encodeURIComponent(s.slug)}`;

/** An address as typed, made whole: "example.org/x" becomes "https://example.org/x". */
function addressOf(value: string): string {
  const v = value.trim();
  if (/^www\.|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(v) && !/\s/.test(v)) return `https://${v}`;
  return v;
}

export function LinkPopover({ editor, mode, onClose }: { editor: Editor; mode: LinkMode; onClose: () => void }) {
  const existing = mode === 'link' ? ((editor.getAttributes('link').href as string | undefined) ?? '') : '';
  const [value, setValue] = useState(existing);
  const [found, setFound] = useState<StoryLink[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [bad, setBad] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => { field.current?.focus(); field.current?.select(); }, []);

  // The newsroom's stories whose headline has the words typed (not for an address, nor for an embed).
  useEffect(() => {
    const words = value.trim();
    if (mode === 'embed' || words.length < 2 || LINKABLE.test(words) || WEB.test(addressOf(words))) { setFound(null); return; }
    let current = true;
    const timer = window.setTimeout(() => {
      findStories(words).then((rows) => { if (current) { setFound(rows); setError(null); } }, (err) => { if (current) setError(err); });
    }, SEARCH_MS);
    return () => { current = false; window.clearTimeout(timer); };
  }, [value]);

  const close = () => { onClose(); editor.commands.focus(); };
  const link = (href: string, text: string) => {
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      editor.chain().focus().insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  };
  const embed = (href: string) => {
    // An embed is kept as a link in its own paragraph: the site shows it without running another host's script.
    editor.chain().focus().insertContent({ type: 'paragraph', content: [{ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }] }).run();
    onClose();
  };
  const apply = () => {
    const href = addressOf(value);
    if (mode === 'embed' ? /^https?:\/\/\S+$/i.test(href) : LINKABLE.test(href)) {
      if (mode === 'embed') embed(href); else link(href, href);
      return;
    }
    if (mode === 'link' && found?.length) { link(storyHref(found[0]), found[0].headline); return; }
    setBad(true);
  };
  const remove = () => { editor.chain().focus().extendMarkRange('link').unsetLink().run(); onClose(); };
  const buttons = () => [...(list.current?.querySelectorAll('button') ?? [])];
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); return; }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = [field.current!, ...buttons()];
    const i = all.indexOf(document.activeElement as HTMLInputElement);
    const next = all[Math.max(0, Math.min(all.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) { e.preventDefault(); next.focus(); }
  };
  const label = mode === 'embed' ? t('body.embed_prompt') : t('link.search');

  return (
    <div class="link-popover" role="dialog" aria-label={mode === 'embed' ? t('body.embed') : t('link.title')} onKeyDown={keys}>
      <label for="link-address">{label}</label>
      <input id="link-address" ref={field} dir="auto" autoComplete="off" value={value} aria-invalid={bad}
        aria-describedby={bad ? 'link-bad' : undefined} aria-controls={found ? 'link-found' : undefined}
        onInput={(e) => { setValue((e.target as HTMLInputElement).value); setBad(false); }}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } }} />
      {bad ? <small id="link-bad" class="field-error" role="alert">{mode === 'embed' ? t('link.bad_embed') : t('link.bad_url')}</small> : null}
      <ErrorNote error={error} />
      {found ? (
        found.length ? (
          <ul id="link-found" ref={list} aria-label={t('link.found')}>
            {found.map((s) => (
              <li key={s.id}><button type="button" class="quiet" dir="auto" onClick={() => link(storyHref(s), s.headline)}>{s.headline}</button></li>
            ))}
          </ul>
        ) : <p role="status">{t('link.no_results')}</p>
      ) : null}
      <p class="buttons">
        <button type="button" onClick={apply}>{mode === 'embed' ? t('link.embed') : t('link.apply')}</button>{' '}
        {existing ? <button type="button" class="quiet danger" onClick={remove}>{t('link.remove')}</button> : null}{' '}
        <button type="button" class="quiet" onClick={close}>{t('link.cancel')}</button>
      </p>
    </div>
  );
}
