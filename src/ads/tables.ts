// Row types of house ads: slots on the page and the creatives rotated through them.
import type { Generated } from 'kysely';

export interface AdSlotsTable {
  id: Generated<number>;
  key: string;
  name: string;
  description: string;
}

export interface AdCreativesTable {
  id: Generated<number>;
  slot_id: number;
  name: string;
  headline: string;
  body: string;
  link_url: string;
  image_media_id: number | null;
  weight: number;
  starts_at: string | null;
  ends_at: string | null;
  active: number;
  /** the language it speaks (en, fa, ps), or null: shown on pages of any language without creatives of their own */
  language: string | null;
  created_at: string;
}

export interface AdTables {
  ad_slots: AdSlotsTable;
  ad_creatives: AdCreativesTable;
}
