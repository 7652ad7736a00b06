// One capability table decides every action in the newsroom. Roles have WordPress-like meaning.
export const ROLES = ['owner', 'admin', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = {
  // articles
  'articles.read': ['owner', 'admin', 'editor', 'author', 'contributor'],
  'articles.create': ['owner', 'admin', 'editor', 'author', 'contributor'],
  'articles.edit_own': ['owner', 'admin', 'editor', 'author', 'contributor'],
  'articles.edit_any': ['owner', 'admin', 'editor'],
  'articles.publish_own': ['owner', 'admin', 'editor', 'author'],
  'articles.publish_any': ['owner', 'admin', 'editor'],
  'articles.delete_own': ['owner', 'admin', 'editor', 'author'],
  'articles.delete_any': ['owner', 'admin', 'editor'],
  // taxonomy and people
  'sections.manage': ['owner', 'admin', 'editor'],
  /** the lead and top stories of the fronts, and the breaking-news strip */
  'fronts.manage': ['owner', 'admin', 'editor'],
  'tags.manage': ['owner', 'admin', 'editor', 'author'],
  'people.manage': ['owner', 'admin', 'editor'],
  // media
  'media.upload': ['owner', 'admin', 'editor', 'author', 'contributor'],
  'media.edit_any': ['owner', 'admin', 'editor'],
  // comments
  'comments.moderate': ['owner', 'admin', 'editor'],
  // ads, syndication, redirects, settings
  'ads.manage': ['owner', 'admin'],
  'sources.manage': ['owner', 'admin', 'editor'],
  'redirects.manage': ['owner', 'admin', 'editor'],
  'settings.manage': ['owner', 'admin'],
  // people with accounts
  'users.manage': ['owner', 'admin'],
  'users.manage_admins': ['owner'],
  'audit.read': ['owner', 'admin'],
  /** newsroom-wide security rules, such as requiring two-factor authentication of all staff */
  'security.manage': ['owner'],
  'api_keys.manage': ['owner', 'admin'],
  // newsletters: lists, sends, readers (the relay, DKIM key and webhooks need settings.manage)
  'newsletters.manage': ['owner', 'admin', 'editor'],
  // audience figures (counted on the server, docs/audience.md) and the readers' "Most read" list
  'audience.read': ['owner', 'admin', 'editor'],
  'audience.manage': ['owner', 'admin', 'editor'],
  /** readers' push alerts and posts to the newsroom's channels (the channels' tokens need settings.manage) */
  'channels.announce': ['owner', 'admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Whether a role holds a capability. */
export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
