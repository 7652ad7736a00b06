// Politics stories (original demo text; people, districts and bodies are fictional).
import type { DemoArticle } from './types.ts';

export const politicsArticles: DemoArticle[] = [
  {
    headline: 'Kandahar water council publishes its first budget in five years',
    standfirst: 'The 14-page document shows 61 per cent of spending went on canal repairs. Farmers in two districts say they saw none of it.',
    tags: ['Water', 'Budgets', 'Kandahar'], authors: ['farid'],
    paras: [
      'The provincial water council in Kandahar published its annual budget on Sunday for the first time since 2020, a 14-page document listing 212 million afghanis of spending on canals, intakes and flood walls. According to the document, 61 per cent of the money went on repairs to the main irrigation canals of the Arghandab valley.',
      'Farmers in two districts named in the budget, Dand and Zhari, told Khabar Daily they had seen no repair work on their section of canal this year. \'The wall collapsed in spring and we rebuilt it ourselves with sandbags,\' said Haji Abdul Qayum, who farms pomegranates on twelve jeribs near the village of Kohak. \'If there was money for our canal, it did not reach our canal.\'',
      'The council\'s secretary, Engineer Rahmatullah Achakzai, said the repairs in Dand had been delayed by the flood season and would begin in December. He said the decision to publish the budget had been taken to build trust with farmers. \'We know people have questions,\' he said. \'Now they have a document to ask them with.\'',
      'The budget does not name the contractors that carried out the work. Mr Achakzai said a list would be published with the council\'s annual report in the spring.',
    ],
    quote: ['We know people have questions. Now they have a document to ask them with.', 'Engineer Rahmatullah Achakzai, secretary of the Kandahar water council'],
  },
  {
    headline: 'A street in Karte Char waited six years for drains. Then residents filmed the flood.',
    standfirst: 'A two-minute video of a flooded lane reached the municipal engineer\'s phone in a day. The drains were dug within a month.',
    tags: ['Kabul', 'Municipal services', 'Accountability'], authors: ['farid'],
    paras: [
      'For six years, the residents of Lane 7 in Kabul\'s Karte Char district wrote letters asking the municipality to dig drains. Every spring the lane flooded knee-deep, and every spring the letters went unanswered, said the head of the local residents\' council, Muhammad Zahir Taheri, who keeps copies of fourteen of them in a blue folder.',
      'In April, a teenager on the lane, Elham, filmed her younger brother wading to school through brown water and posted the two-minute video online. It was shared thousands of times. The next day, the district\'s municipal engineer visited the lane. Work began three weeks later and finished in May.',
      '\'Fourteen letters did nothing and one video did everything,\' Mr Taheri said. \'I do not know whether to be happy or angry.\' The municipal engineer, Abdul Basir Wardak, said the lane had been on a list of priorities for years and that funding had only become available in the spring.',
      'Residents of neighbouring lanes have since started filming their own streets.',
    ],
    quote: ['Fourteen letters did nothing and one video did everything. I do not know whether to be happy or angry.', 'Muhammad Zahir Taheri, head of the Lane 7 residents\' council'],
  },
  {
    headline: 'Late salaries leave provincial clinics and schools short of staff',
    standfirst: 'Teachers and health workers in three provinces say they have not been paid for up to four months.',
    tags: ['Public services', 'Salaries', 'Ghor'], authors: ['farid', 'sami'],
    paras: [
      'Teachers and health workers in Ghor, Daikundi and Badghis provinces say they have not been paid for between two and four months, and that colleagues have begun leaving for work in the cities or abroad. Khabar Daily spoke with 23 public employees in the three provinces over the past month.',
      'In Ghor\'s Lal wa Sarjangal district, a school of 640 pupils has lost four of its eleven teachers since the summer, according to its head, Ghulam Haidar Sharifi. \'The ones who stay are the ones who have land,\' he said. \'The others must feed their children.\'',
      'A finance official in Kabul, who spoke on condition of anonymity, said the delays were caused by a new payroll verification system and that arrears would be paid before the end of the year. Employees said they had heard similar promises in the spring.',
    ],
    quote: ['The ones who stay are the ones who have land. The others must feed their children.', 'Ghulam Haidar Sharifi, head of a school in Ghor province'],
  },
  {
    headline: 'Market fees double in Mazar-i-Sharif, and traders ask where the money goes',
    standfirst: 'Stallholders in the Mandawi bazaar now pay 1,200 afghanis a month. The municipality says the money pays for lighting and cleaning.',
    tags: ['Municipal services', 'Balkh', 'Small business'], authors: ['farid', 'laila'],
    paras: [
      'Stallholders in the Mandawi bazaar of Mazar-i-Sharif have paid 1,200 afghanis a month in municipal fees since September, twice the previous rate, and several told Khabar Daily they had received no receipt for their payments. About 900 traders hold stalls in the bazaar.',
      'Sultan Mohammad, who sells spices from a stall his grandfather opened, said the collectors came on the first Saturday of every month. \'They write in a book, but they do not give us paper,\' he said. \'If the book is lost, we have paid nothing.\'',
      'The municipality\'s revenue director, Aminullah Kohistani, said every payment was recorded and receipts were available on request. He said the increase paid for new street lights, twice-daily rubbish collection and two guards at night. Traders confirmed that the lights had been installed in October.',
      'Mr Kohistani said printed receipt books would be issued to all collectors from next month.',
    ],
    quote: ['They write in a book, but they do not give us paper. If the book is lost, we have paid nothing.', 'Sultan Mohammad, spice trader in the Mandawi bazaar'],
  },
  {
    headline: 'Land survey reaches Kabul\'s fastest-growing district, one parcel at a time',
    standfirst: 'Surveyors have mapped 3,800 parcels in Qasaba this year. Some 40,000 remain, and so do the disputes.',
    tags: ['Land', 'Kabul', 'Returnees'], authors: ['farid'],
    paras: [
      'A team of nine surveyors has mapped 3,800 land parcels in Kabul\'s Qasaba area since March, according to the head of the team, Engineer Shakila Popalzai. Officials estimate that some 40,000 parcels in the area remain unsurveyed, many of them built on without any formal title.',
      'Each survey begins with a meeting of neighbours, who must agree where one plot ends and the next begins. About one parcel in six is disputed, Ms Popalzai said, often because a family that left decades ago has returned to find others living on land it considers its own.',
      '\'We are not judges,\' she said. \'We draw lines. But the lines decide who can sell, who can inherit and who can borrow against their home.\' Disputed parcels are referred to a land commission, which has a backlog of more than 1,100 cases.',
    ],
    quote: ['We are not judges. We draw lines. But the lines decide who can sell, who can inherit and who can borrow against their home.', 'Engineer Shakila Popalzai, head of a land survey team'],
  },
  {
    headline: 'Radio call-in show becomes the busiest complaints desk in Herat',
    standfirst: 'Every Wednesday for an hour, the provincial director of public works answers listeners live. The phone lines are full within minutes.',
    tags: ['Herat', 'Accountability', 'Media'], authors: ['farid', 'nadia'],
    paras: [
      'At ten o\'clock every Wednesday morning, the provincial director of public works in Herat, Engineer Noor Ahmad Seddiqi, sits down in a small studio at a local radio station and takes calls from listeners for an hour. The producer, Freshta Mohseni, says all six lines are busy within three minutes of the show starting.',
      'Ms Mohseni keeps a log of every call. Of 412 calls in the past six months, she said, 171 concerned roads, 98 water, 74 electricity and the rest everything from street lights to a stray dog. About a third received a follow-up visit from the department within a week, according to the log.',
      '\'On the radio I cannot say I will look into it and then forget,\' Mr Seddiqi said. \'The whole city is listening, and next week the same man will call again.\'',
    ],
    quote: ['On the radio I cannot say I will look into it and then forget. The whole city is listening.', 'Engineer Noor Ahmad Seddiqi, provincial director of public works in Herat'],
  },
  {
    headline: 'A school roof in Paghman, paid for twice and built once',
    standfirst: 'Documents show two contracts for the same repair. The department says the second was a clerical error.',
    tags: ['Budgets', 'Education', 'Accountability'], authors: ['farid'],
    paras: [
      'Two contracts for the same roof repair at a girls\' primary school in Paghman district were approved eight months apart, according to documents seen by Khabar Daily. The first, for 1.4 million afghanis, was signed in January; the second, for 1.6 million, in September. The roof was repaired once, in March.',
      'The school\'s caretaker, Mohammad Anwar, said only one team of builders ever came. A provincial education official said the second contract had been a clerical error and had been cancelled before any payment was made. He did not provide documents showing the cancellation.',
      'Khabar Daily has asked the provincial audit office whether payment was made under the second contract. It had not replied by the time of publication.',
    ],
    quote: ['Only one team ever came. They fixed the roof in March and they left.', 'Mohammad Anwar, caretaker of a school in Paghman'],
  },
];
