// Who makes a change to content: a staff member, or Khabar itself (null: the job runner, the importer).
import type { Role } from '../auth/capabilities.ts';

export interface Actor {
  userId: number | null;
  /** the staff member's role: what they may do is decided by the content domain's rules (article_rules.ts);
   *  absent for Khabar itself (the job runner, importers, syndication, the demo), which may do everything */
  role?: Role;
  /** whether naming a tag that does not exist yet creates it (false: the change is refused naming the tag);
   *  Khabar itself (importers, the demo) may */
  newTags?: boolean;
  /** where the request came from, for the audit entries the domain writes with a change */
  ip?: string;
}
