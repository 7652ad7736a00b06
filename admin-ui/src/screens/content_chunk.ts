// The content screens, bundled as one chunk that content_screens.tsx loads when one of them is first opened.
import type { ComponentType } from 'preact';
import type { ScreenProps } from '../session.ts';
import { HouseAds } from './house_ads.tsx';
import { People } from './people.tsx';
import { Sections } from './sections.tsx';
import { SiteSettings } from './site_settings.tsx';
import { Tags } from './tags.tsx';

/** The content screens by name (content_screens.tsx gives each its address). */
export type ContentScreenName = 'sections' | 'tags' | 'people' | 'ads' | 'settings';

export const CONTENT_SCREENS: Record<ContentScreenName, ComponentType<ScreenProps>> = {
  sections: Sections, tags: Tags, people: People, ads: HouseAds, settings: SiteSettings,
};
