// Cropping a picture to a square: a box the person drags over the picture (or moves with the three sliders, the
// keyboard's way), and the server cuts that square from the original as a picture of its own.
import { useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote } from '../ui.tsx';
import { thumbnail, type MediaRow } from './media_picker.tsx';

const SHOWN = 320;
const MIN = 32;

export function SquareCrop({ media, onCut, onCancel }: { media: MediaRow; onCut: (m: MediaRow) => void; onCancel: () => void }) {
  const side = Math.min(media.width, media.height);
  const [box, setBox] = useState({ x: Math.round((media.width - side) / 2), y: Math.round((media.height - side) / 2), size: side });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const drag = useRef<{ px: number; py: number; x: number; y: number } | null>(null);
  const scale = SHOWN / media.width;
  /** The box kept whole inside the picture. */
  const fit = (b: { x: number; y: number; size: number }) => {
    const size = Math.round(Math.max(Math.min(b.size, side), Math.min(MIN, side)));
    return { size, x: Math.round(Math.min(Math.max(0, b.x), media.width - size)), y: Math.round(Math.min(Math.max(0, b.y), media.height - size)) };
  };
  const move = (e: PointerEvent) => {
    if (!drag.current) return;
    const d = drag.current;
    setBox((b) => fit({ ...b, x: d.x + (e.clientX - d.px) / scale, y: d.y + (e.clientY - d.py) / scale }));
  };
  const cut = async () => {
    setError(null);
    setBusy(true);
    try { onCut((await api<{ media: MediaRow }>('POST', `/api/admin/media/${media.id}/square`, box)).media); } catch (err) { setError(err); }
    setBusy(false);
  };
  const slider = (id: string, label: string, key: 'x' | 'y' | 'size', max: number) => (
    <label for={id}>{label}
      <input id={id} type="range" min={key === 'size' ? Math.min(MIN, side) : 0} max={max} value={box[key]}
        onInput={(e) => { const v = Number((e.target as HTMLInputElement).value); setBox((b) => fit({ ...b, [key]: v })); }} />
    </label>
  );
  return (
    <fieldset class="crop">
      <legend>{t('crop.title')}</legend>
      <p class="meta">{t('crop.hint')}</p>
      <div class="crop-area" style={{ width: `${SHOWN}px`, height: `${Math.round(media.height * scale)}px` }}>
        <img src={thumbnail(media, 480)} alt={media.alt ?? ''} width={SHOWN} height={Math.round(media.height * scale)} draggable={false} />
        <div class="crop-box" aria-hidden="true"
          style={{ left: `${box.x * scale}px`, top: `${box.y * scale}px`, width: `${box.size * scale}px`, height: `${box.size * scale}px` }}
          onPointerDown={(e) => { (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId); drag.current = { px: e.clientX, py: e.clientY, x: box.x, y: box.y }; }}
          onPointerMove={(e) => move(e as unknown as PointerEvent)}
          onPointerUp={() => { drag.current = null; }} />
      </div>
      <div class="crop-sliders">
        {slider('crop-x', t('crop.left'), 'x', media.width - box.size)}
        {slider('crop-y', t('crop.top'), 'y', media.height - box.size)}
        {slider('crop-size', t('crop.size'), 'size', side)}
      </div>
      <ErrorNote error={error} retry={cut} />
      <p class="buttons">
        <button type="button" disabled={busy} onClick={cut}>{t('crop.use')}</button>{' '}
        <button type="button" class="quiet" onClick={onCancel}>{t('common.cancel')}</button>
      </p>
    </fieldset>
  );
}
