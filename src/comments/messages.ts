// Reader-facing comment messages from the catalog, and the typed error that carries one.
import { commentsEn, type CommentsMessageKey } from '../i18n/comments_en.ts';
import { KhabarError } from '../errors.ts';

/** The English catalog text for a key, with {name} placeholders filled in. */
export function commentMessage(key: CommentsMessageKey, vars: Record<string, string | number> = {}): string {
  return commentsEn[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A comment the bot defence or the rules refused; the reader sees the catalog message and keeps their text. */
export class CommentRefusedError extends KhabarError {
  constructor(status: number, public readonly messageKey: CommentsMessageKey, field?: string, vars: Record<string, string | number> = {}) {
    super(status, messageKey.replace(/^comments\.error\./, ''), commentMessage(messageKey, vars), field);
  }
}
