/**
 * The adapters against the real providers, when one is configured in the environment:
 * DEEPL_API_KEY (and DEEPL_API_URL if not the default host), LIBRETRANSLATE_URL (and
 * LIBRETRANSLATE_API_KEY). Skipped otherwise; nothing here runs in the default test run.
 */
import { describe, expect, it } from 'vitest';
import { deepL, libreTranslate, type MachineTranslator } from './index';

async function translatesTheOffer(translator: MachineTranslator) {
	const texts = ['Sprachcafé', 'Deutsch sprechen bei Kaffee und Kuchen.'];
	for (const to of ['en', 'ar', 'uk']) {
		const answer = await translator.translate(texts, 'de', to);
		expect(answer).toHaveLength(2);
		for (const text of answer) expect(text.trim()).not.toBe('');
		if (to === 'ar') expect(answer[1]).toMatch(/\p{Script=Arabic}/u);
		if (to === 'uk') expect(answer[1]).toMatch(/\p{Script=Cyrillic}/u);
	}
}

describe.skipIf(!process.env.DEEPL_API_KEY)('DeepL, live', () => {
	it('translates an offer into English, Arabic and Ukrainian', async () => {
		await translatesTheOffer(
			deepL({
				apiKey: process.env.DEEPL_API_KEY ?? '',
				url: process.env.DEEPL_API_URL || undefined
			})
		);
	});

	it('refuses a wrong key as auth', async () => {
		const wrong = deepL({ apiKey: 'not-a-key:fx', url: process.env.DEEPL_API_URL || undefined });
		await expect(wrong.translate(['Hallo'], 'de', 'en')).rejects.toMatchObject({ kind: 'auth' });
	});
});

describe.skipIf(!process.env.LIBRETRANSLATE_URL)('LibreTranslate, live', () => {
	it('translates an offer into English, Arabic and Ukrainian', async () => {
		await translatesTheOffer(
			libreTranslate({
				url: process.env.LIBRETRANSLATE_URL ?? '',
				apiKey: process.env.LIBRETRANSLATE_API_KEY || undefined
			})
		);
	});
});
