// Culture stories (original demo text; people, places and works are fictional).
import type { DemoArticle } from './types.ts';

export const cultureArticles: DemoArticle[] = [
  {
    headline: 'A library in one room: how Dasht-e Barchi\'s readers built their own',
    standfirst: 'Started with 300 donated books in 2019, the Nur reading room now lends 2,400 books a month and hosts four reading circles.',
    tags: ['Books', 'Kabul', 'Youth'], authors: ['nadia'],
    paras: [
      'The Nur reading room occupies a single rented room above a tailor\'s shop in Kabul\'s Dasht-e Barchi district. Its shelves, built by a neighbour from scrap timber, hold about 5,600 books. It lends roughly 2,400 of them a month, according to the ledger kept by its founder, Arif Danish, a former schoolteacher.',
      'Mr Danish opened the room in 2019 with 300 books donated by friends. Readers soon began bringing books of their own. \'Every book here has a name written inside the cover,\' he said. \'Sometimes three or four names. The books travel from house to house and come back a little older.\'',
      'Four reading circles meet in the room each week: two for teenagers, one for adults and one, on Friday mornings, for grandmothers who bring their grandchildren. Volunteers read aloud to those who cannot read. The most borrowed book this year, Mr Danish said, was a collection of folk tales from the central highlands.',
      'The room is funded by a monthly collection from its readers, who pay what they can. Its rent is 7,000 afghanis a month.',
    ],
    quote: ['Every book here has a name written inside the cover. Sometimes three or four names. The books travel from house to house and come back a little older.', 'Arif Danish, founder of the Nur reading room'],
  },
  {
    headline: 'The last glassblowers of Herat\'s old city keep one furnace burning',
    standfirst: 'The Karimi family has made blue glass in the same workshop for five generations. Two sons now share the work.',
    tags: ['Crafts', 'Herat', 'Heritage'], authors: ['nadia'],
    paras: [
      'The furnace in the Karimi family\'s workshop near Herat\'s old citadel is lit at five every morning and burns until the afternoon. Inside, the brothers Abdul Rauf and Abdul Wahab Karimi gather molten glass on iron pipes and blow it into cups, jugs and lamps of the deep blue and green for which the city\'s glass has long been known.',
      'Their father, Haji Abdul Karim, now 79, still comes to the workshop every day to watch. He learned the craft from his own father in the 1950s, when, he said, more than a dozen workshops operated in the old city. Today the family knows of only two.',
      '\'Glass is patient until the last second, and then it is not,\' Abdul Rauf said, turning a pipe as the glass sagged. The brothers sell most of their work to a shop in Kabul and to visitors. They are teaching Abdul Wahab\'s eldest son, who is 15, after school.',
    ],
    quote: ['Glass is patient until the last second, and then it is not.', 'Abdul Rauf Karimi, glassblower in Herat'],
  },
  {
    headline: 'Cricket on the riverbank: a Jalalabad club with 200 players and one pitch',
    standfirst: 'The Kama Stars have produced three provincial players. They train on a strip of dry riverbed that floods every spring.',
    tags: ['Sport', 'Cricket', 'Nangarhar', 'Youth'], authors: ['nadia', 'farid'],
    paras: [
      'On the dry bed of the Kabul river near Jalalabad, boys mark out a cricket pitch every afternoon with a length of rope and a bag of lime. The Kama Stars club has about 200 registered players between the ages of 9 and 22, according to its coach, Ahmad Shah Momand, and a single strip of ground that disappears under water every spring.',
      'Three of the club\'s former players now play for the provincial team. Mr Momand, a former club bowler, works as a taxi driver in the mornings and coaches in the afternoons without pay. \'We have talent like the river has stones,\' he said. \'What we do not have is ground that stays dry all year.\'',
      'The club has asked the district authorities for a permanent plot of land. In the meantime, when the river rises, the players move to a school courtyard where they can practise only batting.',
    ],
    quote: ['We have talent like the river has stones. What we do not have is ground that stays dry all year.', 'Ahmad Shah Momand, coach of the Kama Stars cricket club'],
  },
  {
    headline: 'Recording the songs of the Pashayi valleys before they fade',
    standfirst: 'A linguist and two students have recorded 340 songs in Laghman and Kunar. Most singers were over sixty.',
    tags: ['Language', 'Music', 'Heritage'], authors: ['nadia'],
    paras: [
      'Over two summers, the linguist Dr Sharifa Nuristani and two of her students travelled to 28 villages in the valleys of Laghman and Kunar with a digital recorder and a notebook. They recorded 340 songs in Pashayi, a language spoken by a few hundred thousand people in the region, most of them sung by people over sixty.',
      'The songs include work songs for harvest and threshing, lullabies, wedding songs and long narrative ballads. Several had never been written down. \'An old woman sang me a lullaby that her grandmother sang to her,\' Dr Nuristani said. \'When I played it back to her, she cried, because she had not heard it in sixty years except in her own voice.\'',
      'The recordings, with transcriptions and translations into Dari and English, are being prepared for an archive at a university library. Dr Nuristani said she hoped to return next summer to villages the team could not reach.',
    ],
    quote: ['An old woman sang me a lullaby that her grandmother sang to her. When I played it back to her, she cried.', 'Dr Sharifa Nuristani, linguist'],
  },
  {
    headline: 'A kitchen in Kabul\'s Shahr-e Naw serves the recipes returning families brought home',
    standfirst: 'Two sisters cook dishes learned during twenty years abroad. Their lunch queue now stretches down the street.',
    tags: ['Food', 'Kabul', 'Returnees', 'Women'], authors: ['nadia', 'mariam'],
    paras: [
      'At noon on weekdays, a queue forms outside a narrow kitchen in Kabul\'s Shahr-e Naw district, where the sisters Maryam and Sahar Yousufi sell lunch from a counter at the front of their family home. The menu changes daily but always includes one dish from the country where they lived for twenty years and returned from last year.',
      'They sell about 150 portions a day, at 120 afghanis each, and employ two neighbours. \'People come for the familiar food and try one new thing,\' Sahar said. \'The next week they come back for the new thing.\' Their most popular dish, a spiced lentil stew, sells out by one o\'clock most days.',
      'The sisters say cooking was the only skill they could turn into income immediately. They plan to open a second counter near a university campus in the spring.',
    ],
    quote: ['People come for the familiar food and try one new thing. The next week they come back for the new thing.', 'Sahar Yousufi, cook'],
  },
  {
    headline: 'Calligraphy class draws a new generation to an old discipline',
    standfirst: 'Ustad Najibullah Hunarmal teaches 36 students in a basement near the Pul-e Khishti mosque. The youngest is eleven.',
    tags: ['Crafts', 'Kabul', 'Youth'], authors: ['nadia'],
    paras: [
      'In a basement room near Kabul\'s Pul-e Khishti mosque, 36 students sit on cushions at low desks, dipping reed pens in ink and copying a single line of script again and again. Their teacher, Ustad Najibullah Hunarmal, 67, walks between them, correcting the angle of a pen here and the curve of a letter there.',
      'The class meets four afternoons a week and charges 500 afghanis a month, which Ustad Hunarmal waives for students who cannot pay. Most of his students are between 14 and 25; the youngest is eleven. He said enrolment had doubled in two years. \'They come because they want to make something beautiful with their own hands,\' he said. \'And because it is quiet here.\'',
      'Students spend their first six months on a single style of script before moving on. Ustad Hunarmal said it takes about seven years to become a master, and that he expects perhaps three of his current students to reach that level.',
    ],
    quote: ['They come because they want to make something beautiful with their own hands. And because it is quiet here.', 'Ustad Najibullah Hunarmal, calligraphy teacher in Kabul'],
  },
  {
    headline: 'Buzkashi season opens in Mazar-i-Sharif with 160 riders on the field',
    standfirst: 'The first match of the winter drew several thousand spectators. Horse owners say the cost of keeping a champion has doubled.',
    tags: ['Sport', 'Balkh', 'Heritage'], authors: ['nadia', 'laila'],
    paras: [
      'About 160 riders and several thousand spectators gathered on a field on the edge of Mazar-i-Sharif on Friday for the first buzkashi match of the winter season, in which horsemen compete to carry a calf carcass across a scoring line. The match lasted four hours.',
      'The winning rider, Haji Qurban Turkman, said his horse, a nine-year-old stallion, had been in training since the summer. Horse owners said the cost of keeping a champion horse, including feed, a trainer and a groom, had roughly doubled in five years to about 40,000 afghanis a month.',
      '\'A good horse is like a good son,\' said Abdul Hakim, who owns three. \'You feed him before yourself, and you hope he makes you proud.\' Matches will be held every Friday until the spring, weather permitting.',
    ],
    quote: ['A good horse is like a good son. You feed him before yourself, and you hope he makes you proud.', 'Abdul Hakim, horse owner in Mazar-i-Sharif'],
  },
  {
    headline: 'A poetry evening in Kart-e Parwan, where every guest brings one verse',
    standfirst: 'For nine years, a retired judge has hosted a monthly gathering. The rule is simple: bring a verse, and explain why you chose it.',
    tags: ['Poetry', 'Kabul', 'Books'], authors: ['nadia'],
    paras: [
      'On the last Thursday of every month, about thirty people crowd into the sitting room of Qazi Abdul Samad Rahyab, a retired judge, in Kabul\'s Kart-e Parwan district. Each guest brings one verse, of their own or by another poet, reads it aloud and explains why they chose it. Tea and dried mulberries are served.',
      'The gathering began nine years ago with five friends. Guests now include students, shopkeepers, a bus driver and two of Mr Rahyab\'s former colleagues. \'A verse read in a room is different from a verse on a page,\' he said. \'Someone hears it who needed to hear it that night.\'',
      'At the November gathering, a 19-year-old engineering student read a verse she had written about her grandmother\'s garden. When she finished, the room was silent for a moment, and then Mr Rahyab asked her to read it again.',
    ],
    quote: ['A verse read in a room is different from a verse on a page. Someone hears it who needed to hear it that night.', 'Qazi Abdul Samad Rahyab, host of a monthly poetry evening'],
  },
];
