import { describe, expect, it } from 'vitest';
import { UsageCounter, usageDay, type UsageRow } from './counter';
import { routeUse } from './route-kind';

const ID = '0b8c3c8e-2f1a-4d6e-9a51-7d1f0e2c3b4a';
const use = (path: string) => routeUse(new URL(path, 'https://portal.example'));

describe('routeUse', () => {
	it('tells the kind of every public page, in its locale', () => {
		expect(use('/de')).toEqual({ kind: 'start', locale: 'de' });
		expect(use('/ar/')).toEqual({ kind: 'start', locale: 'ar' });
		expect(use('/ar?q=deutsch')).toEqual({ kind: 'search', locale: 'ar' });
		expect(use('/tr?category=language_course&page=2')).toEqual({ kind: 'search', locale: 'tr' });
		expect(use(`/fa/offers/${ID}`)).toEqual({ kind: 'offer', locale: 'fa' });
		expect(use(`/fa/offers/${ID}?from=/fa`)).toEqual({ kind: 'offer', locale: 'fa' });
		expect(use(`/uk/offers/${ID}/calendar.ics`)).toEqual({ kind: 'calendar', locale: 'uk' });
		expect(use('/de-simple/districts/altstadt')).toEqual({ kind: 'district', locale: 'de-simple' });
		expect(use('/ru/week?district=altstadt')).toEqual({ kind: 'week', locale: 'ru' });
		expect(use('/ro/concept/1')).toEqual({ kind: 'concept', locale: 'ro' });
		expect(use('/de/print?district=altstadt')).toEqual({ kind: 'print', locale: 'de' });
		expect(use('/de/districts/altstadt/print')).toEqual({ kind: 'print', locale: 'de' });
		expect(use('/en/suggest')).toEqual({ kind: 'suggest', locale: 'en' });
		expect(use(`/en/offers/${ID}/report`)).toEqual({ kind: 'suggest', locale: 'en' });
		expect(use(`/en/offers/${ID}/elsewhere`)).toEqual({ kind: 'other', locale: 'en' });
		expect(use('/en/anything-else')).toEqual({ kind: 'other', locale: 'en' });
	});

	it("counts a client-side navigation's data as the page it loads", () => {
		expect(use(`/ar/offers/${ID}/__data.json?x-sveltekit-invalidated=01`)).toEqual({
			kind: 'offer',
			locale: 'ar'
		});
		expect(use('/de/__data.json?x-sveltekit-invalidated=11')).toEqual({
			kind: 'start',
			locale: 'de'
		});
	});

	it('counts machine endpoints in the locale they ask for, else as none', () => {
		expect(use('/api/offers?q=kurs')).toEqual({ kind: 'api', locale: 'none' });
		expect(use('/api/offers?locale=ar')).toEqual({ kind: 'api', locale: 'ar' });
		expect(use('/api/offers.geojson')).toEqual({ kind: 'api', locale: 'none' });
		expect(use('/api/offers.ics?locale=tr')).toEqual({ kind: 'calendar', locale: 'tr' });
		expect(use('/hsds/services?page=2')).toEqual({ kind: 'hsds', locale: 'none' });
		expect(use('/api/offers?locale=xx')).toEqual({ kind: 'api', locale: 'none' });
		expect(use('/sitemap.xml')).toEqual({ kind: 'other', locale: 'none' });
	});

	it('does not count staff and city pages, build files, static files or the map', () => {
		for (const path of [
			'/staff',
			'/staff/offers/new',
			'/city',
			'/city/usage/__data.json',
			'/city/usage/export.csv',
			'/_app/immutable/entry/start.js',
			'/_app/version.json',
			'/favicon.svg',
			'/map/style.json',
			'/map/glyphs/Noto%20Sans/0-255.pbf',
			'/map/basemap.pmtiles'
		]) {
			expect(use(path), path).toBeNull();
		}
	});
});

describe('UsageCounter', () => {
	const noon = new Date('2026-12-01T11:00:00Z');

	it('counts per Berlin day, kind and locale, and nothing else', () => {
		const counter = new UsageCounter();
		counter.add({ kind: 'offer', locale: 'ar' }, noon);
		counter.add({ kind: 'offer', locale: 'ar' }, noon);
		counter.add({ kind: 'start', locale: 'de' }, noon);
		// 23:30 UTC on 1 December is 00:30 on 2 December in Berlin
		counter.add({ kind: 'offer', locale: 'ar' }, new Date('2026-12-01T23:30:00Z'));
		expect(counter.rows()).toEqual([
			{ day: '2026-12-01', route_kind: 'offer', locale: 'ar', count: 2 },
			{ day: '2026-12-01', route_kind: 'start', locale: 'de', count: 1 },
			{ day: '2026-12-02', route_kind: 'offer', locale: 'ar', count: 1 }
		]);
		expect(usageDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
	});

	it('forgets what it flushed, and keeps what a failed flush could not store', async () => {
		const counter = new UsageCounter();
		counter.add({ kind: 'week', locale: 'uk' }, noon);
		await expect(counter.flush(() => Promise.reject(new Error('database away')))).rejects.toThrow(
			'database away'
		);
		counter.add({ kind: 'week', locale: 'uk' }, noon);
		const stored: UsageRow[][] = [];
		await counter.flush(async (rows) => void stored.push(rows));
		expect(stored).toEqual([[{ day: '2026-12-01', route_kind: 'week', locale: 'uk', count: 2 }]]);
		expect(counter.rows()).toEqual([]);
		// nothing to store: no call
		await counter.flush(async (rows) => void stored.push(rows));
		expect(stored).toHaveLength(1);
	});

	it('runs one flush at a time, and counts what arrives meanwhile for the next', async () => {
		const counter = new UsageCounter();
		counter.add({ kind: 'api', locale: 'none' }, noon);
		let release!: () => void;
		const calls: number[] = [];
		const first = counter.flush(
			(rows) =>
				new Promise<void>((resolve) => {
					calls.push(rows[0]!.count);
					release = resolve;
				})
		);
		counter.add({ kind: 'api', locale: 'none' }, noon);
		counter.add({ kind: 'api', locale: 'none' }, noon);
		const second = counter.flush(async (rows) => void calls.push(rows[0]!.count));
		release();
		await Promise.all([first, second]);
		expect(calls).toEqual([1, 2]);
	});
});
