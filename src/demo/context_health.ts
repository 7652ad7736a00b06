// Background reporting of the Health desk (original demo text; people and clinics are fictional).
import type { SectionContext } from './types.ts';

export const healthContext: SectionContext = {
  subheads: [
    'Inside the clinic',
    'Medicines and supplies',
    'The people who care',
    'Distance and cost',
    'What doctors are seeing',
    'A system under strain',
    'What patients can do',
  ],
  paragraphs: [
    'Most people in the country receive health care not in a hospital but in a basic health centre: a single-storey building with a waiting room, two or three consulting rooms, a small pharmacy and, if they are lucky, a delivery room. These centres are meant to serve populations of up to 30,000 people, and many serve far more.',
    'Health workers describe a steady shift in the kinds of illness they see. Malnutrition in young children, respiratory infections in winter, diarrhoeal disease in summer and complications of pregnancy remain the most common reasons for a clinic visit. Doctors also report more patients with high blood pressure, diabetes and depression, conditions that need long-term treatment a small clinic struggles to provide.',
    'Medicine supply is a constant worry. Clinics receive essential drugs through national and aid-funded supply chains, but deliveries are irregular, and shortages of common antibiotics, paracetamol syrup and oral rehydration salts are reported every few months. When the clinic pharmacy is empty, patients must buy medicines in private pharmacies at prices many cannot afford.',
    'Private pharmacies are found on almost every busy street, and for many people they are the first place to seek care. Pharmacists say customers frequently ask for antibiotics or injections for minor illnesses and are reluctant to leave without them. Public health specialists warn that this contributes to antibiotic resistance, which doctors say they are seeing more often in hospital patients.',
    'Women health workers are essential because many families will not allow a woman to be examined by a man. Midwives, female nurses and female doctors are therefore in high demand, and shortages in rural areas are severe. Training programmes for midwives have been among the most successful health investments of the past two decades, and keeping them running is a priority for health officials.',
    'Distance remains one of the biggest barriers to care. In mountainous provinces, a journey to the nearest clinic can take several hours on foot or by donkey, and in winter some villages are cut off entirely. Mobile health teams, which travel to remote villages on a fixed schedule, reach some of these communities, but their funding is uncertain from year to year.',
    'The cost of care falls heavily on families. Even where consultations are free, patients pay for transport, for medicines that are out of stock, for tests and for food during a hospital stay. Several families told Khabar Daily they had sold livestock or borrowed money to pay for a relative\'s treatment.',
    'Mental health care is scarce. The country has very few psychiatrists, and most of them work in Kabul. Counsellors trained through aid programmes work in some provincial hospitals, but demand far exceeds supply. Doctors say many patients with anxiety or depression arrive complaining of headaches, stomach pain or sleeplessness, and are treated only for the symptoms.',
    'Vaccination campaigns continue, though their reach varies from province to province. Health workers go door to door with polio drops several times a year, and routine vaccines for children are offered at clinics. Officials say coverage has improved in some areas but that rumours and misinformation still lead some families to refuse.',
    'Hospitals in the provincial capitals receive the most serious cases from their surrounding districts, and many are overcrowded. Doctors describe wards where two patients share a bed, and intensive care units with a handful of working ventilators. Referral to Kabul is possible for some conditions, but the journey is long and costly.',
    'Health workers themselves are under pressure. Salaries in the public system are modest and sometimes late, and experienced staff have left for private clinics or for work abroad. Those who remain often work long shifts in more than one facility. Several told Khabar Daily that what kept them going was the patients who returned to thank them.',
    'Clean water and sanitation shape health outcomes as much as any clinic. In many villages, families draw water from open wells or streams that are contaminated in summer, and outbreaks of diarrhoeal disease follow. Projects that dig protected wells and build latrines are among the cheapest ways to prevent illness, public health workers say.',
    'Nutrition programmes screen children at clinics and in villages by measuring the circumference of the upper arm with a coloured tape. Children in the red zone are given therapeutic food, a fortified peanut paste, and monitored weekly. Staff say the programmes work well when supplies arrive on time, and that relapses are common when families have nothing else to feed their children.',
    'Data on the country\'s health is incomplete. Clinics report figures on visits, deliveries and vaccinations through a national information system, but reporting is uneven and the most recent national surveys are several years old. Khabar Daily relies on interviews with health workers and patients, on clinic records where they are shared, and on aid agencies\' assessments.',
    'For patients and their families, health care is often a matter of persistence: returning to the clinic day after day until the medicine arrives, travelling to the city when the local doctor cannot help, and relying on relatives and neighbours for money and support. The health desk tells their stories alongside those of the people who care for them.',
    'Tuberculosis remains a serious and under-diagnosed disease. Patients often delay seeking help for a persistent cough, and when they do, they may need several visits before a sputum test is done. Treatment takes at least six months, and health workers say the hardest part is keeping patients on their medicines after they begin to feel better.',
    'Traditional healers and religious remedies are still widely used, often alongside clinic medicine. Health workers say they try to work with rather than against them, encouraging healers to refer patients with serious symptoms. Several midwives described building trust with village elders and healers as the key to persuading families to bring women to the clinic for a delivery.',
    'Disability is common and poorly served. Decades of conflict, road accidents, untreated infections and difficult births have left many people with physical or sensory impairments, but rehabilitation services are concentrated in a few cities. Orthopaedic workshops that make artificial limbs and wheelchairs have long waiting lists, and families in the provinces often cannot afford the journey.',
    'Air pollution in Kabul reaches dangerous levels in winter, when households burn coal, wood, plastic and old tyres for heat and a layer of cold air traps the smoke over the city. Doctors report sharp rises in respiratory illness among children and the elderly during the coldest months, and say the problem has received far less attention than it deserves.',
  ],
  notes: [],
  lists: [
    { intro: 'What a basic health centre is expected to provide, according to national guidelines:', items: [
      'Care for pregnant women, safe delivery and newborn care',
      'Vaccination for children and women of childbearing age',
      'Treatment of common illnesses such as pneumonia and diarrhoea',
      'Screening and treatment for malnutrition',
      'Referral to a hospital when needed' ] },
    { intro: 'The medicines most often reported out of stock at clinics visited by Khabar Daily this year:', items: [
      'Amoxicillin syrup for children',
      'Oral rehydration salts and zinc tablets',
      'Paracetamol syrup',
      'Iron and folic acid tablets for pregnant women',
      'Insulin and blood pressure medicines' ] },
  ],
};
