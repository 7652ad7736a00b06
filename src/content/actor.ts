// Who makes a change to content: a staff member, or Khabar itself (null: the job runner, the importer).
import type { Role } from '../auth/capabilities.ts';

export interface Actor {
  userId: number | null;
  /** whether naming a tag that does not exist yet creates it (false: the change is refused naming the tag);
   *  Khabar itself (importers, the demo) may */
  newTags?: boolean;
  /** the staff member's role, which the content rules (actor_rules.ts) read; absent for Khabar itself */
  role?: Role;
}
