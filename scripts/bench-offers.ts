/**
 * Generated offers for the scale bench (scripts/bench-scale.ts), as the offers CSV import takes
 * them (`npm run import:offers -- --city kempten file.csv`, see README "Bring your own city").
 *
 * Deterministic: the same count and seed give the same file. The organisations, districts and
 * measures are the demo city's, read from supabase/seed.sql, so the file imports into a fresh
 * data directory: every offer belongs to a demo organisation, lies at a point inside one of the
 * demo districts (picked in turn, so the districts get about the same number), implements up to
 * two measures of the current concept and is published. Most texts are German; about one offer
 * in seven is written in English, Arabic, Ukrainian or Turkish (one locale per row is what the
 * CSV holds). Most offers recur weekly or every other week from a date in the four weeks after
 * the day the bench runs.
 *
 *   npx tsx scripts/bench-offers.ts [--offers 10000] [--seed 7] > offers.csv
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { random } from '../tests/support/factories';

export interface DemoCity {
	organisations: string[];
	districts: { slug: string; name: string; ring: [lng: number, lat: number][] }[];
	measures: string[];
}

/** The demo city's organisation slugs, district outlines and measure codes from the seed. */
export function readDemoCity(seedSql: string): DemoCity {
	const block = (table: string) => {
		const start = seedSql.indexOf(`insert into public.${table} (`);
		if (start < 0) throw new Error(`the seed has no rows for public.${table}`);
		const end = seedSql.indexOf('\n\n', start);
		return seedSql
			.slice(start, end < 0 ? undefined : end)
			.split('\n')
			.slice(1);
	};
	const organisations = block('organisations').map(
		(line) => /^\s*\('[^']+', '[^']+', '([a-z0-9-]+)'/.exec(line)?.[1] ?? ''
	);
	const districts = block('districts').map((line) => {
		const match = /^\s*\('[^']+', '[^']+', '([a-z0-9-]+)', '([^']+)'.*?POLYGON\(\(([^)]+)\)/.exec(
			line
		);
		if (!match) throw new Error(`cannot read the district in: ${line.slice(0, 120)}`);
		const ring = match[3]
			.split(',')
			.map((pair) => pair.trim().split(/\s+/).map(Number) as [number, number]);
		return { slug: match[1], name: match[2], ring };
	});
	const measures = block('measures').map(
		(line) => /^\s*\('[^']+', '[^']+', \d+, '([0-9.]+)'/.exec(line)?.[1] ?? ''
	);
	const missing = [...organisations, ...measures].some((value) => value === '');
	if (missing || organisations.length === 0 || districts.length === 0) {
		throw new Error('the seed does not look as expected (organisations, districts, measures)');
	}
	return { organisations, districts, measures };
}

/** Whether the point lies inside the ring (even-odd rule). */
function inside([x, y]: [number, number], ring: [number, number][]): boolean {
	let result = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
	}
	return result;
}

const CATEGORIES: Record<string, string[]> = {
	language_course: [
		'Deutschkurs',
		'Deutschkurs mit Kinderbetreuung',
		'Integrationskurs',
		'Alphabetisierungskurs',
		'Berufssprachkurs Deutsch',
		'Konversationskurs Deutsch',
		'Lesen und Schreiben lernen'
	],
	cultural_cafe: [
		'Sprachcafé',
		'Kulturcafé',
		'Internationales Frühstück',
		'Nähtreff',
		'Interkultureller Kochtreff',
		'Spieleabend international'
	],
	counselling: [
		'Migrationsberatung',
		'Sozialberatung',
		'Hilfe bei Briefen und Formularen',
		'Beratung zu Ämtern und Anträgen',
		'Asyl- und Flüchtlingsberatung',
		'Schuldnerberatung'
	],
	sports: [
		'Frauenschwimmen',
		'Fußball für alle',
		'Radfahren lernen',
		'Gymnastik und Entspannung',
		'Schwimmkurs',
		'Lauftreff international',
		'Tischtennis'
	],
	family: [
		'Elterncafé',
		'Hausaufgabenhilfe',
		'Krabbelgruppe',
		'Lernpatenschaften',
		'Vorlesestunde in vielen Sprachen',
		'Familienausflug'
	],
	work: [
		'Bewerbungstraining',
		'Berufsorientierung',
		'Anerkennung ausländischer Abschlüsse',
		'Jobcafé',
		'Computerkurs für den Beruf'
	],
	event: ['Stadtteilfest', 'Interkulturelle Woche', 'Filmabend', 'Lesung', 'Konzert im Stadtteil']
};

