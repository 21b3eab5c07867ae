/**
 * Search latency of the embedded engine over 10,000 generated offers, as `npm run bench`
 * reports it: a mix of queries (typos, Arabic and Ukrainian words, filters with facet counts,
 * sorting by distance, browsing by title), each timed on its own after a warm-up.
 *
 *   npx tsx scripts/bench-search.ts [--offers 10000] [--rounds 200] [--header]
 *
 * Prints one Markdown table row (with --header, the header first) and, on stderr, the build
 * time and the figures per kind of query.
 */
import { parseArgs } from 'node:util';
import { EmbeddedSearchEngine } from '../src/lib/server/search/embedded';
import { generateDocuments, random } from '../tests/support/factories';
import type { SearchQuery } from '../src/lib/server/search/types';

const { values } = parseArgs({
	options: {
		offers: { type: 'string', default: '10000' },
		rounds: { type: 'string', default: '200' },
		header: { type: 'boolean', default: false }
	}
});
const offers = Number(values.offers);
const rounds = Number(values.rounds);

const kempten = { lat: 47.7261, lng: 10.3139 };
/** The kinds of queries, as the list and the map send them. */
const kinds: Record<string, (next: () => number) => SearchQuery> = {
	'typo (Deutschkur, Sprachkrus)': (next) => ({
		q: next() < 0.5 ? 'Deutschkur' : 'Sprachkrus',
		locale: 'de'
	}),
	'Arabic / Ukrainian words': (next) => ({
		q: next() < 0.5 ? 'دورة لغة' : 'курс німецької',
		locale: next() < 0.5 ? 'ar' : 'uk'
	}),
	'words + filters + facets': (next) => ({
		q: next() < 0.5 ? 'Beratung' : 'Fussbal',
		locale: 'de',
		filters: { district: ['altstadt', 'sankt-mang'], free: true, language: ['ar'] }
	}),
	'filters only (browse by title)': (next) => ({
		locale: next() < 0.5 ? 'de' : 'en',
		filters: { category: ['family'], weekday: ['TU', 'SA'], wheelchair: true },
		offset: Math.floor(next() * 5) * 20
	}),
	'near me (distance sort)': (next) => ({
		locale: 'de',
		near: { lat: kempten.lat + (next() - 0.5) * 0.05, lng: kempten.lng + (next() - 0.5) * 0.05 },
		filters: next() < 0.5 ? { category: ['language_course'] } : undefined
	}),
	'typing (prefix of the last word)': (next) => ({
		q: ['Integ', 'Hausaufg', 'Schwimm', 'Bewerb'][Math.floor(next() * 4)],
		locale: 'de'
	})
};

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const docs = generateDocuments(offers, 7);
const engine = new EmbeddedSearchEngine();
const built = performance.now();
await engine.replaceAll(docs);
const buildMs = performance.now() - built;

const next = random(42);
const all: number[] = [];
const perKind: string[] = [];
for (const [name, make] of Object.entries(kinds)) {
	for (let i = 0; i < 5; i++) await engine.search(make(next)); // warm-up
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const query = make(next);
		const start = performance.now();
		await engine.search(query);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	all.push(...times);
	perKind.push(
		`  ${name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`
	);
}
all.sort((a, b) => a - b);

console.error(`search bench: ${offers} offers indexed in ${Math.round(buildMs)} ms`);
for (const line of perKind) console.error(line);
if (values.header) {
	console.log('| search (embedded engine) | offers | queries | p50 | p95 | index build |');
	console.log('| --- | --- | --- | --- | --- | --- |');
}
console.log(
	`| mixed queries | ${offers.toLocaleString('en')} | ${all.length} | ${percentile(all, 50).toFixed(1)} ms | ${percentile(all, 95).toFixed(1)} ms | ${(buildMs / 1000).toFixed(1)} s |`
);
