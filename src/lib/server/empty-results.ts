/**
 * Help for a search that found nothing (the start page's list): whether the words find offers
 * without the chosen filters, spellings the index knows, the nearest categories, and people to
 * ask: the Stadtteilbüros and counselling services that hold counselling offers (in the chosen
 * district when there is one), with their phone, all from the data.
 *
 *   const help = result.total === 0 ? await emptyResultsHelp(supabase, query) : null;
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import * as publicReads from '$lib/server/data/public-reads';
import {
	searchOffers,
	suggestSpellings,
	type SearchFilters,
	type SearchQuery
} from '$lib/server/search';
import type { EmptyResultsHelp, HelpContact, NearCategory } from '$lib/empty-results';
import type { OrganisationKind } from '$lib/types';

export type { EmptyResultsHelp, HelpContact, NearCategory };

/** Stadtteilbüros first, then counselling services, then everyone else. */
const KIND_ORDER: OrganisationKind[] = ['neighbourhood_office', 'counselling_service'];
const kindRank = (kind: OrganisationKind) =>
	KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length;

const MAX_CONTACTS = 3;
const MAX_RELATED_CATEGORIES = 4;

function hasFilters(filters: SearchFilters): boolean {
	return Object.values(filters).some((value) =>
		Array.isArray(value) ? value.length > 0 : value !== undefined
	);
}

/** The query string of a search with these words and filters (as parseSearchParams reads it). */
export function searchString(q: string | undefined, filters: SearchFilters = {}): string {
	const params = new URLSearchParams();
	if (q) params.set('q', q);
	for (const [name, value] of Object.entries(filters)) {
		if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
		else if (value !== undefined) params.set(name, String(value));
	}
	return params.toString();
}

async function contactsFor(
	supabase: SupabaseClient<Database>,
	locale: string,
	district: string[] | undefined
): Promise<HelpContact[]> {
	const search = (filters: SearchFilters) => searchOffers(supabase, { locale, filters, limit: 60 });
	let found = await search({ category: ['counselling'], district });
	if (found.total === 0 && district?.length) found = await search({ category: ['counselling'] });
	// one offer per organisation, in the search's order (the reader's language first)
	const firstPerOrganisation = new Map<string, string>();
	for (const hit of found.hits) {
		if (!firstPerOrganisation.has(hit.offer.organisation_name)) {
			firstPerOrganisation.set(hit.offer.organisation_name, hit.id);
		}
	}
	const details = await Promise.all(
		[...firstPerOrganisation.values()].slice(0, 12).map((id) => publicReads.offer(id, locale))
	);
	const contacts: HelpContact[] = details
		.filter((offer) => offer !== null)
		.map((offer) => ({
			organisation: offer.organisation.name,
			kind: offer.organisation.kind,
			phone: offer.organisation.phone ?? offer.contact_phone,
			email: offer.organisation.email ?? offer.contact_email,
			offer_id: offer.id,
			offer_title: offer.title,
			street: offer.street,
			postal_code: offer.postal_code,
			locality: offer.locality,
			district_name: offer.district?.name ?? null
		}));
	// with a phone first, then Stadtteilbüros, then counselling services; the search's order kept
	return contacts
		.map((contact, index) => ({ contact, index }))
		.sort(
			(a, b) =>
				Number(a.contact.phone === null) - Number(b.contact.phone === null) ||
				kindRank(a.contact.kind) - kindRank(b.contact.kind) ||
				a.index - b.index
		)
		.slice(0, MAX_CONTACTS)
		.map(({ contact }) => contact);
}

/** Help for `query`, which found nothing. */
export async function emptyResultsHelp(
	supabase: SupabaseClient<Database>,
	query: SearchQuery
): Promise<EmptyResultsHelp> {
	const { locale } = query;
	const q = query.q?.trim() || undefined;
	const filters = query.filters ?? {};
	const filtered = hasFilters(filters);

	const relaxed = q && filtered ? await searchOffers(supabase, { q, locale, limit: 1 }) : null;
	const spellings = q ? await suggestSpellings(q, filters) : [];
	const suggestions: EmptyResultsHelp['suggestions'] = [];
	let suggestionFacets: Record<string, number> | null = null;
	for (const spelling of spellings) {
		const withFilters = filtered
			? await searchOffers(supabase, { q: spelling, locale, filters, limit: 1 })
			: null;
		const keep = withFilters !== null && withFilters.total > 0;
		suggestions.push({ q: spelling, search: searchString(spelling, keep ? filters : {}) });
		if (!suggestionFacets) {
			const all = await searchOffers(supabase, { q: spelling, locale, limit: 1 });
			suggestionFacets = all.facets?.category ?? null;
		}
	}

	let categories: NearCategory[] = [];
	let categoriesRelated = false;
	const related = (counts: Record<string, number>, words: string | undefined) =>
		Object.entries(counts)
			.filter(([, count]) => count > 0)
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
			.slice(0, MAX_RELATED_CATEGORIES)
			.map(([value, count]) => ({
				value,
				count,
				search: searchString(words, { category: [value] })
			}));
	if (relaxed && relaxed.total > 0) {
		categories = related(relaxed.facets?.category ?? {}, q);
		categoriesRelated = true;
	} else if (suggestionFacets && spellings[0]) {
		categories = related(suggestionFacets, spellings[0]);
		categoriesRelated = true;
	}
	if (categories.length === 0) {
		const all = await searchOffers(supabase, { locale, limit: 1 });
		categories = Object.entries(all.facets?.category ?? {})
			.filter(([, count]) => count > 0)
			// counselling first: there someone helps find the rest
			.sort(
				(a, b) =>
					Number(b[0] === 'counselling') - Number(a[0] === 'counselling') ||
					b[1] - a[1] ||
					(a[0] < b[0] ? -1 : 1)
			)
			.map(([value, count]) => ({
				value,
				count,
				search: searchString(undefined, { category: [value] })
			}));
	}

	return {
		withoutFilters: relaxed ? relaxed.total : null,
		suggestions,
		categories,
		categoriesRelated,
		contacts: await contactsFor(supabase, locale, filters.district)
	};
}
