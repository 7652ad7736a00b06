// Background reporting of the Immigration News desk (original demo text; places and people are fictional).
import type { SectionContext } from './types.ts';

export const immigrationContext: SectionContext = {
  subheads: [
    'A crossing that never sleeps',
    'What the numbers show',
    'Paperwork as a second journey',
    'The families who wait',
    'Aid groups stretched thin',
    'Looking ahead to winter',
    'How the process works',
  ],
  paragraphs: [
    'The return of people from neighbouring countries has shaped almost every conversation at the border this year. Officials at the reception centres describe days that begin before dawn, when the first buses arrive, and end long after dark, when the last families have been registered, given a hot meal and pointed toward transport home. Few of the people arriving have planned the journey. Many were given days, sometimes hours, to gather what they owned.',
    'Khabar Daily has followed the movement of returning families since the spring, speaking with more than sixty people at crossings, transit camps and bus stations. Their accounts differ in detail but share a pattern: years spent working abroad, children born and schooled in another language, and a sudden end that left little time to settle debts, collect wages or sell belongings at a fair price.',
    'Figures published by the reception authorities are incomplete and often revised, and the newsroom treats them with caution. Counts at the crossings record people who pass through official gates; they miss those who travel on foot along mountain paths or who return in stages. Aid workers who keep their own tallies say the true number of arrivals in any given month is likely higher than the official one.',
    'For many returnees the hardest part of coming home is proving who they are. A national identity card, known locally as a tazkira, is needed to rent a room, enrol a child in school or receive a cash grant, and many people who left as children never had one. Registry offices in the provincial capitals report queues that stretch around the block and waiting times measured in weeks.',
    'Lawyers who advise returning families say the rules are not always applied the same way from one province to the next. A document accepted in Herat may be questioned in Jalalabad; a letter from a village elder may be enough in one district and worthless in another. The uncertainty pushes people toward middlemen who promise faster results for a fee that few can afford.',
    'Housing is the next pressure point. Rents in the outer districts of Kabul, Herat and Mazar-i-Sharif have risen as returning families compete for rooms, and landlords increasingly ask for several months in advance. Families without savings often move in with relatives, sometimes three or four households to a single compound, which strains water supplies and frays tempers during the long months of winter.',
    'Work is scarce and uneven. Men who spent years in construction or in brick kilns abroad find day labour in the cities, but rarely more than three or four days a week. Women who worked in tailoring or domestic service face narrower options at home. Several families told Khabar Daily that a teenage son had become the household\'s most reliable earner, selling goods from a cart or working at a car wash.',
    'Schools in districts with many returning families report classrooms that have doubled in size in a year. Teachers describe pupils who read fluently in one script but not in another and who must start again several grades below their age. Education officials say additional teachers have been promised for the worst-affected districts but that few have arrived so far.',
    'Humanitarian organisations working at the crossings say their budgets were set for a far smaller number of arrivals. Cash grants that once covered a month of rent and food now cover a fortnight. One coordinator, speaking on condition that her organisation not be named because it had not authorised her to speak, said the gap between needs and funding was \'the widest I have seen in eleven years of this work\'.',
    'Not every story is one of loss. In several villages visited by Khabar Daily, returning families have brought skills and small amounts of capital that have revived local trades: a bakery with a new oven, a mobile phone repair stall, a tailoring workshop that now employs six women. Local councils say they would like to see more support for such enterprises rather than one-off cash handouts.',
    'The legal picture in neighbouring countries continues to shift. Rules on residence permits, work cards and the registration of births change with little notice, and families living abroad say they struggle to keep up. Community organisers in the diaspora have begun sharing updates through voice messages in Dari and Pashto, a method they say reaches more people than printed leaflets ever did.',
    'Those who leave again form a quieter part of the picture. Smugglers along the western border advertise openly in some markets, and the price of a crossing has risen sharply this year, according to several people who paid it. Families described borrowing from relatives to fund a son\'s journey in the hope that remittances would follow, a gamble that does not always pay off.',
    'The reception centres themselves have changed over the year. What began as tents and folding tables is now a row of prefabricated buildings with a clinic, a registration hall and a room where mothers can feed infants in private. Staff say the improvements help, but the centres were designed for a few hundred arrivals a day and on busy days receive several times that number.',
    'Winter brings its own dangers. Families who arrive in the colder months often have no heating fuel and little warm clothing, and aid groups try to distribute blankets and coal before the first snow closes mountain roads. Last year several districts in the central highlands were cut off for weeks, and families who had only just returned found themselves without supplies.',
    'For the families themselves, the question is rarely whether they will stay but how. Many told Khabar Daily that they would build a life wherever they could find work, schools and a roof, and that the borders mattered less to them than the wages on either side. Their patience, in the words of one father, \'is not endless, but it is long\'.',
  ],
  notes: [],
  lists: [
    { intro: 'What a returning family needs in its first month, according to aid workers at the crossings:', items: [
      'A national identity card or proof of application, needed for almost every service',
      'A room or shared shelter, often paid several months in advance',
      'School enrolment for children, with placement tests for those schooled abroad',
      'Winter clothing and heating fuel from October onward',
      'A first job, usually day labour, within three to four weeks' ] },
    { intro: 'Where returning families are settling, by the share of arrivals registered this year:', items: [
      'Kabul and its outer districts: about a third',
      'Nangarhar, around Jalalabad: about a fifth',
      'Herat province: about a sixth',
      'Balkh, around Mazar-i-Sharif: about a tenth',
      'Other provinces together: the remainder' ] },
  ],
};
