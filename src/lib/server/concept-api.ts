/**
 * The public implementation status as the read API gives it (`/api/concept`,
 * `/api/concept/fields/{code}`): the data of `public_concept_fields()` and
 * `public_concept_field()` with the addresses of the pages that show it, of each field's JSON
 * and of each offer's page (in the asked locale), so a caller can follow them.
 *
 *   return apiJson(overviewJson(overview, { origin: url.origin, locale }));
 */
import type { ConceptOverview, FieldStatus } from '$lib/concept-status';
import { localizePath, type Locale } from '$lib/i18n/locales';

export interface Addresses {
	/** The portal's origin, e.g. `https://angebote.kempten.de`. */
	origin: string;
	/** The locale of the page addresses (and of the offers' titles). */
	locale: Locale;
}

const fieldPath = (code: string) => `/concept/${encodeURIComponent(code)}`;

/** The overview with each field's page (`url`) and JSON (`api_url`). */
export function overviewJson(overview: ConceptOverview, { origin, locale }: Addresses) {
	return {
		concept: overview.concept,
		url: new URL(localizePath(locale, '/concept'), origin).href,
		fields: overview.fields.map((field) => ({
			...field,
			url: new URL(localizePath(locale, fieldPath(field.code)), origin).href,
			api_url: new URL(`/api/concept/fields/${encodeURIComponent(field.code)}`, origin).href
		}))
	};
}

/** One field with its page (`url`) and each offer's page (`url`). */
export function fieldJson(status: FieldStatus, { origin, locale }: Addresses) {
	return {
		...status,
		url: new URL(localizePath(locale, fieldPath(status.field.code)), origin).href,
		goals: status.goals.map((goal) => ({
			...goal,
			measures: goal.measures.map((measure) => ({
				...measure,
				offers: measure.offers.map((offer) => ({
					...offer,
					url: new URL(localizePath(locale, `/offers/${offer.id}`), origin).href
				}))
			}))
		}))
	};
}
