// The whole database as Kysely sees it: each domain contributes its own tables.
import type { ContentTables } from '../content/tables.ts';
import type { AuthTables } from '../auth/tables.ts';
import type { CommentTables } from '../comments/tables.ts';
import type { MediaTables } from '../media/tables.ts';
import type { AdTables } from '../ads/tables.ts';
import type { JobTables } from '../jobs/tables.ts';
import type { ImportTables } from '../importers/tables.ts';
import type { SyndicationTables } from '../syndication/tables.ts';
import type { NewsletterTables } from '../newsletters/tables.ts';
import type { AudienceTables } from '../audience/tables.ts';
import type { LiveTables } from '../live/tables.ts';
import type { MirrorTables } from '../mirrors/tables.ts';
import type { ChannelTables } from '../channels/tables.ts';
import type { Kysely } from 'kysely';

export interface Database extends ContentTables, AuthTables, CommentTables, MediaTables, AdTables, JobTables, ImportTables, SyndicationTables, NewsletterTables, AudienceTables, LiveTables, ChannelTables, MirrorTables {}

export type Db = Kysely<Database>;

