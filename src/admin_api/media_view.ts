// How the Admin API shows a media row: the stored row's fields, with its variants as a real list (the row keeps them
// as JSON text) and the address of each file. The schema is the answer's serializer as well as its documentation, so
// a column added to the table stays out of the API until it is named here.
import { mediaUrl, type MediaRow, type Variant } from '../media/images.ts';
import { Described as d, Id, Type } from './schemas.ts';

const VariantItem = Type.Object({
  format: d('avif, webp or jpeg.', Type.String()),
  width: d('Width in pixels.', Type.Integer()),
  height: d('Height in pixels.', Type.Integer()),
  key: d('The file\'s key in the media store.', Type.String()),
  url: d('Its address on this site (made at its first request, then cached for good).', Type.String()),
}, { additionalProperties: false });

export const MediaItem = Type.Object({
  id: d('The image\'s id.', Id),
  url: d('The address of its widest JPEG on this site.', Type.String()),
  storage_key: d('The widest JPEG\'s key in the media store.', Type.String()),
  mime: d('The type of the file at url.', Type.String()),
  width: d('Width of the widest variant, in pixels.', Type.Integer()),
  height: d('Height of the widest variant, in pixels.', Type.Integer()),
  bytes: d('Size of the uploaded file, in bytes.', Type.Integer()),
  alt: d('What the picture shows, for readers who cannot see it.', Type.String()),
  caption: d('The caption shown under it.', Type.String()),
  credit: d('Who made it.', Type.String()),
  variants: d('Every size and format readers\' browsers choose from (three widths at most, each in AVIF, WebP and JPEG).', Type.Array(VariantItem)),
  uploaded_by: d('The uploader\'s staff id, or null (demo and imported images).', Type.Union([Id, Type.Null()])),
  created_at: d('When it was uploaded (ISO 8601, UTC).', Type.String()),
}, { additionalProperties: false });

export const OneMedia = Type.Object({ media: d('The image.', MediaItem) }, { additionalProperties: false });
export const MediaList = Type.Object({ media: d('Images, newest first.', Type.Array(MediaItem)) }, { additionalProperties: false });

/** The row as the API answers it. */
export function mediaView(row: MediaRow) {
  const variants = (JSON.parse(row.variants) as Variant[]).map((v) => ({ ...v, url: mediaUrl(v.key) }));
  return { ...row, url: mediaUrl(row.storage_key), variants };
}
