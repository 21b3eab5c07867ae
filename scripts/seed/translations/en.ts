// English texts of the offer templates.

import type { Texts } from '../offers';

export const en: Record<string, Texts> = {
	'deutschkurs-a1-kinderbetreuung': {
		title: 'German course A1 with childcare',
		summary: 'Learn everyday German while your children are looked after next door.',
		description:
			'In this course you take your first steps in German: introducing yourself, shopping, making an appointment. During the lessons your children play under supervision in the room next door. The course is for beginners with no previous knowledge.',
		registrationNote:
			'Please register yourself and your children in advance so that there are enough childcare places.'
	},
	integrationskurs: {
		title: 'Integration course: German and orientation',
		summary: 'The integration course takes you to level B1 and ends with the orientation course.',
		description:
			'The course has a language part and an orientation course on history, law and living together in Germany. At the end you take the "German Test for Immigrants" and the "Life in Germany" test. Before you start, you do a short placement test with us.',
		costNote:
			'With an entitlement or obligation from the Federal Office for Migration and Refugees it is usually free or you pay a small share; we will advise you.'
	},
	'deutschkurs-frauen': {
		title: 'German course for women',
		summary: 'A German course for women only, in a calm group and with childcare.',
		description:
			'Women learn German together for everyday life, doctor’s appointments and conversations at nursery and school. The group is small and questions are always welcome. Young children are looked after during the course.'
	},
	sprachcafe: {
		title: 'Language café',
		summary: 'Speak German over tea and coffee – no course, no marks.',
		description:
			'Volunteers chat with you about everyday topics. You practise German in a relaxed group and get to know people from the neighbourhood. You can join at any time.'
	},
	alphabetisierung: {
		title: 'Literacy course: learning to read and write',
		summary: 'For adults who want to learn the Latin alphabet or read and write more confidently.',
		description:
			'We practise letters, words and short texts in small steps and at your own pace. The course also suits people who learned a different script in their first language. Afterwards it is easier to move on to a German course.'
	},
	berufssprachkurs: {
		title: 'German for work, level B2',
		summary: 'German for your job: e-mails, phone calls and talking with your team.',
		description:
			'The course prepares you for the language used at work and for the B2 exam. We practise job interviews, specialist texts and difficult situations at work. You need German at level B1 to join.',
		costNote: 'Free for job seekers and employees with an entitlement.'
	},
	'herkunftssprache-russisch': {
		title: 'Russian for children: reading and writing in the family language',
		summary: 'Children who speak Russian at home learn the script and read stories.',
		description:
			'Being bilingual is a treasure: children aged 6 to 12 learn the Cyrillic alphabet, read together and play. Parents are invited to a talk at the end of every month.',
		costNote: '€10 a month; reductions on request.'
	},
	kulturcafe: {
		title: 'Culture café',
		summary: 'An open meeting place for people from all over the world and from the neighbourhood.',
		description:
			'At the culture café long-standing residents and newcomers get talking. There is coffee, tea and often something home-baked; volunteers help with questions about everyday life. Children are welcome.'
	},
	frauenfruehstueck: {
		title: 'International women’s breakfast',
		summary: 'Women have breakfast together, talk and make new contacts.',
		description:
			'Everyone brings a little something; coffee and tea are ready. There is often a short topic, such as health, school or leisure in Kempten. Small children may come along.'
	},
	naehtreff: {
		title: 'Sewing group: sew, chat, practise German',
		summary: 'Sewing and mending together – sewing machines and fabric remnants are provided.',
		description:
			'Beginner or expert: we repair clothes, sew bags and show each other tricks. There is plenty of chatting along the way, in German and other languages. You are welcome to bring your own fabric.'
	},
	kochtreff: {
		title: 'Intercultural cooking club',
		summary: 'Every month someone else cooks a dish from home – everyone eats together.',
		description:
			'We shop together, cook recipes from many countries and share the meal. You discover new dishes and meet new people. There are always vegetarian options.',
		costNote: '€3 towards the ingredients.'
	},
	seniorentreff: {
		title: 'International seniors’ club',
		summary: 'Older people from many countries meet to talk, play games and go on outings.',
		description:
			'We play games, sing, share memories and plan short trips in the region. Now and then we invite experts to answer questions about pensions, care and health. New faces are always welcome.'
	},
	gemeinschaftsgarten: {
		title: 'Intercultural community garden',
		summary: 'Gardening, harvesting and sitting together in the garden.',
		description:
			'Families and individuals have their own bed in the community garden or help with the shared areas. In winter we plan the next season and meet indoors. Tools and seeds are provided.'
	},
	migrationsberatung: {
		title: 'Migration advice for adults',
		summary: 'Free advice on residence, language, work, housing and family.',
		description:
			'The migration advice service helps immigrants aged 27 and over during their first years in Germany. We answer questions about authorities, the integration course, recognition of qualifications and childcare, and support you with the next steps. The advice is confidential.',
		registrationNote:
			'Drop-in hours without an appointment; for longer conversations please make an appointment.'
	},
	asylberatung: {
		title: 'Asylum and refugee advice',
		summary: 'Advice for refugees during the asylum procedure and afterwards.',
		description:
			'We explain letters from the authorities, prepare appointments with you and help with applications. If needed, we refer you to lawyers, doctors or other specialist services. We can often arrange an interpreter.'
	},
	'jmd-beratung': {
		title: 'Advice for young immigrants (aged 12 to 27)',
		summary:
			'The youth migration service helps with school, training, studies and everyday questions.',
		description:
			'We advise young people and their parents, for example on recognition of school certificates, finding the right language course or looking for an apprenticeship. You can come alone or bring someone you trust.'
	},
	frauenberatung: {
		title: 'Advice for women and families',
		summary:
			'Confidential advice from woman to woman – on family, parenting, school and authorities.',
		description:
			'Our advisers listen and look for solutions with you, even in difficult situations. If needed, we go with you to public offices and refer you to specialist services. The advice is free and confidential.'
	},
	'offene-sprechstunde': {
		title: 'Drop-in hours: help with letters and forms',
		summary: 'Did you not understand a letter, or do you need to fill in a form? Come along.',
		description:
			'We read letters from public offices, landlords or school together and explain what needs to be done. We help you fill in applications and show you where to get further help. Just bring your documents with you.'
	},
	gesundheitslotsen: {
		title: 'Health guides: finding your way in the health system',
		summary:
			'How do I find a family doctor, what does health insurance pay for, where do I go in an emergency?',
		description:
			'Trained guides explain in several languages how doctors’ practices, health insurance and pharmacies work in Germany. They help you find a practice and prepare for an appointment.'
	},
	antidiskriminierungsberatung: {
		title: 'Advice on discrimination',
		summary:
			'Have you been treated unfairly because of your origin, religion, language or appearance? We listen and advise.',
		description:
			'Whether when looking for a flat, at work or at a public office: we take your experience seriously and discuss with you what you can do. If you wish, we go with you or refer you to specialised services. Everything stays confidential.'
	},
	frauenschwimmen: {
		title: 'Women’s swimming',
		summary: 'Swimming for women only, with female lifeguards and screened windows.',
		description:
			'During this time the pool is open only to women and girls aged 10 and over, and all staff are women. Beginners practise in the shallow pool and a coach gives tips. You may wear the swimwear of your choice.',
		costNote: '€2.50 admission, reduced €1.50.'
	},
	'fussball-fuer-alle': {
		title: 'Football for everyone',
		summary: 'Open football training for teenagers and young adults – just come and play.',
		description:
			'We train together every week, no matter where you come from or how well you play. Trainers are all you need; balls and bibs are provided. If you like, you can later play in the club.'
	},
	'radfahren-frauen': {
		title: 'Learning to cycle for women',
		summary: 'Cycling from the very beginning – in a safe setting and among women only.',
		description:
			'Female trainers show you step by step how to keep your balance, brake and ride safely in traffic. Bicycles and helmets are provided. In winter we practise in the gym.'
	},
	'gymnastik-frauen': {
		title: 'Exercise and relaxation for women',
		summary: 'Movement, stretching and relaxation for women of all ages.',
		description:
			'We do gentle exercises, strengthen the back and pelvic floor and relax together at the end. You do not need any sports experience. Please bring comfortable clothes and a towel.'
	},
	'schwimmkurs-kinder': {
		title: 'Swimming course for children',
		summary: 'Children aged 5 and over learn to swim – in small groups.',
		description:
			'In ten sessions the children learn to move safely in the water and can take the "Seepferdchen" beginner’s badge at the end. Parents wait in the foyer meanwhile. The trainers explain a lot with gestures.',
		costNote:
			'€30 for ten sessions; free with the education and participation package (Bildungs- und Teilhabepaket).',
		registrationNote: 'Places are limited; please register your child with the club.'
	},
	lauftreff: {
		title: 'International running group',
		summary: 'Jogging or walking together along the Iller – at any pace.',
		description:
			'We run in two groups, a brisk one and a leisurely one, and stretch together afterwards. The running group is a good opportunity to speak German and meet people.'
	},
	elterncafe: {
		title: 'Parents’ café',
		summary: 'Parents meet, share experiences and get tips about nursery and school.',
		description:
			'At the parents’ café we talk about bringing up children, languages in the family and everyday life at nursery and school. Sometimes guests come, for example from family counselling or the school. The children play in the play corner.'
	},
	hausaufgabenhilfe: {
		title: 'Homework help for primary school children',
		summary: 'Volunteers help children in years 1 to 4 with their homework.',
		description:
			'After school the children do their homework with support and practise reading and arithmetic. The helpers stay in touch with the teachers. At the end there is time for a game.'
	},
	lernpatenschaften: {
		title: 'Learning mentors: volunteers support schoolchildren',
		summary: 'A mentor studies with one child once a week – for a whole school year.',
		description:
			'We bring together children who need support and volunteer learning mentors. The pairs meet weekly to read, do maths or practise German. New mentors receive training and ongoing support.'
	},
	krabbelgruppe: {
		title: 'International baby and toddler group',
		summary: 'For parents with babies and toddlers up to three years old.',
		description:
			'The little ones play, sing and explore while the grown-ups talk. A specialist answers questions about sleep, nutrition and language development. Just drop in.'
	},
	vorlesestunde: {
		title: 'Multilingual story time',
		summary: 'Picture-book stories in German and another language, for children aged 3 to 7.',
		description:
			'Each time, someone reads the same story in German and in another family language. Afterwards we draw or make something about the story. Parents are warmly invited to join in.'
	},
	jugendtreff: {
		title: 'Open youth club',
		summary:
			'A meeting place for young people aged 12 to 18: pool, music, conversations and support.',
		description:
			'At the youth club you can chill, play table football, make music and carry out your own ideas. The youth workers also help with job applications, presentations or stress at school. Free entry, no registration.'
	},
	bewerbungstraining: {
		title: 'Job application training: CV and cover letter',
		summary: 'We put together your application documents and practise the job interview.',
		description:
			'You bring your certificates and ideas; we help with a German-style CV, the cover letter and online applications. In role plays we practise typical interview questions. Computers are available.'
	},
	'sprechstunde-arbeit': {
		title: 'Consultation hours on work and training',
		summary:
			'Questions about finding work, apprenticeships, further training and benefits – right in your neighbourhood.',
		description:
			'Job centre staff advise you locally, so you do not have to go to the office. We clarify what support is possible and, if needed, arrange an appointment for detailed advice. Please bring your customer number if you have one.'
	},
	computerkurs: {
		title: 'Computer course for beginners',
		summary: 'Mouse, keyboard, e-mail and the internet – explained in small steps.',
		description:
			'You learn to use a computer, save files and send e-mails with attachments. We also show you how online appointments and official forms work. There are only eight places, so there is enough time for questions.',
		costNote: '€15 for the whole course; reductions on request.'
	},
	anerkennungsberatung: {
		title: 'Advice on recognition of foreign qualifications',
		summary:
			'Which office assesses your professional qualification, and which documents do you need?',
		description:
			'Together we check whether your profession needs to be recognised in Germany and which office is responsible. We explain costs, translations and possible adaptation training. Please bring your certificates, copies are fine.'
	},
	'berufsorientierung-frauen': {
		title: 'Career orientation for women',
		summary:
			'Which job suits me? A course for women who want to start or return to work in Germany.',
		description:
			'In eight sessions you discover your strengths, learn about occupations and part-time models and visit companies in Kempten. Together we plan the next steps, such as an internship or a language course. Childcare is available.'
	},
	'austauschtreffen-rumaenisch': {
		title: 'Exchange meeting: long-standing residents and newcomers from Romania',
		summary:
			'People in Kempten with Romanian roots meet people who have recently arrived from Romania.',
		description:
			'Those who have lived here for a long time know the way to work, school, housing and clubs. At the exchange meeting they pass on their experience to newcomers, in Romanian and in German. Each meeting has a main topic, such as employment contracts or health insurance.'
	},
	'austauschtreffen-tuerkisch': {
		title: 'Exchange meeting for newcomers from Turkey',
		summary:
			'New in Kempten? People with Turkish roots who have lived here for a long time share their experience.',
		description:
			'Over tea and pastries, volunteers answer questions about work, training, public offices and school. The meetings are held in Turkish and German. All newcomers and their families are welcome.'
	},
	'vortrag-qualifikation-frauen': {
		title: 'Talk for women: into work with your own qualifications',
		summary:
			'How do I get my qualification recognised, and which further training helps me? A talk with time for questions.',
		description:
			'A speaker explains recognition, further training and routes into work for women who are new to Germany. Afterwards advisers answer your questions, with interpreting on request. Childcare is arranged.'
	},
	adventsfeier: {
		title: 'Intercultural Advent celebration',
		summary: 'Songs, stories and baking from many countries – an afternoon for the whole family.',
		description:
			'We light the candles on the Advent wreath and tell each other how winter is celebrated in our home countries. There is punch, tea and biscuits; you are welcome to bring something. The children make paper stars.'
	},
	'interkulturelles-fest': {
		title: 'Intercultural neighbourhood festival',
		summary: 'Music, dance and food from all over the world – neighbours celebrate together.',
		description:
			'Clubs and groups from the neighbourhood introduce themselves, cook and play music. There is a children’s programme and a table with information on offers nearby. Admission is free.'
	},
	'infoabend-ehrenamt': {
		title: 'Information evening: volunteering in integration work',
		summary:
			'Language mentoring, culture cafés, going along to public offices: this is how you can get involved.',
		description:
			'Organisations from Kempten present tasks for volunteers and explain how they introduce and support them. You learn how much time to plan for and where training is available. People with their own migration history are especially welcome.'
	},
	'elternabend-schule': {
		title: 'Parents’ evening: how school works in Bavaria',
		summary: 'Primary school, Mittelschule, Realschule, Gymnasium – which is right for my child?',
		description:
			'Teachers and advisers explain the transfer after year 4 and the paths to vocational training and university. There is time for questions, and interpreters translate into several languages. Children can be looked after during the evening.'
	},
	fastenbrechen: {
		title: 'Open iftar during Ramadan',
		summary: 'All neighbours are invited to break the fast together.',
		description:
			'After sunset we eat together; anyone who wishes brings something along. Beforehand the hosts tell what Ramadan means to them. People of all religions and of none are welcome.'
	},
	nouruz: {
		title: 'Nowruz festival: celebrating the beginning of spring',
		summary: 'The Persian New Year with music, a Haft-Sin table and food – for everyone.',
		description:
			'At the beginning of spring, people from Iran, Afghanistan, Kurdistan and many other countries celebrate the new year. We show the traditional Haft-Sin table, listen to music and eat together. Everyone is warmly invited.'
	},
	frauentag: {
		title: 'International Women’s Day: women in the neighbourhood',
		summary: 'An evening by women for women with conversation, music and light refreshments.',
		description:
			'Women from different countries talk about what matters to them in Kempten and what they would like to see change. Afterwards there is time for conversation and music. The event is for women only; childcare is offered.'
	},
	gesundheitsvortrag: {
		title: 'Talking health: check-ups for children and adults',
		summary:
			'A doctor explains check-ups and vaccinations – with interpreting and time for questions.',
		description:
			'Which examinations does health insurance pay for, when are the U check-ups for children, which vaccinations are recommended? The talk explains it simply and practically. Interpreters translate into several languages.'
	},
	'workshop-vielfalt': {
		title: 'Workshop: diversity in your club – standing together against discrimination',
		summary: 'For clubs, nurseries and institutions that want to become more open to everyone.',
		description:
			'In the workshop we look at who takes part in your organisation and who is missing. We practise responding to derogatory remarks and develop first steps towards more openness. Participation is free.'
	},
	mitreden: {
		title: 'Have your say in Kempten: how can I take part in politics?',
		summary:
			'Integration council, citizens’ meetings, elections: an evening about having a voice in the city.',
		description:
			'We explain how decisions are made in the city and where you can contribute your views, even without a German passport. Members of the integration council talk about their work. Afterwards we collect concerns from the neighbourhood.'
	},
	stadtfuehrung: {
		title: 'Discover Kempten: city tour for newcomers',
		summary: 'A walk to important places: town hall, library, advice centres and sights.',
		description:
			'On a walk through the city centre we show you where to find public offices, the city library and advice centres. Along the way we tell you a little about Kempten’s history of more than 2,000 years. Please wear weatherproof clothing.'
	},
	kinderfasching: {
		title: 'International children’s carnival',
		summary: 'Dressing up, dancing, playing: a carnival party for children aged 3 to 10.',
		description:
			'Carnival (Fasching) is part of winter in the Allgäu. Children come in costume, and there are games, music and doughnuts. Parents also find out how carnival is celebrated at nursery and school.'
	}
};
