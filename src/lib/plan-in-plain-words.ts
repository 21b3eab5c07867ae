/**
 * What the city plans, in Einfache Sprache: integration concepts name their fields of action and
 * goals in official words ("Gesellschaftliche Teilhabe", "Regelangebote offen und
 * niederschwellig ausrichten"). The de-simple offer page says in one short sentence what the
 * city wants instead, found from the words of the field's and the goal's titles; the concept's
 * own words stay one click away, quoted.
 *
 *   planInPlainWords({ field: 'Arbeit und Ausbildung', goal: '…' })
 *     → 'Mehr Menschen finden Arbeit oder eine Ausbildung.'
 *
 * Written for German concepts (the concept is German; the sentences are Einfache Sprache, so
 * only the de-simple pages use them). A title none of the words fit gets the general aim.
 */

/** Beginnings of folded words in a title, and what the city wants then. First match wins. */
const AIMS: [string[], string][] = [
	[['sprach', 'deutsch'], 'Mehr Menschen lernen gut Deutsch.'],
	[
		['arbeit', 'ausbildung', 'beruf', 'beschäftigung', 'qualifi'],
		'Mehr Menschen finden Arbeit oder eine Ausbildung.'
	],
	[
		['bildung', 'schul', 'kita', 'kinderbetreuung', 'lern'],
		'Alle Kinder und Erwachsenen können gut lernen.'
	],
	[['gesundheit', 'pflege', 'medizin'], 'Alle Menschen bekommen gute Hilfe, wenn sie krank sind.'],
	[['wohn'], 'Alle Menschen finden eine gute Wohnung.'],
	[['sport', 'bewegung'], 'Mehr Menschen machen zusammen Sport.'],
	[['engagement', 'ehrenamt', 'freiwillig'], 'Mehr Menschen helfen freiwillig mit.'],
	[
		['öffnung', 'interkulturell', 'verwaltung', 'diskriminier', 'rassismus'],
		'Ämter, Vereine und Dienste sind für alle Menschen offen.'
	],
	[
		[
			'teilhabe',
			'beteiligung',
			'miteinander',
			'zusammenleben',
			'begegnung',
			'gemeinschaft',
			'kultur'
		],
		'Alle Menschen können in der Stadt mitmachen.'
	],
	[['familie', 'kinder', 'jugend', 'eltern'], 'Familien und Kinder bekommen gute Hilfe.'],
	[['frauen'], 'Frauen bekommen gute Hilfe und können überall mitmachen.']
];

/** The frame of the sentence, in Einfache Sprache. */
export const CITY_WANTS = 'Die Stadt will:';

/** When no word fits. */
export const GENERAL_AIM = 'Alle Menschen in der Stadt leben gut zusammen.';

const words = (title: string) =>
	title
		.normalize('NFC')
		.toLocaleLowerCase('de')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

function aimOf(title: string | null | undefined): string | null {
	if (!title) return null;
	const found = words(title);
	for (const [beginnings, aim] of AIMS) {
		if (found.some((word) => beginnings.some((beginning) => word.startsWith(beginning))))
			return aim;
	}
	return null;
}

/** The city's aim in plain words: from the field of action, else the goal, else the general one. */
export function planInPlainWords(titles: { field: string; goal?: string | null }): string {
	return aimOf(titles.field) ?? aimOf(titles.goal) ?? GENERAL_AIM;
}
