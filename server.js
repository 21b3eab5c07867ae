/**
 * The production server, started by `npm start` (`node server.js`) after `npm run build`.
 *
 * It is adapter-node's own server (`build/index.js`: PORT, HOST, ORIGIN, SHUTDOWN_TIMEOUT and its
 * other variables, graceful shutdown) with one addition: the security headers of every answer
 * are set before adapter-node's handler runs, so that the files it serves from build/client and
 * static/ carry them too (it serves those before SvelteKit's hooks, which set them on pages and
 * endpoints; adapter-node has no option for headers on static files). For the same reason every
 * answer under /api gets `Access-Control-Allow-Origin: *` here too: SvelteKit also answers some
 * requests before the hooks, e.g. the redirect of `/api/offers/` to `/api/offers`.
 * `node build` still starts the same server, without these headers where the hooks do not run.
 *
 * The headers are those of src/lib/server/hooks/security-headers.ts and cors.ts;
 * tests/e2e/headers.spec.ts checks that a static file gets the same as a page.
 */
import { server } from './build/index.js';

const SECURITY_HEADERS = [
	['X-Content-Type-Options', 'nosniff'],
	['Referrer-Policy', 'same-origin'],
	[
		'Permissions-Policy',
		'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
			'magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=(), browsing-topics=()'
	]
];

/** A request target under /api (the path as the client sent it, query included). */
const API = /^\/api(?:[/?]|$)/;

// First of the server's request listeners: what is set here stays unless the handler sets the
// same header itself, as the hooks do with the same values.
server.server.prependListener('request', (request, response) => {
	for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
	if (API.test(request.url ?? '')) response.setHeader('Access-Control-Allow-Origin', '*');
});
