// A responsive image: AVIF and WebP sources, JPEG fallback, width/height always set, lazy below the fold.
import type { VNode } from 'preact';
import { imageSources } from '../../media/images.ts';
import type { MediaView } from '../../content/reading.ts';

export function Picture({ media, alt, sizes, eager, display = 960, class: cls }: {
  media: MediaView; alt: string; sizes: string; eager?: boolean; display?: number; class?: string;
}): VNode {
  const s = imageSources(media, display);
  return (
    <picture class={cls}>
      {s.sources.map((src) => <source type={src.type} srcset={src.srcset} sizes={sizes} />)}
      <img src={s.src} srcset={s.srcset} sizes={sizes} width={s.width} height={s.height} alt={alt}
        loading={eager ? 'eager' : 'lazy'} decoding={eager ? 'auto' : 'async'} {...(eager ? { fetchpriority: 'high' } : {})} />
    </picture>
  );
}
