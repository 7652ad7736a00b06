// English messages of the addresses the newsroom sends readers when the site is blocked (mirrors/announce.ts).
export const mirrorsEn = {
  'mirrors.announce.subject': '{site}: where to read us if the site is blocked',
  'mirrors.announce.intro': 'If {site} is blocked where you are, you can read it at any of these addresses. Keep this message and pass it on.',
  'mirrors.announce.main': 'Main site: {url}',
  'mirrors.announce.mirrors': 'Copies of the site:',
  'mirrors.announce.onion': 'In Tor Browser: {url}',
  'mirrors.announce.key': 'Every genuine copy is signed with this key: {key}',
  'mirrors.announce.post': 'If {site} is blocked where you are, read it here:',
} as const;
