// English catalog strings of reader comments (merged into the site catalog, src/i18n/en.ts).
import type { botDefenceEn } from './bot_defence_en.ts';

export const commentsEn = {
  'comments.heading': 'Comments ({count})',
  'comments.none': 'No comments yet. Be the first to comment.',
  'comments.reply': 'Reply',
  'comments.permalink': 'Link to this comment',
  'comments.report': 'Report',
  'comments.more': 'Show more comments',
  'comments.previous': 'Earlier comments',
  'comments.closed': 'Comments are closed on this article.',
  'comments.form.heading': 'Leave a comment',
  'comments.form.replying': 'Replying to {name}',
  'comments.form.cancel_reply': 'Cancel reply',
  'comments.form.comment': 'Comment',
  'comments.form.name': 'Name',
  'comments.form.email': 'Email (optional, never shown)',
  'comments.form.honeypot': 'Leave this field empty',
  'comments.form.submit': 'Post comment',
  'comments.form.noscript': 'Commenting needs JavaScript: the form checks, in a few seconds, that your comment does not come from a bot.',
  'comments.form.back': 'Back to the article',
  'comments.form.page_title': 'Your comment',
  'comments.error.body_required': 'Please enter your comment!',
  'comments.error.name_required': 'Please enter your name here',
  'comments.error.captcha': 'Captcha verification failed!',
  'comments.error.score': 'CAPTCHA user score failed. Please contact us!',
  'comments.error.body_too_long': 'Your comment is too long: please keep it under {max} characters.',
  'comments.error.body_too_short': 'Your comment is too short: please write at least {min} characters.',
  'comments.error.name_too_long': 'Your name is too long: please keep it under {max} characters.',
  'comments.error.email_invalid': 'Please check your email address, or leave it empty.',
  'comments.error.too_fast': 'That was very quick. Please wait a few seconds and submit again.',
  'comments.error.rate': 'You are commenting too often. Please wait a little and try again.',
  'comments.error.duplicate': 'You have already posted this comment.',
  'comments.error.closed': 'Comments are closed on this article.',
  'comments.error.article': 'We could not find that article.',
  'comments.error.parent': 'The comment you are replying to is not available.',
  'comments.error.origin': 'This form was sent from another site, so we did not accept it.',
  'comments.error.bad_request': 'We could not read what was sent. Please try again.',
  'comments.held': 'Thank you! Your comment is held for moderation and will appear once a moderator approves it.',
  'comments.published': 'Thank you! Your comment is published.',
  'comments.reported': 'Thank you. A moderator will look at this comment.',
  'comments.report_missing': 'That comment is not available.',
} as const;

/** The keys of this catalog; comment messages also come from bot_defence_en.ts (CommentMessageKey names both). */
export type CommentsMessageKey = keyof typeof commentsEn;
/** Every key a comment refusal or answer may carry. */
export type CommentMessageKey = CommentsMessageKey | keyof typeof botDefenceEn;
