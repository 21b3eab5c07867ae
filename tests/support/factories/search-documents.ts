/**
 * Search documents for tests and the benchmarks: `searchDocument()` makes one with sensible
 * defaults, `generateDocuments()` makes many plausible ones (German titles and texts with a
 * large vocabulary, some translations, districts, places around Kempten, weekly schedules).
 * Deterministic for a seed (`random(seed)`, which scripts/bench-*.ts use too). Not used by the
 * app.
 */
import { buildSearchDocument } from '$lib/server/search/documents';
import type { SearchDocument, SearchDocumentRow } from '$lib/server/search/types';

let counter = 0;

/** A document with German text only, published in the Altstadt, free, held in German. */
export function searchDocument(
	overrides: Partial<SearchDocumentRow> & { title?: string; now?: Date } = {}
): SearchDocument {
	const { title, now, ...row } = overrides;
	const n = ++counter;
	return buildSearchDocument(
		{
			id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
			texts: { de: { title: title ?? `Angebot ${n}`, summary: null, description: null } },
			original_locale: 'de',
			category: 'cultural_cafe',
			// the main category alone unless the test names more
			categories: [row.category ?? 'cultural_cafe'],
			organisation_name: 'Stadtteilbüro Altstadt',
			organisation_slug: 'stadtteilbuero-altstadt',
			district_slug: 'altstadt',
			district_name: 'Altstadt',
			street: null,
			postal_code: null,
			locality: 'Kempten',
			languages: ['de'],
			target_groups: ['everyone'],
			is_free: true,
			childcare: false,
			women_only: false,
			wheelchair_accessible: null,
			german_level: null,
			location: { lat: 47.7261, lng: 10.3139 },
			schedules: [],
			measures: [],
			is_demo: false,
			updated_at: '2026-11-01T10:00:00Z',
			...row
		},
		{ now: now ?? new Date('2026-11-16T08:00:00Z') }
	);
}

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const TITLES: Record<string, [de: string, en: string][]> = {
	language_course: [
		['Deutschkurs für Anfänger', 'German course for beginners'],
		['Integrationskurs am Vormittag', 'Integration course in the morning'],
		['Alphabetisierungskurs', 'Literacy course'],
		['Konversationskurs Deutsch', 'German conversation class'],
		['Deutsch für den Beruf', 'German for work']
	],
	cultural_cafe: [
		['Begegnungscafé', 'Meeting café'],
		['Internationales Frauencafé', 'International women’s café'],
		['Sprachcafé', 'Language café'],
		['Nachbarschaftstreff', 'Neighbourhood meeting']
	],
	counselling: [
		['Migrationsberatung', 'Migration advice'],
		['Sozialberatung', 'Social counselling'],
		['Asylverfahrensberatung', 'Asylum procedure advice'],
		['Beratung für Familien', 'Advice for families']
	],
	sports: [
		['Fußball für alle', 'Football for everyone'],
		['Schwimmkurs für Frauen', 'Swimming course for women'],
		['Yoga im Park', 'Yoga in the park'],
		['Laufgruppe', 'Running group']
	],
	family: [
		['Eltern-Kind-Gruppe', 'Parent and child group'],
		['Hausaufgabenhilfe', 'Homework help'],
		['Krabbelgruppe', 'Toddler group'],
		['Familienfrühstück', 'Family breakfast']
	],
	work: [
		['Bewerbungstraining', 'Job application training'],
		['Berufsorientierung', 'Career orientation'],
		['Anerkennungsberatung', 'Advice on recognition of qualifications'],
		['Praktikumsbörse', 'Internship fair']
	],
	event: [
		['Nachbarschaftsfest', 'Neighbourhood party'],
		['Interkulturelles Fest', 'Intercultural festival'],
		['Filmabend', 'Film night'],
		['Lesung in der Stadtbibliothek', 'Reading at the city library']
	]
};

const SENTENCES = [
	'Wir treffen uns jede Woche im Gemeinschaftsraum.',
	'Alle sind herzlich willkommen, eine Anmeldung ist nicht nötig.',
	'Bitte bringen Sie einen Stift und ein Heft mit.',
	'Während des Angebots gibt es eine Kinderbetreuung.',
	'Das Angebot findet in Zusammenarbeit mit dem Jobcenter statt.',
	'Wir sprechen langsam und erklären alles in einfacher Sprache.',
	'Der Raum ist barrierefrei über den Hintereingang erreichbar.',
	'Es gibt Kaffee, Tee und Kuchen.'
];

