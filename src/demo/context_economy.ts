// Background reporting of the Economy desk (original demo text; people and businesses are fictional).
import type { SectionContext } from './types.ts';

export const economyContext: SectionContext = {
  subheads: [
    'Prices at the market',
    'The cost of a household',
    'Wages and work',
    'Money and credit',
    'Farms and harvests',
    'What traders expect',
    'Behind the figures',
  ],
  paragraphs: [
    'Khabar Daily\'s monthly price survey tracks the cost of a basket of twenty everyday goods, from flour and cooking oil to soap and a bus fare, at the same twelve shops in Kabul, Herat, Jalalabad and Mazar-i-Sharif. The survey has run since 2018. It is not an official statistic, but its consistency makes it a useful guide to what households actually pay.',
    'Wheat flour remains the single most important item in most family budgets. A 49-kilogram sack, the standard size sold in the wholesale markets, feeds a family of seven for about three weeks. Its price is shaped by harvests in the region, the cost of transport and the value of the afghani, and shopkeepers say customers notice a change of even fifty afghanis a sack.',
    'The afghani has been relatively stable against the dollar over the past year, helped by regular shipments of cash for aid operations and by strict controls on taking currency out of the country. Money changers in Kabul\'s Sarai Shahzada market, the informal heart of the currency trade, say daily movements are now smaller than at any time in the past decade.',
    'Stability in the exchange rate has not meant stability in household finances. Many families have less income than a few years ago, as public sector jobs have been cut, aid-funded projects have closed and demand for services has fallen. Shopkeepers describe customers who buy cooking oil by the half-litre and flour by the kilogram rather than by the sack.',
    'Day labourers gather each morning at known spots in every city: a roundabout, a bridge, the edge of a market. On a good day a labourer in Kabul earns 350 to 450 afghanis for eight to ten hours of work, but many wait all morning and go home without a job. The number of men waiting has grown this year, workers say, as returning families look for work.',
    'Credit is hard to find. Formal bank lending to small businesses has almost stopped, and microfinance institutions have shrunk their portfolios. Most small traders borrow from relatives, from suppliers who let them pay later or from informal lenders. Several told Khabar Daily that they now keep a smaller stock than before because they cannot afford to be left holding unsold goods.',
    'The hawala system, the network of money transfer agents that moves funds across borders on trust, remains the main channel for remittances and for many business payments. Agents in Kabul said their business was steady but that fees had risen slightly as it had become harder to settle balances with counterparts abroad.',
    'Farming employs more people than any other sector. Wheat, the staple crop, is grown on irrigated and rain-fed land across the country; fruit, nuts, cotton and saffron bring in cash. Farmers say their biggest concerns are water, the cost of fertiliser and diesel, and prices at harvest time, when many must sell at once to repay debts.',
    'Exports have grown in some categories. Fresh and dried fruit, pine nuts, saffron, carpets, coal and medicinal herbs are the main goods sent abroad, and traders say new routes and buyers have opened over the past two years. Imports, however, remain several times larger than exports, and the trade deficit is financed largely by aid and remittances.',
    'Small manufacturing has survived in pockets: flour mills, plastic goods, soap, cooking oil refining, building materials, clothing and carpets. Factory owners in Kabul\'s industrial parks say electricity is their greatest cost and their greatest worry, and that unreliable supply forces them to run expensive generators for several hours a day.',
    'Women\'s participation in the economy has narrowed but not disappeared. Many women work from home in tailoring, embroidery, food processing and carpet weaving, often selling through male relatives or through women-run cooperatives. Several cooperatives told Khabar Daily that demand for their products was strong but that reaching buyers had become harder.',
    'Construction, once a major employer, has slowed in most cities. Developers say they are finishing projects begun years ago rather than starting new ones, and prices for cement and steel have risen with transport costs. In Kabul, several half-built apartment blocks have stood untouched for more than a year.',
    'Mobile phones have changed how business is done even in small towns. Traders check wholesale prices by message before setting out, farmers compare offers from buyers in different cities, and an increasing number of shops accept payment through mobile money accounts. Telecom companies say the number of mobile money users has roughly doubled in two years.',
    'Economists who study the country caution that reliable national figures are scarce. The most recent household survey is several years old, and official statistics on output, employment and prices are published irregularly. Surveys such as Khabar Daily\'s price basket, aid agencies\' food security assessments and traders\' own records fill part of the gap.',
    'For most families, the economy is not a set of numbers but a daily calculation: whether there is enough for flour this week, whether the rent can wait, whether a child can stay in school or must start earning. Khabar Daily\'s economy coverage tries to keep that calculation in view.',
    'Rents are a growing share of household costs in the cities. In Kabul\'s western and northern districts, a two-room apartment now rents for between 6,000 and 9,000 afghanis a month, according to estate agents, and landlords increasingly ask for three to six months in advance. Tenants without savings move to the outer districts, where rents are lower but transport costs higher.',
    'Transport costs ripple through every price. The cost of moving a truckload of goods from the border to Kabul depends on fuel prices, road conditions, tolls and the time spent waiting at checkpoints, and traders say those costs have become harder to predict. A rise in diesel prices, they note, shows up in the price of tomatoes within a week.',
    'Savings take unusual forms. Many families keep their wealth in gold jewellery, livestock or stocks of food rather than in bank accounts, and sell them when money is needed for a wedding, a hospital bill or a journey. Jewellers in Kabul\'s old city say they have been buying more gold from families than selling to them this year, a sign of households drawing down their savings.',
    'Seasonal work shapes the income of rural families. The wheat harvest in early summer, the fruit harvest in autumn and construction in the warmer months provide bursts of employment, while winter brings a long lean season. Aid agencies time their cash assistance to the lean months, and traders say demand in rural markets falls sharply after the first snow.',
  ],
  notes: [],
  lists: [
    { intro: 'Selected items in Khabar Daily\'s monthly price basket:', items: [
      'Wheat flour, 49-kilogram sack',
      'Cooking oil, 5-litre container',
      'Rice, long grain, per kilogram',
      'Sugar and tea, per kilogram',
      'A city bus fare and a cylinder of cooking gas' ] },
    { intro: 'How traders said they are coping with weaker demand:', items: [
      'Selling in smaller quantities: half-litres and single kilograms',
      'Keeping less stock to avoid debts to suppliers',
      'Offering credit to trusted customers for a week or two',
      'Sharing transport costs with neighbouring shops' ] },
  ],
};
