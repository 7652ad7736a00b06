// English messages of the alerts opt-in on the site, the alerts themselves and the channel posts (src/channels, src/site).
export const channelsEn = {
  'channels.read_more': 'Read more',
  'alerts.heading': 'Breaking news alerts',
  'alerts.intro': 'A short alert on your phone or computer when big news breaks. No account, no email.',
  'alerts.button': 'Get breaking news alerts',
  'alerts.section_only': 'Only {section} news',
  'alerts.on': 'Alerts are on.',
  'alerts.off_button': 'Turn alerts off',
  'alerts.off': 'Alerts are off.',
  'alerts.denied': 'Your browser blocks notifications from this site. Allow them in its settings to get alerts.',
  'alerts.failed': 'Alerts could not be turned on. Please try again.',
} as const;
