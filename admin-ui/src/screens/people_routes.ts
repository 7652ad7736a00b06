// The people and safety screens' place in the app: their navigation entries and addresses, in one block the
// app's frame (app.tsx) takes in. Staff, API keys, the audit log, syndication sources and their review queue;
// comment settings and blocks are reached from the moderation queue.
import type { ComponentType } from 'preact';
import type { ScreenProps } from '../session.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ApiKeys } from './api_keys.tsx';
import { AuditLog } from './audit_log.tsx';
import { CommentSettings } from './comment_settings.tsx';
import { SourceForm } from './source_form.tsx';
import { Sources } from './sources.tsx';
import { Staff } from './staff.tsx';
import { SyndicationQueue } from './syndication_queue.tsx';
import './people.css';

export const PEOPLE_NAV: { href: string; label: MessageKey; capability?: string }[] = [
  { href: '/admin/sources', label: 'nav.sources', capability: 'sources.manage' },
  { href: '/admin/staff', label: 'nav.staff', capability: 'users.manage' },
  { href: '/admin/api-keys', label: 'nav.api_keys', capability: 'api_keys.manage' },
  { href: '/admin/audit', label: 'nav.audit', capability: 'audit.read' },
];

/** The screen for one of these addresses, or null. */
export function peopleScreenFor(path: string): { Screen: ComponentType<ScreenProps>; id?: number } | null {
  if (path === '/admin/staff') return { Screen: Staff };
  if (path === '/admin/api-keys') return { Screen: ApiKeys };
  if (path === '/admin/audit') return { Screen: AuditLog };
  if (path === '/admin/comments/settings') return { Screen: CommentSettings };
  if (path === '/admin/sources') return { Screen: Sources };
  if (path === '/admin/sources/new') return { Screen: SourceForm };
  if (path === '/admin/sources/queue') return { Screen: SyndicationQueue };
  const source = /^\/admin\/sources\/(\d+)$/.exec(path);
  return source ? { Screen: SourceForm, id: Number(source[1]) } : null;
}
