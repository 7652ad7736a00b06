// The mirrors domain's tables (migration 0034): only src/mirrors reads and writes them.
import type { Generated } from 'kysely';

export type MirrorKind = 's3' | 'sftp' | 'git' | 'folder';
/** new: never pushed; current: its manifest matches the last export; stale: behind it; changed: its files differ
 * from what was signed; failing: the last push or check failed */
export type MirrorStatus = 'new' | 'current' | 'stale' | 'changed' | 'failing';

export interface MirrorTables {
  /** 'signing-key': the newsroom's Ed25519 private key (PKCS#8 DER, base64url), sealed with the site's secret */
  mirror_settings: { key: string; value: string };
  mirrors: {
    id: Generated<number>;
    kind: MirrorKind;
    name: string;
    /** where readers reach the copy (listed in footers while current) */
    public_url: string;
    /** JSON of where and how to push (bucket, host, remote), sealed with the site's secret: it holds credentials */
    target: string;
    status: Generated<MirrorStatus>;
    /** what the last push or check found, for the newsroom */
    detail: Generated<string>;
    files: Generated<number>;
    /** the signed manifest's SHA-256 the mirror was last brought to */
    pushed_manifest: Generated<string>;
    last_push_at: string | null;
    last_check_at: string | null;
    created_at: string;
  };
}
