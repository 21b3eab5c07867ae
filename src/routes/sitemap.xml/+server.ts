/**
 * GET /sitemap.xml: the index of the portal's sitemaps (see $lib/server/sitemap): the pages,
 * then the published offers in files of 250 (OFFERS_PER_FILE).
 */
import { orHttpError } from '$lib/server/data/errors';
import * as publicReads from '$lib/server/data/public-reads';
import { SITEMAP_HEADERS, sitemapFiles, sitemapIndex } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const { total } = await orHttpError(publicReads.servicePage({ limit: 0, offset: 0 }));
	return new Response(sitemapIndex(url.origin, sitemapFiles(total)), { headers: SITEMAP_HEADERS });
};
