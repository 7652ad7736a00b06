// Row type of the Content API keys (see api_keys.ts).
import type { Generated } from 'kysely';

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  /** the first characters of the key, shown in lists so a newsroom can tell keys apart */
  prefix: string;
  /** SHA-256 of the whole key, hex */
  key_hash: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiKeyTables {
  api_keys: ApiKeysTable;
}
