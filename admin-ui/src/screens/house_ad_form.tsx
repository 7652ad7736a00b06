// One house ad: its words, link and picture, the dates it runs between (in this device's time), its weight, paused
// or running; with a preview drawn the way the site draws the slot.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { Field, fieldError, siteInput, siteMoment, siteZone } from '../ui.tsx';
import { FormError, SaveOrCancel, textOf } from './content_kit.tsx';
import { MediaPicker, thumbnail, type MediaRow } from './media_picker.tsx';
import type { Answer, Item } from '../api_types.ts';

/** A house ad as GET /api/admin/ads/creatives lists it. */
export type Creative = Item<Answer<'/api/admin/ads/creatives', 'get'>['creatives']>;

// An ISO instant as a datetime-local field shows it on the site's clock, and back.
const localOf = siteInput;
const isoOf = siteMoment;

export function AdForm({ slotId, slotKey, ad, onDone }: { slotId: number; slotKey: string; ad: Creative | null; onDone: (name: string | null) => void }) {
  const [name, setName] = useState(ad?.name ?? '');
  const [headline, setHeadline] = useState(ad?.headline ?? '');
  const [body, setBody] = useState(ad?.body ?? '');
  const [linkUrl, setLinkUrl] = useState(ad?.link_url ?? '');
  const [imageId, setImageId] = useState<number | null>(ad?.image_media_id ?? null);
  const [image, setImage] = useState<MediaRow | null>(null);
  const [weight, setWeight] = useState(String(ad?.weight ?? 1));
  const [startsAt, setStartsAt] = useState(localOf(ad?.starts_at ?? null));
  const [endsAt, setEndsAt] = useState(localOf(ad?.ends_at ?? null));
  const [active, setActive] = useState(ad ? Boolean(ad.active) : true);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (imageId && image?.id !== imageId) void api<Answer<'/api/admin/media/{id}', 'get'>>('GET', `/api/admin/media/${imageId}`).then((r) => setImage(r.media), () => {});
  }, [imageId]);

  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const fields = { name, headline, body, linkUrl, imageMediaId: imageId, weight: Number(weight), startsAt: isoOf(startsAt), endsAt: isoOf(endsAt), active };
    try {
      if (ad) await api('PATCH', `/api/admin/ads/creatives/${ad.id}`, fields);
      else await api('POST', '/api/admin/ads/creatives', { slotId, ...fields });
      onDone(name);
    } catch (err) { setError(err); }
  };
  const shownImage = imageId && image ? image : null;
  return (
    <form class="describe ad-form" onSubmit={save} aria-labelledby="ad-form-title">
      <h3 id="ad-form-title">{ad ? t('ads.edit', { name: ad.name }) : t('ads.new')}</h3>
      <FormError error={error} fields={['name', 'headline', 'body', 'linkUrl', 'imageMediaId', 'weight', 'startsAt', 'endsAt', 'active']} />
      <Field id="ad-name" label={t('ads.name')} hint={t('ads.name_hint')} error={fieldError(error, 'name')}>
        <input id="ad-name" dir="auto" required maxLength={120} value={name} aria-describedby="ad-name-hint" onInput={(e) => setName(textOf(e))} />
      </Field>
      <Field id="ad-headline" label={t('ads.headline')} error={fieldError(error, 'headline')}>
        <input id="ad-headline" dir="auto" maxLength={200} value={headline} onInput={(e) => setHeadline(textOf(e))} />
      </Field>
      <Field id="ad-body" label={t('ads.body')} error={fieldError(error, 'body')}>
        <input id="ad-body" dir="auto" maxLength={500} value={body} onInput={(e) => setBody(textOf(e))} />
      </Field>
      <Field id="ad-link" label={t('ads.link')} hint={t('ads.link_hint')} error={fieldError(error, 'linkUrl')}>
        <input id="ad-link" dir="ltr" maxLength={2000} value={linkUrl} aria-describedby="ad-link-hint" onInput={(e) => setLinkUrl(textOf(e))} />
      </Field>
      <div class="field">
        <span class="label">{t('ads.image')}</span>
        <p class="buttons">
          <button type="button" class="quiet" onClick={() => setPicking(true)}>{t(imageId ? 'details.hero_change' : 'details.hero_pick')}</button>
          {imageId ? <button type="button" class="quiet" onClick={() => setImageId(null)}>{t('details.hero_remove')}</button> : null}
        </p>
        {fieldError(error, 'imageMediaId') ? <small class="field-error" role="alert">{fieldError(error, 'imageMediaId')}</small> : null}
      </div>
      <div class="field-row">
        <Field id="ad-starts" label={t('ads.starts')} hint={`${t('ads.starts_hint')} ${t('time.site_zone', { zone: siteZone() })}`} error={fieldError(error, 'startsAt')}>
          <input id="ad-starts" type="datetime-local" value={startsAt} aria-describedby="ad-starts-hint" onInput={(e) => setStartsAt(textOf(e))} />
        </Field>
        <Field id="ad-ends" label={t('ads.ends')} hint={`${t('ads.ends_hint')} ${t('time.site_zone', { zone: siteZone() })}`} error={fieldError(error, 'endsAt')}>
          <input id="ad-ends" type="datetime-local" value={endsAt} aria-describedby="ad-ends-hint" onInput={(e) => setEndsAt(textOf(e))} />
        </Field>
        <Field id="ad-weight" label={t('ads.weight')} hint={t('ads.weight_hint')} error={fieldError(error, 'weight')}>
          <input id="ad-weight" type="number" min={0} max={1000} step={1} required value={weight} aria-describedby="ad-weight-hint" onInput={(e) => setWeight(textOf(e))} />
        </Field>
      </div>
      <div class="field check">
        <label><input type="checkbox" checked={active} onChange={(e) => setActive((e.target as HTMLInputElement).checked)} /> {t('ads.active')}</label>
      </div>
      <h4>{t('ads.preview')}</h4>
      {/* The site's markup for a slot (src/site/views/parts.tsx AdSlot); the link is not followed from here. */}
      <div class={`ad-preview ad-${slotKey}`}>
        <p class="ad-label">{t('ads.label')}</p>
        <div class="ad-body">
          {shownImage ? <img src={thumbnail(shownImage, 480)} alt="" width={240} height={Math.round((240 * shownImage.height) / shownImage.width)} /> : null}
          {headline ? <strong dir="auto">{headline}</strong> : null}
          {body ? <span dir="auto">{body}</span> : null}
          {linkUrl ? <small dir="ltr">{linkUrl}</small> : null}
        </div>
      </div>
      <SaveOrCancel onCancel={() => onDone(null)} />
      {picking ? <MediaPicker onClose={() => setPicking(false)} onPick={(m) => { setPicking(false); setImage(m); setImageId(m.id); }} /> : null}
    </form>
  );
}
