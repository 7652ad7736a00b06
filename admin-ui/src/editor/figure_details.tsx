// A picture in the body, selected (clicked, or just uploaded): its alt text, caption and credit, changed in place.
// Alt text is what a reader who cannot see the picture hears; a picture without it is marked in the text.
import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { t } from '../i18n/index.ts';
import type { FigureAttrs } from './figure.ts';

/** The figure the selection is on, if it is one. */
export function selectedFigure(editor: Editor): FigureAttrs | null {
  const s = editor.state.selection;
  return s instanceof NodeSelection && s.node.type.name === 'figure' ? (s.node.attrs as FigureAttrs) : null;
}

export function FigureDetails({ editor, attrs }: { editor: Editor; attrs: FigureAttrs }) {
  const set = (patch: Partial<FigureAttrs>) => editor.chain().updateAttributes('figure', patch).run();
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  /** The cursor goes to the text just after the picture. */
  const back = () => editor.chain().focus().command(({ tr }) => {
    tr.setSelection(TextSelection.near(tr.doc.resolve(tr.selection.to)));
    return true;
  }).run();
  return (
    <fieldset class="figure-details">
      <legend>{t('picture.details')}</legend>
      <label for="figure-alt">{t('picture.alt_prompt_label')}</label>
      <input id="figure-alt" dir="auto" value={attrs.alt} onInput={(e) => set({ alt: value(e) })} />
      <label for="figure-caption">{t('media.caption')}</label>
      <input id="figure-caption" dir="auto" value={attrs.caption} onInput={(e) => set({ caption: value(e) })} />
      <label for="figure-credit">{t('media.credit')}</label>
      <input id="figure-credit" dir="auto" value={attrs.credit} onInput={(e) => set({ credit: value(e) })} />
      <p class="buttons">
        <button type="button" class="quiet" onClick={back}>{t('picture.back_to_text')}</button>{' '}
        <button type="button" class="quiet danger" onClick={() => editor.chain().focus().deleteSelection().run()}>{t('picture.remove')}</button>
      </p>
    </fieldset>
  );
}