const DISTRICTS = [
	'altstadt',
	'sankt-mang',
	'thingers',
	'buehl',
	'haubenschloss',
	'ludwigshoehe',
	'st-lorenz',
	'schelldorf',
	'hirschdorf',
	'leubas',
	'lenzfried',
	'bodman',
	'rothkreuz'
];
const LANGUAGES = ['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'ro', 'ku', 'ti', 'so', 'fr'];
const GROUPS = [
	'everyone',
	'newcomers',
	'refugees',
	'women',
	'families',
	'children',
	'youth',
	'seniors'
];
const LEVELS = ['none', 'a1', 'a2', 'b1', 'b2', null];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SYLLABLES = 'ka ri mo ten sel bur gan lo fi der nat vo pel sun ha mi ro tak len dor'.split(
	' '
);

const pick = <T>(next: () => number, list: readonly T[]): T =>
	list[Math.floor(next() * list.length)];

/** `count` plausible documents, the same for the same seed. */
export function generateDocuments(count: number, seed = 1): SearchDocument[] {
	const next = random(seed);
	// a lexicon of made-up words gives the index a vocabulary of realistic size
	const lexicon = Array.from({ length: 20_000 }, () =>
		Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(next, SYLLABLES)).join('')
	);
	// a city's providers: a few hundred, each with many offers
	const providers = lexicon.slice(0, 500);
	const now = new Date('2026-11-16T08:00:00Z');
	const docs: SearchDocument[] = [];
	for (let n = 0; n < count; n++) {
		const category = pick(next, Object.keys(TITLES));
		const [de, en] = pick(next, TITLES[category]);
		const district = pick(next, DISTRICTS);
		const filler = Array.from({ length: 25 }, () => pick(next, lexicon)).join(' ');
		const description = `${pick(next, SENTENCES)} ${pick(next, SENTENCES)} ${filler}`;
		const texts: SearchDocumentRow['texts'] = {
			de: { title: `${de} ${pick(next, lexicon)}`, summary: pick(next, SENTENCES), description }
		};
		if (next() < 0.3) texts.en = { title: en, summary: null, description: null };
		const day = pick(next, DAYS);
		const groups = [
			...new Set([pick(next, GROUPS), ...(next() < 0.3 ? [pick(next, GROUPS)] : [])])
		];
		const provider = pick(next, providers);
		docs.push(
			buildSearchDocument(
				{
					id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
					texts,
					original_locale: 'de',
					category,
					categories: [category],
					organisation_name: `Träger ${provider}`,
					organisation_slug: `traeger-${provider.toLowerCase()}`,
					district_slug: district,
					district_name: district,
					street: `${pick(next, lexicon)}straße ${1 + Math.floor(next() * 80)}`,
					postal_code: '87435',
					locality: 'Kempten',
					languages: [...new Set(['de', pick(next, LANGUAGES)])],
					target_groups: groups,
					is_free: next() < 0.1 ? null : next() < 0.7,
					childcare: next() < 0.2,
					women_only: next() < 0.1,
					wheelchair_accessible: next() < 0.2 ? null : next() < 0.6,
					german_level: pick(next, LEVELS),
					location:
						next() < 0.95 ? { lat: 47.68 + next() * 0.09, lng: 10.26 + next() * 0.1 } : null,
					schedules: [
						{
							starts_at: `2026-0${1 + Math.floor(next() * 9)}-0${1 + Math.floor(next() * 9)}T${10 + Math.floor(next() * 8)}:00:00+01:00`,
							duration_minutes: 90,
							rrule: next() < 0.85 ? `FREQ=WEEKLY;BYDAY=${day}` : null,
							exdates: [],
							timezone: 'Europe/Berlin'
						}
					],
					measures: [],
					is_demo: false,
					updated_at: '2026-11-01T10:00:00Z'
				},
				{ now }
			)
		);
	}
	return docs;
}
