// The article body: TipTap (ProseMirror) with the structures the site's allowlist keeps (paragraphs, headings,
// bold/italic, links, quotes and pull quotes, lists, figures with caption, credit and alt text, embeds as links), a toolbar with
// keyboard shortcuts (Ctrl+B, Ctrl+I, Ctrl+K for a link), pasted markup cleaned, and dir="auto" so Dari or Pashto
// typed between English names reads right to left.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/index.ts';
import { MediaPicker, type MediaRow } from '../screens/media_picker.tsx';
import { Figure } from './figure.ts';
import { PullQuote } from './pull_quote.ts';
import { cleanPastedHtml } from './paste.ts';

const SAFE_URL = /^(https?:\/\/|mailto:|\/)/i;

export function BodyEditor({ html, dir, onChange }: { html: string; dir: 'rtl' | 'ltr' | 'auto'; onChange: (html: string, text: string, byPerson: boolean) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [picking, setPicking] = useState(false);
  const [, redraw] = useState(0);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const askLink = (e: Editor) => {
      const url = window.prompt(t('body.link_prompt'), e.getAttributes('link').href ?? 'https://');
      if (url === null) return;
      if (!url.trim()) e.chain().focus().unsetLink().run();
      else if (SAFE_URL.test(url.trim())) e.chain().focus().extendMarkRange('link').setLink({ href: url.trim() }).run();
    };
    const ed = new Editor({
      element: host.current!,
      extensions: [
        StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, underline: false, link: { openOnClick: false, autolink: true } }),
        Figure,
        PullQuote,
      ],
      content: html,
      // TipTap's own styles would go in an inline <style>, which the CSP refuses: they are in app.css.
      injectCSS: false,
      editorProps: {
        attributes: { class: 'body-editor', dir: 'auto', role: 'textbox', 'aria-multiline': 'true', 'aria-label': t('article.body') },
        transformPastedHTML: cleanPastedHtml,
        handleKeyDown: (_view, event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 'k') { event.preventDefault(); askLink(ed); return true; }
          return false;
        },
      },
      onUpdate: ({ editor: e }) => changed.current(e.getHTML(), e.getText(), true),
      onSelectionUpdate: () => redraw((n) => n + 1),
    });
    (ed as Editor & { askLink?: () => void }).askLink = () => askLink(ed);
    setEditor(ed);
    changed.current(ed.getHTML(), ed.getText(), false);
    return () => ed.destroy();
  }, []);

  const button = (label: MessageKey, active: boolean, run: () => void, key?: string) => (
    <button type="button" class="quiet" aria-pressed={active} aria-keyshortcuts={key} onClick={run}>{t(label)}</button>
  );
  const chain = () => editor!.chain().focus();
  const embed = () => {
    const url = window.prompt(t('body.embed_prompt'), 'https://');
    if (!url || !/^https?:\/\//i.test(url.trim())) return;
    // An embed is kept as a link in its own paragraph: the site shows it without running another host's script.
    chain().insertContent({ type: 'paragraph', content: [{ type: 'text', text: url.trim(), marks: [{ type: 'link', attrs: { href: url.trim() } }] }] }).run();
  };
  /** A pull quote on or off: a paragraph becomes one, a quote becomes one, a pull quote goes back to a paragraph. */
  const pullQuote = () => {
    const e = editor!;
    if (e.isActive('blockquote', { pull: true })) chain().toggleBlockquote().run();
    else if (e.isActive('blockquote')) chain().updateAttributes('blockquote', { pull: true }).run();
    else chain().toggleBlockquote().updateAttributes('blockquote', { pull: true }).run();
  };
  const insertPicture = (m: MediaRow) => {
    setPicking(false);
    chain().insertFigure({ src: `/media/${m.storage_key}`, alt: m.alt ?? '', caption: m.caption ?? '', credit: m.credit ?? '' }).run();
  };

  return (
    <div class="body-field" dir={dir === 'auto' ? undefined : dir}>
      {editor ? (
        <div class="toolbar" role="toolbar" aria-label={t('body.toolbar')}>
          {button('body.h2', editor.isActive('heading', { level: 2 }), () => chain().toggleHeading({ level: 2 }).run())}
          {button('body.h3', editor.isActive('heading', { level: 3 }), () => chain().toggleHeading({ level: 3 }).run())}
          {button('body.bold', editor.isActive('bold'), () => chain().toggleBold().run(), 'Control+B')}
          {button('body.italic', editor.isActive('italic'), () => chain().toggleItalic().run(), 'Control+I')}
          {button('body.link', editor.isActive('link'), () => (editor as Editor & { askLink: () => void }).askLink(), 'Control+K')}
          {button('body.quote', editor.isActive('blockquote', { pull: false }), () => chain().toggleBlockquote().run())}
          {button('body.pull_quote', editor.isActive('blockquote', { pull: true }), pullQuote)}
          {button('body.bullets', editor.isActive('bulletList'), () => chain().toggleBulletList().run())}
          {button('body.numbers', editor.isActive('orderedList'), () => chain().toggleOrderedList().run())}
          {button('body.image', false, () => setPicking(true))}
          {button('body.embed', false, embed)}
        </div>
      ) : null}
      <div ref={host} />
      {picking ? <MediaPicker onPick={insertPicture} onClose={() => setPicking(false)} /> : null}
    </div>
  );
}
