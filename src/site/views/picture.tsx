// A responsive image: AVIF and WebP sources, JPEG fallback, width/height always set, lazy below the fold, and the
// picture's placeholder colour behind it while it loads (a palette class: the CSP allows no inline style). For a
// reader saving data (Save-Data: on) every source offers only the smallest variant.
// What goes inside <picture> follows from the image, its display size, its alt text and the data-saver state
// alone, and it is most of a list page's markup (30 pictures on the home page), so it is rendered once and kept.
import type { VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { render } from 'preact-render-to-string';
import { imageSources, type ImageSources } from '../../media/images.ts';
import { placeholderClass } from '../../media/placeholder.ts';
import type { MediaView } from '../../content/reading.ts';
import { remember } from '../../remember.ts';
import { SaveData } from '../../http/save_data.ts';

const drawn = remember<string>(2000);

/** The first (smallest) entry of a srcset: "a.avif 480w, b.avif 960w" -> "a.avif 480w". */
const smallest = (srcset: string) => srcset.split(', ')[0];

/** The sources cut down to each format's smallest variant, for a reader saving data. */
function saving(s: ImageSources): ImageSources {
  const jpeg = smallest(s.srcset);
  return { ...s, src: jpeg.split(' ')[0] || s.src, srcset: jpeg, sources: s.sources.map((x) => ({ type: x.type, srcset: smallest(x.srcset) })) };
}

export function Picture({ media, alt, sizes, eager, display = 960, class: cls }: {
  media: Pick<MediaView, 'storage_key' | 'width' | 'height' | 'variants'> & { placeholder?: string }; alt: string; sizes: string;
  eager?: boolean; display?: number; class?: string;
}): VNode {
  const saveData = useContext(SaveData);
  const ph = placeholderClass(media.placeholder);
  const inner = drawn(`${display}|${media.storage_key}|${sizes}|${eager ? 1 : 0}|${saveData ? 1 : 0}|${ph}|${alt}`, () => {
    const all = imageSources(media, display);
    const s = saveData ? saving(all) : all;
    return render(
      <>
        {s.sources.map((src) => <source type={src.type} srcset={src.srcset} sizes={sizes} />)}
        <img src={s.src} srcset={s.srcset} sizes={sizes} width={s.width} height={s.height} alt={alt}
          loading={eager ? 'eager' : 'lazy'} decoding={eager ? 'auto' : 'async'} {...(eager ? { fetchpriority: 'high' } : {})} class={ph ?? undefined} />
      </>,
    );
  });
  return <picture class={cls} dangerouslySetInnerHTML={{ __html: inner }} />;
}
