// Offer templates of the demo city: what is offered, in German (the original), and where.
//
// A template is one kind of offer (a Sprachcafé, a Migrationsberatung …) with its texts and
// properties; `at` places it in districts with an organisation. Each placement becomes one
// offer. Recurring offers take their schedule from `slots` (placement n uses slot n modulo the
// number of slots); one-off events carry their own local date and time. Translations of the
// texts are in ./translations, keyed by the template's key.

import type { ThemeSlug } from './concept';

export type Category =
	'language_course' | 'cultural_cafe' | 'counselling' | 'sports' | 'family' | 'work' | 'event';

export const CATEGORIES: Category[] = [
	'language_course',
	'cultural_cafe',
	'counselling',
	'sports',
	'family',
	'work',
	'event'
];

/** private.target_groups() in the migration. */
export type TargetGroup =
	| 'everyone'
	| 'newcomers'
	| 'refugees'
	| 'women'
	| 'men'
	| 'families'
	| 'parents'
	| 'children'
	| 'youth'
	| 'seniors'
	| 'job_seekers'
	| 'students'
	| 'volunteers';

export type GermanLevel = 'none' | 'a1' | 'a2' | 'b1' | 'b2' | 'c1';
export type Registration = 'none' | 'recommended' | 'required';

export interface Texts {
	title: string;
	summary: string;
	description: string;
	costNote?: string;
	registrationNote?: string;
}

export interface Slot {
	/** RFC 5545 RRULE without DTSTART, e.g. 'FREQ=WEEKLY;BYDAY=TU'. */
	rrule: string;
	/** Local start time in Europe/Berlin, 'HH:MM'. */
	time: string;
	minutes: number;
	/** The first occurrence is the first matching day on or after this date. */
	since?: string;
	/** No dates in the Christmas holidays (23.12.–6.1.): written as exdates. */
	holidays?: boolean;
}

export interface Placement {
	district: string;
	organisation: string;
	/** Index into the district's venues; default: the organisation's office if it is in this
	 * district, else a venue chosen from the key. */
	venue?: number;
	/** One-off events: local date and time, 'YYYY-MM-DD HH:MM'. */
	date?: string;
	/** Not published yet. */
	draft?: boolean;
}

export interface OfferTemplate {
	key: string;
	/** The main category (cards, icons, sort). */
	category: Category;
	/** Further categories the offer is also found under (offers.categories). */
	alsoIn?: Category[];
	de: Texts;
	/** Languages the offer is held in (ISO 639-1); 'organisation': those of its staff. */
	languages: string[] | 'organisation';
	targetGroups: TargetGroup[];
	/** Euros; 0 is free, null unknown (see the cost note). */
	cost: number | null;
	childcare?: boolean;
	womenOnly?: boolean;
	germanLevel: GermanLevel;
	registration: Registration;
	/** Codes of the KIK measures the offer implements (only measures whose text is known). */
	measures: string[];
	themes?: ThemeSlug[];
	slots?: Slot[];
	/** Duration of one-off events. */
	minutes?: number;
	at: Placement[];
}

const at = (district: string, organisation: string, extra: Partial<Placement> = {}): Placement => ({
	district,
	organisation,
	...extra
});

