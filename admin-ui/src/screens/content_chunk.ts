// The content screens, bundled as one chunk that content_screens.tsx loads when one of them is first opened.
import type { ComponentType } from 'preact';
import type { ScreenProps } from '../app.tsx';
import type { ContentScreenName } from './content_screens.tsx';
import { HouseAds } from './house_ads.tsx';
import { People } from './people.tsx';
import { Sections } from './sections.tsx';
import { SiteSettings } from './site_settings.tsx';
import { Tags } from './tags.tsx';

export const CONTENT_SCREENS: Record<ContentScreenName, ComponentType<ScreenProps>> = {
  sections: Sections, tags: Tags, people: People, ads: HouseAds, settings: SiteSettings,
};
