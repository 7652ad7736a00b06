// A picture in the article body as the site's allowlist keeps it: <figure><img src alt><figcaption>caption
// <small>credit</small></figcaption></figure>. One node with its text in attributes, so a caption cannot be half
// deleted into a paragraph, and alt text travels with the picture.
import { mergeAttributes, Node } from '@tiptap/core';

export interface FigureAttrs { src: string; alt: string; caption: string; credit: string }

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: { insertFigure: (attrs: FigureAttrs) => ReturnType };
  }
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: '' }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } };
  },
  parseHTML() {
    return [{
      tag: 'figure',
      getAttrs: (el) => {
        const img = (el as HTMLElement).querySelector('img');
        if (!img) return false;
        const cap = (el as HTMLElement).querySelector('figcaption');
        const credit = cap?.querySelector('small')?.textContent ?? '';
        const caption = (cap?.textContent ?? '').slice(0, (cap?.textContent ?? '').length - credit.length).trim();
        return { src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '', caption, credit };
      },
    }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { caption, credit } = node.attrs as FigureAttrs;
    const img = ['img', mergeAttributes({ src: HTMLAttributes.src, alt: HTMLAttributes.alt })] as const;
    if (!caption && !credit) return ['figure', img];
    return ['figure', img, ['figcaption', `${caption}${credit ? ' ' : ''}`, ...(credit ? [['small', credit]] : [])]];
  },
  addCommands() {
    return { insertFigure: (attrs) => ({ commands }) => commands.insertContent({ type: this.name, attrs }) };
  },
});
