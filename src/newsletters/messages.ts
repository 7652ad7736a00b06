// The typed error a refused sign-up carries: a catalog key, shown to the reader in the page's language.
import type { newslettersEn } from '../i18n/newsletters_en.ts';
import { t } from '../i18n/index.ts';
import { KhabarError } from '../errors.ts';

export type NewsletterMessageKey = keyof typeof newslettersEn;

/** A sign-up, confirmation or preferences change refused with a message the reader can act on. */
export class NewsletterRefusedError extends KhabarError {
  constructor(status: number, public readonly messageKey: NewsletterMessageKey, field?: string, lang = 'en') {
    super(status, messageKey.replace(/^newsletters\.(error\.)?/, ''), t(lang, messageKey), field);
  }

  /** The same refusal in the reader's language. */
  inLanguage(lang: string): NewsletterRefusedError {
    return new NewsletterRefusedError(this.status, this.messageKey, this.field, lang);
  }
}
