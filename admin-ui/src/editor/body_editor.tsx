// The article body: TipTap (ProseMirror) with the structures the site's allowlist keeps (paragraphs, headings,
// bold/italic, links, quotes and pull quotes, lists, figures with caption, credit and alt text, embeds as links), a toolbar with
// keyboard shortcuts (Ctrl+B, Ctrl+I, Ctrl/Cmd+K for the link popover), pasted markup cleaned, pictures pasted, dropped
// or uploaded straight into the text (placed where they were dropped once uploaded, whatever was typed meanwhile),
// and dir="auto" so Dari or Pashto typed between English names reads right to left.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/index.ts';
import { MediaPicker, type MediaRow } from '../screens/media_picker.tsx';
import { Figure } from './figure.ts';
import { FigureDetails, selectedFigure } from './figure_details.tsx';
import { LinkPopover, type LinkMode } from './link_popover.tsx';
import { PullQuote } from './pull_quote.ts';
import { cleanPastedHtml } from './paste.ts';
import { picturesIn, SendingList, usePictureUpload } from './picture_upload.tsx';

/** Where in the text the pictures on their way go: positions kept current through every change typed meanwhile. */
interface Spot { pos: number }

export function BodyEditor({ html, dir, onChange }: { html: string; dir: 'rtl' | 'ltr' | 'auto'; onChange: (html: string, text: string, byPerson: boolean) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [picking, setPicking] = useState(false);
  const [popover, setPopover] = useState<LinkMode | null>(null);
  const [over, setOver] = useState(false);
  const [, redraw] = useState(0);
  const changed = useRef(onChange);
  changed.current = onChange;
  const spots = useRef<Spot[]>([]);
  const ed = useRef<Editor | null>(null);

  /** A spot after the block that holds `pos` (a picture goes between paragraphs, never splits one). */
  const spotAt = (pos: number): Spot => {
    const $pos = ed.current!.state.doc.resolve(Math.min(pos, ed.current!.state.doc.content.size));
    const spot = { pos: $pos.depth > 0 ? $pos.after(1) : $pos.pos };
    spots.current.push(spot);
    return spot;
  };
  const place = (spot: Spot, m: MediaRow) => {
    spots.current = spots.current.filter((s) => s !== spot);
    const e = ed.current;
    if (!e || e.isDestroyed) return;
    const attrs = { src: `/media/${m.storage_key}`, alt: m.alt ?? '', caption: m.caption ?? '', credit: m.credit ?? '' };
    // The person may be typing: the picture goes in without moving their cursor.
    e.chain().insertContentAt(Math.min(spot.pos, e.state.doc.content.size), { type: 'figure', attrs }, { updateSelection: false }).run();
  };
  const uploads = usePictureUpload();
  /** Sends the files and puts each picture at its spot once it is in the library. */
  const sendAt = (files: File[], pos: number) => {
    for (const f of files) {
      const spot = spotAt(pos);
      void uploads.send([f]).then(([m]) => {
        if (m) place(spot, m); else spots.current = spots.current.filter((s) => s !== spot);
      });
    }
  };

  useEffect(() => {
    const e = new Editor({
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
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') { event.preventDefault(); setPopover('link'); return true; }
          return false;
        },
        handlePaste: (view, event) => {
          const files = picturesIn(event.clipboardData);
          if (!files.length) return false;
          sendAt(files, view.state.selection.from);
          return true;
        },
        handleDrop: (view, event, _slice, moved) => {
          setOver(false);
          const files = moved ? [] : picturesIn(event.dataTransfer);
          if (!files.length) return false;
          event.preventDefault();
          sendAt(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from);
          return true;
        },
      },
      onUpdate: ({ editor: x }) => changed.current(x.getHTML(), x.getText(), true),
      onSelectionUpdate: () => redraw((n) => n + 1),
      onTransaction: ({ transaction }) => {
        if (transaction.docChanged) for (const s of spots.current) s.pos = transaction.mapping.map(s.pos);
      },
    });
    ed.current = e;
    setEditor(e);
    changed.current(e.getHTML(), e.getText(), false);
    return () => e.destroy();
  }, []);

  const button = (label: MessageKey, active: boolean, run: () => void, key?: string, expanded?: boolean) => (
    <button type="button" class="quiet" aria-pressed={expanded === undefined ? active : undefined} aria-expanded={expanded}
      aria-keyshortcuts={key} onClick={run}>{t(label)}</button>
  );
  const chain = () => editor!.chain().focus();
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
  const figure = editor ? selectedFigure(editor) : null;
  let undescribed = 0;
  editor?.state.doc.descendants((n) => { if (n.type.name === 'figure' && !String(n.attrs.alt).trim()) undescribed++; return n.isBlock; });

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping pictures is a shortcut; the upload button does the same
    <div class={over ? 'body-field dropping' : 'body-field'} dir={dir === 'auto' ? undefined : dir}
      onDragOver={(e) => { if (e.dataTransfer?.types.includes('Files')) setOver(true); }} onDragLeave={() => setOver(false)}>
      <div class="body-tools">
        {editor ? (
          <div class="toolbar" role="toolbar" aria-label={t('body.toolbar')}>
            {button('body.h2', editor.isActive('heading', { level: 2 }), () => chain().toggleHeading({ level: 2 }).run())}
            {button('body.h3', editor.isActive('heading', { level: 3 }), () => chain().toggleHeading({ level: 3 }).run())}
            {button('body.bold', editor.isActive('bold'), () => chain().toggleBold().run(), 'Control+B')}
            {button('body.italic', editor.isActive('italic'), () => chain().toggleItalic().run(), 'Control+I')}
            {button('body.link', editor.isActive('link'), () => setPopover(popover === 'link' ? null : 'link'), 'Control+K')}
            {button('body.quote', editor.isActive('blockquote', { pull: false }), () => chain().toggleBlockquote().run())}
            {button('body.pull_quote', editor.isActive('blockquote', { pull: true }), pullQuote)}
            {button('body.bullets', editor.isActive('bulletList'), () => chain().toggleBulletList().run())}
            {button('body.numbers', editor.isActive('orderedList'), () => chain().toggleOrderedList().run())}
            {button('body.image', false, () => setPicking(true))}
            {button('body.image_upload', false, () => file.current?.click())}
            {button('body.embed', false, () => setPopover(popover === 'embed' ? null : 'embed'), undefined, popover === 'embed')}
            <input ref={file} id="body-file" type="file" accept="image/*" multiple hidden aria-hidden="true" tabIndex={-1} onChange={(e) => {
              const input = e.target as HTMLInputElement;
              sendAt([...(input.files ?? [])], editor.state.selection.from);
              input.value = '';
            }} />
          </div>
        ) : null}
        {editor && popover ? <LinkPopover key={popover} editor={editor} mode={popover} onClose={() => setPopover(null)} /> : null}
        <SendingList sending={uploads.sending} dismiss={uploads.dismiss} />
        {undescribed && !figure ? <p class="hint" role="status">{t('picture.describe_hint')}</p> : null}
        {editor && figure ? <FigureDetails editor={editor} attrs={figure} /> : null}
      </div>
      <div ref={host} />
      {picking ? <MediaPicker onPick={insertPicture} onClose={() => setPicking(false)} /> : null}
    </div>
  );
}
