import { describe, expect, it } from 'vitest';
import { searchDocument } from '$test/factories';
import { EmbeddedSearchEngine } from '../embedded';

async function engineWith() {
	const engine = new EmbeddedSearchEngine();
	await engine.replaceAll([
		searchDocument({ title: 'Deutschkurs für Frauen', category: 'language_course' }),
		searchDocument({ title: 'Deutschkurs am Abend', category: 'language_course' }),
		searchDocument({
			title: 'Nähcafé',
			category: 'cultural_cafe',
			district_slug: 'thingers',
			district_name: 'Thingers'
		}),
		searchDocument({
			texts: { ar: { title: 'مقهى النساء', summary: null, description: null } },
			original_locale: 'ar'
		})
	]);
	return engine;
}

describe('spelling suggestions of the embedded engine', () => {
	it('spells a word that finds nothing as the texts write it', async () => {
		const engine = await engineWith();
		// three typos: more than a search tolerates
		expect((await engine.search({ q: 'Doitschkurz', locale: 'de' })).total).toBe(0);
		expect(await engine.suggest('Doitschkurz')).toEqual(['Deutschkurs']);
		expect(await engine.suggest('Nahcafee')).toEqual([]);
	});

	it('keeps the words that find something and suggests only what finds offers', async () => {
		const engine = await engineWith();
		expect(await engine.suggest('Frauen Doitschkurz')).toEqual(['Frauen Deutschkurs']);
		// with a filter that the suggestion cannot meet, it is still offered (found without it)
		expect(await engine.suggest('Doitschkurz', { district: ['thingers'] })).toEqual([
			'Deutschkurs'
		]);
		// nothing close: no suggestion
		expect(await engine.suggest('нострифікація')).toEqual([]);
		expect(await engine.suggest('xq')).toEqual([]);
	});

	it('suggests in other scripts too', async () => {
		const engine = await engineWith();
		expect((await engine.search({ q: 'مقهي النسوان', locale: 'ar' })).total).toBeGreaterThan(0);
		expect(await engine.suggest('مكهى')).toEqual(['مقهى']);
	});
});
