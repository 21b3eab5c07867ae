import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import {
	hreflang,
	OFFERS_PER_FILE,
	otherPages,
	sitemapFiles,
	sitemapIndex,
	urlset,
	xmlEscape
} from './sitemap';

const ORIGIN = 'https://portal.example';

describe('sitemaps', () => {
	it('list every page in every locale, each with all alternates and x-default', () => {
		const xml = urlset(ORIGIN, [
			{ path: '/' },
			{ path: '/offers/5b0a3c1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c', lastmod: '2026-11-30' }
		]);
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset ')).toBe(true);
		expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
		const urls = [...xml.matchAll(/<url>(.*?)<\/url>/g)].map((m) => m[1]);
		expect(urls).toHaveLength(2 * LOCALES.length);
		const locs = urls.map((url) => /<loc>(.*?)<\/loc>/.exec(url)?.[1]);
		expect(locs.slice(0, 3)).toEqual([
			'https://portal.example/de',
			'https://portal.example/de-simple',
			'https://portal.example/en'
		]);
		expect(locs).toContain('https://portal.example/ar/offers/5b0a3c1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c');
		for (const url of urls) {
			const langs = [...url.matchAll(/hreflang="([^"]+)"/g)].map((m) => m[1]);
			expect(langs).toEqual([...LOCALES.map(hreflang), 'x-default']);
			// each hreflang once: Einfache Sprache is not a second "de"
			expect(new Set(langs).size).toBe(langs.length);
		}
		expect(urls[0]).toContain('hreflang="x-default" href="https://portal.example/"');
		expect(urls[0]).not.toContain('<lastmod>');
		expect(urls[LOCALES.length]).toContain('<lastmod>2026-11-30</lastmod>');
		// tags balance
		expect(xml.match(/<url>/g)?.length).toBe(xml.match(/<\/url>/g)?.length);
		expect(urlset(ORIGIN, [])).toContain('<urlset');
	});

	it('escape what XML reserves', () => {
		expect(xmlEscape(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
		expect(urlset(ORIGIN, [{ path: '/districts/a&b' }])).toContain('/de/districts/a&amp;b</loc>');
	});

	it('split the offers into files the protocol allows, named by an index', () => {
		expect(sitemapFiles(0).map((f) => f.path)).toEqual([
			'/sitemaps/pages.xml',
			'/sitemaps/offers-1.xml'
		]);
		// the big city: 10,000 offers in forty files of 2250 addresses
		const files = sitemapFiles(10_000);
		expect(files).toHaveLength(41);
		expect(files.at(-1)?.path).toBe('/sitemaps/offers-40.xml');
		expect(OFFERS_PER_FILE * LOCALES.length).toBeLessThanOrEqual(50_000);
		expect(sitemapFiles(10_001)).toHaveLength(42);
		const index = sitemapIndex(ORIGIN, files);
		expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
		expect(index.match(/<sitemap><loc>/g)).toHaveLength(41);
	});

	it('name the pages besides the offers', () => {
		expect(
			otherPages({ districts: ['sankt-mang'], conceptFields: ['F1'], extra: ['/print'] }).map(
				(p) => p.path
			)
		).toEqual(['/', '/week', '/print', '/concept', '/concept/F1', '/districts/sankt-mang']);
		expect(otherPages({ districts: [], conceptFields: null }).map((p) => p.path)).toEqual([
			'/',
			'/week'
		]);
	});
});