export const TEMPLATES: OfferTemplate[] = [
	// ------------------------------------------------------------------ language courses
	{
		key: 'deutschkurs-a1-kinderbetreuung',
		category: 'language_course',
		de: {
			title: 'Deutschkurs A1 mit Kinderbetreuung',
			summary: 'Deutsch für den Alltag lernen, während Ihre Kinder nebenan betreut werden.',
			description:
				'Im Kurs lernen Sie die ersten Schritte auf Deutsch: sich vorstellen, einkaufen, einen Termin vereinbaren. Während des Unterrichts spielen Ihre Kinder unter Aufsicht im Raum nebenan. Der Kurs ist für Anfängerinnen und Anfänger ohne Vorkenntnisse.',
			registrationNote:
				'Bitte melden Sie sich und Ihre Kinder vorher an, damit genug Betreuungsplätze da sind.'
		},
		languages: ['de'],
		targetGroups: ['newcomers', 'parents', 'women'],
		cost: 0,
		childcare: true,
		germanLevel: 'none',
		registration: 'required',
		measures: ['1.2.1', '1.4.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
				time: '09:00',
				minutes: 150,
				since: '2026-09-15',
				holidays: true
			},
			{
				rrule: 'FREQ=WEEKLY;BYDAY=MO,WE',
				time: '09:00',
				minutes: 150,
				since: '2026-09-14',
				holidays: true
			}
		],
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('thingers', 'vhs-kempten'),
			at('haubenschloss', 'haus-international'),
			at('lenzfried', 'familienzentrum-wir'),
			at('buehl', 'vhs-kempten')
		]
	},
	{
		key: 'integrationskurs',
		category: 'language_course',
		de: {
			title: 'Integrationskurs: Deutsch und Orientierung',
			summary:
				'Der Integrationskurs führt bis zum Sprachniveau B1 und schließt mit dem Orientierungskurs ab.',
			description:
				'Der Kurs hat einen Sprachteil und einen Orientierungskurs über Geschichte, Recht und Zusammenleben in Deutschland. Am Ende stehen der „Deutsch-Test für Zuwanderer“ und der Test „Leben in Deutschland“. Vor dem Start machen Sie bei uns einen kurzen Einstufungstest.',
			costNote:
				'Mit Berechtigung oder Verpflichtung durch das Bundesamt für Migration und Flüchtlinge meist kostenlos oder mit geringem Eigenanteil; wir beraten Sie dazu.'
		},
		languages: ['de'],
		targetGroups: ['newcomers', 'refugees'],
		cost: null,
		germanLevel: 'none',
		registration: 'required',
		measures: ['1.2.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20270430T215959Z',
				time: '08:30',
				minutes: 225,
				since: '2026-09-14',
				holidays: true
			},
			{
				rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20270611T215959Z',
				time: '13:30',
				minutes: 180,
				since: '2026-10-12',
				holidays: true
			}
		],
		at: [
			at('innenstadt', 'vhs-kempten'),
			at('thingers', 'haus-international'),
			at('sankt-mang', 'vhs-kempten', { draft: true })
		]
	},
	{
		key: 'deutschkurs-frauen',
		category: 'language_course',
		de: {
			title: 'Deutschkurs für Frauen',
			summary: 'Ein Deutschkurs nur für Frauen, in ruhiger Runde und mit Kinderbetreuung.',
			description:
				'Hier lernen Frauen gemeinsam Deutsch für Alltag, Arzttermine und Gespräche in Kita und Schule. Die Gruppe ist klein, Fragen sind jederzeit willkommen. Kleine Kinder werden während des Kurses betreut.'
		},
		languages: ['de'],
		targetGroups: ['women', 'newcomers'],
		cost: 0,
		childcare: true,
		womenOnly: true,
		germanLevel: 'none',
		registration: 'required',
		measures: ['1.2.1'],
		themes: ['frauen'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=WE',
				time: '09:30',
				minutes: 120,
				since: '2026-09-16',
				holidays: true
			},
			{
				rrule: 'FREQ=WEEKLY;BYDAY=FR',
				time: '09:00',
				minutes: 120,
				since: '2026-09-18',
				holidays: true
			}
		],
		at: [
			at('haubenschloss', 'sozialdienst-muslimischer-frauen'),
			at('thingers', 'stadtteilbuero-thingers'),
			at('sankt-mang', 'haus-international'),
			at('ludwigshoehe', 'vhs-kempten')
		]
	},
	{
		key: 'sprachcafe',
		category: 'language_course',
		de: {
			title: 'Sprachcafé',
			summary: 'Bei Tee und Kaffee Deutsch sprechen – ohne Kurs, ohne Noten.',
			description:
				'Ehrenamtliche Gesprächspartnerinnen und -partner unterhalten sich mit Ihnen über Alltagsthemen. Sie üben Deutsch in entspannter Runde und lernen Menschen aus dem Stadtteil kennen. Sie können jederzeit dazukommen.'
		},
		languages: ['de'],
		targetGroups: ['everyone', 'newcomers'],
		cost: 0,
		germanLevel: 'a1',
		registration: 'none',
		measures: ['1.3.1', '4.1.1'],
		themes: ['ehrenamt'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '16:00', minutes: 90, since: '2026-01-15' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=MO', time: '17:00', minutes: 90, since: '2026-02-02' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=SA', time: '10:00', minutes: 120, since: '2026-03-07' }
		],
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('thingers', 'stadtteilbuero-thingers'),
			at('innenstadt', 'haus-international'),
			at('lenzfried', 'quartiersmanagement-kempten-ost'),
			at('altstadt', 'diakonie-kulturcafes'),
			at('steufzgen', 'deutsch-russischer-bildungsverein'),
			at('heiligkreuz', 'diakonie-kulturcafes')
		]
	},
	{
		key: 'alphabetisierung',
		category: 'language_course',
		de: {
			title: 'Alphabetisierungskurs: Lesen und Schreiben lernen',
			summary:
				'Für Erwachsene, die das lateinische Alphabet lernen oder sicherer lesen und schreiben möchten.',
			description:
				'Wir üben Buchstaben, Wörter und kurze Texte in kleinen Schritten und in Ihrem Tempo. Der Kurs passt auch für Menschen, die in ihrer Herkunftssprache eine andere Schrift gelernt haben. Danach ist der Übergang in einen Deutschkurs leichter.'
		},
		languages: ['de'],
		targetGroups: ['newcomers', 'refugees'],
		cost: 0,
		germanLevel: 'none',
		registration: 'required',
		measures: ['1.3.1', '1.2.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=MO,WE',
				time: '10:00',
				minutes: 120,
				since: '2026-09-14',
				holidays: true
			}
		],
		at: [at('innenstadt', 'vhs-kempten'), at('haubenschloss', 'haus-international')]
	},
	{
		key: 'berufssprachkurs',
		category: 'language_course',
		alsoIn: ['work'],
		de: {
			title: 'Berufssprachkurs Deutsch B2',
			summary: 'Deutsch für den Beruf: E-Mails, Telefonate und Gespräche im Team.',
			description:
				'Der Kurs bereitet auf die Sprache am Arbeitsplatz und auf die Prüfung B2 vor. Wir üben Bewerbungsgespräche, Fachtexte und schwierige Situationen im Arbeitsalltag. Voraussetzung ist ein Sprachstand von B1.',
			costNote: 'Für Arbeitsuchende und Beschäftigte mit Berechtigung kostenlos.'
		},
		languages: ['de'],
		targetGroups: ['job_seekers', 'newcomers'],
		cost: 0,
		germanLevel: 'b1',
		registration: 'required',
		measures: ['2.1.1', '1.2.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=TU,WE,TH;UNTIL=20270326T225959Z',
				time: '17:30',
				minutes: 180,
				since: '2026-10-06',
				holidays: true
			}
		],
		at: [at('innenstadt', 'vhs-kempten'), at('thingers', 'haus-international')]
	},
	{
		key: 'herkunftssprache-russisch',
		category: 'language_course',
		de: {
			title: 'Russisch für Kinder: Lesen und Schreiben in der Familiensprache',
			summary: 'Kinder, die zu Hause Russisch sprechen, lernen die Schrift und lesen Geschichten.',
			description:
				'Zweisprachigkeit ist ein Schatz: Hier lernen Kinder von 6 bis 12 Jahren das kyrillische Alphabet, lesen gemeinsam und spielen. Eltern sind am Ende jedes Monats zu einem Gespräch eingeladen.',
			costNote: 'Monatlich 10 €; Ermäßigung auf Nachfrage.'
		},
		languages: ['ru', 'de'],
		targetGroups: ['children'],
		cost: 10,
		germanLevel: 'none',
		registration: 'required',
		measures: ['1.1.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=SA',
				time: '10:00',
				minutes: 90,
				since: '2026-09-19',
				holidays: true
			}
		],
		at: [
			at('steufzgen', 'deutsch-russischer-bildungsverein'),
			at('sankt-mang', 'deutsch-russischer-bildungsverein')
		]
	},

	// ------------------------------------------------------------------ cultural cafés
	{
		key: 'kulturcafe',
		category: 'cultural_cafe',
		de: {
			title: 'Kulturcafé',
			summary: 'Offener Treffpunkt für Menschen aus aller Welt und aus der Nachbarschaft.',
			description:
				'Im Kulturcafé kommen Alteingesessene und Neuzugewanderte ins Gespräch. Es gibt Kaffee, Tee und oft etwas Selbstgebackenes; Ehrenamtliche helfen bei Fragen zum Alltag weiter. Kinder sind willkommen.'
		},
		languages: ['de', 'ar', 'uk', 'en'],
		targetGroups: ['everyone'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.1.1', '5.4.1'],
		themes: ['ehrenamt'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', time: '15:00', minutes: 120, since: '2026-01-14' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=FR', time: '15:00', minutes: 120, since: '2026-01-16' },
			{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', time: '14:30', minutes: 150, since: '2026-02-01' }
		],
		at: [
			at('altstadt', 'diakonie-kulturcafes'),
			at('sankt-mang', 'diakonie-kulturcafes'),
			at('thingers', 'diakonie-kulturcafes'),
			at('haubenschloss', 'diakonie-kulturcafes'),
			at('ludwigshoehe', 'diakonie-kulturcafes'),
			at('leubas', 'diakonie-kulturcafes'),
			at('buehl', 'diakonie-kulturcafes'),
			at('schelldorf', 'diakonie-kulturcafes')
		]
	},
	{
		key: 'frauenfruehstueck',
		category: 'cultural_cafe',
		de: {
			title: 'Internationales Frauenfrühstück',
			summary: 'Frauen frühstücken gemeinsam, erzählen und knüpfen Kontakte.',
			description:
				'Jede bringt eine Kleinigkeit mit, Kaffee und Tee stehen bereit. Oft gibt es ein kurzes Thema, zum Beispiel Gesundheit, Schule oder Freizeit in Kempten. Kleine Kinder dürfen mitkommen.'
		},
		languages: ['de', 'tr', 'ar'],
		targetGroups: ['women'],
		cost: 0,
		womenOnly: true,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.1.1'],
		themes: ['frauen'],
		slots: [
			{ rrule: 'FREQ=MONTHLY;BYDAY=1SA', time: '09:30', minutes: 150, since: '2026-01-01' },
			{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', time: '09:00', minutes: 120, since: '2026-02-03' }
		],
		at: [
			at('thingers', 'stadtteilbuero-thingers'),
			at('sankt-mang', 'sozialdienst-muslimischer-frauen'),
			at('haubenschloss', 'sozialdienst-muslimischer-frauen'),
			at('lenzfried', 'familienzentrum-wir'),
			at('innenstadt', 'haus-international')
		]
	},
	{
		key: 'naehtreff',
		category: 'cultural_cafe',
		de: {
			title: 'Nähtreff: Nähen, reden, Deutsch üben',
			summary: 'Gemeinsam nähen und flicken – Nähmaschinen und Stoffreste sind da.',
			description:
				'Ob Anfängerin oder Profi: Hier reparieren wir Kleidung, nähen Taschen und zeigen uns Tricks. Nebenbei wird viel erzählt, auf Deutsch und in anderen Sprachen. Eigene Stoffe dürfen Sie gern mitbringen.'
		},
		languages: ['de', 'ru', 'tr'],
		targetGroups: ['everyone', 'women'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.1.1', '1.3.1'],
		slots: [{ rrule: 'FREQ=WEEKLY;BYDAY=TU', time: '14:00', minutes: 150, since: '2026-01-13' }],
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('steufzgen', 'deutsch-russischer-bildungsverein'),
			at('thingers', 'stadtteilbuero-thingers')
		]
	},
	{
		key: 'kochtreff',
		category: 'cultural_cafe',
		de: {
			title: 'Interkultureller Kochtreff',
			summary: 'Jeden Monat kocht jemand anderes ein Gericht aus der Heimat – alle essen mit.',
			description:
				'Wir kaufen gemeinsam ein, kochen nach Rezepten aus vielen Ländern und essen zusammen. Dabei lernen Sie neue Gerichte und neue Leute kennen. Vegetarische Speisen gibt es immer.',
			costNote: '3 € Beitrag für die Zutaten.'
		},
		languages: ['de'],
		targetGroups: ['everyone'],
		cost: 3,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['5.4.1', '5.1.1'],
		slots: [
			{ rrule: 'FREQ=MONTHLY;BYDAY=3FR', time: '17:30', minutes: 180, since: '2026-02-01' },
			{ rrule: 'FREQ=MONTHLY;BYDAY=-1TH', time: '18:00', minutes: 150, since: '2026-03-01' }
		],
		at: [
			at('lenzfried', 'quartiersmanagement-kempten-ost'),
			at('sankt-lorenz', 'haus-international'),
			at('buehl', 'familienzentrum-wir', { draft: true }),
			at('thingers', 'stadtteilbuero-thingers')
		]
	},
	{
		key: 'seniorentreff',
		category: 'cultural_cafe',
		de: {
			title: 'Internationaler Seniorentreff',
			summary:
				'Ältere Menschen aus vielen Ländern treffen sich zu Gesprächen, Spielen und Ausflügen.',
			description:
				'Wir spielen, singen, erzählen von früher und planen kleine Ausflüge in der Region. Zu Fragen rund um Rente, Pflege und Gesundheit laden wir ab und zu Fachleute ein. Neue Gesichter sind jederzeit willkommen.'
		},
		languages: ['de', 'ru'],
		targetGroups: ['seniors'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.1.1', '3.1.1'],
		slots: [{ rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '14:00', minutes: 120, since: '2026-01-15' }],
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('ludwigshoehe', 'deutsch-russischer-bildungsverein'),
			at('lenzfried', 'quartiersmanagement-kempten-ost', { draft: true })
		]
	},
	{
		key: 'gemeinschaftsgarten',
		category: 'cultural_cafe',
		de: {
			title: 'Interkultureller Gemeinschaftsgarten',
			summary: 'Gemeinsam gärtnern, ernten und im Garten zusammensitzen.',
			description:
				'Im Gemeinschaftsgarten haben Familien und Einzelne ein eigenes Beet oder helfen bei den gemeinsamen Flächen. Im Winter planen wir die nächste Saison und treffen uns drinnen. Werkzeug und Saatgut sind vorhanden.'
		},
		languages: ['de', 'ar', 'fa'],
		targetGroups: ['everyone', 'families'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['5.1.1', '5.4.1'],
		slots: [{ rrule: 'FREQ=WEEKLY;BYDAY=SA', time: '10:00', minutes: 180, since: '2026-04-04' }],
		at: [
			at('heiligkreuz', 'haus-international'),
			at('schelldorf', 'haus-international', { draft: true })
		]
	},

	// ------------------------------------------------------------------ counselling
	{
		key: 'migrationsberatung',
		category: 'counselling',
		de: {
			title: 'Migrationsberatung für Erwachsene',
			summary: 'Kostenlose Beratung zu Aufenthalt, Sprache, Arbeit, Wohnen und Familie.',
			description:
				'Die Migrationsberatung hilft Zugewanderten ab 27 Jahren in den ersten Jahren in Deutschland. Wir beantworten Fragen zu Behörden, Integrationskurs, Anerkennung und Kinderbetreuung und begleiten Sie bei den nächsten Schritten. Die Beratung ist vertraulich.',
			registrationNote:
				'Offene Sprechstunde ohne Termin; für längere Gespräche vereinbaren Sie bitte einen Termin.'
		},
		languages: 'organisation',
		targetGroups: ['newcomers'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['1.4.1', '6.3.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=TU', time: '09:00', minutes: 180, since: '2026-01-13' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '14:00', minutes: 180, since: '2026-01-15' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=MO', time: '13:00', minutes: 180, since: '2026-01-12' }
		],
		at: [
			at('innenstadt', 'migrationsberatung-caritas'),
			at('haubenschloss', 'migrationsberatung-brk'),
			at('sankt-mang', 'migrationsberatung-caritas'),
			at('thingers', 'migrationsberatung-brk'),
			at('lenzfried', 'migrationsberatung-caritas'),
			at('buehl', 'migrationsberatung-brk')
		]
	},
	{
		key: 'asylberatung',
		category: 'counselling',
		de: {
			title: 'Asyl- und Flüchtlingsberatung',
			summary: 'Beratung für geflüchtete Menschen im Asylverfahren und danach.',
			description:
				'Wir erklären Schreiben der Behörden, bereiten mit Ihnen Termine vor und helfen bei Anträgen. Bei Bedarf vermitteln wir an Anwältinnen und Anwälte, Arztpraxen oder andere Fachstellen. Dolmetschende können wir oft organisieren.'
		},
		languages: 'organisation',
		targetGroups: ['refugees'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['1.4.1', '6.3.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', time: '09:00', minutes: 180, since: '2026-01-12' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '13:30', minutes: 180, since: '2026-01-15' }
		],
		at: [
			at('altstadt', 'diakonie-asyl-integrationsberatung'),
			at('sankt-mang', 'diakonie-asyl-integrationsberatung'),
			at('thingers', 'diakonie-asyl-integrationsberatung'),
			at('haubenschloss', 'diakonie-asyl-integrationsberatung')
		]
	},
	{
		key: 'jmd-beratung',
		category: 'counselling',
		de: {
			title: 'Beratung für junge Zugewanderte (12 bis 27 Jahre)',
			summary:
				'Der Jugendmigrationsdienst hilft bei Schule, Ausbildung, Studium und Fragen des Alltags.',
			description:
				'Wir beraten junge Menschen und ihre Eltern, zum Beispiel zur Anerkennung von Zeugnissen, zum passenden Sprachkurs oder zur Suche nach einem Ausbildungsplatz. Du kannst allein kommen oder eine Vertrauensperson mitbringen.'
		},
		languages: 'organisation',
		targetGroups: ['youth', 'newcomers'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['2.1.1', '1.4.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', time: '14:00', minutes: 180, since: '2026-01-14' },
			{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', time: '13:00', minutes: 150, since: '2026-01-16' }
		],
		at: [
			at('sankt-lorenz', 'jugendmigrationsdienst'),
			at('thingers', 'jugendmigrationsdienst'),
			at('sankt-mang', 'jugendmigrationsdienst')
		]
	},
	{
		key: 'frauenberatung',
		category: 'counselling',
		alsoIn: ['family'],
		de: {
			title: 'Beratung für Frauen und Familien',
			summary:
				'Vertrauliche Beratung von Frau zu Frau – zu Familie, Erziehung, Schule und Behörden.',
			description:
				'Beraterinnen hören zu und suchen mit Ihnen nach Lösungen, auch in schwierigen Lebenslagen. Bei Bedarf begleiten wir Sie zu Ämtern und vermitteln an Fachstellen. Die Beratung ist kostenlos und vertraulich.'
		},
		languages: 'organisation',
		targetGroups: ['women', 'families'],
		cost: 0,
		womenOnly: true,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['6.3.1', '3.2.1'],
		themes: ['frauen'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=TU', time: '10:00', minutes: 180, since: '2026-01-13' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=FR', time: '09:30', minutes: 150, since: '2026-01-16' }
		],
		at: [
			at('haubenschloss', 'sozialdienst-muslimischer-frauen'),
			at('thingers', 'sozialdienst-muslimischer-frauen'),
			at('sankt-mang', 'sozialdienst-muslimischer-frauen')
		]
	},
	{
		key: 'offene-sprechstunde',
		category: 'counselling',
		de: {
			title: 'Offene Sprechstunde: Hilfe bei Briefen und Formularen',
			summary:
				'Sie haben einen Brief nicht verstanden oder müssen ein Formular ausfüllen? Kommen Sie vorbei.',
			description:
				'Wir lesen gemeinsam Schreiben von Ämtern, Vermietern oder der Schule und erklären, was zu tun ist. Wir helfen beim Ausfüllen von Anträgen und zeigen, wo Sie weitere Hilfe bekommen. Bringen Sie die Unterlagen einfach mit.'
		},
		languages: 'organisation',
		targetGroups: ['everyone', 'newcomers', 'seniors'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['6.3.1', '3.2.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=MO', time: '14:00', minutes: 120, since: '2026-01-12' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', time: '10:00', minutes: 120, since: '2026-01-14' }
		],
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('thingers', 'stadtteilbuero-thingers'),
			at('lenzfried', 'quartiersmanagement-kempten-ost'),
			at('leubas', 'quartiersmanagement-kempten-ost'),
			at('steufzgen', 'deutsch-russischer-bildungsverein'),
			at('schelldorf', 'migrationsberatung-brk')
		]
	},
	{
		key: 'gesundheitslotsen',
		category: 'counselling',
		de: {
			title: 'Gesundheitslotsen: Wege durch das Gesundheitssystem',
			summary: 'Wie finde ich eine Hausarztpraxis, was zahlt die Krankenkasse, wohin im Notfall?',
			description:
				'Geschulte Lotsinnen und Lotsen erklären in mehreren Sprachen, wie Arztpraxen, Krankenkasse und Apotheken in Deutschland funktionieren. Sie helfen bei der Suche nach einer Praxis und bei der Vorbereitung auf einen Termin.'
		},
		languages: ['de', 'ar', 'tr', 'ru', 'uk'],
		targetGroups: ['newcomers', 'families', 'seniors'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['3.1.1', '3.2.1'],
		themes: ['ehrenamt'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
				time: '15:00',
				minutes: 120,
				since: '2026-01-21'
			},
			{ rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '17:00', minutes: 120, since: '2026-02-01' }
		],
		at: [
			at('innenstadt', 'haus-international'),
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('thingers', 'stadtteilbuero-thingers'),
			at('ludwigshoehe', 'migrationsberatung-caritas')
		]
	},
	{
		key: 'antidiskriminierungsberatung',
		category: 'counselling',
		de: {
			title: 'Beratung bei Diskriminierung',
			summary:
				'Sie wurden wegen Herkunft, Religion, Sprache oder Aussehen benachteiligt? Wir hören zu und beraten.',
			description:
				'Ob bei der Wohnungssuche, am Arbeitsplatz oder im Amt: Wir nehmen Ihre Erfahrung ernst und besprechen mit Ihnen, was Sie tun können. Auf Wunsch begleiten wir Sie oder vermitteln an spezialisierte Stellen. Alles bleibt vertraulich.'
		},
		languages: ['de', 'en', 'tr', 'ar'],
		targetGroups: ['everyone'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['6.2.1'],
		themes: ['antidiskriminierung'],
		slots: [{ rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '15:00', minutes: 120, since: '2026-03-05' }],
		at: [
			at('altstadt', 'amt-fuer-integration'),
			at('thingers', 'amt-fuer-integration', { draft: true })
		]
	},

	// ------------------------------------------------------------------ sports
	{
		key: 'frauenschwimmen',
		category: 'sports',
		de: {
			title: 'Frauenschwimmen',
			summary: 'Schwimmen nur für Frauen, mit weiblicher Badeaufsicht und Sichtschutz.',
			description:
				'Die Halle ist in dieser Zeit nur für Frauen und Mädchen ab 10 Jahren geöffnet, das Personal ist weiblich. Anfängerinnen üben im flachen Becken, eine Trainerin gibt Tipps. Badebekleidung nach eigener Wahl ist erlaubt.',
			costNote: '2,50 € Eintritt, ermäßigt 1,50 €.'
		},
		languages: ['de', 'ar', 'tr'],
		targetGroups: ['women'],
		cost: 2.5,
		womenOnly: true,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.2.1'],
		themes: ['frauen'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=SU', time: '17:00', minutes: 90, since: '2026-01-11' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', time: '19:30', minutes: 90, since: '2026-01-14' }
		],
		at: [
			at('sankt-mang', 'sg-illerufer', { venue: 3 }),
			at('thingers', 'sg-illerufer', { venue: 3 })
		]
	},
	{
		key: 'fussball-fuer-alle',
		category: 'sports',
		de: {
			title: 'Fußball für alle',
			summary: 'Offenes Fußballtraining für Jugendliche und junge Erwachsene – einfach mitspielen.',
			description:
				'Jede Woche trainieren wir gemeinsam, egal woher du kommst und wie gut du spielst. Sportschuhe reichen, Bälle und Leibchen sind da. Wer mag, kann später im Verein mitspielen.'
		},
		languages: ['de', 'en', 'ar'],
		targetGroups: ['youth', 'everyone'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.2.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=FR', time: '17:00', minutes: 90, since: '2026-03-06' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=TU', time: '18:00', minutes: 90, since: '2026-03-03' }
		],
		at: [
			at('buehl', 'sg-illerufer'),
			at('haubenschloss', 'stadtjugendring-kempten', { venue: 3 }),
			at('thingers', 'sg-illerufer', { venue: 3 }),
			at('sankt-mang', 'stadtjugendring-kempten', { venue: 4 }),
			at('lenzfried', 'sg-illerufer', { venue: 3 })
		]
	},
	{
		key: 'radfahren-frauen',
		category: 'sports',
		de: {
			title: 'Radfahren lernen für Frauen',
			summary: 'Fahrradfahren von Anfang an – in geschütztem Rahmen und nur unter Frauen.',
			description:
				'Trainerinnen zeigen Schritt für Schritt, wie Sie das Gleichgewicht halten, bremsen und sicher im Verkehr fahren. Fahrräder und Helme werden gestellt. Im Winter üben wir in der Turnhalle.'
		},
		languages: ['de', 'ar', 'fa', 'tr'],
		targetGroups: ['women'],
		cost: 0,
		womenOnly: true,
		germanLevel: 'none',
		registration: 'required',
		measures: ['5.2.1'],
		themes: ['frauen'],
		slots: [{ rrule: 'FREQ=WEEKLY;BYDAY=SA', time: '14:00', minutes: 90, since: '2026-04-11' }],
		at: [
			at('haubenschloss', 'sozialdienst-muslimischer-frauen', { venue: 3 }),
			at('sankt-mang', 'sg-illerufer', { venue: 4 })
		]
	},
	{
		key: 'gymnastik-frauen',
		category: 'sports',
		de: {
			title: 'Gymnastik und Entspannung für Frauen',
			summary: 'Bewegung, Dehnen und Entspannung für Frauen jeden Alters.',
			description:
				'Wir machen leichte Gymnastik, stärken Rücken und Beckenboden und entspannen am Ende gemeinsam. Sportliche Vorkenntnisse brauchen Sie nicht. Bitte bringen Sie bequeme Kleidung und ein Handtuch mit.'
		},
		languages: ['de', 'tr'],
		targetGroups: ['women', 'seniors'],
		cost: 0,
		womenOnly: true,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.2.1', '3.1.1'],
		themes: ['frauen'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=MO', time: '18:30', minutes: 75, since: '2026-01-12' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', time: '09:00', minutes: 75, since: '2026-01-14' }
		],
		at: [
			at('thingers', 'stadtteilbuero-thingers', { venue: 1 }),
			at('lenzfried', 'familienzentrum-wir'),
			at('ludwigshoehe', 'sg-illerufer'),
			at('schelldorf', 'sg-illerufer', { draft: true })
		]
	},
	{
		key: 'schwimmkurs-kinder',
		category: 'sports',
		de: {
			title: 'Schwimmkurs für Kinder',
			summary: 'Kinder ab 5 Jahren lernen schwimmen – in kleinen Gruppen.',
			description:
				'In zehn Einheiten lernen die Kinder, sich sicher im Wasser zu bewegen, und können am Ende das Seepferdchen ablegen. Eltern warten in der Zwischenzeit im Foyer. Die Trainerinnen und Trainer erklären viel mit Gesten.',
			costNote: '30 € für zehn Einheiten; mit dem Bildungs- und Teilhabepaket kostenlos.',
			registrationNote: 'Die Plätze sind begrenzt; bitte melden Sie Ihr Kind beim Verein an.'
		},
		languages: ['de'],
		targetGroups: ['children', 'families'],
		cost: 30,
		germanLevel: 'none',
		registration: 'required',
		measures: ['5.2.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=SA',
				time: '09:00',
				minutes: 45,
				since: '2026-09-19',
				holidays: true
			},
			{
				rrule: 'FREQ=WEEKLY;BYDAY=FR',
				time: '16:00',
				minutes: 45,
				since: '2026-09-18',
				holidays: true
			}
		],
		at: [
			at('sankt-mang', 'sg-illerufer', { venue: 3 }),
			at('thingers', 'sg-illerufer', { venue: 3 })
		]
	},
	{
		key: 'lauftreff',
		category: 'sports',
		de: {
			title: 'Lauftreff international',
			summary: 'Gemeinsam joggen oder walken entlang der Iller – für jedes Tempo.',
			description:
				'Wir laufen in zwei Gruppen, einer zügigen und einer gemütlichen, und dehnen uns danach gemeinsam. Der Lauftreff ist eine gute Gelegenheit, Deutsch zu sprechen und Leute kennenzulernen.'
		},
		languages: ['de', 'en'],
		targetGroups: ['everyone'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.2.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=SU', time: '10:00', minutes: 75, since: '2026-03-01' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', time: '18:00', minutes: 60, since: '2026-03-04' }
		],
		at: [
			at('altstadt', 'sg-illerufer'),
			at('heiligkreuz', 'sg-illerufer'),
			at('leubas', 'sg-illerufer')
		]
	},

	// ------------------------------------------------------------------ family
	{
		key: 'elterncafe',
		category: 'family',
		de: {
			title: 'Elterncafé',
			summary: 'Eltern treffen sich, tauschen sich aus und bekommen Tipps zu Kita und Schule.',
			description:
				'Beim Elterncafé sprechen wir über Erziehung, Sprache in der Familie und den Alltag in Kita und Schule. Manchmal kommen Gäste, etwa von der Erziehungsberatung oder der Schule. Die Kinder spielen in der Spielecke.'
		},
		languages: ['de', 'tr', 'ar'],
		targetGroups: ['parents', 'families'],
		cost: 0,
		childcare: true,
		germanLevel: 'none',
		registration: 'none',
		measures: ['1.1.1', '5.1.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=FR', time: '09:00', minutes: 90, since: '2026-01-16' },
			{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', time: '15:00', minutes: 90, since: '2026-01-22' }
		],
		at: [
			at('lenzfried', 'familienzentrum-wir'),
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('thingers', 'stadtteilbuero-thingers'),
			at('innenstadt', 'familienzentrum-wir'),
			at('steufzgen', 'familienzentrum-wir'),
			at('heiligkreuz', 'familienzentrum-wir')
		]
	},
	{
		key: 'hausaufgabenhilfe',
		category: 'family',
		de: {
			title: 'Hausaufgabenhilfe für Grundschulkinder',
			summary: 'Ehrenamtliche helfen Kindern der 1. bis 4. Klasse bei den Hausaufgaben.',
			description:
				'Nach der Schule erledigen die Kinder ihre Hausaufgaben mit Unterstützung und üben Lesen und Rechnen. Die Helferinnen und Helfer stehen im Austausch mit den Lehrkräften. Zum Schluss bleibt Zeit für ein Spiel.'
		},
		languages: ['de'],
		targetGroups: ['children'],
		cost: 0,
		germanLevel: 'none',
		registration: 'required',
		measures: ['1.1.1', '4.1.1'],
		themes: ['ehrenamt'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH',
				time: '14:00',
				minutes: 90,
				since: '2026-09-15',
				holidays: true
			},
			{
				rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
				time: '14:30',
				minutes: 90,
				since: '2026-09-15',
				holidays: true
			}
		],
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('thingers', 'stadtteilbuero-thingers'),
			at('haubenschloss', 'stadtjugendring-kempten'),
			at('lenzfried', 'quartiersmanagement-kempten-ost'),
			at('buehl', 'familienzentrum-wir'),
			at('ludwigshoehe', 'stadtjugendring-kempten'),
			at('leubas', 'quartiersmanagement-kempten-ost')
		]
	},
	{
		key: 'lernpatenschaften',
		category: 'family',
		de: {
			title: 'Lernpatenschaften: Ehrenamtliche begleiten Schulkinder',
			summary:
				'Eine Patin oder ein Pate lernt einmal pro Woche mit einem Kind – ein ganzes Schuljahr lang.',
			description:
				'Wir bringen Kinder, die Unterstützung brauchen, mit ehrenamtlichen Lernpatinnen und -paten zusammen. Die Tandems treffen sich wöchentlich zum Lesen, Rechnen oder Deutschüben. Neue Patinnen und Paten werden geschult und begleitet.'
		},
		languages: ['de'],
		targetGroups: ['children', 'volunteers'],
		cost: 0,
		germanLevel: 'none',
		registration: 'required',
		measures: ['4.1.1', '4.2.1', '1.1.1'],
		themes: ['ehrenamt'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=WE',
				time: '15:00',
				minutes: 60,
				since: '2026-09-16',
				holidays: true
			}
		],
		at: [
			at('innenstadt', 'haus-international'),
			at('sankt-lorenz', 'stadtjugendring-kempten'),
			at('sankt-mang', 'stadtteilbuero-sankt-mang')
		]
	},
	{
		key: 'krabbelgruppe',
		category: 'family',
		de: {
			title: 'Internationale Krabbelgruppe',
			summary: 'Für Eltern mit Babys und Kleinkindern bis drei Jahre.',
			description:
				'Die Kleinen spielen, singen und entdecken, die Großen kommen ins Gespräch. Eine Fachkraft beantwortet Fragen zu Schlaf, Ernährung und Sprachentwicklung. Kommen Sie einfach vorbei.'
		},
		languages: ['de', 'ru', 'uk', 'tr'],
		targetGroups: ['parents', 'children', 'families'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.1.1', '1.1.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=TU', time: '10:00', minutes: 90, since: '2026-01-13' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '09:30', minutes: 90, since: '2026-01-15' }
		],
		at: [
			at('lenzfried', 'familienzentrum-wir'),
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('haubenschloss', 'familienzentrum-wir'),
			at('leubas', 'familienzentrum-wir'),
			at('schelldorf', 'familienzentrum-wir')
		]
	},
	{
		key: 'vorlesestunde',
		category: 'family',
		de: {
			title: 'Mehrsprachige Vorlesestunde',
			summary:
				'Bilderbuchgeschichten auf Deutsch und in einer weiteren Sprache, für Kinder von 3 bis 7.',
			description:
				'Jedes Mal liest jemand dieselbe Geschichte auf Deutsch und in einer anderen Familiensprache vor. Danach malen oder basteln wir zur Geschichte. Eltern sind herzlich eingeladen, dabei zu sein.'
		},
		languages: ['de', 'ar', 'tr', 'uk', 'ru'],
		targetGroups: ['children', 'parents'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['1.1.1', '4.1.1'],
		themes: ['ehrenamt'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', time: '10:30', minutes: 60, since: '2026-01-17' },
			{ rrule: 'FREQ=MONTHLY;BYDAY=2WE', time: '16:00', minutes: 60, since: '2026-02-01' }
		],
		at: [
			at('altstadt', 'haus-international'),
			at('sankt-lorenz', 'stadtjugendring-kempten'),
			at('thingers', 'stadtteilbuero-thingers'),
			at('steufzgen', 'deutsch-russischer-bildungsverein'),
			at('buehl', 'diakonie-kulturcafes')
		]
	},
	{
		key: 'jugendtreff',
		category: 'family',
		de: {
			title: 'Offener Jugendtreff',
			summary:
				'Treffpunkt für Jugendliche von 12 bis 18: Billard, Musik, Gespräche und Unterstützung.',
			description:
				'Im Jugendtreff könnt ihr chillen, kickern, Musik machen und eigene Ideen umsetzen. Die Betreuerinnen und Betreuer helfen auch bei Bewerbungen, Referaten oder Stress in der Schule. Eintritt frei, ohne Anmeldung.'
		},
		languages: ['de', 'en', 'tr', 'ar'],
		targetGroups: ['youth'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['1.1.1', '5.4.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH,FR', time: '16:00', minutes: 180, since: '2026-01-13' },
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE,FR', time: '15:00', minutes: 210, since: '2026-01-14' }
		],
		at: [
			at('thingers', 'stadtjugendring-kempten'),
			at('sankt-mang', 'stadtjugendring-kempten'),
			at('haubenschloss', 'stadtjugendring-kempten'),
			at('sankt-lorenz', 'stadtjugendring-kempten'),
			at('lenzfried', 'stadtjugendring-kempten'),
			at('heiligkreuz', 'stadtjugendring-kempten')
		]
	},

	// ------------------------------------------------------------------ work
	{
		key: 'bewerbungstraining',
		category: 'work',
		de: {
			title: 'Bewerbungstraining: Lebenslauf und Anschreiben',
			summary:
				'Wir erstellen gemeinsam Ihre Bewerbungsunterlagen und üben das Vorstellungsgespräch.',
			description:
				'Sie bringen Zeugnisse und Ideen mit, wir helfen beim deutschen Lebenslauf, beim Anschreiben und bei Online-Bewerbungen. Im Rollenspiel üben wir typische Fragen im Vorstellungsgespräch. Computer sind vorhanden.'
		},
		languages: ['de', 'en'],
		targetGroups: ['job_seekers', 'youth'],
		cost: 0,
		germanLevel: 'a2',
		registration: 'recommended',
		measures: ['2.1.1'],
		slots: [
			{ rrule: 'FREQ=WEEKLY;BYDAY=WE', time: '13:00', minutes: 120, since: '2026-01-14' },
			{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', time: '16:00', minutes: 120, since: '2026-01-19' }
		],
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang'),
			at('thingers', 'jugendmigrationsdienst'),
			at('innenstadt', 'jobcenter-kempten'),
			at('haubenschloss', 'migrationsberatung-brk'),
			at('lenzfried', 'quartiersmanagement-kempten-ost')
		]
	},
	{
		key: 'sprechstunde-arbeit',
		category: 'work',
		alsoIn: ['counselling'],
		de: {
			title: 'Sprechstunde Arbeit und Ausbildung',
			summary:
				'Fragen zu Arbeitssuche, Ausbildung, Weiterbildung und Leistungen – direkt im Stadtteil.',
			description:
				'Fachkräfte des Jobcenters beraten Sie vor Ort, ohne dass Sie ins Amt müssen. Wir klären, welche Förderung möglich ist, und vereinbaren bei Bedarf einen Termin für eine ausführliche Beratung. Bitte bringen Sie Ihre Kundennummer mit, falls Sie eine haben.'
		},
		languages: ['de', 'en'],
		targetGroups: ['job_seekers'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['2.1.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
				time: '09:00',
				minutes: 180,
				since: '2026-01-13'
			},
			{ rrule: 'FREQ=MONTHLY;BYDAY=1TH', time: '13:00', minutes: 180, since: '2026-01-01' }
		],
		at: [
			at('sankt-mang', 'jobcenter-kempten'),
			at('thingers', 'jobcenter-kempten'),
			at('lenzfried', 'jobcenter-kempten'),
			at('haubenschloss', 'jobcenter-kempten')
		]
	},
	{
		key: 'computerkurs',
		category: 'work',
		de: {
			title: 'Computerkurs für Einsteigerinnen und Einsteiger',
			summary: 'Maus, Tastatur, E-Mail und Internet – in kleinen Schritten erklärt.',
			description:
				'Sie lernen, einen Computer zu bedienen, Dateien zu speichern und E-Mails mit Anhang zu verschicken. Außerdem zeigen wir, wie Online-Termine und Formulare der Behörden funktionieren. Es gibt nur acht Plätze, damit genug Zeit für Fragen bleibt.',
			costNote: '15 € für den ganzen Kurs; Ermäßigung auf Nachfrage.'
		},
		languages: ['de'],
		targetGroups: ['everyone', 'job_seekers', 'seniors'],
		cost: 15,
		germanLevel: 'a2',
		registration: 'required',
		measures: ['2.1.1'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270222T225959Z',
				time: '17:00',
				minutes: 120,
				since: '2026-10-05',
				holidays: true
			},
			{
				rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270225T225959Z',
				time: '09:30',
				minutes: 120,
				since: '2026-10-08',
				holidays: true
			}
		],
		at: [
			at('innenstadt', 'vhs-kempten'),
			at('sankt-mang', 'vhs-kempten'),
			at('thingers', 'haus-international'),
			at('steufzgen', 'deutsch-russischer-bildungsverein', { draft: true })
		]
	},
	{
		key: 'anerkennungsberatung',
		category: 'work',
		alsoIn: ['counselling'],
		de: {
			title: 'Beratung zur Anerkennung ausländischer Abschlüsse',
			summary: 'Welche Stelle prüft Ihren Berufsabschluss, und welche Unterlagen brauchen Sie?',
			description:
				'Wir prüfen mit Ihnen, ob Ihr Beruf in Deutschland anerkannt werden muss und welche Stelle zuständig ist. Wir erklären Kosten, Übersetzungen und mögliche Anpassungsqualifizierungen. Bitte bringen Sie Ihre Zeugnisse mit, gern auch als Kopie.'
		},
		languages: ['de', 'en', 'ar', 'ru', 'uk'],
		targetGroups: ['newcomers', 'job_seekers'],
		cost: 0,
		germanLevel: 'none',
		registration: 'required',
		measures: ['2.3.1', '2.1.1'],
		slots: [
			{ rrule: 'FREQ=MONTHLY;BYDAY=2WE', time: '09:00', minutes: 240, since: '2026-01-01' },
			{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', time: '09:00', minutes: 180, since: '2026-01-15' }
		],
		at: [at('innenstadt', 'haus-international'), at('sankt-mang', 'migrationsberatung-caritas')]
	},
	{
		key: 'berufsorientierung-frauen',
		category: 'work',
		de: {
			title: 'Berufliche Orientierung für Frauen',
			summary:
				'Welche Arbeit passt zu mir? Ein Kurs für Frauen, die in Deutschland beruflich (wieder) einsteigen möchten.',
			description:
				'In acht Treffen entdecken Sie Ihre Stärken, lernen Berufe und Teilzeitmodelle kennen und besuchen Betriebe in Kempten. Gemeinsam planen wir die nächsten Schritte, etwa ein Praktikum oder einen Sprachkurs. Für Kinder gibt es eine Betreuung.'
		},
		languages: ['de', 'ar', 'tr'],
		targetGroups: ['women', 'job_seekers'],
		cost: 0,
		childcare: true,
		womenOnly: true,
		germanLevel: 'a2',
		registration: 'required',
		measures: ['2.3.1', '2.1.1'],
		themes: ['frauen'],
		slots: [
			{
				rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270128T225959Z',
				time: '09:00',
				minutes: 150,
				since: '2026-10-29',
				holidays: true
			}
		],
		at: [
			at('haubenschloss', 'sozialdienst-muslimischer-frauen'),
			at('thingers', 'haus-international', { draft: true })
		]
	},

	// ------------------------------------------------------------------ events, recurring
	{
		key: 'austauschtreffen-rumaenisch',
		category: 'event',
		de: {
			title: 'Austauschtreffen: Alteingesessene und Neuzugewanderte aus Rumänien',
			summary:
				'Kemptenerinnen und Kemptener mit rumänischen Wurzeln treffen Menschen, die neu aus Rumänien gekommen sind.',
			description:
				'Wer schon lange hier lebt, kennt die Wege zu Arbeit, Schule, Wohnung und Vereinen. Beim Austauschtreffen geben Alteingesessene ihre Erfahrungen an Neuzugewanderte weiter, auf Rumänisch und auf Deutsch. Jedes Treffen hat ein Schwerpunktthema, zum Beispiel Arbeitsvertrag oder Krankenversicherung.'
		},
		languages: ['ro', 'de'],
		targetGroups: ['newcomers'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['2.1.2'],
		slots: [{ rrule: 'FREQ=MONTHLY;BYDAY=2SU', time: '15:00', minutes: 120, since: '2026-02-01' }],
		at: [
			at('heiligkreuz', 'rumaenisch-orthodoxe-gemeinde'),
			at('sankt-mang', 'rumaenisch-orthodoxe-gemeinde'),
			at('thingers', 'stadtteilbuero-thingers')
		]
	},
	{
		key: 'austauschtreffen-tuerkisch',
		category: 'event',
		de: {
			title: 'Austauschtreffen für Neuzugewanderte aus der Türkei',
			summary:
				'Neu in Kempten? Menschen mit türkischen Wurzeln, die schon lange hier leben, teilen ihre Erfahrungen.',
			description:
				'Bei Tee und Gebäck beantworten Ehrenamtliche Fragen rund um Arbeit, Ausbildung, Behörden und Schule. Die Treffen finden auf Türkisch und Deutsch statt. Alle Neuzugewanderten und ihre Familien sind eingeladen.'
		},
		languages: ['tr', 'de'],
		targetGroups: ['newcomers', 'families'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['2.1.3'],
		themes: ['ehrenamt'],
		slots: [{ rrule: 'FREQ=MONTHLY;BYDAY=-1SA', time: '15:00', minutes: 120, since: '2026-03-01' }],
		at: [
			at('haubenschloss', 'dachverband-tuerkischer-vereine'),
			at('thingers', 'dachverband-tuerkischer-vereine'),
			at('sankt-mang', 'dachverband-tuerkischer-vereine')
		]
	},

	// ------------------------------------------------------------------ events, one-off
	{
		key: 'vortrag-qualifikation-frauen',
		category: 'event',
		alsoIn: ['work'],
		de: {
			title: 'Vortrag für Frauen: Mit der eigenen Qualifikation in den Beruf',
			summary:
				'Wie lasse ich meinen Abschluss anerkennen, welche Weiterbildung hilft mir? Ein Vortrag mit Zeit für Fragen.',
			description:
				'Eine Referentin erklärt Anerkennung, Weiterbildung und Wege in den Beruf für Frauen, die neu in Deutschland sind. Anschließend beantworten Beraterinnen Ihre Fragen, auf Wunsch mit Übersetzung. Eine Kinderbetreuung ist organisiert.'
		},
		languages: ['de', 'ar', 'uk', 'tr'],
		targetGroups: ['women', 'newcomers'],
		cost: 0,
		childcare: true,
		womenOnly: true,
		germanLevel: 'a1',
		registration: 'recommended',
		measures: ['2.3.1'],
		themes: ['frauen'],
		minutes: 120,
		at: [
			at('haubenschloss', 'sozialdienst-muslimischer-frauen', { date: '2026-11-26 18:00' }),
			at('sankt-mang', 'haus-international', { date: '2027-01-21 09:30' }),
			at('thingers', 'haus-international', { date: '2027-02-25 09:30' })
		]
	},
	{
		key: 'adventsfeier',
		category: 'event',
		de: {
			title: 'Interkulturelle Adventsfeier',
			summary:
				'Lieder, Geschichten und Gebäck aus vielen Ländern – ein Nachmittag für die ganze Familie.',
			description:
				'Wir zünden die Kerzen am Adventskranz an und erzählen, wie in unseren Herkunftsländern der Winter gefeiert wird. Es gibt Punsch, Tee und Plätzchen; gern können Sie etwas mitbringen. Die Kinder basteln Sterne.'
		},
		languages: ['de'],
		targetGroups: ['everyone', 'families'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.4.1', '5.1.1'],
		minutes: 180,
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang', { date: '2026-12-05 15:00' }),
			at('thingers', 'stadtteilbuero-thingers', { date: '2026-12-12 15:00' }),
			at('lenzfried', 'quartiersmanagement-kempten-ost', { date: '2026-12-13 14:30' })
		]
	},
	{
		key: 'interkulturelles-fest',
		category: 'event',
		de: {
			title: 'Interkulturelles Fest im Stadtteil',
			summary: 'Musik, Tanz und Essen aus aller Welt – Nachbarinnen und Nachbarn feiern zusammen.',
			description:
				'Vereine und Gruppen aus dem Stadtteil stellen sich vor, kochen und machen Musik. Es gibt ein Kinderprogramm und einen Tisch mit Informationen zu Angeboten in der Nähe. Der Eintritt ist frei.'
		},
		languages: ['de', 'tr', 'ar', 'ru', 'ro'],
		targetGroups: ['everyone', 'families'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.4.1', '5.1.1'],
		minutes: 240,
		at: [
			at('innenstadt', 'amt-fuer-integration', { venue: 1, date: '2027-01-30 14:00' }),
			at('haubenschloss', 'dachverband-tuerkischer-vereine', { date: '2027-03-13 14:00' })
		]
	},
	{
		key: 'infoabend-ehrenamt',
		category: 'event',
		de: {
			title: 'Infoabend: Ehrenamtlich in der Integrationsarbeit',
			summary:
				'Sprachpatenschaften, Kulturcafés, Begleitung zu Ämtern: So können Sie sich engagieren.',
			description:
				'Organisationen aus Kempten stellen Aufgaben für Ehrenamtliche vor und erzählen, wie sie Freiwillige einarbeiten und begleiten. Sie erfahren, wie viel Zeit Sie einplanen sollten und wo es Schulungen gibt. Menschen mit eigener Migrationsgeschichte sind besonders willkommen.'
		},
		languages: ['de'],
		targetGroups: ['volunteers', 'everyone'],
		cost: 0,
		germanLevel: 'b1',
		registration: 'none',
		measures: ['4.1.1', '4.2.1', '4.3.1'],
		themes: ['ehrenamt'],
		minutes: 120,
		at: [
			at('altstadt', 'amt-fuer-integration', { date: '2027-01-14 19:00' }),
			at('sankt-mang', 'stadtteilbuero-sankt-mang', { date: '2027-03-04 19:00' })
		]
	},
	{
		key: 'elternabend-schule',
		category: 'event',
		alsoIn: ['family'],
		de: {
			title: 'Elternabend: So funktioniert die Schule in Bayern',
			summary: 'Grundschule, Mittelschule, Realschule, Gymnasium – was passt zu meinem Kind?',
			description:
				'Lehrkräfte und Beraterinnen erklären den Übertritt nach der 4. Klasse und die Wege zu Ausbildung und Studium. Es gibt Zeit für Fragen, Dolmetschende übersetzen in mehrere Sprachen. Die Kinder können in dieser Zeit betreut werden.'
		},
		languages: ['de', 'ar', 'tr', 'uk', 'ru'],
		targetGroups: ['parents'],
		cost: 0,
		childcare: true,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['1.1.1', '1.4.1'],
		minutes: 120,
		at: [
			at('thingers', 'stadtteilbuero-thingers', { date: '2027-01-19 18:30' }),
			at('sankt-mang', 'stadtteilbuero-sankt-mang', { date: '2027-01-26 18:30' }),
			at('buehl', 'familienzentrum-wir', { date: '2027-02-02 18:30' })
		]
	},
	{
		key: 'fastenbrechen',
		category: 'event',
		de: {
			title: 'Offenes Fastenbrechen im Ramadan',
			summary: 'Alle Nachbarinnen und Nachbarn sind eingeladen, gemeinsam das Fasten zu brechen.',
			description:
				'Nach Sonnenuntergang essen wir zusammen; wer mag, bringt etwas mit. Vorher erzählen die Gastgeberinnen und Gastgeber, was der Ramadan für sie bedeutet. Menschen aller Religionen und ohne Religion sind willkommen.'
		},
		languages: ['de', 'ar', 'tr'],
		targetGroups: ['everyone'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['5.4.1'],
		minutes: 180,
		at: [at('haubenschloss', 'sozialdienst-muslimischer-frauen', { date: '2027-02-27 17:30' })]
	},
	{
		key: 'nouruz',
		category: 'event',
		de: {
			title: 'Nouruz-Fest: Frühlingsanfang feiern',
			summary: 'Das persische Neujahrsfest mit Musik, Haft-Sin-Tisch und Essen – für alle.',
			description:
				'Zum Frühlingsanfang feiern Menschen aus Iran, Afghanistan, Kurdistan und vielen anderen Ländern das neue Jahr. Wir zeigen den traditionellen Haft-Sin-Tisch, hören Musik und essen gemeinsam. Alle sind herzlich eingeladen.'
		},
		languages: ['de', 'fa'],
		targetGroups: ['everyone', 'families'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.4.1'],
		minutes: 240,
		at: [at('innenstadt', 'haus-international', { date: '2027-03-20 16:00' })]
	},
	{
		key: 'frauentag',
		category: 'event',
		de: {
			title: 'Internationaler Frauentag: Frauen im Stadtteil',
			summary: 'Ein Abend von Frauen für Frauen mit Gesprächen, Musik und kleinen Speisen.',
			description:
				'Frauen aus verschiedenen Ländern erzählen, was sie in Kempten bewegt und was sie sich wünschen. Danach ist Zeit für Austausch und Musik. Die Veranstaltung ist nur für Frauen; eine Kinderbetreuung wird angeboten.'
		},
		languages: ['de', 'ar', 'tr', 'ru', 'uk'],
		targetGroups: ['women'],
		cost: 0,
		childcare: true,
		womenOnly: true,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.3.1', '5.4.1'],
		themes: ['frauen', 'beteiligung'],
		minutes: 150,
		at: [
			at('thingers', 'stadtteilbuero-thingers', { date: '2027-03-08 17:30' }),
			at('sankt-mang', 'stadtteilbuero-sankt-mang', { date: '2027-03-06 15:00' })
		]
	},
	{
		key: 'gesundheitsvortrag',
		category: 'event',
		de: {
			title: 'Gesundheit im Gespräch: Vorsorge für Kinder und Erwachsene',
			summary:
				'Eine Ärztin erklärt Vorsorgeuntersuchungen und Impfungen – mit Übersetzung und Zeit für Fragen.',
			description:
				'Welche Untersuchungen bezahlt die Krankenkasse, wann sind die U-Untersuchungen für Kinder, welche Impfungen werden empfohlen? Der Vortrag erklärt es einfach und praktisch. Dolmetschende übersetzen in mehrere Sprachen.'
		},
		languages: ['de', 'ar', 'tr', 'ru', 'uk'],
		targetGroups: ['families', 'everyone'],
		cost: 0,
		germanLevel: 'none',
		registration: 'recommended',
		measures: ['3.1.1', '3.2.1'],
		minutes: 90,
		at: [
			at('sankt-mang', 'migrationsberatung-caritas', { date: '2026-11-24 18:00' }),
			at('thingers', 'haus-international', { date: '2027-02-09 18:00' }),
			at('lenzfried', 'familienzentrum-wir', { date: '2027-03-16 10:00' })
		]
	},
	{
		key: 'workshop-vielfalt',
		category: 'event',
		de: {
			title: 'Workshop: Vielfalt im Verein – gemeinsam gegen Diskriminierung',
			summary: 'Für Vereine, Kitas und Einrichtungen, die offener für alle werden wollen.',
			description:
				'Im Workshop schauen wir, wer in Ihrer Einrichtung mitmacht und wer fehlt. Wir üben, auf abwertende Sprüche zu reagieren, und entwickeln erste Schritte zu mehr Offenheit. Die Teilnahme ist kostenlos.'
		},
		languages: ['de'],
		targetGroups: ['volunteers', 'everyone'],
		cost: 0,
		germanLevel: 'b1',
		registration: 'required',
		measures: ['6.1.1', '6.2.1'],
		themes: ['antidiskriminierung', 'interkulturelle-oeffnung'],
		minutes: 210,
		at: [
			at('altstadt', 'amt-fuer-integration', { date: '2026-12-02 17:00' }),
			at('sankt-lorenz', 'stadtjugendring-kempten', { date: '2027-02-20 10:00' })
		]
	},
	{
		key: 'mitreden',
		category: 'event',
		de: {
			title: 'Mitreden in Kempten: Wie kann ich mich politisch beteiligen?',
			summary:
				'Integrationsbeirat, Bürgerversammlung, Wahlen: ein Abend über Mitsprache in der Stadt.',
			description:
				'Wir erklären, wie Entscheidungen in der Stadt fallen und wo Sie Ihre Meinung einbringen können, auch ohne deutschen Pass. Mitglieder des Integrationsbeirats berichten aus ihrer Arbeit. Danach sammeln wir Anliegen aus dem Stadtteil.'
		},
		languages: ['de', 'tr', 'ar', 'ru'],
		targetGroups: ['everyone', 'newcomers'],
		cost: 0,
		germanLevel: 'a2',
		registration: 'none',
		measures: ['5.3.1'],
		themes: ['beteiligung'],
		minutes: 120,
		at: [
			at('thingers', 'stadtteilbuero-thingers', { date: '2026-12-09 18:30' }),
			at('sankt-mang', 'amt-fuer-integration', { date: '2027-02-17 18:30' })
		]
	},
	{
		key: 'stadtfuehrung',
		category: 'event',
		de: {
			title: 'Kempten entdecken: Stadtführung für Neuzugewanderte',
			summary:
				'Ein Spaziergang zu wichtigen Orten: Rathaus, Bibliothek, Beratungsstellen und Sehenswürdigkeiten.',
			description:
				'Auf einem Rundgang durch die Innenstadt zeigen wir, wo Sie Ämter, die Stadtbibliothek und Beratungsstellen finden. Unterwegs erzählen wir ein wenig aus der über 2000-jährigen Geschichte Kemptens. Bitte denken Sie an wetterfeste Kleidung.'
		},
		languages: ['de', 'en', 'ar', 'uk'],
		targetGroups: ['newcomers'],
		cost: 0,
		germanLevel: 'a1',
		registration: 'recommended',
		measures: ['1.4.1'],
		minutes: 120,
		at: [
			at('altstadt', 'amt-fuer-integration', { date: '2026-11-28 11:00' }),
			at('innenstadt', 'haus-international', { date: '2027-03-27 11:00', draft: true })
		]
	},
	{
		key: 'kinderfasching',
		category: 'event',
		de: {
			title: 'Kinderfasching international',
			summary: 'Verkleiden, tanzen, spielen: Faschingsparty für Kinder von 3 bis 10 Jahren.',
			description:
				'Fasching gehört im Allgäu zum Winter dazu. Die Kinder kommen verkleidet, es gibt Spiele, Musik und Krapfen. Nebenbei erfahren Eltern, wie Fasching in Kita und Schule gefeiert wird.'
		},
		languages: ['de'],
		targetGroups: ['children', 'families'],
		cost: 0,
		germanLevel: 'none',
		registration: 'none',
		measures: ['5.4.1', '1.1.1'],
		minutes: 150,
		at: [
			at('sankt-mang', 'stadtteilbuero-sankt-mang', { date: '2027-02-06 14:30' }),
			at('heiligkreuz', 'familienzentrum-wir', { date: '2027-02-09 15:00' })
		]
	}
];
