// Pashto messages of the proof of work every public form asks for (the same keys as bot_defence_en.ts).
import type { botDefenceEn } from './bot_defence_en.ts';

export const botDefencePs: Record<keyof typeof botDefenceEn, string> = {
  'comments.error.pow_missing': 'ستاسو نظر ونه لېږل شو: دا ازموینه چې نظر له روباټ څخه نه دی، ونه چلېده. دې ازموینې ته جاوااسکریپټ اړین دی او څو ثانیې وخت نیسي. مهرباني وکړئ جاوااسکریپټ چالان کړئ او بیا یې ولېږئ.',
  'comments.error.pow_spent': 'دا ازموینه مخکې د بل نظر لپاره کارول شوې ده. مهرباني وکړئ بیا یې ولېږئ: نوې ازموینه پخپله پیلېږي.',
  'comments.pow_wait': 'دا ازموینه چې تاسو روباټ نه یاست: په ګرځنده تلیفون کې شاوخوا {seconds} ثانیې.',
  'comments.pow_busy': 'ډېر نظرونه راځي، نو دا ازموینه ډېر وخت نیسي: په ګرځنده تلیفون کې شاوخوا {seconds} ثانیې.',
};