const FOR_WHOM = [
	'',
	'',
	' für Frauen',
	' für Eltern',
	' für Jugendliche',
	' für Anfängerinnen und Anfänger',
	' für Seniorinnen und Senioren',
	' am Vormittag',
	' am Abend',
	' am Wochenende'
];

const SUMMARIES = [
	'Kostenlos und ohne Anmeldung; alle sind willkommen.',
	'In kleinen Gruppen, mit erfahrenen Ehrenamtlichen.',
	'Bitte melden Sie sich vorher im Stadtteilbüro an.',
	'Mit Kinderbetreuung während der ganzen Zeit.',
	'Wir sprechen Deutsch, Arabisch, Ukrainisch und Türkisch.',
	'Barrierefrei erreichbar, mit dem Bus bis zur Haltestelle.'
];

const DESCRIPTIONS = [
	'Das Angebot richtet sich an alle, die neu in Kempten sind oder schon länger hier leben.',
	'Wir treffen uns in den Räumen des Stadtteilbüros im Erdgeschoss.',
	'Material wird gestellt; bringen Sie gern etwas zu schreiben mit.',
	'Sie können jederzeit einsteigen, auch ohne Vorkenntnisse.',
	'Bei Fragen rufen Sie uns an oder schreiben Sie eine E-Mail.',
	'Die Gruppe wird von einer Fachkraft und zwei Ehrenamtlichen begleitet.',
	'In den Schulferien findet das Angebot nicht statt.'
];

/** Titles and summaries of offers first written in another language. */
const OTHER_LOCALES: Record<string, [title: string, summary: string][]> = {
	en: [
		['German conversation group', 'Practise German over coffee; everyone is welcome.'],
		['Counselling for newcomers', 'Help with letters, forms and appointments.'],
		['Homework club', 'Volunteers help primary school children with their homework.']
	],
	ar: [
		['دورة لغة ألمانية', 'دورة مجانية للمبتدئين مع رعاية الأطفال.'],
		['مقهى ثقافي', 'نلتقي كل أسبوع للحديث والتعارف.'],
		['استشارة للقادمين الجدد', 'مساعدة في الرسائل والاستمارات.']
	],
	uk: [
		['Курс німецької мови', 'Безкоштовно, у малих групах.'],
		['Консультація для новоприбулих', 'Допомога з листами та формулярами.'],
		['Зустріч для батьків', 'Кава, розмови та ігри для дітей.']
	],
	tr: [
		['Almanca kursu', 'Yeni başlayanlar için ücretsiz kurs.'],
		['Kadınlar için yüzme', 'Sadece kadınlar için, kapalı yüzme havuzunda.'],
		['Göçmenlik danışmanlığı', 'Mektuplar ve başvurular için yardım.']
	]
};

