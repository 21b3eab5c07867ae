import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import { linkedAssets, offerPagePath, withOfflineNote } from './offline-copy';

const ID = '0b8c3c8e-2f1a-4d6e-9a51-7d1f0e2c3b4a';

describe('offerPagePath', () => {
	it('takes offer pages in every locale, a trailing slash removed', () => {
		expect(offerPagePath(`/de/offers/${ID}`)).toBe(`/de/offers/${ID}`);
		expect(offerPagePath(`/de-simple/offers/${ID}/`)).toBe(`/de-simple/offers/${ID}`);
		expect(offerPagePath(`/fa/offers/${ID.toUpperCase()}`)).toBe(`/fa/offers/${ID.toUpperCase()}`);
		for (const locale of LOCALES) expect(offerPagePath(`/${locale}/offers/${ID}`)).not.toBeNull();
	});

	it('refuses lists, searches, feeds, staff pages and unknown locales', () => {
		for (const path of [
			'/de',
			'/de/week',
			`/de/offers/${ID}/calendar.ics`,
			'/de/offers/not-a-uuid',
			`/offers/${ID}`,
			`/de-easy/offers/${ID}`,
			`/api/offers/${ID}`,
			`/staff/offers/${ID}`,
			`/staff/offers/${ID}/preview`
		]) {
			expect(offerPagePath(path), path).toBeNull();
		}
	});
});

describe('linkedAssets', () => {
	it('finds the immutable scripts and stylesheets of a page, once each, on its own origin', () => {
		const html = `<link href="/_app/immutable/assets/0.abc.css" rel="stylesheet">
			<link rel="modulepreload" href="/_app/immutable/entry/start.x1.js">
			<link rel="modulepreload" href="/_app/immutable/entry/start.x1.js">
			<link rel="icon" href="/favicon.svg">
			<link href="https://elsewhere.example/_app/immutable/evil.js">
			<script>import("/_app/immutable/entry/app.y2.js")</script>`;
		expect(linkedAssets(html, 'https://portal.example')).toEqual([
			'/_app/immutable/assets/0.abc.css',
			'/_app/immutable/entry/start.x1.js',
			'/_app/immutable/entry/app.y2.js'
		]);
	});

	it('resolves relative links (paths.relative) against the page', () => {
		const html = '<link rel="modulepreload" href="../../_app/immutable/nodes/3.z.js">';
		expect(linkedAssets(html, 'https://portal.example/de/offers/x')).toEqual([
			'/_app/immutable/nodes/3.z.js'
		]);
	});
});

describe('withOfflineNote', () => {
	it('removes hidden from the note only', () => {
		const html =
			'<div hidden>x</div><p class="offline-note" data-offline-note="" hidden="">Offline</p><p hidden>y</p>';
		expect(withOfflineNote(html)).toBe(
			'<div hidden>x</div><p class="offline-note" data-offline-note="">Offline</p><p hidden>y</p>'
		);
		expect(withOfflineNote('<p hidden data-offline-note>z</p>')).toBe('<p data-offline-note>z</p>');
	});

	it('leaves a page without the note as it is', () => {
		expect(withOfflineNote('<main><p hidden>a</p></main>')).toBe('<main><p hidden>a</p></main>');
	});
});
