// English messages of the proof of work every public form asks for (src/comments/bot_defence.ts): its refusals
// and the wait the comment form's island shows. fa and ps hold the same keys.
export const botDefenceEn = {
  'comments.error.pow_missing': 'Your comment was not sent: the check that it does not come from a bot did not run. It needs JavaScript and takes a few seconds. Please turn JavaScript on and send again.',
  'comments.error.pow_spent': 'This check was already used for another comment. Please send again: a new one starts by itself.',
  'comments.pow_wait': 'Checking that you are not a bot: about {seconds} s on a phone.',
  'comments.pow_busy': 'Many comments are arriving, so this check takes longer: about {seconds} seconds on a phone.',
} as const;
