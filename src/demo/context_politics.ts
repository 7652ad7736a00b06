// Background reporting of the Politics desk (original demo text; people and bodies are fictional).
import type { SectionContext } from './types.ts';

export const politicsContext: SectionContext = {
  subheads: [
    'Where the money goes',
    'Who decides',
    'The view from the districts',
    'Questions without answers',
    'What residents are asking for',
    'The paper trail',
    'What happens next',
  ],
  paragraphs: [
    'Much of what shapes daily life in the provinces is decided not in the capital but in the offices of provincial departments and municipal councils: which roads are repaired, which schools receive new classrooms, where a water pipe is laid and who is hired to lay it. Khabar Daily\'s politics desk reports on those decisions and the people who make them.',
    'Budgets are the clearest record of priorities, and the newsroom has spent the past year collecting them. Provincial departments publish summary figures irregularly, often as scanned documents posted weeks after the period they cover. Our reporters compare those figures with what they find on the ground, and with the accounts of contractors, engineers and residents.',
    'Officials interviewed for this story generally welcomed questions, though several asked not to be named because they were not authorised to speak to the press. Where officials declined to comment or did not respond, this story says so. Khabar Daily sent written questions to each department mentioned at least three working days before publication.',
    'Residents\' councils, known in many districts as shuras, remain the most common way for neighbourhoods to bring complaints to officials. Their influence varies greatly: in some districts a council can have a broken culvert repaired within a week; in others its letters go unanswered for months. Members say personal relationships with officials matter more than any written procedure.',
    'Public procurement is a recurring concern. Contracts for small works, such as a drainage channel or the resurfacing of a street, are often awarded without open tender, and the names of the winning companies are rarely published. Several contractors told Khabar Daily that informal payments were expected at various stages, claims the departments concerned denied.',
    'Women\'s participation in local decision-making has narrowed sharply in recent years. In several districts visited by Khabar Daily, women said they now raised concerns through male relatives or through women-only gatherings whose conclusions are passed on to the council. Some described this as a workable arrangement; others said their priorities, such as clinics and girls\' education, were routinely set aside.',
    'Land disputes occupy a large share of local officials\' time. Unclear titles, returning families reclaiming property, and the expansion of cities into farmland create competing claims that can last for decades. Officials say a land registration programme is under way, but only a small fraction of parcels in the fastest-growing districts have so far been surveyed.',
    'The relationship between provincial officials and the central ministries in Kabul is often described as a negotiation. Provinces request funds and staff; ministries set priorities and approve spending. Officials in several provinces said decisions that once took weeks now took months, as more approvals were required at the centre.',
    'Khabar Daily asks every official it interviews the same basic questions: what was planned, what was spent, what was delivered and who checked. The answers are often incomplete, but the gaps are themselves informative. Where the record is missing, the newsroom asks for it in writing and reports whether it was provided.',
    'Public meetings, once common in provincial capitals, are now rare, and residents have fewer opportunities to question officials directly. Radio call-in programmes have partly filled the gap. Several provincial directors appear regularly on local stations, and producers say the calls they receive are overwhelmingly about electricity, water, roads and prices.',
    'Municipal revenue depends heavily on fees: for business licences, market stalls, building permits and waste collection. Shopkeepers in several cities told Khabar Daily that fees had risen this year without clear explanation and that receipts were not always issued. Municipal officials said increases were necessary to pay for services and that all payments were recorded.',
    'The civil service itself is under strain. Salaries have been paid late in several provinces this year, and experienced staff have left for the private sector or for work abroad. Department heads described offices where a single engineer is responsible for every project in a district, and where files are kept on paper because the computers no longer work.',
    'Accountability mechanisms exist on paper. Each province has an audit office, and complaints can be filed with inspection bodies in Kabul. In practice, officials and residents alike said few complaints led to action, and those who filed them sometimes faced consequences. Khabar Daily has documented several cases in which complainants later lost contracts or jobs.',
    'Despite all this, many residents remain engaged. They attend shura meetings, write petitions, call radio programmes and, increasingly, record short videos of a broken road or an unfinished building and share them widely. Officials say such videos have become one of the fastest ways for a problem to reach their desk.',
    'Roads are the most visible measure of a provincial administration\'s work, and the most contested. Residents judge officials by whether the road to the district centre is passable in spring, and contractors compete fiercely for paving and repair work. Engineers say many roads are resurfaced without proper drainage, so that the same stretches wash away within two or three seasons.',
    'Elders and religious leaders still play a large part in settling local disputes, often more quickly than the formal courts. Residents say the informal system is cheaper and better understood, but critics point out that its decisions are rarely written down, that women have little voice in it, and that the powerful tend to prevail when a case pits a strong family against a weak one.',
    'Information about government decisions often travels by word of mouth. Decrees and new rules are announced on official media, but their details reach the districts through mosque sermons, shopkeepers\' conversations and messages shared between relatives. Officials in several provinces said misunderstandings about new rules were common, and that they spent much of their time explaining what had actually been decided.',
    'The pressures on local officials are real. Many describe long hours, small budgets, constant requests from residents and instructions from Kabul that arrive without the money to carry them out. Several told Khabar Daily, privately, that they welcomed reporting that showed where the system was failing, because it gave them arguments to use with their own superiors.',
  ],
  notes: [
    'The politics desk will continue to follow this story. Readers with documents, photographs or first-hand accounts can reach our reporters through the tip line listed at the foot of every page. We protect our sources and will never publish a name without consent.',
  ],
  lists: [
    { intro: 'What Khabar Daily asked each department before publication:', items: [
      'What was planned for this year, and with what budget',
      'What has been spent so far, and on what',
      'Which contracts were awarded, to whom, and how',
      'Who inspected the completed work',
      'What residents have complained about, and what was done' ] },
    { intro: 'The most common requests residents\' councils sent to provincial offices this year, according to council members:', items: [
      'Repairs to roads, culverts and bridges',
      'Drinking water and the repair of public wells',
      'Electricity supply and transformer replacement',
      'New classrooms and teachers',
      'Clinics and medicines' ] },
  ],
};
