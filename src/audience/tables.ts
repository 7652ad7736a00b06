// The audience domain's tables (migration 0028): only src/audience reads and writes them.
import type { Generated } from 'kysely';

export interface AudienceTables {
  audience_views: {
    id: Generated<number>;
    viewed_at: string;
    /** the start of the view's hour in the site's time zone, in seconds since 1970 */
    hour: number;
    /** the view's date in the site's time zone, YYYY-MM-DD */
    day: string;
    /** a hash of the day's salt, the site, the address and the user agent: the same reader on the same day only */
    visitor: string;
    kind: string;
    bot: number;
    path: string;
    article_id: number | null;
    section_id: number | null;
    language: string;
    edition: string;
    ref_group: string;
    ref_host: string;
  };
  audience_view_authors: { hour: number; day: string; visitor: string; person_id: number };
  audience_hourly: { dim: string; hour: number; key: string; views: number; visitors: number };
  audience_daily: { dim: string; day: string; key: string; views: number; visitors: number };
  audience_stale_hours: { hour: number; day: string; version: number };
  /** a day's totals are out of date while version > rolled_version; rolled_at: when they were last worked out */
  audience_stale_days: { day: string; version: number; rolled_version: Generated<number>; rolled_at: Generated<string> };
  audience_salts: { day: string; salt: string };
  audience_most_read: { language: string; rank: number; article_id: number; views: number };
  audience_settings: { key: string; value: string };
}
