// Reader-facing comment messages from the catalogs, and the typed error that carries one.
import type { CommentMessageKey } from '../i18n/comments_en.ts';
import { t } from '../i18n/index.ts';
import { KhabarError } from '../errors.ts';

/** The catalog text for a key in a language (English by default), with its arguments filled in. */
export function commentMessage(key: CommentMessageKey, vars: Record<string, string | number> = {}, lang = 'en'): string {
  return t(lang, key, vars);
}

/** A comment the bot defence or the rules refused; the reader sees the catalog message and keeps their text. */
export class CommentRefusedError extends KhabarError {
  constructor(status: number, public readonly messageKey: CommentMessageKey, field?: string, public readonly vars: Record<string, string | number> = {}, lang = 'en') {
    super(status, messageKey.replace(/^comments\.error\./, ''), commentMessage(messageKey, vars, lang), field);
  }

  /** The same refusal in the reader's language (the article's). */
  inLanguage(lang: string): CommentRefusedError {
    return new CommentRefusedError(this.status, this.messageKey, this.field, this.vars, lang);
  }
}
