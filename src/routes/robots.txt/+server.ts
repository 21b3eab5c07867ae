/**
 * GET /robots.txt: everything public may be read; the staff and city areas are not for search
 * engines; where the sitemap is (an absolute address, so made per request from the origin).
 */
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	new Response(
		`User-agent: *\nDisallow: /staff/\nDisallow: /city/\n\nSitemap: ${url.origin}/sitemap.xml\n`,
		{
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'public, max-age=86400'
			}
		}
	);
