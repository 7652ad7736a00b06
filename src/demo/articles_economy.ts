// Economy stories (original demo text; people and businesses are fictional).
import type { DemoArticle } from './types.ts';

export const economyArticles: DemoArticle[] = [
  {
    headline: 'Price survey: a family\'s basic basket costs 6 per cent more than in spring',
    standfirst: 'Flour and cooking gas drove the rise in Khabar Daily\'s monthly survey. Rice and sugar were cheaper.',
    tags: ['Prices', 'Wheat', 'Kabul'], authors: ['laila'],
    paras: [
      'The cost of Khabar Daily\'s basket of twenty everyday goods rose to 9,870 afghanis in November, 6 per cent more than in May, according to the newsroom\'s monthly survey of twelve shops in four cities. The largest contributors were wheat flour, up 11 per cent, and cooking gas, up 14 per cent.',
      'Rice and sugar were slightly cheaper than in the spring, helped by large imports before the winter. \'People buy rice when it is cheap and keep it,\' said Abdul Ghafoor, who runs a grocery in Kabul\'s Kote Sangi district and has taken part in the survey since it began. \'Flour they cannot keep so long, so they feel every change.\'',
      'In Jalalabad, prices were on average 4 per cent lower than in Kabul, reflecting shorter transport routes for goods from the south. Mazar-i-Sharif was the most expensive of the four cities for fresh vegetables, which are mostly brought in from other provinces in winter.',
      'The survey records prices on the first Monday of each month. Full figures for each shop are available to readers on request.',
    ],
    quote: ['People buy rice when it is cheap and keep it. Flour they cannot keep so long, so they feel every change.', 'Abdul Ghafoor, grocer in Kote Sangi'],
  },
  {
    headline: 'On the bridge at Pul-e Sokhta, fewer jobs and more men waiting',
    standfirst: 'Day labourers say they find work two or three days a week. A year ago it was four or five.',
    tags: ['Work', 'Kabul', 'Returnees'], authors: ['laila', 'mariam'],
    paras: [
      'By six in the morning, about 300 men stand along the railings of the bridge at Pul-e Sokhta in western Kabul, holding shovels, trowels or nothing at all. They are waiting for someone to stop a car and offer a day\'s work. On the morning Khabar Daily visited, 41 of them were hired by nine o\'clock.',
      'Sayed Karim, 38, a plasterer who returned from abroad in the summer, said he had worked nine days in October. \'Abroad I worked every day and sent money home,\' he said. \'Here I am home, and there is no money to send anywhere.\' A day\'s plastering pays about 500 afghanis; unskilled work pays 350.',
      'Older labourers say the bridge has never been so crowded. \'When I started here, twenty years ago, we knew every face,\' said Juma Khan, 61. \'Now there are new faces every week, young men, strong men, and not enough walls to build.\'',
    ],
    quote: ['Abroad I worked every day and sent money home. Here I am home, and there is no money to send anywhere.', 'Sayed Karim, plasterer waiting for work in Kabul'],
  },
  {
    headline: 'Pomegranate growers in Kandahar count the cost of a late frost',
    standfirst: 'Yields fell by about a third in the Arghandab valley. Exporters say quality was high, and so were prices.',
    tags: ['Agriculture', 'Kandahar', 'Exports'], authors: ['laila', 'farid'],
    paras: [
      'A late frost in the first week of April cut pomegranate yields in Kandahar\'s Arghandab valley by about a third this year, according to the valley\'s growers\' association, which estimates the harvest at 78,000 tonnes compared with 115,000 last year.',
      'Prices rose to compensate, at least for growers with good fruit. A crate of export-grade pomegranates sold for 1,100 afghanis at the Kandahar fruit market in October, compared with 750 a year earlier. \'The trees gave us less, but the buyers paid more,\' said Haji Zainullah, who has 400 trees near the village of Jelawur. \'For the small grower with damaged fruit, it was a bad year.\'',
      'Exporters said demand from buyers abroad had been strong and that the fruit had arrived in good condition, helped by new cold storage at the border. About 60 per cent of the valley\'s harvest is sold abroad.',
    ],
    quote: ['The trees gave us less, but the buyers paid more. For the small grower with damaged fruit, it was a bad year.', 'Haji Zainullah, pomegranate grower in Arghandab'],
  },
  {
    headline: 'Mobile money reaches the village shop, and changes how credit works',
    standfirst: 'A grocer in Parwan now takes a third of his payments by phone. He says it has made him more willing to lend.',
    tags: ['Technology', 'Small business', 'Parwan'], authors: ['laila'],
    paras: [
      'Ezatullah Rahimi\'s grocery in the village of Qala-e Naw, in Parwan province, is a single room with shelves of tea, soap, rice and batteries. Since the spring, a laminated sign by the till has invited customers to pay by mobile money. About a third of his takings now arrive that way, he said.',
      'The change has altered how he offers credit. Customers who once ran up tabs written in his notebook now often pay small amounts by phone every few days, as their own wages arrive. \'I see the money come in, small, small, small,\' he said. \'It is easier for them and easier for me.\'',
      'Telecom operators say the number of active mobile money accounts in the country has roughly doubled in two years. Agents who convert cash to mobile credit and back are now found in most district centres, though rarely in the smallest villages.',
      'Mr Rahimi has started buying part of his stock from a wholesaler in Charikar who also accepts mobile payments, saving him a journey and the risk of carrying cash.',
    ],
    quote: ['I see the money come in, small, small, small. It is easier for them and easier for me.', 'Ezatullah Rahimi, grocer in Parwan'],
  },
  {
    headline: 'A carpet cooperative in Andkhoy finds buyers online',
    standfirst: 'Forty-six weavers sold 130 carpets through a web shop run from Mazar-i-Sharif this year, at prices a third higher than the bazaar.',
    tags: ['Exports', 'Women', 'Crafts'], authors: ['laila', 'nadia'],
    paras: [
      'The 46 weavers of a carpet cooperative in Andkhoy, in Faryab province, sold 130 carpets through an online shop this year, according to the cooperative\'s manager, Gulalai Turkmani. The shop is run by her nephew from an office in Mazar-i-Sharif, who photographs every carpet, measures it and handles the shipping.',
      'Online prices are on average a third higher than what the weavers would receive from traders in the Andkhoy bazaar, Ms Turkmani said. A 2-by-3-metre carpet that takes two women about four months to weave sells for about $620 online, of which the weavers receive about $410 after shipping and fees.',
      '\'Before, the trader told us the price,\' she said. \'Now we tell the trader the price, because we know what people abroad will pay.\' The cooperative plans to train six more young women in the spring.',
    ],
    quote: ['Before, the trader told us the price. Now we tell the trader the price, because we know what people abroad will pay.', 'Gulalai Turkmani, manager of a carpet cooperative in Andkhoy'],
  },
  {
    headline: 'Factory owners in Pul-e Charkhi weigh the cost of every blackout',
    standfirst: 'A soap factory spends 38 per cent of its costs on generator fuel in winter. Its owner has ordered solar panels.',
    tags: ['Energy', 'Manufacturing', 'Kabul'], authors: ['laila'],
    paras: [
      'At a soap factory in the Pul-e Charkhi industrial park east of Kabul, the owner, Shafiqullah Haqmal, keeps a handwritten chart on his office wall of every power cut since January. In October there were 47, lasting a total of 93 hours, during which two diesel generators ran the mixing vats and packing line.',
      'In the winter months, generator fuel accounts for 38 per cent of the factory\'s costs, he said, more than wages. The factory employs 64 people and produces about 22,000 bars of soap a day. \'Every hour of blackout, I watch the profit go up the chimney,\' he said.',
      'Mr Haqmal has ordered solar panels to cover part of the roof, at a cost of about $48,000, which he expects to recover within three years. Several other factory owners in the park said they were considering the same step but could not raise the money.',
    ],
    quote: ['Every hour of blackout, I watch the profit go up the chimney.', 'Shafiqullah Haqmal, owner of a soap factory in Pul-e Charkhi'],
  },
  {
    headline: 'In Sarai Shahzada, the money changers describe the quietest year they remember',
    standfirst: 'The afghani moved within a narrow band all year. Changers say volume is down, and so is risk.',
    tags: ['Currency', 'Kabul', 'Remittances'], authors: ['laila', 'daniel'],
    paras: [
      'In the crowded lanes of Sarai Shahzada, Kabul\'s money market, the changers sit behind glass counters stacked with bundles of notes and watch a rate that has barely moved. The afghani traded within a range of about 3 per cent against the dollar this year, according to records kept by a changers\' association.',
      '\'Ten years ago, I could make or lose a month\'s income in a day,\' said Haji Gul Mohammad, who has worked in the market for 31 years. \'Now I make a little every day and lose nothing. It is boring, and boring is good.\'',
      'Volumes are lower, however. Changers said fewer businesses were importing and fewer families were receiving large transfers. Several said they had reduced staff. The association estimates that about 1,400 changers and agents still work in the market, compared with over 2,000 five years ago.',
    ],
    quote: ['Ten years ago, I could make or lose a month\'s income in a day. Now I make a little every day and lose nothing. It is boring, and boring is good.', 'Haji Gul Mohammad, money changer in Sarai Shahzada'],
  },
];
