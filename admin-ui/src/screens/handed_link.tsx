// What became of an invitation just made or sent again: emailed, or (no email set up) the link itself, for the
// person who asked to pass on, in a field with a Copy button.
import { t } from '../i18n/index.ts';
import { when } from '../ui.tsx';
import { CopyField } from '../copy_field.tsx';
import type { Answer } from '../api_types.ts';

/** The answer of making or resending an invitation, and whom it is for. */
export type HandedLink = Answer<'/api/admin/invitations', 'post'> & { to?: string };

export function Handed({ handed }: { handed: HandedLink }) {
  const to = handed.to ?? '';
  if (handed.emailed || !handed.link) {
    return <p class="ok" role="status">{t('staff.emailed', { email: to, when: when(handed.expiresAt) })}</p>;
  }
  return (
    <div class="panel handed" role="status">
      <p>{t('staff.pass_on', { email: to, when: when(handed.expiresAt) })}</p>
      <CopyField id="handed-link" label={t('staff.link')} value={handed.link} />
    </div>
  );
}
