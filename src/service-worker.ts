/**
 * The portal offline: a visitor's phone keeps the offer pages it opened, so that they open again
 * on a train or in a basement, with a note that they are offline and the page may be out of date.
 *
 * - Kept: offer pages (`/<locale>/offers/<id>`) after a successful answer, whether opened by a
 *   full load or by a client-side navigation (then the page's data came as `__data.json`, and
 *   the page tells the worker, which fetches the page itself: data preloaded for a link that was
 *   only pointed at keeps nothing); the page that installed the worker; the build's immutable
 *   scripts and stylesheets such a page links to. Fonts are not kept here (the Arabic and
 *   Latin-extended ones are 100 KB each): those the browser loaded stay in its HTTP cache (a year,
 *   immutable), which the worker's fetch of a build file reads offline too.
 * - Network first: a kept page is served only when the network fails, with its offline note
 *   shown (the page's `hidden` note, made visible in the HTML: no script in the page). A page
 *   that is gone (404, 410) is forgotten.
 * - Nothing else: no lists or searches, no map, no API, no staff or city page, no POST; requests
 *   the worker does not keep pass untouched. Nothing leaves the portal's origin.
 * - One cache per build (`version`); a new version takes over at once and deletes the old caches
 *   (the pages kept by the old one with them: their build files are gone from the server too).
 */
/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { version } from '$service-worker';
import { linkedAssets, offerPagePath, withOfflineNote } from '$lib/offline/offline-copy';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `offline-${version}`;

/** Keeps `path` (an offer page) from `response`, with its build files. */
async function keep(path: string, response: Response): Promise<void> {
	const cache = await caches.open(CACHE);
	const html = await response.clone().text();
	await cache.put(path, response);
	for (const asset of linkedAssets(html, worker.location.origin)) {
		if (await cache.match(asset)) continue;
		const answer = await fetch(asset).catch(() => null);
		if (answer?.ok) await cache.put(asset, answer);
	}
}

/** Fetches the offer page `path` and keeps it (best effort). */
async function copy(path: string): Promise<void> {
	// marked, so that the server does not count this as one more visit (usage counts)
	const response = await fetch(path, { headers: { 'x-offline-copy': '1' } }).catch(() => null);
	if (response?.ok) await keep(path, response);
}

async function forget(path: string): Promise<void> {
	await (await caches.open(CACHE)).delete(path);
}

/** Network first; the kept copy with its offline note when the network fails. */
async function offerPage(event: FetchEvent, path: string): Promise<Response> {
	try {
		const response = await fetch(event.request);
		if (response.ok) event.waitUntil(keep(path, response.clone()));
		else if (response.status === 404 || response.status === 410) event.waitUntil(forget(path));
		return response;
	} catch (failure) {
		const copy = await (await caches.open(CACHE)).match(path, { ignoreVary: true });
		if (!copy) throw failure;
		const headers = new Headers(copy.headers);
		for (const name of ['content-length', 'content-encoding']) headers.delete(name);
		return new Response(withOfflineNote(await copy.text()), { status: copy.status, headers });
	}
}

worker.addEventListener('install', () => {
	void worker.skipWaiting();
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
			// the page that installed the worker is an opened offer too
			for (const client of await worker.clients.matchAll({
				type: 'window',
				includeUncontrolled: true
			})) {
				const path = offerPagePath(new URL(client.url).pathname);
				if (path) await copy(path);
			}
			await worker.clients.claim();
		})()
	);
});

// an offer page opened by a client-side navigation says so (its data came as __data.json,
// which the worker leaves alone: offline it fails, and SvelteKit then loads the page itself)
worker.addEventListener('message', (event) => {
	const path = typeof event.data === 'string' ? offerPagePath(event.data) : null;
	if (path) event.waitUntil(copy(path));
});

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (request.mode === 'navigate') {
		const path = offerPagePath(url.pathname);
		if (path) event.respondWith(offerPage(event, path));
		return;
	}
	// build files never change under their name: the kept copy, else the network
	if (url.pathname.startsWith('/_app/immutable/')) {
		event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
	}
});
