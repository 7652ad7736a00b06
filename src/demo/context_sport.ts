// Background reporting of the Sport desk (original demo text; clubs and people are fictional).
import type { SectionContext } from './types.ts';

export const sportContext: SectionContext = {
  subheads: [
    'On the field',
    'Behind the club',
    'The players',
    'Making do',
    'The crowd',
    'What comes next',
  ],
  paragraphs: [
    'Sport in Afghanistan is played far more often on dirt than on grass. Across the country, children and young men mark out pitches and courts on riverbeds, school yards, empty lots and harvested fields, and many of the country\'s best players learned their game on ground that would be unrecognisable to professionals elsewhere.',
    'Cricket\'s rise over the past two decades has been remarkable. A game once known mainly to families who had lived across the eastern border is now played in every province, and the national team\'s victories over established cricketing nations have made its players household names. Club and regional tournaments feed a growing system of selection.',
    'Traditional sports remain popular alongside modern ones. Buzkashi draws huge crowds in the north in winter, wrestling in the old style is practised in houses of strength and at festivals, and games such as tent-pegging on horseback and the stick-and-ball game of the villages are played at weddings and holidays.',
    'Facilities are scarce. Most provinces have one stadium at best, often in poor repair, and indoor halls are rare outside the largest cities. Clubs share equipment, repair what they can and rely on private donors for anything from balls to floodlights. Coaches say the lack of safe, level ground is the biggest obstacle to developing young players.',
    'Money in sport comes mostly from local patrons: businessmen, shopkeepers and emigrants who pay for kits, travel and prizes, often out of loyalty to a village or a neighbourhood. Sponsorship from larger companies is limited to the most popular tournaments. Many coaches work for free, and many players hold full-time jobs.',
    'For young people, sport is often the most important activity outside school and work. Parents and teachers told Khabar Daily that clubs and teams gave boys a place to go, a routine and adult mentors, and that coaches frequently insisted on school attendance as a condition of playing.',
    'Regional rivalries run deep. Matches between neighbouring villages, districts or provinces are followed with passion, and a local derby can fill a ground and dominate conversation in the bazaar for days. Referees are rarely thanked, and disputes over decisions are part of the entertainment.',
    'National selectors rely on regional tournaments to find talent. Players who impress may be invited to training camps in Kabul, and the best can earn places in national youth or senior squads. For a young player from a province, an invitation to a camp can change the course of a life.',
    'Weather shapes the sporting year. Winter brings buzkashi to the north and closes the mountain grounds of the centre; summer heat in the south and east pushes matches into the early morning and evening. Spring, between the rains and the heat, is the busiest season for tournaments across the country.',
    'Phones have changed how young Afghans follow and learn sport. Matches from around the world are watched on small screens, and many young players say they learned technique from online videos of professionals. Clubs post results and clips on social media, where they reach relatives abroad.',
    'Injuries are common and treatment is hard to find. Few clubs have access to physiotherapists or sports doctors, and players with torn ligaments or broken bones often rely on traditional bone-setters. Coaches say many promising careers have ended early because an injury was not treated properly.',
  ],
  notes: [
    'Khabar Daily\'s sport desk covers clubs, tournaments and the people who keep them going, from national competitions to village leagues. Clubs and organisers are welcome to send us results and news.',
  ],
  lists: [
    { intro: 'What coaches told Khabar Daily their clubs need most:', items: [
      'Level, safe ground that does not flood or turn to dust',
      'Balls, nets, bats and protective equipment that lasts a season',
      'Transport to away matches and tournaments',
      'First-aid training and a simple medical kit at every match' ] },
    { intro: 'The sporting calendar as most clubs plan it:', items: [
      'Spring: regional tournaments and selection camps',
      'Summer: matches in the early morning and evening, to avoid the heat',
      'Autumn: village leagues after the harvest',
      'Winter: buzkashi in the north, indoor training where a hall can be found' ] },
  ],
};
