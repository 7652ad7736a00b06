// The content screens' places in the app: the navigation's entries (shown to those with the capability) and the
// addresses they answer.
import type { ComponentType } from 'preact';
import type { ScreenProps } from '../app.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { HouseAds } from './house_ads.tsx';
import { People } from './people.tsx';
import { Sections } from './sections.tsx';
import { SiteSettings } from './site_settings.tsx';
import { Tags } from './tags.tsx';

const SCREENS: { href: string; label: MessageKey; capability: string; Screen: ComponentType<ScreenProps> }[] = [
  { href: '/admin/sections', label: 'nav.sections', capability: 'sections.manage', Screen: Sections },
  { href: '/admin/tags', label: 'nav.tags', capability: 'tags.manage', Screen: Tags },
  { href: '/admin/people', label: 'nav.people', capability: 'people.manage', Screen: People },
  { href: '/admin/ads', label: 'nav.ads', capability: 'ads.manage', Screen: HouseAds },
  { href: '/admin/settings', label: 'nav.settings', capability: 'settings.manage', Screen: SiteSettings },
];

export const CONTENT_NAV = SCREENS.map(({ href, label, capability }) => ({ href, label, capability }));

export function contentScreen(path: string): ComponentType<ScreenProps> | null {
  return SCREENS.find((s) => s.href === path)?.Screen ?? null;
}
