// "Block the sender" under a comment in the moderation queue: their email address, their IP address, or the
// network around it; the server looks the values up from the comment, and later comments from them go to spam.
import { api } from '../api.ts';
import { t, type MessageKey } from '../i18n/index.ts';

const KINDS = ['email', 'ip', 'network'] as const;

export function BlockSender({ comment, onDone, onError }: {
  comment: { id: number; author_name: string; author_email: string | null }; onDone: (note: string) => void; onError: (err: unknown) => void;
}) {
  const block = async (kind: (typeof KINDS)[number]) => {
    try {
      await api('POST', `/api/admin/comments/${comment.id}/block`, { kind });
      onDone(t(`blocks.blocked_${kind}` as MessageKey, { name: comment.author_name }));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <details class="block-sender">
      <summary>{t('blocks.block_sender')}<span class="visually-hidden"> {comment.author_name}</span></summary>
      <p class="buttons">
        {KINDS.filter((k) => k !== 'email' || comment.author_email).map((k) => (
          <button key={k} type="button" class="quiet" onClick={() => block(k)}>{t(`blocks.block_${k}` as MessageKey)}</button>
        ))}
      </p>
    </details>
  );
}
