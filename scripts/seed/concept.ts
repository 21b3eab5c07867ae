// Kempten's integration concept (KIK), as far as the public documents give it.
//
// Source: the KIK as presented to the city council on 18.11.2021 (shared/seeds/001) and the
// city's web page (000). The structure is exact: six fields of action with 8/30, 8/27, 6/19,
// 5/18, 8/24 and 8/26 goals/measures (43 goals, 144 measures). The documents quote only a few
// measures: the examples per field ("z.B."), the sample rows of the implementation table and
// the tasks summarised for all fields. Those are real measures here (is_placeholder = false);
// every other goal and measure is a neutral placeholder that says the text is in the KIK.
// Which goal a quoted example sits under is a demo placement, except 2.1.3 and 2.3.1, whose
// codes the table shows. Statuses other than the table's are demo values (concept is_demo).

export const CONCEPT = {
	slug: 'kik',
	title: 'Kommunales Integrationskonzept Kempten (KIK)',
	adoptedOn: '2021-11-18',
	levelNames: { field: 'Handlungsfeld', goal: 'Ziel', measure: 'Maßnahme' }
};

export type MeasureStatus =
	| 'implemented'
	| 'in_progress_start'
	| 'in_progress_middle'
	| 'in_progress_end'
	| 'at_risk'
	| 'scheduled';

export interface Field {
	code: string;
	title: string;
	/** Measures per goal; the sums are the counts the KIK gives. */
	measuresPerGoal: number[];
	goals: number;
	measures: number;
}

export const FIELDS: Field[] = [
	{
		code: '1',
		title: 'Sprache und Bildung',
		goals: 8,
		measures: 30,
		measuresPerGoal: [5, 4, 4, 3, 4, 3, 4, 3]
	},
	{
		code: '2',
		title: 'Arbeit und Ausbildung',
		goals: 8,
		measures: 27,
		measuresPerGoal: [4, 3, 4, 3, 4, 3, 3, 3]
	},
	{
		code: '3',
		title: 'Gesundheit und Pflege',
		goals: 6,
		measures: 19,
		measuresPerGoal: [4, 3, 3, 3, 3, 3]
	},
	{
		code: '4',
		title: 'Bürgerschaftliches Engagement',
		goals: 5,
		measures: 18,
		measuresPerGoal: [4, 4, 3, 4, 3]
	},
	{
		code: '5',
		title: 'Gesellschaftliche Teilhabe',
		goals: 8,
		measures: 24,
		measuresPerGoal: [3, 3, 4, 3, 3, 3, 2, 3]
	},
	{
		code: '6',
		title: 'Interkulturelle Öffnung',
		goals: 8,
		measures: 26,
		measuresPerGoal: [4, 3, 3, 3, 4, 3, 3, 3]
	}
];

export const PLACEHOLDER_MEASURE_DESCRIPTION =
	'Text dieser Maßnahme ist im KIK nachzulesen; im Demo nicht hinterlegt.';

export const placeholderGoalTitle = (code: string) => `Ziel ${code}`;
export const placeholderMeasureTitle = (code: string) => `Maßnahme ${code}`;

export interface KnownMeasure {
	code: string;
	title: string;
	description: string;
	targetGroup?: string;
	actors?: string;
	status: MeasureStatus | null;
	/** When the status was last reported (demo). */
	statusSince?: string;
	indicators?: { description: string; value: number; unit: string }[];
	themes?: ThemeSlug[];
}

const SOURCE = 'Stadtratsvorlage zum KIK vom 18.11.2021';
const example = (field: string) =>
	`Im KIK als Beispiel für das Handlungsfeld „${field}“ genannt (${SOURCE}).`;
const summaryTask = (field: string) =>
	`Im KIK als Aufgabe in allen Handlungsfeldern zusammengefasst (${SOURCE}); im Demo dem Handlungsfeld „${field}“ zugeordnet.`;
const tableRow = `Beispielzeile der Umsetzungstabelle (${SOURCE}).`;

// Actors the KIK names for the field "Arbeit und Ausbildung" (abridged).
const ACTORS_WORK =
	'Agentur für Arbeit, Jobcenter, Bildungsträger, Berufsschulen, Haus International e.V., Migrations-, Flüchtlings- und Integrationsberatung, Migrant*innenorganisationen, Stadtteilbüros';

