// Health stories (original demo text; people and clinics are fictional).
import type { DemoArticle } from './types.ts';

export const healthArticles: DemoArticle[] = [
  {
    headline: 'A midwife in Waras delivers her 1,000th baby, and trains the next two',
    standfirst: 'Masuma Jafari has worked at the same Bamyan clinic for eleven years. She is now teaching two young women to take her place.',
    tags: ['Women', 'Bamyan', 'Maternal health'], authors: ['sami'],
    paras: [
      'Masuma Jafari wrote the number in the clinic register herself: 1,000. The baby, a girl weighing 3.1 kilograms, was born just after midnight on a Thursday in the delivery room of the basic health centre in Waras district, Bamyan province, where Ms Jafari has worked as a midwife for eleven years.',
      'When she arrived in 2014, the clinic recorded about 90 births a year; last year it recorded 260. Ms Jafari credits the increase to trust built over time. \'The first years, families called me only when something was already wrong,\' she said. \'Now they call me at the start, and that is why almost nothing goes wrong.\'',
      'She is now training two young women from nearby villages, Zahra and Sakina, who completed a two-year midwifery course in the provincial capital. They work alongside her on every shift. \'I will not be here for ever,\' she said. \'The babies will.\'',
    ],
    quote: ['The first years, families called me only when something was already wrong. Now they call me at the start, and that is why almost nothing goes wrong.', 'Masuma Jafari, midwife in Waras'],
  },
  {
    headline: 'Antibiotic syrup runs out at clinics across three northern provinces',
    standfirst: 'Fourteen clinics in Balkh, Samangan and Jawzjan told Khabar Daily they had no amoxicillin for children for at least two weeks.',
    tags: ['Medicines', 'Balkh', 'Children'], authors: ['sami'],
    paras: [
      'Fourteen of twenty clinics contacted by Khabar Daily in Balkh, Samangan and Jawzjan provinces said they had run out of amoxicillin syrup, the most common antibiotic for children, for at least two weeks in October and November, as cases of pneumonia rose with the first cold weather.',
      'At a clinic in the Dawlatabad district of Balkh, the head nurse, Shirin Aqa, said she had been writing prescriptions for parents to take to private pharmacies, where a bottle costs about 180 afghanis. \'Many mothers look at the paper and put it in their pocket,\' she said. \'I know they will not buy it.\'',
      'A supply official in Mazar-i-Sharif said a shipment had been delayed at the border and would be distributed within days. The official said an emergency stock had been sent to the clinics with the most cases.',
      'Doctors warned that untreated pneumonia in young children could become life-threatening within days.',
    ],
    quote: ['Many mothers look at the paper and put it in their pocket. I know they will not buy it.', 'Shirin Aqa, head nurse at a clinic in Dawlatabad'],
  },
  {
    headline: 'Kabul\'s only free counselling line hears from 90 callers a day',
    standfirst: 'Eight counsellors share the phones. Most callers are young, and most call at night.',
    tags: ['Mental health', 'Kabul', 'Youth'], authors: ['sami', 'nadia'],
    paras: [
      'Eight counsellors take turns answering a free telephone line run from a two-room office in Kabul\'s Taimani district. They receive about 90 calls a day, according to the service\'s coordinator, Dr Hosai Amin, a psychologist who founded it in 2021 with funding from a private donor.',
      'Most callers are between 17 and 30, and more than half call between ten at night and two in the morning. \'At night the house is quiet and the thoughts are loud,\' Dr Amin said. Callers talk most often about unemployment, family conflict, loneliness and the loss of plans for education or work.',
      'The line has a list of 23 doctors and clinics across the country to which it can refer callers who need more help. Dr Amin said the service\'s funding was secure until next summer, and that she hoped to add counsellors who speak Pashto and Uzbek.',
    ],
    quote: ['At night the house is quiet and the thoughts are loud.', 'Dr Hosai Amin, coordinator of a free counselling line in Kabul'],
  },
  {
    headline: 'Mobile health team reaches Shahristan\'s last villages before winter',
    standfirst: 'A doctor, a midwife and a vaccinator travel four days a week. Their last round before the snow treated 612 patients.',
    tags: ['Rural health', 'Daikundi', 'Winter'], authors: ['sami'],
    paras: [
      'The mobile health team of Shahristan district, Daikundi province, completed its last round before winter on Saturday, treating 612 patients in 11 villages over two weeks, according to its doctor, Dr Abdul Latif Sharifi. The team travels in a single pickup truck with a doctor, a midwife, a vaccinator and a driver.',
      'Some of the villages are seven hours\' drive from the district centre on roads that will close with the first heavy snow. The team vaccinated 143 children and screened 260 for malnutrition, finding 31 in need of treatment. Mothers were given a supply of therapeutic food to last until the spring.',
      '\'In winter they will have no one,\' Dr Sharifi said. \'So we leave medicine, we leave food, and we leave the phone number of the midwife, if the phone works.\'',
    ],
    quote: ['In winter they will have no one. So we leave medicine, we leave food, and we leave the phone number of the midwife.', 'Dr Abdul Latif Sharifi, mobile health team doctor'],
  },
  {
    headline: 'A protected well ends a summer of diarrhoea in a Logar village',
    standfirst: 'Cases among children in Sheikh Abad fell from 48 to 6 after the village stopped drawing water from the stream.',
    tags: ['Water', 'Logar', 'Children'], authors: ['sami', 'farid'],
    paras: [
      'For years, the children of Sheikh Abad village in Logar province fell ill every summer. The village drew its water from a stream that ran past fields and animal pens, and by July the clinic in the district centre was treating dozens of cases of diarrhoea. Last summer, the clinic recorded 48 cases among children from the village.',
      'In March, a local charity dug a protected well with a hand pump in the village square and built eight latrines. This summer, the clinic recorded six cases. \'It cost less than one week in the hospital for one child,\' said the charity\'s engineer, Najibullah Stanikzai.',
      'Village elders have appointed a caretaker, Wali Mohammad, who is paid a small monthly amount by each household to maintain the pump. The charity plans twelve more wells in the district next year if it can raise the funds.',
    ],
    quote: ['It cost less than one week in the hospital for one child.', 'Najibullah Stanikzai, engineer with a local charity'],
  },
  {
    headline: 'At a Herat hospital, two children share each bed on the nutrition ward',
    standfirst: 'Admissions for severe malnutrition rose by a fifth this autumn. Nurses say returning families are arriving with children already very ill.',
    tags: ['Children', 'Herat', 'Nutrition', 'Returnees'], authors: ['sami', 'mariam'],
    paras: [
      'The nutrition ward of the provincial hospital in Herat has 40 beds and, on the day Khabar Daily visited in November, 71 children. Most beds held two small patients, each with a mother sitting beside it. The ward\'s head nurse, Fariba Sultani, said admissions had risen by about a fifth compared with the same months last year.',
      'Many of the new patients come from families who recently returned from abroad, she said, and had lost access to food and care during the journey. \'The children arrive thin, with infections, sometimes after days on the road,\' she said. \'We treat the infection first, then we feed them slowly.\'',
      'Children stay an average of nine days. Ms Sultani said the ward had enough therapeutic milk for the coming month but that she had asked for extra staff for the night shift.',
    ],
    quote: ['The children arrive thin, with infections, sometimes after days on the road. We treat the infection first, then we feed them slowly.', 'Fariba Sultani, head nurse of a nutrition ward in Herat'],
  },
  {
    headline: 'Pharmacists in Jalalabad agree to stop selling antibiotics without prescription',
    standfirst: 'Seventy pharmacies signed a voluntary pledge. Doctors say it is a start against resistant infections.',
    tags: ['Medicines', 'Nangarhar', 'Public health'], authors: ['sami'],
    paras: [
      'Seventy pharmacies in Jalalabad signed a voluntary pledge this month to stop selling antibiotics without a doctor\'s prescription, after a campaign by the city\'s pharmacists\' association. About 400 pharmacies operate in the city.',
      'The association\'s head, Dr Zabihullah Mangal, said doctors at the regional hospital had reported more patients with infections that did not respond to common antibiotics. \'Every bottle sold for a cold is a bullet wasted,\' he said. \'One day we will need that bullet.\'',
      'Pharmacists who signed said they expected to lose some customers. \'People will go to the shop next door,\' said Ajmal, who runs a pharmacy near the main bazaar. \'But I will explain to them why, and some will listen.\'',
    ],
    quote: ['Every bottle sold for a cold is a bullet wasted. One day we will need that bullet.', 'Dr Zabihullah Mangal, head of the Jalalabad pharmacists\' association'],
  },
];
