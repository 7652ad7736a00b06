// Background reporting of the Environment desk (original demo text; people and places are fictional).
import type { SectionContext } from './types.ts';

export const environmentContext: SectionContext = {
  subheads: [
    'A changing climate',
    'What the numbers show',
    'The cost to families',
    'On the ground',
    'What could help',
    'Looking ahead',
  ],
  paragraphs: [
    'Afghanistan contributes almost nothing to the gases that warm the planet, but it is among the countries most exposed to the consequences. Temperatures across the country have risen faster than the global average, according to climate scientists, and droughts, floods and heatwaves have become more frequent and more severe over the past two decades.',
    'Most Afghans depend on farming or herding, directly or through family members, and both depend on water that arrives as snow in winter and melts into rivers and canals in spring and summer. Scientists say that as winters warm, more precipitation falls as rain rather than snow, and that the snow melts earlier, leaving less water for the months when crops need it most.',
    'Energy poverty shapes the environment as much as any policy. With little access to electricity or gas, most households heat their homes and cook with wood, coal, dung and whatever else will burn. The result is smoke in homes and cities, and pressure on the country\'s remaining trees and shrubs, which are cut for fuel faster than they grow back.',
    'Forests cover only a small fraction of the country, mostly in the east, and have shrunk significantly in the past half century through logging, clearing for farmland and cutting for fuel. Scattered woodlands of pistachio, juniper and almond in the north and west are also under pressure. Foresters say that where the trees go, soil erosion, landslides and floods follow.',
    'Water is the environmental question that touches every household. Rivers cross borders, canals are shared among villages, and wells draw on aquifers that no one owns and everyone uses. Disputes over water are among the most common conflicts in rural areas, and village water masters, known as mirabs, remain important figures in many districts.',
    'Air pollution in the cities has become a serious public health problem. In winter, smoke from stoves, generators, brick kilns and old vehicles hangs over Kabul, Mazar-i-Sharif and other cities, particularly on still, cold days. Doctors link the pollution to respiratory illnesses, which are among the leading reasons children are taken to clinics.',
    'Waste management is limited outside the centres of the largest cities. Rubbish is often dumped on open ground or in rivers, or burned in the street. Plastic bags and bottles have spread into the countryside, clogging canals and harming grazing animals, and informal collectors are often the only recyclers.',
    'Wildlife has survived decades of conflict in the remote mountains of the north-east and the centre, including snow leopards, ibex, Marco Polo sheep, bears and wolves. Conservationists say the animals\' greatest threats are hunting, competition with livestock for grazing and the loss of habitat, and that local communities are the key to protecting them.',
    'Local knowledge has long been the country\'s first line of defence against a harsh environment. Farmers terrace hillsides, maintain underground irrigation channels known as karez, store grain against bad years and move herds with the seasons. Many of those practices are now under strain as young people leave for the cities and old channels fall into disrepair.',
    'Natural disasters strike somewhere in the country almost every month. Earthquakes, avalanches, landslides and flash floods destroy homes and roads, and drought quietly erodes livelihoods over years. Disaster specialists say that simple preparedness, such as early warnings, safe shelters and stored supplies, saves more lives than any response after the event.',
    'Environmental data is scarce. Many weather stations stopped working during years of conflict, river gauges are few, and air and water quality are rarely measured outside a handful of projects. Scientists and volunteers have begun filling some of the gaps with low-cost sensors, satellite images and community monitoring.',
    'Small-scale solutions are spreading. Solar panels on rooftops, once a rarity, now power lights, phones and water pumps in villages across the country. Cleaner cook stoves, rainwater harvesting, drip irrigation and community tree nurseries have all found supporters, though most remain limited by money and scale.',
    'Returning families and internal migration add to environmental pressure in the cities. New settlements on the edges of Kabul, Herat and Jalalabad often lack drains, waste collection and safe water, and are built on land prone to flooding. Planners say that bringing basic services to these settlements early is cheaper than repairing the damage later.',
  ],
  notes: [
    'Khabar Daily\'s environment desk reports on how changes in land, water, air and climate affect the people who live with them. We welcome tips from readers who see changes in their own valleys, rivers and neighbourhoods.',
  ],
  lists: [
    { intro: 'Simple steps that environmental health specialists recommend to households during the smoky winter months:', items: [
      'Burn dry wood or briquettes rather than plastic, rubber or rubbish',
      'Keep a window slightly open when a stove is lit, and never sleep in a room with a burning charcoal brazier',
      'Keep young children away from the stove and out of the street during the morning peak',
      'Seek care quickly if a child breathes fast or struggles to breathe' ] },
    { intro: 'Warning signs of a flash flood that disaster volunteers teach in riverside villages:', items: [
      'A sudden rise or darkening of the river, even when it is not raining in the village',
      'A roaring sound from upstream',
      'Mud, branches and debris carried in the water',
      'Heavy rain in the mountains for more than an hour' ] },
  ],
};
