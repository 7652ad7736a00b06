// Background reporting of the Culture desk (original demo text; people and places are fictional).
import type { SectionContext } from './types.ts';

export const cultureContext: SectionContext = {
  subheads: [
    'A tradition in motion',
    'Who keeps it alive',
    'The audience',
    'Making a living',
    'Old forms, new listeners',
    'In their own words',
    'What comes next',
  ],
  paragraphs: [
    'Culture in Kabul has always lived in more places than its concert halls and galleries: in the courtyards where poets read to friends, in the workshops where craftsmen teach apprentices, in the bookshops of the old city and the wedding halls on the edge of town. Khabar Daily\'s culture desk follows it wherever it goes.',
    'Poetry remains the country\'s most widely shared art. Verses by classical poets are quoted in everyday conversation, and contemporary poets write in Dari and Pashto for audiences that gather in homes, in bookshops and, increasingly, online. Recitation is a skill in itself, and good reciters are admired as much as good writers.',
    'Crafts passed down within families, such as woodcarving, calligraphy, pottery, glassblowing and embroidery, survive in workshops across the country. Many masters say they have fewer apprentices than they would like, as young people seek work that pays more quickly. Others have found new customers through exhibitions and online sales.',
    'Public performance has become more limited in recent years, and many musicians have stopped playing in public or left the country. Those who remain describe a quieter life of private gatherings, teaching and recording. Several told Khabar Daily they felt a responsibility to keep their instruments and their repertoire alive for the next generation.',
    'Books continue to circulate. Publishers in Kabul print new titles and reprint classics, and secondhand bookshops in the old city trade volumes that have passed through many hands. Booksellers say readers are buying more history, religion, self-help and translated fiction, and fewer textbooks than before.',
    'Libraries have an outsized role in neighbourhoods where few families own many books. Small community libraries, often a single room with donated shelves, lend books to children and adults and host reading circles. Their volunteers describe them as places where people come not only to read but to talk, study and escape crowded homes.',
    'Food is culture too, and perhaps the most democratic form of it. The preparation of a family meal, with its regional variations, its festival dishes and its rules of hospitality, connects households across the country and across the diaspora. Cooks in Kabul say recipes brought home by returning families are slowly changing what the city eats.',
    'The diaspora shapes the country\'s culture from afar. Writers, musicians and artists abroad publish, record and exhibit work that reaches audiences at home through phones and flash drives. Some of the most popular songs and books of recent years were produced thousands of kilometres from Kabul.',
    'Heritage sites face slow threats: weather, neglect, looting and unplanned construction. Archaeologists and conservators say that small, steady maintenance, such as clearing drains, propping walls and recording damage, does more to protect old buildings than occasional large projects, and that local caretakers are the most important guardians.',
    'Sport is part of the country\'s culture as well. Cricket has become hugely popular over two decades, with children playing in every open space, and wrestling, football and the traditional horseback game buzkashi draw large crowds in their seasons. Local clubs say the greatest need is for safe, open ground.',
    'Young people are finding their own ways to create. Calligraphy classes, photography walks, podcasts, short films shot on phones and online storytelling channels have grown in number, often led by people in their twenties. Many say they keep their work modest and private, but that making something is itself a way of holding on.',
    'Cultural workers generally earn little. Musicians, writers, craftsmen and artists often support themselves with other jobs, and many depend on a small number of patrons. Several told Khabar Daily that the loss of income from public performances and exhibitions had forced hard choices about whether to continue.',
    'Language is a constant thread. The country\'s two main languages, Dari and Pashto, sit alongside Uzbek, Turkmen, Hazaragi, Balochi, Pashayi, Nuristani and others, each with its own oral literature and songs. Collectors and researchers are racing to record elderly speakers of the smaller languages before their knowledge is lost.',
    'Festivals and seasons still organise the cultural year. Nowruz in spring brings picnics, special dishes and the blossoming of the Judas trees; the Eids bring new clothes and family visits; the long winter nights bring stories and poetry. People who have moved to the cities say they miss the seasonal rhythm of village life most of all.',
    'Cinema has retreated from the big screens to small ones. The grand picture houses of the past are closed or converted, but films still circulate on phones and laptops, and a few collectors keep reels and posters from the decades when Kabul\'s audiences queued around the block for the evening show. Several told Khabar Daily they hope one day to open an archive where the public can see them.',
    'Architecture tells the city\'s story in layers: mud-brick courtyard houses in the old quarters, mid-century apartment blocks, glass-fronted wedding halls and the concrete towers of the past twenty years. Preservationists say the old houses are disappearing fastest, demolished for larger buildings, and that each loss takes with it craft skills in carved wood and plaster that are hard to recover.',
    'Teachers of traditional arts describe a slow, personal kind of education. An apprentice learns by watching, then by copying, then by making mistakes under the master\'s eye, often for years before producing a finished piece. Masters say the method cannot be hurried and that it shapes character as much as skill, teaching patience, precision and respect for materials.',
    'Radio remains a cultural lifeline beyond the cities. Stations broadcast drama serials, poetry programmes, call-in shows and readings of stories for children, and many listeners in remote villages say the radio is their main source of entertainment through the winter. Producers say letters and calls from listeners shape what they put on air.',
    'Museums and archives work with limited budgets and fragile collections. Curators spend much of their time on basic care, recording objects, controlling dust and damp and repairing damaged labels, and say visitors are few but devoted. School visits, when they happen, are the highlight of the year for staff who rarely see young people among their galleries.',
  ],
  notes: [
    'The culture desk welcomes suggestions from readers: a craftsman worth visiting, a library that deserves attention, a song that is being forgotten. Many of our best stories have begun with a reader\'s letter.',
  ],
  lists: [
    { intro: 'Where to find the city\'s culture on an ordinary week, according to our culture desk:', items: [
      'The bookshops of the old city, best visited on a Friday morning',
      'Neighbourhood libraries and their evening reading circles',
      'Craft workshops in Murad Khani and around the old bazaars',
      'Cricket matches on open ground after school hours',
      'Poetry evenings in private homes, by invitation' ] },
    { intro: 'Crafts that masters told Khabar Daily are at risk of being lost:', items: [
      'Traditional glassblowing, now practised by a handful of families',
      'Fine inlaid woodcarving for doors and screens',
      'Hand-block printing on cotton',
      'Natural dyeing with walnut, pomegranate and madder' ] },
  ],
};
