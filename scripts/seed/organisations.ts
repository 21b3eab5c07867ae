// Organisations of the kind Kempten's KIK names (seeds/001). All contact data is fake:
// e-mail addresses at example.org, telephone numbers in the fictional range 0831 000 00xx,
// websites under https://example.org/. No person is named anywhere.

export type OrganisationKind =
	| 'neighbourhood_office'
	| 'provider'
	| 'counselling_service'
	| 'club'
	| 'authority'
	| 'migrant_organisation'
	| 'education'
	| 'religious_community'
	| 'welfare_association'
	| 'other';

export interface Organisation {
	slug: string;
	name: string;
	kind: OrganisationKind;
	/** District of its office; the office is the district's first venue unless `venue` says otherwise. */
	district: string;
	venue?: number;
	/** Languages its staff offer counselling in (ISO 639-1). */
	languages: string[];
}

export const ORGANISATIONS: Organisation[] = [
	{
		slug: 'stadtteilbuero-sankt-mang',
		name: 'Stadtteilbüro Sankt Mang',
		kind: 'neighbourhood_office',
		district: 'sankt-mang',
		languages: ['de', 'ru', 'tr', 'uk']
	},
	{
		slug: 'stadtteilbuero-thingers',
		name: 'Stadtteilbüro Thingers',
		kind: 'neighbourhood_office',
		district: 'thingers',
		languages: ['de', 'tr', 'ar', 'ro']
	},
	{
		slug: 'quartiersmanagement-kempten-ost',
		name: 'Quartiersmanagement Kempten Ost',
		kind: 'neighbourhood_office',
		district: 'lenzfried',
		languages: ['de', 'ru', 'uk']
	},
	{
		slug: 'haus-international',
		name: 'Haus International e.V.',
		kind: 'provider',
		district: 'innenstadt',
		venue: 1,
		languages: ['de', 'en', 'ar', 'fa', 'tr']
	},
	{
		slug: 'vhs-kempten',
		name: 'vhs Kempten',
		kind: 'education',
		district: 'innenstadt',
		languages: ['de', 'en']
	},
	{
		slug: 'diakonie-kulturcafes',
		name: 'Diakonie Kulturcafés',
		kind: 'welfare_association',
		district: 'altstadt',
		venue: 1,
		languages: ['de', 'ar', 'uk']
	},
	{
		slug: 'diakonie-asyl-integrationsberatung',
		name: 'Diakonie Asyl- und Integrationsberatung',
		kind: 'counselling_service',
		district: 'altstadt',
		venue: 2,
		languages: ['de', 'en', 'ar', 'fa', 'uk']
	},
	{
		slug: 'migrationsberatung-caritas',
		name: 'Migrationsberatung Caritas',
		kind: 'counselling_service',
		district: 'innenstadt',
		venue: 2,
		languages: ['de', 'en', 'ar', 'ru']
	},
	{
		slug: 'migrationsberatung-brk',
		name: 'Migrationsberatung Bayerisches Rotes Kreuz',
		kind: 'counselling_service',
		district: 'haubenschloss',
		venue: 1,
		languages: ['de', 'en', 'tr', 'ro']
	},
	{
		slug: 'jugendmigrationsdienst',
		name: 'Jugendmigrationsdienst',
		kind: 'counselling_service',
		district: 'sankt-lorenz',
		venue: 2,
		languages: ['de', 'en', 'ar', 'uk']
	},
	{
		slug: 'sozialdienst-muslimischer-frauen',
		name: 'Sozialdienst muslimischer Frauen e.V.',
		kind: 'migrant_organisation',
		district: 'haubenschloss',
		venue: 2,
		languages: ['de', 'ar', 'tr', 'fa']
	},
	{
		slug: 'stadtjugendring-kempten',
		name: 'Stadtjugendring Kempten',
		kind: 'provider',
		district: 'sankt-lorenz',
		venue: 1,
		languages: ['de', 'en']
	},
	{
		slug: 'familienzentrum-wir',
		name: 'Familienzentrum WIR – Hand in Hand',
		kind: 'provider',
		district: 'lenzfried',
		venue: 2,
		languages: ['de', 'tr', 'ru']
	},
	{
		slug: 'rumaenisch-orthodoxe-gemeinde',
		name: 'Rumänisch-Orthodoxe Gemeinde',
		kind: 'religious_community',
		district: 'heiligkreuz',
		venue: 1,
		languages: ['ro', 'de']
	},
	{
		slug: 'dachverband-tuerkischer-vereine',
		name: 'Dachverband türkischer Vereine',
		kind: 'migrant_organisation',
		district: 'haubenschloss',
		languages: ['tr', 'de']
	},
	{
		slug: 'deutsch-russischer-bildungsverein',
		name: 'Deutsch-Russischer Bildungsverein',
		kind: 'migrant_organisation',
		district: 'steufzgen',
		languages: ['ru', 'de', 'uk']
	},
	{
		slug: 'jobcenter-kempten',
		name: 'Jobcenter Kempten',
		kind: 'authority',
		district: 'innenstadt',
		venue: 3,
		languages: ['de', 'en']
	},
	{
		slug: 'amt-fuer-integration',
		name: 'Amt für Integration der Stadt Kempten',
		kind: 'authority',
		district: 'altstadt',
		languages: ['de', 'en']
	},
	{
		slug: 'sg-illerufer',
		name: 'Sportgemeinschaft Illerufer e.V.',
		kind: 'club',
		district: 'buehl',
		venue: 2,
		languages: ['de']
	}
];

export function organisationBySlug(slug: string): Organisation {
	const organisation = ORGANISATIONS.find((o) => o.slug === slug);
	if (!organisation) throw new Error(`no organisation ${slug}`);
	return organisation;
}

/** Fake e-mail address of an organisation. */
export const organisationEmail = (slug: string) => `${slug}@example.org`;

/** Fake telephone number in the fictional range 0831 000 00xx (xx from 01). */
export function organisationPhone(slug: string): string {
	const index = ORGANISATIONS.findIndex((o) => o.slug === slug);
	if (index < 0 || index > 98) throw new Error(`no phone number for ${slug}`);
	return `0831 000 00${String(index + 1).padStart(2, '0')}`;
}

export const organisationWebsite = (slug: string) => `https://example.org/${slug}`;
