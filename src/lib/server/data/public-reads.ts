/**
 * What anonymous visitors read from the database, cached in this process until the data
 * changes (the cache epoch, see $lib/server/cache). Always read with the anon key, never with
 * a signed-in user's rights, so that nothing a staff member may see ends up in a visitor's page.
 *
 *   import * as publicReads from '$lib/server/data/public-reads';
 *   const [info, list] = await Promise.all([publicReads.portalInfo(), publicReads.districts()]);
 */
import type { ConceptOverview, FieldStatus } from '$lib/concept-status';
import { searchAllOffers, type SearchQuery } from '$lib/server/search';
import type {
	DistrictDetail,
	DistrictFeatureCollection,
	DistrictSummary,
	OfferDetail,
	OfferSummary,
	PortalInfo,
	Schedule
} from '$lib/types';
import { memo } from '../cache/memo';
import { anonymousSupabase } from '../supabase';
import * as conceptStatus from './concept-status';
import * as districtData from './districts';
import * as hsdsData from './hsds';
import * as offerData from './offers';
import * as organisationData from './organisations';
import * as portal from './portal';
import { ofOffers, type OfferSchedules } from './schedules';

const frame = memo<PortalInfo>({ max: 1 });
const districtList = memo<DistrictSummary[]>({ max: 1 });
const districtDetails = memo<DistrictDetail | null>({ max: 500 });
const districtShapes = memo<DistrictFeatureCollection>({ max: 1 });
const offerDetails = memo<OfferDetail | null>({ max: 2_000 });
const offerSchedules = memo<OfferSchedules | null>({ max: 20_000 });
const conceptOverview = memo<ConceptOverview | null>({ max: 1 });
const fieldStatuses = memo<FieldStatus | null>({ max: 500 });
const organisationNameSets = memo<Record<string, string>>({ max: 500 });

/** The city, its current concept and counts. */
export const portalInfo = () => frame.get('', async () => portal.info(await anonymousSupabase()));

/** Today as the database's `current_date` sees it (UTC): a measure is late from a day on. */
const today = () => new Date().toISOString().slice(0, 10);

/** The current concept's fields of action with their lights; null without a current concept. */
export const concept = () =>
	conceptOverview.get(today(), async () => conceptStatus.overview(await anonymousSupabase()));

/** One field of action of the current concept, offer titles in `locale`; null when none. */
export const conceptField = (code: string, locale: string) =>
	fieldStatuses.get(`${today()}/${code}/${locale}`, async () =>
		conceptStatus.field(await anonymousSupabase(), code, locale)
	);

/** All districts by name. */
export const districts = () =>
	districtList.get('', async () => districtData.list(await anonymousSupabase()));

/** One district with its outline; null when there is none with this slug. */
export const district = (slug: string) =>
	districtDetails.get(slug, async () => districtData.get(await anonymousSupabase(), slug));

/** Every district as GeoJSON. */
export const districtsGeojson = () =>
	districtShapes.get('', async () => districtData.geojson(await anonymousSupabase()));

/** The names of the organisations with these slugs, by slug; unknown slugs are missing. */
export const organisationNames = (slugs: readonly string[]) => {
	const wanted = [...new Set(slugs)].sort();
	return organisationNameSets.get(wanted.join(','), async () =>
		organisationData.names(await anonymousSupabase(), wanted)
	);
};

/** One published offer as its page shows it, texts in `locale`; null when there is none. */
export const offer = (id: string, locale: string) =>
	offerDetails.get(`${id}/${locale}`, async () =>
		offerData.get(await anonymousSupabase(), id, locale)
	);

/**
 * Where and when the given published offers take place, by offer id (unpublished ones are
 * missing): from the cache where it has them, the others in one call.
 */
export async function schedulesOf(ids: readonly string[]): Promise<Map<string, OfferSchedules>> {
	const unique = [...new Set(ids)];
	const absent = unique.filter((id) => !offerSchedules.has(id));
	const isAbsent = new Set(absent);
	let batch: Promise<Map<string, OfferSchedules>> | undefined;
	const read = (ids: string[]) => anonymousSupabase().then((client) => ofOffers(client, ids));
	const load = async (id: string) => {
		// one call for all that were missing (made before the first await, so that every
		// loader shares it); an id evicted since the filter above is read on its own
		const rows = isAbsent.has(id) ? (batch ??= read(absent)) : read([id]);
		return (await rows).get(id) ?? null;
	};
	const rows = await Promise.all(unique.map((id) => offerSchedules.get(id, () => load(id))));
	return new Map(rows.filter((row) => row !== null).map((row) => [row.offer_id, row]));
}

/** An offer the search found, with where and when it takes place. */
export interface ScheduledOffer extends OfferSummary {
	street: string | null;
	postal_code: string | null;
	locality: string | null;
	updated_at: string | null;
	schedules: Schedule[];
}

export interface ScheduledOffers {
	/** The offers in the search's order, at most `max`. */
	offers: ScheduledOffer[];
	/** All offers that match, also those beyond `max`. */
	total: number;
	/** Whether the search engine failed and the database answered with plain filters. */
	degraded: boolean;
}

/**
 * The offers a search finds (every page, up to `max`) with their schedules: for views of
 * dates across many offers ("this week", calendar feeds). `query.limit` and `query.offset` are
 * ignored.
 * @throws when the database fails (also when the search fell back to it)
 */
export async function scheduledOffers(
	query: SearchQuery,
	options: { max: number }
): Promise<ScheduledOffers> {
	const supabase = await anonymousSupabase();
	const { offers: found, total, degraded } = await searchAllOffers(supabase, query, options.max);
	const byOffer = await schedulesOf(found.map((offer) => offer.id));
	const offers: ScheduledOffer[] = [];
	for (const offer of found) {
		const extra = byOffer.get(offer.id);
		// published when searched, unpublished since: left out
		if (!extra) continue;
		const { offer_id: _id, ...where } = extra;
		// the search's row is the list's row (category as text)
		offers.push({ ...(offer as OfferSummary), ...where });
	}
	return { offers, total, degraded };
}

/** One page of published offers for the HSDS API and the sitemap (see data/hsds.ts). */
export const servicePage = async (query: hsdsData.ServicePageQuery) =>
	hsdsData.servicePage(await anonymousSupabase(), query);

/** One page of the organisations holding published offers (see data/hsds.ts). */
export const organizationPage = async (query: Parameters<typeof hsdsData.organizationPage>[1]) =>
	hsdsData.organizationPage(await anonymousSupabase(), query);