export const KNOWN_MEASURES: KnownMeasure[] = [
	// 1 Sprache und Bildung
	{
		code: '1.1.1',
		title:
			'Kooperationen zwischen Schulen/KiTas und informellem Bildungsbereich (offene Jugendarbeit, Vereine …) stärken',
		description: example('Sprache und Bildung'),
		status: 'implemented',
		statusSince: '2026-03-12'
	},
	{
		code: '1.2.1',
		title: 'Vom Bund und Land finanzierte Sprachkursformate zielgruppenspezifisch ausbauen',
		description: `Im KIK als Beispiel für die effektivere Nutzung von Regelangeboten genannt (${SOURCE}).`,
		status: 'in_progress_middle',
		statusSince: '2026-06-30'
	},
	{
		code: '1.3.1',
		title: 'Brückenangebote zur Überleitung zu Regelangeboten gestalten',
		description: summaryTask('Sprache und Bildung'),
		status: 'implemented',
		statusSince: '2025-11-20'
	},
	{
		code: '1.4.1',
		title: 'Neuankommende Personen fördern',
		description: summaryTask('Sprache und Bildung'),
		status: 'in_progress_start',
		statusSince: '2026-09-15'
	},
	// 2 Arbeit und Ausbildung
	{
		code: '2.1.1',
		title:
			'Unterstützungsangebote bei der Ausbildung / Zugang zum Arbeitsmarkt ausbauen (Beratung, berufsbezogener Sprachkurs …)',
		description: example('Arbeit und Ausbildung'),
		actors: ACTORS_WORK,
		status: 'in_progress_end',
		statusSince: '2026-07-01'
	},
	{
		code: '2.1.2',
		title:
			'Austauschtreffen von „Alteingesessenen“ mit rumänischen Wurzeln und neuzugewanderten Rumän*innen',
		description: `${tableRow} Treffen von „Alteingesessenen“ mit rumänischen Wurzeln und neuzugewanderten Rumän*innen.`,
		targetGroup: 'Neuzugewanderte Rumän*innen',
		actors: ACTORS_WORK,
		status: 'implemented',
		statusSince: '2026-04-22',
		indicators: [
			{
				description: '10 Neuzugewanderte pro Treffen',
				value: 10,
				unit: 'Neuzugewanderte pro Treffen'
			}
		]
	},
	{
		code: '2.1.3',
		title: 'Austauschtreffen mit neuzugewanderten Türk*innen',
		description: `${tableRow} Austauschtreffen („Maßnahme C“) für neuzugewanderte Türk*innen.`,
		targetGroup: 'Neuzugewanderte Türk*innen',
		actors: ACTORS_WORK,
		status: 'implemented',
		statusSince: '2026-04-22'
	},
	{
		code: '2.2.1',
		title: '„Zukunft bringt’s“ mit Agentur für Arbeit, Schulen …',
		description: `${tableRow} „Zukunft bringt’s“ (Unterausschuss) mit Agentur für Arbeit, Schulen …; der vollständige Text steht im KIK.`,
		actors: 'Unterausschuss „Zukunft bringt’s“, Agentur für Arbeit, Schulen',
		status: 'in_progress_middle',
		statusSince: '2026-05-18'
	},
	{
		code: '2.3.1',
		title: 'Vorträge zur beruflichen Qualifikation',
		description: `${tableRow} Vorträge zur beruflichen Qualifikation für neuzugewanderte Frauen.`,
		targetGroup: 'Neuzugewanderte Frauen',
		actors: ACTORS_WORK,
		status: 'at_risk',
		statusSince: '2026-10-08',
		indicators: [
			{
				description: '15 neuzugewanderte Frauen pro Vortrag',
				value: 15,
				unit: 'neuzugewanderte Frauen pro Vortrag'
			}
		],
		themes: ['frauen']
	},
	// 3 Gesundheit und Pflege
	{
		code: '3.1.1',
		title:
			'In Netzwerken migrationsspezifische Gesundheits- und Pflegethemen behandeln und dafür sensibilisieren',
		description: example('Gesundheit und Pflege'),
		status: 'in_progress_start',
		statusSince: '2026-02-10'
	},
	{
		code: '3.2.1',
		title: 'Kommunikation und Informationsweitergabe fördern',
		description: summaryTask('Gesundheit und Pflege'),
		status: 'scheduled',
		statusSince: '2026-10-01'
	},
	// 4 Bürgerschaftliches Engagement
	{
		code: '4.1.1',
		title: 'Gewinnung von Ehrenamtlichen zur Vermittlung von Sprache und Kultur',
		description: example('Bürgerschaftliches Engagement'),
		status: 'implemented',
		statusSince: '2025-12-04',
		themes: ['ehrenamt']
	},
	{
		code: '4.2.1',
		title: 'Begleitung von Ehrenamtlichen durch Koordinator*innen und Abstimmung dazu im Netzwerk',
		description: example('Bürgerschaftliches Engagement'),
		status: 'in_progress_middle',
		statusSince: '2026-03-26',
		themes: ['ehrenamt']
	},
	{
		code: '4.3.1',
		title: 'Kooperation im Netzwerk fördern und einfordern',
		description: summaryTask('Bürgerschaftliches Engagement'),
		status: 'implemented',
		statusSince: '2026-01-20'
	},
	{
		code: '4.4.1',
		title: 'Verantwortung für die Gemeinschaft übernehmen',
		description: summaryTask('Bürgerschaftliches Engagement'),
		status: 'in_progress_start',
		statusSince: '2026-08-03',
		themes: ['ehrenamt', 'beteiligung']
	},
	// 5 Gesellschaftliche Teilhabe
	{
		code: '5.1.1',
		title: 'Begegnungsstätten in allen Quartieren fördern',
		description: example('Gesellschaftliche Teilhabe'),
		status: 'implemented',
		statusSince: '2026-02-27'
	},
	{
		code: '5.2.1',
		title: 'Sportangebote zielgruppenspezifisch bewerben / anpassen',
		description: example('Gesellschaftliche Teilhabe'),
		status: 'in_progress_middle',
		statusSince: '2026-06-11'
	},
	{
		code: '5.3.1',
		title: 'Menschen mit Migrationshintergrund gezielt für politische Beteiligung ansprechen',
		description: example('Gesellschaftliche Teilhabe'),
		status: 'at_risk',
		statusSince: '2026-09-24',
		themes: ['beteiligung']
	},
	{
		code: '5.4.1',
		title: 'Gesellschaftliches Miteinander fördern',
		description: summaryTask('Gesellschaftliche Teilhabe'),
		status: 'implemented',
		statusSince: '2026-05-05'
	},
	// 6 Interkulturelle Öffnung
	{
		code: '6.1.1',
		title:
			'Verwaltungen und Institutionen erarbeiten für sich Handlungsansätze, um ein Bewusstsein für Integration und Vielfalt zu schaffen',
		description: example('Interkulturelle Öffnung'),
		status: 'in_progress_start',
		statusSince: '2026-04-14',
		themes: ['interkulturelle-oeffnung']
	},
	{
		code: '6.2.1',
		title:
			'Entwicklung von Handlungsansätzen und Infrastruktur zur Antidiskriminierungs- und Antirassismusarbeit',
		description: example('Interkulturelle Öffnung'),
		status: 'scheduled',
		statusSince: '2026-10-20',
		themes: ['antidiskriminierung']
	},
	{
		code: '6.3.1',
		title: 'Regelangebote offen und niederschwellig ausrichten',
		description: summaryTask('Interkulturelle Öffnung'),
		status: 'in_progress_end',
		statusSince: '2026-07-16',
		themes: ['interkulturelle-oeffnung']
	}
];

export type ThemeSlug =
	'beteiligung' | 'ehrenamt' | 'interkulturelle-oeffnung' | 'antidiskriminierung' | 'frauen';

/** Cross-cutting themes (Querschnittsthemen) as a district concept names them (seeds/004). */
export const THEMES: { slug: ThemeSlug; title: string }[] = [
	{ slug: 'beteiligung', title: 'Beteiligung' },
	{ slug: 'ehrenamt', title: 'Ehrenamt' },
	{ slug: 'interkulturelle-oeffnung', title: 'Interkulturelle Öffnung' },
	{ slug: 'antidiskriminierung', title: 'Antidiskriminierung' },
	{ slug: 'frauen', title: 'Frauen' }
];
