// Pull quotes: a quote lifted from the story and drawn large on the site. In the body it is a blockquote with the one
// class the site's allowlist keeps (class="pull-quote"); here an attribute of TipTap's blockquote.
import { Extension } from '@tiptap/core';

export const PullQuote = Extension.create({
  name: 'pullQuote',
  addGlobalAttributes() {
    return [{
      types: ['blockquote'],
      attributes: {
        pull: {
          default: false,
          parseHTML: (el: HTMLElement) => el.classList.contains('pull-quote'),
          renderHTML: (attrs: Record<string, unknown>) => (attrs.pull ? { class: 'pull-quote' } : {}),
        },
      },
    }];
  },
});
