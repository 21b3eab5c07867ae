/**
 * GET /sitemaps/pages.xml and /sitemaps/offers-{n}.xml: the sitemaps the index /sitemap.xml
 * lists, every page in every locale with its alternates (see $lib/server/sitemap). 404 for any
 * other name or an offer file past the last.
 */
import { error } from '@sveltejs/kit';
import { orHttpError } from '$lib/server/data/errors';
import * as publicReads from '$lib/server/data/public-reads';
import { OFFERS_PER_FILE, otherPages, SITEMAP_HEADERS, urlset } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

const OFFER_FILE = /^offers-([1-9][0-9]{0,4})\.xml$/;

export const GET: RequestHandler = async ({ params, url }) => {
	if (params.file === 'pages.xml') {
		const [districts, concept] = await Promise.all([
			orHttpError(publicReads.districts()),
			orHttpError(publicReads.concept())
		]);
		const pages = otherPages({
			districts: districts.map((district) => district.slug),
			conceptFields: concept ? concept.fields.map((field) => field.code) : null,
			// the form for suggesting an offer; a mistake is reported from its offer's page
			extra: ['/suggest']
		});
		return new Response(urlset(url.origin, pages), { headers: SITEMAP_HEADERS });
	}
	const match = OFFER_FILE.exec(params.file);
	if (!match) error(404, { message: 'error.not_found', key: 'error.not_found' });
	const number = Number(match[1]);
	const page = await orHttpError(
		publicReads.servicePage({ limit: OFFERS_PER_FILE, offset: (number - 1) * OFFERS_PER_FILE })
	);
	// the first file exists also without offers (the index always names it)
	if (page.items.length === 0 && number > 1) {
		error(404, { message: 'error.not_found', key: 'error.not_found' });
	}
	const offers = page.items.map((item) => ({
		path: `/offers/${item.id}`,
		lastmod: item.updated_at.slice(0, 10)
	}));
	return new Response(urlset(url.origin, offers), { headers: SITEMAP_HEADERS });
};
