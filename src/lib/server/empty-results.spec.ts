import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { searchDocument } from '$test/factories';
import type { OfferDetail } from '$lib/types';

const ORGANISATIONS: Record<string, { kind: string; phone: string | null }> = {
	'Stadtteilbüro Sankt Mang': { kind: 'neighbourhood_office', phone: '0831 000 0001' },
	'Migrationsberatung Caritas': { kind: 'counselling_service', phone: '0831 000 0002' },
	'Verein ohne Telefon': { kind: 'club', phone: null }
};

const docs = [
	searchDocument({
		title: 'Deutschkurs am Abend',
		category: 'language_course',
		district_slug: 'thingers',
		district_name: 'Thingers'
	}),
	searchDocument({
		title: 'Offene Sprechstunde',
		category: 'counselling',
		organisation_name: 'Stadtteilbüro Sankt Mang',
		district_slug: 'sankt-mang',
		district_name: 'Sankt Mang'
	}),
	searchDocument({
		title: 'Migrationsberatung',
		category: 'counselling',
		organisation_name: 'Migrationsberatung Caritas'
	}),
	searchDocument({
		title: 'Beratung im Verein',
		category: 'counselling',
		organisation_name: 'Verein ohne Telefon'
	})
];

vi.mock('$lib/server/data/public-reads', () => ({
	offer: async (id: string) => {
		const doc = docs.find((d) => d.id === id);
		if (!doc) return null;
		const organisation = ORGANISATIONS[doc.organisation_name];
		return {
			id,
			title: doc.texts.de.title,
			organisation: { id: 'o', name: doc.organisation_name, ...organisation, email: null },
			contact_phone: null,
			contact_email: null,
			street: 'Hauptstraße 1',
			postal_code: '87435',
			locality: 'Kempten',
			district: doc.district_slug ? { slug: doc.district_slug, name: doc.district_name } : null
		} as unknown as OfferDetail;
	}
}));

const { EmbeddedSearchEngine } = await import('$lib/server/search');
const { emptyResultsHelp } = await import('./empty-results');
const supabase = {} as SupabaseClient;

describe('help when a search finds nothing', () => {
	beforeAll(async () => {
		const engine = new EmbeddedSearchEngine();
		await engine.replaceAll(docs);
		(globalThis as Record<symbol, unknown>)[Symbol.for('stadtteil-portal.search-engine')] = engine;
	});

	it('offers other spellings, the categories they find, and people with a phone to ask', async () => {
		const help = await emptyResultsHelp(supabase, { q: 'Doitschkurz', locale: 'de' });
		expect(help.withoutFilters).toBeNull();
		expect(help.suggestions).toEqual([{ q: 'Deutschkurs', search: 'q=Deutschkurs' }]);
		expect(help.categoriesRelated).toBe(true);
		expect(help.categories).toEqual([
			{ value: 'language_course', count: 1, search: 'q=Deutschkurs&category=language_course' }
		]);
		// with a phone first, the Stadtteilbüro before the counselling service
		expect(help.contacts.map((c) => [c.organisation, c.phone])).toEqual([
			['Stadtteilbüro Sankt Mang', '0831 000 0001'],
			['Migrationsberatung Caritas', '0831 000 0002'],
			['Verein ohne Telefon', null]
		]);
	});

	it('counts the words without the filters, and keeps the filters on a suggestion that finds with them', async () => {
		const help = await emptyResultsHelp(supabase, {
			q: 'Deutschkurs',
			locale: 'de',
			filters: { district: ['sankt-mang'] }
		});
		expect(help.withoutFilters).toBe(1);
		expect(help.categories.map((c) => c.search)).toEqual([
			'q=Deutschkurs&category=language_course'
		]);
		const spelled = await emptyResultsHelp(supabase, {
			q: 'Doitschkurz',
			locale: 'de',
			filters: { district: ['thingers'] }
		});
		expect(spelled.suggestions).toEqual([
			{ q: 'Deutschkurs', search: 'q=Deutschkurs&district=thingers' }
		]);
	});

	it('without related words, lists every category with offers, counselling first', async () => {
		const help = await emptyResultsHelp(supabase, { q: 'Zzqxvw', locale: 'de' });
		expect(help.suggestions).toEqual([]);
		expect(help.categoriesRelated).toBe(false);
		expect(help.categories.map((c) => [c.value, c.count])).toEqual([
			['counselling', 3],
			['language_course', 1]
		]);
	});
});
