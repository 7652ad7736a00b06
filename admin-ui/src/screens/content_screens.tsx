// The content screens' places in the app: the navigation's entries (shown to those with the capability) and the
// addresses they answer. The screens themselves are one chunk of their own (content_chunk.ts), loaded the first
// time one is opened, so the first screen stays small.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { ContentScreenName } from './content_chunk.ts';

const SCREENS: { href: string; label: MessageKey; capability: string; name: ContentScreenName }[] = [
  { href: '/admin/sections', label: 'nav.sections', capability: 'sections.manage', name: 'sections' },
  { href: '/admin/tags', label: 'nav.tags', capability: 'tags.manage', name: 'tags' },
  { href: '/admin/people', label: 'nav.people', capability: 'people.manage', name: 'people' },
  { href: '/admin/ads', label: 'nav.ads', capability: 'ads.manage', name: 'ads' },
  { href: '/admin/settings', label: 'nav.settings', capability: 'settings.manage', name: 'settings' },
];

export const CONTENT_NAV = SCREENS.map(({ href, label, capability }) => ({ href, label, capability }));

type Chunk = Record<ContentScreenName, ComponentType<ScreenProps>>;
let chunk: Promise<Chunk> | null = null;
const loadChunk = () => (chunk ??= import('./content_chunk.ts').then((m) => m.CONTENT_SCREENS));

const lazy = new Map<ContentScreenName, ComponentType<ScreenProps>>();
function lazyScreen(name: ContentScreenName): ComponentType<ScreenProps> {
  let screen = lazy.get(name);
  if (!screen) {
    screen = function LazyContentScreen(props: ScreenProps) {
      const [Screen, setScreen] = useState<ComponentType<ScreenProps> | null>(null);
      const [failed, setFailed] = useState(false);
      useEffect(() => { void loadChunk().then((c) => setScreen(() => c[name]), () => { chunk = null; setFailed(true); }); }, []);
      if (failed) return <p class="error" role="alert">{t('error.offline')}</p>;
      return Screen ? <Screen {...props} /> : <p role="status">{t('common.loading')}</p>;
    };
    lazy.set(name, screen);
  }
  return screen;
}

export function contentScreen(path: string): ComponentType<ScreenProps> | null {
  const s = SCREENS.find((x) => x.href === path);
  return s ? lazyScreen(s.name) : null;
}
