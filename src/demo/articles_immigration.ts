// Immigration News stories (original demo text; people, villages and organisations are fictional).
import type { DemoArticle } from './types.ts';

export const immigrationArticles: DemoArticle[] = [
  {
    headline: 'At Islam Qala, a record week of returns tests a crossing built for fewer',
    standfirst: 'More than 14,000 people came back through the western crossing in seven days, and the reception centre ran out of blankets by Thursday.',
    tags: ['Returnees', 'Herat', 'Borders'], authors: ['mariam'],
    paras: [
      'The reception centre at Islam Qala registered 14,312 people in the seven days to Saturday, the highest weekly total since it opened, according to figures shared with Khabar Daily by the centre\'s director, Abdul Wahid Rasouli. On Wednesday alone, 2,870 people passed through the registration hall, most of them in family groups of five or more.',
      'By Thursday morning the centre had handed out its last winter blankets, and staff began giving each family a single quilt instead of one per person. \'We planned for 900 a day,\' Mr Rasouli said, standing beside a stack of empty cardboard boxes. \'We are receiving three times that, and the trucks with new supplies are still in Herat.\'',
      'Among those waiting on a bench outside the clinic was Gul Bibi, 46, who had lived for nineteen years in a city across the border, where she sewed school uniforms at home. She returned with her husband, five children and two sewing machines strapped to the roof of a minibus. Her eldest daughter, 17, has never lived in Afghanistan.',
      'The centre\'s clinic treated 1,140 patients during the week, mainly for chest infections, dehydration and exhaustion, said its only doctor, Dr Parwin Ahmadi. Two women gave birth on site. \'Most of what we see is the journey itself,\' she said. \'People have been standing in queues for two days before they reach us.\'',
    ],
    quote: ['We planned for 900 a day. We are receiving three times that, and the trucks with new supplies are still in Herat.', 'Abdul Wahid Rasouli, director of the Islam Qala reception centre'],
  },
  {
    headline: 'The identity card queue: why returning families wait weeks for a tazkira',
    standfirst: 'In Jalalabad, the civil registry issues about 300 cards a day. The queue outside its gate is ten times longer.',
    tags: ['Returnees', 'Documents', 'Nangarhar'], authors: ['mariam'],
    paras: [
      'The line outside the civil registry office on Jalalabad\'s Airport Road begins forming at three in the morning. By the time the gate opens at eight, Khabar Daily counted 412 people in it on a Monday in late autumn, most of them men holding plastic folders of photocopies. Inside, six clerks process applications for the national identity card, the tazkira.',
      'The office issues roughly 300 cards a day, its deputy head, Naqibullah Safi, said, and has a backlog of more than 9,000 applications from returning families alone. Every applicant needs two witnesses who already hold a card and a letter from the head of their village or neighbourhood. For families who left decades ago, finding those witnesses can take longer than the wait itself.',
      'Sher Agha, 34, has come to the office on eleven separate days. He was born abroad, and the village his father left in 1992 no longer has an elder who remembers the family. Without a card, his three children cannot enrol in the government school near the room he rents in the Shisham Bagh district. \'Every morning I tell them: maybe tomorrow,\' he said.',
      'Mr Safi said a mobile registration team would begin visiting the largest settlements of returning families next month, starting with the district of Surkh Rod, and that two more clerks had been approved. Legal aid groups welcomed the plan but said the witness requirement remained the real obstacle for people with no living ties to a village.',
    ],
    quote: ['Every morning I tell them: maybe tomorrow.', 'Sher Agha, a father of three waiting for his identity card in Jalalabad'],
  },
  {
    headline: 'A bakery in Deh Sabz shows what returning families bring home',
    standfirst: 'Three brothers who worked for twelve years in bakeries abroad have opened a shop with a gas oven and six employees.',
    tags: ['Returnees', 'Small business', 'Kabul'], authors: ['mariam', 'laila'],
    paras: [
      'The smell of fresh bread reaches the main road of Deh Sabz before the shop itself comes into view. Inside, the brothers Hamid, Yasin and Omid Qaderi pull round loaves from a gas oven they bought second-hand for 180,000 afghanis, the savings of twelve years working in bakeries in another country. They returned in March; the shop opened in May.',
      'The bakery now sells about 2,400 loaves a day and employs six people, four of them neighbours who had been without regular work. Hamid Qaderi, the eldest, keeps the accounts in a school notebook. \'Abroad we learned how to run an oven for fourteen hours without burning a single loaf,\' he said. \'Here we learned how to find flour when the price jumps every week.\'',
      'The brothers say they received no grant or loan to start the business. Their neighbour, the district council member Fatima Jawad, said the council had asked aid groups to consider small business grants for returning families with trade skills. \'A family like this one creates six jobs,\' she said. \'A cash grant creates none.\'',
    ],
    quote: ['A family like this one creates six jobs. A cash grant creates none.', 'Fatima Jawad, member of the Deh Sabz district council'],
  },
  {
    headline: 'Classrooms double in size as returning children enrol in Herat',
    standfirst: 'One school in the Jebrael district now teaches 92 pupils in a single fourth-grade class. Its teachers are asking for help.',
    tags: ['Returnees', 'Education', 'Herat'], authors: ['mariam'],
    paras: [
      'Teacher Zarghuna Rahmani begins each morning by counting her fourth-grade class twice. On the Tuesday Khabar Daily visited the Sultan Ghiasuddin school in Herat\'s Jebrael district, she counted 92 pupils in a room built for 40, sitting three to a bench and some on a carpet at the front. A year ago, her class had 44.',
      'The school\'s head, Mohammad Nabi Shirzad, said 610 of its 1,850 pupils had enrolled since the start of the year, nearly all of them from returning families. Many read Persian in a different script style and follow a different curriculum; some are two or three grades behind in mathematics, others ahead. The school has received no additional teachers.',
      'Parents say they are grateful for the places, however crowded. \'My son studied in a good school abroad,\' said Asadullah Noori, a mechanic. \'Here he sits on the floor. But he is learning, and the teacher knows his name.\' The provincial education department said eight new teachers had been assigned to the district and would start after the winter holiday.',
      'Ms Rahmani has started a lunchtime reading group for the newest arrivals, run by two older girls who volunteer. \'The children teach each other faster than I can,\' she said. \'What they need is room.\'',
    ],
    quote: ['The children teach each other faster than I can. What they need is room.', 'Zarghuna Rahmani, a fourth-grade teacher in Herat'],
  },
  {
    headline: 'Smugglers raise their prices on the western route, families say',
    standfirst: 'A crossing that cost about $400 last year now costs up to $900, according to six families in Nimroz who have paid it.',
    tags: ['Migration', 'Borders', 'Nimroz'], authors: ['mariam', 'daniel'],
    paras: [
      'In the market town of Zaranj, the price of leaving is discussed as openly as the price of flour. Six families interviewed by Khabar Daily over two weeks said the fee for a smuggled crossing on the western route had risen to between $700 and $900 per person, compared with about $400 a year ago. Several said they had borrowed the money from relatives abroad.',
      'A man who said he arranges crossings, and who asked not to be named, said the increase reflected more patrols and more bribes along the route. He described a journey of four to six days, partly on foot, with groups of twenty to thirty people. He declined to say how many people he had sent this year.',
      'Mahbooba, 52, whose 19-year-old son left in August, said the family sold two cows and borrowed $500 from her brother. She has heard from her son twice. \'He says he is working,\' she said. \'He does not say where he sleeps.\'',
      'Provincial officials said they were aware of the trade and had arrested several people this year. Aid workers said the rising price reflected rising demand, driven by the lack of work for young men who had recently returned, and warned that debts taken on for a crossing could trap families for years.',
    ],
    quote: ['He says he is working. He does not say where he sleeps.', 'Mahbooba, whose son left Nimroz in August'],
  },
  {
    headline: 'Voice notes in Dari keep a scattered community informed',
    standfirst: 'A volunteer network of 40 organisers now reaches about 30,000 people abroad with weekly updates on residence rules.',
    tags: ['Migration', 'Diaspora', 'Technology'], authors: ['mariam'],
    paras: [
      'Every Friday evening, Rahima Sultani records a five-minute voice message on her phone in a rented room in a city abroad. She summarises the week\'s changes to residence permits, work cards and birth registration, in plain Dari, and sends it to forty volunteer organisers. They pass it on to their own groups. By Saturday morning, she estimates, it has reached 30,000 people.',
      'Ms Sultani, a former schoolteacher, started the network two years ago after her neighbours missed a registration deadline because the notice had been printed only in the local language. \'Many of our people do not read easily,\' she said. \'But everybody listens to voice messages. They listen while they cook, while they work, while they travel.\'',
      'Organisers say the messages have helped families renew documents on time and avoid fraudulent agents. The network has no funding; Ms Sultani pays for mobile data herself and checks every update with two lawyers who volunteer their time. She has recently started a Pashto version, recorded by a retired radio presenter.',
    ],
    quote: ['Many of our people do not read easily. But everybody listens to voice messages.', 'Rahima Sultani, founder of a volunteer information network'],
  },
  {
    headline: 'Before the snow: aid convoys race to reach returnees in Bamyan',
    standfirst: 'Three convoys carrying coal, blankets and flour must cross the Shibar pass before it closes. The first left on Sunday.',
    tags: ['Returnees', 'Winter', 'Bamyan', 'Aid'], authors: ['mariam', 'sami'],
    paras: [
      'The first of three convoys left Kabul at dawn on Sunday, 22 trucks carrying coal, blankets and flour for about 2,600 returning families who have settled in Bamyan province this year. Its organisers, a coalition of four aid groups, have a narrow window: the Shibar pass usually closes with the first heavy snow, often in the last week of November.',
      'Last winter, 11 villages in the Yakawlang district were cut off for five weeks, and families who had returned in the autumn ran out of fuel. The convoy coordinator, Ali Reza Mohaqiq, said this year\'s plan was to pre-position supplies in three district centres so that distribution could continue even if roads closed. \'We cannot move mountains,\' he said. \'We can move the coal before the mountains close.\'',
      'The coalition has raised about 60 per cent of its winter budget. Mr Mohaqiq said the third convoy, planned for early December, would be cancelled unless more money arrived within a fortnight, leaving about 800 families in the most remote valleys without a winter supply.',
    ],
    quote: ['We cannot move mountains. We can move the coal before the mountains close.', 'Ali Reza Mohaqiq, convoy coordinator'],
  },
  {
    headline: 'A new reception hall opens at Torkham with a clinic and a nursery',
    standfirst: 'The building can register 1,500 people a day. Staff say the nursery room has changed the mood of the whole hall.',
    tags: ['Returnees', 'Borders', 'Nangarhar'], authors: ['mariam'],
    paras: [
      'The new reception hall at the Torkham crossing opened on Saturday, replacing a row of tents that had served returning families for three years. The prefabricated building has twelve registration desks, a clinic with two examination rooms, separate waiting areas for women and a nursery room where mothers can feed and change infants in private.',
      'The hall can register about 1,500 people a day, according to its manager, Sayed Mustafa Hashimi, compared with about 900 in the tents. On its first day it registered 1,212. \'For the first time people are not standing in the sun while they wait,\' he said.',
      'The nursery is run by two midwives and a volunteer, Shabnam Akbari, who returned through Torkham herself in 2023. She keeps a shelf of donated baby clothes sorted by size. \'When I came, I changed my daughter\'s clothes behind a truck,\' she said. \'Now a mother can sit down, close the door and breathe.\'',
    ],
    quote: ['When I came, I changed my daughter\'s clothes behind a truck. Now a mother can sit down, close the door and breathe.', 'Shabnam Akbari, volunteer at the Torkham reception hall'],
  },
];
