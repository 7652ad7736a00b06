// The groups of the API document, in the order the reference page shows them, each with a line on what it is for.
export const TAGS = [
  { name: 'accounts', description: 'Signing in and out, the CSRF token, one\'s own sessions, password and two-factor authentication, and the one-time setup, invitation and reset links.' },
  { name: 'articles', description: 'Writing and publishing: the article list and search, the editor\'s saves and autosaves, preview links, and the moves through review, scheduling, publication and archiving.' },
  { name: 'revisions', description: 'Every saved version of an article: list, compare, read, restore.' },
  { name: 'media', description: 'The media library: upload images and describe them (alt text, caption, credit).' },
  { name: 'sections', description: 'The site\'s sections, in order, with parents.' },
  { name: 'tags', description: 'Tags that group articles across sections.' },
  { name: 'people', description: 'Bylines and author pages: names, bios, photos.' },
  { name: 'sources', description: 'Syndication sources whose articles the newsroom republishes: their feeds, polls, and the review queue of partner stories.' },
  { name: 'redirects', description: 'Stored redirects from old addresses.' },
  { name: 'slots', description: 'House ad slots: the places on the site where house ads show.' },
  { name: 'creatives', description: 'House ads rotated through a slot, with dates and weights.' },
  { name: 'comments', description: 'The moderation queue (held, reported, spam), decisions one by one or in bulk, blocks, and the comment settings.' },
  { name: 'staff', description: 'Staff accounts, roles, invitations and the audit log.' },
  { name: 'settings', description: 'The site\'s name, language, time zone, calendar, logo and links.' },
  { name: 'api-keys', description: 'Keys for the Content API (shown once when made).' },
  { name: 'content', description: 'The read-only Content API for apps and partners: published articles, sections, tags and authors. Send a key: Authorization: Bearer <key>.' },
];
