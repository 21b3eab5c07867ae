/**
 * Pages of the Open Referral HSDS API (`/hsds/…`) and the sitemap, through
 * `hsds_service_page()` and `hsds_organization_page()`: which published offers or organisations
 * are on a page, when they last changed, and how many match. The offers' texts come from
 * `get_offer()` (public-reads.ts), a search's hits from the search interface.
 *
 *   import * as hsds from '$lib/server/data/hsds';
 *   const { total, items } = await hsds.servicePage(supabase, { limit: 20, offset: 0 });
 */
import type { OrganisationKind } from '$lib/types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export interface ServicePageQuery {
	/** Only these offers, in this order (a search's hits); all when absent. */
	ids?: string[];
	/** Changed on or after this instant (ISO 8601). */
	modifiedAfter?: string;
	/** Of this organisation. */
	organizationId?: string;
	/** Only offers with an address or a position. */
	located?: boolean;
	/** At most 5000. */
	limit: number;
	offset: number;
}

export interface ServicePage {
	total: number;
	items: { id: string; updated_at: string }[];
}

/** One page of published offers, in the order of `ids` or else by last change. */
export async function servicePage(
	supabase: Supabase,
	query: ServicePageQuery
): Promise<ServicePage> {
	const { data, error } = await supabase.rpc('hsds_service_page', {
		p_ids: query.ids,
		p_modified_after: query.modifiedAfter,
		p_organization: query.organizationId,
		p_located: query.located ?? false,
		p_limit: query.limit,
		p_offset: query.offset
	});
	if (error) throw fromPostgrestError('hsds_service_page', error);
	return data as unknown as ServicePage;
}

/** An organisation holding published offers, with their ids. */
export interface OrganizationRow {
	id: string;
	name: string;
	kind: OrganisationKind;
	website: string | null;
	email: string | null;
	phone: string | null;
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	updated_at: string;
	service_ids: string[];
}

export interface OrganizationPage {
	total: number;
	items: OrganizationRow[];
}

/** One page of the organisations holding published offers, by name. */
export async function organizationPage(
	supabase: Supabase,
	query: { search?: string; id?: string; limit: number; offset: number }
): Promise<OrganizationPage> {
	const { data, error } = await supabase.rpc('hsds_organization_page', {
		p_search: query.search,
		p_id: query.id,
		p_limit: query.limit,
		p_offset: query.offset
	});
	if (error) throw fromPostgrestError('hsds_organization_page', error);
	return data as unknown as OrganizationPage;
}
