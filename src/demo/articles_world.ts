// World News stories, some supplied by syndication partners (original demo text; all names are fictional).
import type { DemoArticle } from './types.ts';

export const worldArticles: DemoArticle[] = [
  {
    headline: 'Northern rail link carries its first full freight train to Mazar-i-Sharif',
    standfirst: 'Forty-two wagons of flour, fertiliser and steel rolled across the border on Monday, cutting a week off the journey by road.',
    tags: ['Trade', 'Central Asia', 'Transport'], authors: ['daniel'], source: 'pamir',
    paras: [
      'A freight train of forty-two wagons arrived at the Naibabad station outside Mazar-i-Sharif on Monday afternoon, the first to run the full length of the extended northern line since its opening ceremony in the spring. It carried 2,300 tonnes of wheat flour, fertiliser and steel reinforcing bar, according to the station master, Ghulam Sakhi Ansari.',
      'Traders in Mazar-i-Sharif said the rail link had cut the journey from the Central Asian wholesale markets to about three days, compared with ten by road. \'By truck we lose a week at the border and a tenth of the flour to damp,\' said Haji Mohammad Ismail, a flour merchant who had four wagons on the train. \'By rail we lose nothing but the waiting for the train.\'',
      'Railway officials said they planned two trains a week by the end of the year and hoped to carry return cargoes of dried fruit and cotton. The operator has not published freight rates, and several traders said they were still waiting for written contracts.',
      'Regional transport analysts cautioned that the line\'s capacity depends on the gauge change at the border, where cargo must be moved between wagons of different widths. The transfer yard can currently handle about 60 wagons a day.',
    ],
    quote: ['By truck we lose a week at the border and a tenth of the flour to damp. By rail we lose nothing but the waiting for the train.', 'Haji Mohammad Ismail, flour merchant in Mazar-i-Sharif'],
  },
  {
    headline: 'River commission meets for the first time in four years over Helmand flows',
    standfirst: 'Engineers from both sides of the border agreed to share gauge readings weekly. Farmers downstream say that is only a start.',
    tags: ['Water', 'Diplomacy', 'Nimroz'], authors: ['daniel'],
    paras: [
      'Engineers from the two sides of the Helmand river basin met in Zaranj on Thursday for the first session of their joint commission since 2021, and agreed to exchange readings from six river gauges every week. The meeting lasted five hours and ended with a two-page statement signed by both delegations.',
      'The head of the delegation from Kabul, the hydrologist Nasrin Barakzai, said the agreement on data was \'the foundation for everything else\'. \'You cannot argue about a share of water if you cannot agree how much water there is,\' she told Khabar Daily after the meeting.',
      'Farmers on the lower river, where the wetlands have shrunk sharply during three dry years, said they had hoped for more. \'We need water in the canals in April, not a report about water in October,\' said Qudratullah, a farmer from the Chakhansur district who grows wheat and melons on eight jeribs of land.',
      'The commission agreed to meet again in the spring, before the irrigation season. Diplomats said a broader agreement on releases from upstream dams remained unlikely this year.',
    ],
    quote: ['You cannot argue about a share of water if you cannot agree how much water there is.', 'Nasrin Barakzai, hydrologist and head of the Kabul delegation'],
  },
  {
    headline: 'Gulf visa rule change leaves hundreds of Afghan workers in limbo',
    standfirst: 'A new requirement for certified trade tests has stalled the renewals of drivers, welders and electricians, their families in Kabul say.',
    tags: ['Migration', 'Remittances', 'Gulf'], authors: ['daniel', 'mariam'],
    paras: [
      'Hundreds of Afghan workers in the Gulf have been unable to renew their work visas since a new rule took effect in September requiring certified trade tests for drivers, welders and electricians, according to families in Kabul and two recruitment agencies interviewed by Khabar Daily.',
      'The tests can be taken only at approved centres, none of which is in Afghanistan, and cost the equivalent of about $250. Nazir Ahmad Popal, who runs a recruitment agency in Kabul\'s Shahr-e Naw district, said about 140 of his clients had been affected. \'These are men with ten, fifteen years of experience,\' he said. \'Now they must prove they can do what they have done every day.\'',
      'Families say remittances have already fallen. Khadija, whose husband has driven a delivery truck in the Gulf for eleven years, said he had sent no money in October because his employer had suspended him pending the test. Their four children have stopped attending a private English course.',
    ],
    quote: ['These are men with ten, fifteen years of experience. Now they must prove they can do what they have done every day.', 'Nazir Ahmad Popal, recruitment agent in Kabul'],
  },
  {
    headline: 'Port authority cuts transit fees for landlocked cargo to win back trade',
    standfirst: 'Container fees for goods bound for Afghanistan fall by a fifth from January, as the port competes with rival routes.',
    tags: ['Trade', 'Transport', 'Ports'], authors: ['daniel'], source: 'harbour',
    paras: [
      'The port authority announced on Tuesday that handling fees for containers in transit to Afghanistan would fall by 20 per cent from the first of January, in an effort to recover trade that has shifted to rival ports over the past two years. The reduction applies to storage and handling but not to customs deposits.',
      'Transit volumes through the port fell to about 38,000 containers last year from more than 70,000 three years earlier, according to figures published by the authority. Shipping agents blamed delays at inland checkpoints and the cost of bonded storage, which can exceed the value of low-priced cargo such as tiles or plastic goods if a container waits more than a month.',
      'Kabul-based importers welcomed the cut but said the bigger problem was time. \'A container that sits for forty days costs more in interest than any fee,\' said Hamidullah Zazai, who imports tiles and sanitary ware. \'Give us ten days from ship to Kabul and we will come back.\'',
      'The authority said it would also open a dedicated transit desk staffed around the clock and publish weekly figures on clearance times.',
    ],
    quote: ['A container that sits for forty days costs more in interest than any fee. Give us ten days from ship to Kabul and we will come back.', 'Hamidullah Zazai, importer in Kabul'],
  },
  {
    headline: 'Drought forecast prompts early wheat purchases across the region',
    standfirst: 'Two neighbouring governments have bought wheat months ahead of schedule. Kabul\'s flour millers fear a price rise by spring.',
    tags: ['Climate', 'Wheat', 'Prices'], authors: ['daniel', 'laila'], source: 'pamir',
    paras: [
      'Two governments in the region have bought a combined 1.8 million tonnes of wheat on international markets in the past six weeks, months earlier than usual, after a regional climate institute forecast a dry winter for the third year in a row. Grain traders said the purchases had already lifted prices for the spring.',
      'The climate institute\'s seasonal outlook, published in October, gives a 65 per cent chance of below-average rain and snow across the northern plains between December and March. Its director, Dr Firuza Nazarova, said the forecast was \'not a prophecy, but a warning worth heeding\'.',
      'In Kabul, the head of a flour mill in the Pul-e Charkhi industrial park, Mirwais Haidari, said he had raised his stock of wheat to cover four months of milling, up from the usual six weeks. \'If the neighbours are buying early, we must too,\' he said. \'The bread does not wait for the rain.\'',
    ],
    quote: ['If the neighbours are buying early, we must too. The bread does not wait for the rain.', 'Mirwais Haidari, flour miller in Kabul'],
  },
  {
    headline: 'A summit on electricity ends with a one-year deal and unpaid bills',
    standfirst: 'Northern suppliers agreed to keep power flowing through next winter. The question of arrears was left for another meeting.',
    tags: ['Energy', 'Central Asia', 'Diplomacy'], authors: ['daniel'],
    paras: [
      'Power suppliers from two northern neighbours agreed on Wednesday to keep electricity flowing to Kabul through next winter at current prices, ending a two-day meeting of energy officials that had been called after a week of rolling blackouts in the capital. The agreement runs for one year.',
      'The question of arrears, which officials in the energy ministry put at about $60 million, was not resolved. A spokesman for one supplier said the debt would be discussed at a separate meeting in the new year and that supplies would not be cut in the meantime.',
      'In Kabul\'s Khair Khana district, where blackouts lasted up to nine hours a day last week, the owner of a bakery, Jawid Hakimi, said he had spent 14,000 afghanis on generator fuel in five days. \'One year is good,\' he said of the deal. \'But we have been given one year before.\'',
    ],
    quote: ['One year is good. But we have been given one year before.', 'Jawid Hakimi, bakery owner in Khair Khana'],
  },
  {
    headline: 'Saffron growers find new buyers as a Gulf trade fair opens its doors',
    standfirst: 'Herat\'s saffron cooperatives signed orders worth $3.1 million at a three-day fair, their largest ever.',
    tags: ['Trade', 'Herat', 'Agriculture', 'Gulf'], authors: ['daniel', 'laila'], source: 'harbour',
    paras: [
      'Cooperatives from Herat province signed orders worth $3.1 million for saffron at a three-day trade fair that ended on Sunday, their largest sales at a single event, according to the head of the provincial saffron growers\' association, Bibi Sanobar Amiri.',
      'The association brought samples from 23 cooperatives, eleven of them run by women. Buyers from hotel chains and spice wholesalers tested the samples for colour and aroma in a laboratory set up at the fair. \'They taste it with their eyes first,\' Ms Amiri said. \'When they see the colour in the water, they start to talk about price.\'',
      'Growers said the biggest obstacle remained air freight. Saffron is light, but shipments must pass through several countries, and each transfer adds cost and risk. The association is asking for a direct cargo flight from Herat during the harvest season.',
      'Saffron cultivation has expanded steadily in Herat over the past fifteen years, partly replacing less profitable crops, and now provides seasonal work for several thousand people during the autumn picking.',
    ],
    quote: ['They taste it with their eyes first. When they see the colour in the water, they start to talk about price.', 'Bibi Sanobar Amiri, head of the Herat saffron growers\' association'],
  },
  {
    headline: 'Aid budgets shrink as agencies plan for a leaner year',
    standfirst: 'Three agencies told Khabar Daily they will close or merge programmes by March. Nutrition and winter aid will be protected first.',
    tags: ['Aid', 'Diplomacy', 'Health'], authors: ['daniel', 'sami'],
    paras: [
      'Three international aid agencies working in Afghanistan told Khabar Daily they expected budgets next year to be between 25 and 40 per cent lower than this year, and that they would close or merge programmes by March. All three said emergency nutrition and winter assistance would be protected.',
      'The country director of one agency, who asked that it not be named because its plans had not been announced, said mobile health teams in two provinces would be merged and a vocational training project for young women would end in February. \'We are choosing between things that all matter,\' she said.',
      'Donor officials said the reductions reflected competing emergencies elsewhere and tighter national budgets at home. The cuts come as returning families add to the number of people in need in the border provinces, according to the agencies.',
    ],
    quote: ['We are choosing between things that all matter.', 'The country director of an international aid agency'],
  },
];
