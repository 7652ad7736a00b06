// Row type of the media library (uploaded images and their variants).
import type { Generated } from 'kysely';

export interface MediaTable {
  id: Generated<number>;
  /** storage key of the original, e.g. "2026/11/abc123.jpg" */
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON array of { format, width, key } */
  variants: string;
  /** dominant colour, #rrggbb, drawn while the picture loads; '' until known */
  placeholder: Generated<string>;
  uploaded_by: number | null;
  created_at: string;
}

export interface MediaTables {
  media: MediaTable;
}
