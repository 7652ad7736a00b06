// Background reporting of the World News desk (original demo text; people and organisations are fictional).
import type { SectionContext } from './types.ts';

export const worldContext: SectionContext = {
  subheads: [
    'The view from the region',
    'Trade routes and their politics',
    'What diplomats are saying',
    'Why it matters at home',
    'A crowded neighbourhood',
    'What to watch next',
    'The numbers behind the talks',
  ],
  paragraphs: [
    'Afghanistan sits at the meeting point of several regions, and events in any of them tend to arrive in Kabul sooner or later, as higher prices, closed roads, new rules at a border or a change in the flow of people and money. The world desk follows those connections, reporting from the capitals that matter to readers here and drawing on partners who know those places better than any visitor could.',
    'Diplomats across the region describe a period of cautious engagement. Neighbouring governments keep embassies and trade offices open, send delegations to discuss water, electricity and transit, and avoid the larger questions of recognition and aid conditions. \'Everyone is talking to everyone,\' one retired ambassador said, \'and no one is signing anything that will outlast the next crisis.\'',
    'Trade is the thread that ties most of these conversations together. Landlocked and dependent on its neighbours\' ports and roads, the country imports fuel, wheat flour, cooking oil and medicines, and exports fruit, carpets, coal and a growing volume of dried nuts and saffron. Every change in a transit agreement or a customs rule shows up within weeks in the prices at Kabul\'s wholesale markets.',
    'Water is a quieter but more lasting source of tension. The rivers that rise in the Hindu Kush feed farmland in several neighbouring countries, and new canals and dams upstream have drawn complaints downstream. Engineers on both sides say the data needed for a fair agreement, on flows, evaporation and irrigation demand, has never been collected in a way that all parties trust.',
    'Electricity crosses borders too. Much of the power used in the capital is imported over long transmission lines from the north, and supply contracts are renegotiated every year or two. When a line fails in winter, as happened twice last year, whole districts of Kabul switch to generators, and the price of diesel rises in the same week.',
    'Migration links the country to a far wider world than its immediate neighbours. Remittances from workers in the Gulf, in Europe and in North America support hundreds of thousands of households, and changes to visa rules in a distant capital can decide whether a family eats meat once a week or once a month. Money transfer agents in Kabul\'s old city track those changes closely.',
    'International aid remains large but is shrinking. Donor governments have cut budgets as other emergencies compete for attention, and agencies have closed programmes or merged them. Aid officials interviewed by Khabar Daily said they were being asked to do more with less and to show results faster, while the needs they see in clinics, schools and food distribution points continue to grow.',
    'Regional security concerns shape every meeting. Neighbours worry about armed groups operating near their borders and about narcotics; the authorities in Kabul say those concerns are exaggerated and used to justify pressure on trade and travel. Analysts say the truth lies somewhere between the two positions and varies a great deal from one border district to the next.',
    'China, Russia, Turkey and the Gulf states have each expanded their presence in the region over the past decade through investment, mediation and trade, and their interests do not always align. Local businesspeople say competition between larger powers can bring opportunities, such as new roads and mining contracts, but also the risk of being caught between rival demands.',
    'Climate pressures cut across borders. Drought in one river basin pushes herders toward another; a failed harvest raises wheat prices for the whole region. Scientists at a regional research institute said the past three years had been among the driest on record in parts of the north and west, and that forecasting and early warning systems were badly under-funded.',
    'Officials in Kabul say they want relations based on trade rather than aid. They point to new rail links to the north, a transit corridor to a southern port and an increase in exports of fresh fruit, and argue that economic ties will bring political ones in time. Critics say trade alone cannot substitute for the institutions that foreign governments say they want to see.',
    'For now, the region is watching and waiting. Governments that have kept their distance are testing limited forms of engagement, and those that engaged early are asking what they have gained. Most observers expect a long period of incremental steps rather than any single agreement that settles the country\'s place in the world.',
  ],
  notes: [
    'Partnerships with news organisations in the region allow Khabar Daily to publish reporting from places where it does not have its own correspondents. Partner stories are edited for clarity and length but not for substance, and each carries its publisher\'s name and a link to the original. Readers who notice an error in a partner story can write to our standards editor, who passes the note on.',
    'Readers often ask why the world desk covers events that seem far away. The answer, editors say, is that very little is truly far away any more: a fuel price set in a distant market, an election in a country that hosts many Afghan workers, or a shipping dispute in a strait hundreds of kilometres away can all reach a household in Kabul within a month.',
    'Khabar Daily reports the region with the same rules it applies at home: named sources where possible, a clear explanation when a source cannot be named, and no figures published without a note on where they came from. Where governments decline to comment, we say so, and where facts are disputed, we set out both accounts and the evidence for each.',
  ],
  lists: [
    { intro: 'The main routes by which goods reach Kabul, as described by traders:', items: [
      'From the south, through Torkham and Spin Boldak, from the nearest seaports',
      'From the west, through Islam Qala, with fuel and building materials',
      'From the north, by rail to Hairatan across the Amu Darya',
      'From the north-east, a smaller route carrying goods from Central Asia',
      'By air, for medicines, electronics and high-value exports such as saffron' ] },
    { intro: 'What regional governments most often raise in talks with Kabul, according to diplomats:', items: [
      'Security along shared borders',
      'Water sharing and new irrigation canals',
      'Transit fees and customs procedures',
      'The treatment of migrants and returnees',
      'Electricity supply contracts and unpaid bills' ] },
  ],
};
