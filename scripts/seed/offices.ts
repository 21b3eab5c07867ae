// The Stadtteilbüros' public facts (office_facts, organisation_districts): which districts each
// serves, opening hours, languages spoken (the organisation's), how to get there. The public
// documents (../shared/seeds) name Kempten's Stadtteilbüros but give no addresses or hours, so
// every value here is a demo value, and the texts say so.

export interface OpeningHour {
	/** ISO weekday: 1 Monday … 7 Sunday. */
	weekday: number;
	opens: string;
	closes: string;
}

export interface OfficeFacts {
	/** The organisation's slug (see organisations.ts). */
	organisation: string;
	/** Slugs of the districts it serves. */
	serves: string[];
	hours: OpeningHour[];
	/** A note on the hours per locale. */
	hoursNote: Record<string, string>;
	/** How to get there per locale. */
	directions: Record<string, string>;
}

/** The same hours on several weekdays. */
const on = (weekdays: number[], opens: string, closes: string): OpeningHour[] =>
	weekdays.map((weekday) => ({ weekday, opens, closes }));

const DEMO_NOTE = {
	de: 'Demo-Öffnungszeiten. Termine auch nach Vereinbarung.',
	en: 'Demo opening hours. Appointments also by arrangement.'
};

export const OFFICES: OfficeFacts[] = [
	{
		organisation: 'stadtteilbuero-sankt-mang',
		serves: ['sankt-mang'],
		hours: [...on([1, 2, 3, 4, 5], '09:00', '12:00'), ...on([2, 4], '14:00', '17:00')],
		hoursNote: DEMO_NOTE,
		directions: {
			de: 'Bus bis Haltestelle „Sankt Mang Platz“, dann 3 Minuten zu Fuß (Demo-Angabe). Eingang ebenerdig.',
			en: 'Bus to the stop “Sankt Mang Platz”, then a 3-minute walk (demo information). Step-free entrance.'
		}
	},
	{
		organisation: 'stadtteilbuero-thingers',
		serves: ['thingers'],
		hours: [...on([1, 3], '10:00', '13:00'), ...on([2, 4], '14:00', '18:00')],
		hoursNote: DEMO_NOTE,
		directions: {
			de: 'Bus bis Haltestelle „Thingers Mitte“ (Demo-Angabe).',
			en: 'Bus to the stop “Thingers Mitte” (demo information).'
		}
	},
	{
		organisation: 'quartiersmanagement-kempten-ost',
		serves: ['lenzfried'],
		hours: [...on([1, 2, 3, 4], '09:00', '12:30'), ...on([3], '15:00', '18:00')],
		hoursNote: DEMO_NOTE,
		directions: {
			de: 'Bus bis Haltestelle „Lenzfried“ (Demo-Angabe).',
			en: 'Bus to the stop “Lenzfried” (demo information).'
		}
	}
];