const STREETS = [
	'Rathausplatz',
	'Fischerstraße',
	'Bahnhofstraße',
	'Lindauer Straße',
	'Füssener Straße',
	'Immenstädter Straße',
	'Memminger Straße',
	'Schumacherring',
	'Blumenstraße',
	'Ludwigstraße'
];
const LANGUAGES = ['ar', 'uk', 'tr', 'ru', 'fa', 'en', 'ro'];
const TARGET_GROUPS = [
	'everyone',
	'newcomers',
	'refugees',
	'women',
	'families',
	'parents',
	'children',
	'youth',
	'seniors',
	'job_seekers'
];
const LEVELS = ['', 'none', 'a1', 'a2', 'b1', 'b2'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** Midnight UTC of the day the bench runs. */
const TODAY = Math.floor(Date.now() / 86_400_000) * 86_400_000;

const COLUMNS = [
	'organisation',
	'category',
	'locale',
	'title',
	'summary',
	'description',
	'street',
	'postal_code',
	'locality',
	'latitude',
	'longitude',
	'languages',
	'target_groups',
	'cost_eur',
	'childcare',
	'women_only',
	'wheelchair_accessible',
	'german_level',
	'registration',
	'contact_email',
	'contact_phone',
	'state',
	'last_verified_on',
	'measures',
	'starts_at',
	'duration_minutes',
	'rrule'
] as const;

/** A field as the CSV holds it: quoted when it contains the delimiter, a quote or a line break. */
const field = (value: string) =>
	/[;"\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** `count` published offers of the demo city as CSV text (`;`-delimited, header first). */
export function offersCsv(city: DemoCity, count: number, seed = 7): string {
	const next = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	const some = <T>(list: readonly T[], most: number) => {
		const chosen = new Set<T>();
		const wanted = 1 + Math.floor(next() * most);
		while (chosen.size < wanted) chosen.add(pick(list));
		return [...chosen];
	};
	const categories = Object.keys(CATEGORIES);
	const otherLocales = Object.keys(OTHER_LOCALES);
	const bounds = city.districts.map(({ ring }) => ({
		west: Math.min(...ring.map(([lng]) => lng)),
		east: Math.max(...ring.map(([lng]) => lng)),
		south: Math.min(...ring.map(([, lat]) => lat)),
		north: Math.max(...ring.map(([, lat]) => lat))
	}));

	const lines = [COLUMNS.join(';')];
	for (let i = 0; i < count; i++) {
		const d = i % city.districts.length;
		const district = city.districts[d];
		const box = bounds[d];
		let point: [number, number];
		do {
			point = [
				box.west + next() * (box.east - box.west),
				box.south + next() * (box.north - box.south)
			];
		} while (!inside(point, district.ring));

		const category = categories[i % categories.length];
		let locale = 'de';
		let title = `${pick(CATEGORIES[category])}${pick(FOR_WHOM)}`;
		let summary = pick(SUMMARIES);
		let description = some(DESCRIPTIONS, 4).join(' ');
		if (next() < 1 / 7) {
			locale = pick(otherLocales);
			[title, summary] = pick(OTHER_LOCALES[locale]);
			description = '';
		} else if (next() < 0.3) {
			title += ` in ${district.name}`;
		}

		const organisation = pick(city.organisations);
		const scheduled = next() < 0.85;
		// the first date lies in the four weeks from tomorrow: a one-off date already past would be
		// archived when the portal starts, and the bench would wait for offers that are gone
		const first = new Date(TODAY + (1 + Math.floor(next() * 28)) * 86_400_000);
		const weekday = WEEKDAYS[first.getUTCDay()];
		const hour = 8 + Math.floor(next() * 12);
		const cost = next();
		const row: Record<(typeof COLUMNS)[number], string> = {
			organisation,
			category,
			locale,
			title,
			summary,
			description,
			street: `${pick(STREETS)} ${1 + Math.floor(next() * 80)}`,
			postal_code: pick(['87435', '87437', '87439']),
			locality: 'Kempten (Allgäu)',
			latitude: point[1].toFixed(5),
			longitude: point[0].toFixed(5),
			languages: ['de', ...some(LANGUAGES, 3)].join(','),
			target_groups: some(TARGET_GROUPS, 2).join(','),
			cost_eur: cost < 0.5 ? '0' : cost < 0.7 ? '' : pick(['2,50', '5', '15', '40']),
			childcare: next() < 0.3 ? 'ja' : 'nein',
			women_only: next() < 0.1 ? 'ja' : 'nein',
			wheelchair_accessible: pick(['ja', 'nein', '']),
			german_level: pick(LEVELS),
			registration: pick(['none', 'recommended', 'required']),
			contact_email: `${organisation}@example.org`,
			contact_phone: `0831 000 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
			state: 'published',
			last_verified_on: `2026-${next() < 0.5 ? '10' : '11'}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
			measures: next() < 0.6 ? some(city.measures, 2).join(',') : '',
			starts_at: scheduled
				? `${first.toISOString().slice(0, 10)} ${String(hour).padStart(2, '0')}:${next() < 0.5 ? '00' : '30'}`
				: '',
			duration_minutes: scheduled ? pick(['60', '90', '120']) : '',
			rrule: !scheduled
				? ''
				: next() < 0.6
					? `FREQ=WEEKLY;BYDAY=${weekday}`
					: next() < 0.7
						? `FREQ=WEEKLY;INTERVAL=2;BYDAY=${weekday}`
						: ''
		};
		lines.push(COLUMNS.map((name) => field(row[name])).join(';'));
	}
	return lines.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			offers: { type: 'string', default: '10000' },
			seed: { type: 'string', default: '7' }
		}
	});
	const city = readDemoCity(readFileSync('supabase/seed.sql', 'utf8'));
	process.stdout.write(offersCsv(city, Number(values.offers), Number(values.seed)));
}
