// A responsive image: AVIF and WebP sources, JPEG fallback, width/height always set, lazy below the fold.
// What goes inside <picture> follows from the image, its display size and its alt text alone, and it is most of a
// list page's markup (30 pictures on the home page), so it is rendered once and kept, like the srcsets it holds.
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { imageSources } from '../../media/images.ts';
import type { MediaView } from '../../content/reading.ts';
import { remember } from '../../remember.ts';

const drawn = remember<string>(2000);

export function Picture({ media, alt, sizes, eager, display = 960, class: cls }: {
  media: MediaView; alt: string; sizes: string; eager?: boolean; display?: number; class?: string;
}): VNode {
  const inner = drawn(`${display}|${media.storage_key}|${sizes}|${eager ? 1 : 0}|${alt}`, () => {
    const s = imageSources(media, display);
    return render(
      <>
        {s.sources.map((src) => <source type={src.type} srcset={src.srcset} sizes={sizes} />)}
        <img src={s.src} srcset={s.srcset} sizes={sizes} width={s.width} height={s.height} alt={alt}
          loading={eager ? 'eager' : 'lazy'} decoding={eager ? 'auto' : 'async'} {...(eager ? { fetchpriority: 'high' } : {})} />
      </>,
    );
  });
  return <picture class={cls} dangerouslySetInnerHTML={{ __html: inner }} />;
}
