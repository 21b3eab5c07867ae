// Districts (Stadtteile) of the demo city: real names of Kempten (Allgäu), demo geometry.
//
// The polygons are a Voronoi tessellation of a rough city outline (about 10 × 12 km around
// 47.726 N, 10.315 E) from one site per district, placed in the right direction from the
// centre. Population figures add up to about 70,000 and are demo values, like the geometry.

import type { LonLat } from './geometry';

export const CITY = {
	slug: 'kempten',
	name: 'Kempten (Allgäu)',
	locality: 'Kempten (Allgäu)',
	centre: [10.315, 47.726] as LonLat
};

export const DISTRICT_SOURCE = 'Demo-Geometrie, nicht amtlich';

/** Convex outline of the demo city, counter-clockwise. */
export const OUTLINE: LonLat[] = [
	[10.262, 47.688],
	[10.301, 47.671],
	[10.347, 47.675],
	[10.377, 47.697],
	[10.383, 47.743],
	[10.362, 47.777],
	[10.318, 47.782],
	[10.274, 47.769],
	[10.25, 47.737],
	[10.251, 47.705]
];

/** A place in a district where offers happen: an office, a school, a hall. */
export interface Venue {
	/** Street and house number as written on the offer. */
	street: string;
	/** Step-free access, as the venue's operator states it (null: not known). */
	wheelchair: boolean | null;
}

export interface District {
	slug: string;
	name: string;
	/** Voronoi site: where the district's cell is centred, roughly. */
	site: LonLat;
	postalCode: string;
	population: number;
	/** Share of residents with a migration history (demo). */
	migrationShare: number;
	/** ISO 639-1 codes, most spoken first (demo). */
	mainLanguages: string[];
	venues: Venue[];
}

const v = (street: string, wheelchair: boolean | null = true): Venue => ({ street, wheelchair });

export const DISTRICTS: District[] = [
	{
		slug: 'altstadt',
		name: 'Altstadt',
		site: [10.3205, 47.7262],
		postalCode: '87435',
		population: 3100,
		migrationShare: 0.38,
		mainLanguages: ['de', 'tr', 'it', 'ro', 'ru'],
		venues: [v('Rathausplatz 14'), v('Gerberstraße 8', false), v('Kronenstraße 21')]
	},
	{
		slug: 'innenstadt',
		name: 'Innenstadt',
		site: [10.312, 47.7195],
		postalCode: '87435',
		population: 6800,
		migrationShare: 0.44,
		mainLanguages: ['de', 'tr', 'ro', 'ar', 'ru', 'uk'],
		venues: [v('Fürstenstraße 19'), v('Bahnhofstraße 24'), v('Keselstraße 14'), v('Königstraße 9')]
	},
	{
		slug: 'sankt-lorenz',
		name: 'Sankt Lorenz',
		site: [10.3085, 47.7305],
		postalCode: '87435',
		population: 4200,
		migrationShare: 0.33,
		mainLanguages: ['de', 'ru', 'tr', 'pl'],
		venues: [v('Stiftsplatz 5'), v('Klostersteige 12', null), v('Landwehrstraße 3')]
	},
	{
		slug: 'haubenschloss',
		name: 'Haubenschloß',
		site: [10.2955, 47.7185],
		postalCode: '87435',
		population: 7400,
		migrationShare: 0.47,
		mainLanguages: ['de', 'tr', 'ru', 'ro', 'ar'],
		venues: [
			v('Haubenschloßstraße 40'),
			v('Lindauer Straße 61'),
			v('Schumacherring 12', false),
			v('Am Sportplatz 2')
		]
	},
	{
		slug: 'steufzgen',
		name: 'Steufzgen',
		site: [10.2745, 47.7325],
		postalCode: '87439',
		population: 4900,
		migrationShare: 0.31,
		mainLanguages: ['de', 'ru', 'pl', 'tr'],
		venues: [v('Ahornweg 7'), v('Birkenweg 6', null), v('Wiesenstraße 18')]
	},
	{
		slug: 'thingers',
		name: 'Thingers',
		site: [10.2905, 47.7485],
		postalCode: '87439',
		population: 8600,
		migrationShare: 0.56,
		mainLanguages: ['de', 'tr', 'ru', 'ro', 'ar', 'uk'],
		venues: [
			v('Leutkircher Straße 52'),
			v('Goethestraße 33'),
			v('Eichendorffweg 9', false),
			v('Sportplatzweg 1')
		]
	},
	{
		slug: 'heiligkreuz',
		name: 'Heiligkreuz',
		site: [10.3195, 47.7665],
		postalCode: '87439',
		population: 4300,
		migrationShare: 0.19,
		mainLanguages: ['de', 'ro', 'pl'],
		venues: [v('Memminger Straße 140'), v('Kirchplatz 2', false), v('Obere Dorfstraße 5')]
	},
	{
		slug: 'leubas',
		name: 'Leubas',
		site: [10.3545, 47.7595],
		postalCode: '87437',
		population: 1900,
		migrationShare: 0.16,
		mainLanguages: ['de', 'pl', 'tr'],
		venues: [v('Dorfstraße 17'), v('Am Bach 3', null)]
	},
	{
		slug: 'lenzfried',
		name: 'Lenzfried',
		site: [10.3515, 47.7285],
		postalCode: '87437',
		population: 5600,
		migrationShare: 0.36,
		mainLanguages: ['de', 'tr', 'ru', 'uk', 'hr'],
		venues: [
			v('Kaufbeurer Straße 88'),
			v('Lenzfrieder Straße 30'),
			v('Blumenstraße 12'),
			v('Parkstraße 6', false)
		]
	},
	{
		slug: 'sankt-mang',
		name: 'Sankt Mang',
		site: [10.3395, 47.7055],
		postalCode: '87437',
		population: 9800,
		migrationShare: 0.52,
		mainLanguages: ['de', 'ru', 'tr', 'ro', 'uk', 'ar'],
		venues: [
			v('Füssener Straße 45'),
			v('Kotterner Straße 20'),
			v('Lindenweg 14', false),
			v('Am Hallenbad 2'),
			v('Ringstraße 60')
		]
	},
	{
		slug: 'ludwigshoehe',
		name: 'Ludwigshöhe',
		site: [10.3155, 47.6985],
		postalCode: '87437',
		population: 4800,
		migrationShare: 0.34,
		mainLanguages: ['de', 'ru', 'tr', 'el'],
		venues: [v('Ludwigstraße 71'), v('Tannenweg 8', null), v('Gartenstraße 25')]
	},
	{
		slug: 'buehl',
		name: 'Bühl',
		site: [10.2875, 47.7005],
		postalCode: '87435',
		population: 5200,
		migrationShare: 0.35,
		mainLanguages: ['de', 'tr', 'ro', 'ar'],
		venues: [v('Immenstädter Straße 95'), v('Eschenweg 4', false), v('Mühlbachweg 10')]
	},
	{
		slug: 'schelldorf',
		name: 'Schelldorf',
		site: [10.2665, 47.7065],
		postalCode: '87435',
		population: 3400,
		migrationShare: 0.24,
		mainLanguages: ['de', 'ro', 'ru'],
		venues: [v('Schelldorfer Straße 22'), v('Wiesengrund 5'), v('Kapellenweg 3', null)]
	}
];

export function districtBySlug(slug: string): District {
	const district = DISTRICTS.find((d) => d.slug === slug);
	if (!district) throw new Error(`no district ${slug}`);
	return district;
}
