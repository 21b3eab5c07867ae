import { searchDocument } from '$test/factories';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from './embedded';
import type { SearchDocument, SearchLocale } from './types';

/**
 * The words fluent readers type and found nothing before (../shared/reviews/translations.md,
 * "Search words people type"): each finds its category or topic in the embedded engine, in the
 * reader's locale, although every offer here has a German text only.
 */

type Target =
	'language_course' | 'cultural_cafe' | 'counselling' | 'family' | 'work' | 'recognition';

const TYPED: Record<SearchLocale, [string, Target][]> = {
	de: [
		['Kita', 'family'],
		['Kindergarten', 'family'],
		['Ausbildung', 'work'],
		['Jobcenter', 'counselling'],
		['Anerkennung', 'recognition'],
		['Berufsanerkennung', 'recognition']
	],
	'de-simple': [
		['Kita', 'family'],
		['Jobcenter', 'work'],
		['Zeugnis anerkennen', 'recognition']
	],
	en: [
		['kindergarten', 'family'],
		['daycare', 'family'],
		['Ausbildung', 'work'],
		['Jobcenter', 'counselling'],
		['degree recognition', 'recognition']
	],
	ar: [
		['روضة', 'family'],
		['حضانة', 'family'],
		['أوسبيلدونغ', 'work'],
		['جوب سنتر', 'counselling'],
		['معادلة الشهادة', 'recognition'],
		['تعديل الشهادة', 'recognition'],
		['كورس ألماني', 'language_course'],
		['إقامة', 'counselling'],
		['محامي', 'counselling'],
		['مترجم', 'counselling'],
		['شغل', 'work'],
		// typed without the article
		['أطفال', 'family']
	],
	fa: [
		['مهدکودک', 'family'],
		['آوسبیلدونگ', 'work'],
		['جاب سنتر', 'counselling'],
		['مشوره', 'counselling'],
		['کورس', 'language_course'],
		['کورس آلمانی', 'language_course'],
		['وظیفه', 'work'],
		['معادل‌سازی مدرک', 'recognition'],
		['تأیید مدرک', 'recognition'],
		['وکیل', 'counselling'],
		['اقامت', 'counselling']
	],
	tr: [
		['kreş', 'family'],
		['Ausbildung', 'work'],
		['Jobcenter', 'counselling'],
		['denklik', 'recognition'],
		['çay', 'cultural_cafe'],
		['sohbet', 'cultural_cafe'],
		['avukat', 'counselling'],
		['oturum izni', 'counselling'],
		['tercüman', 'counselling']
	],
	uk: [
		['дитсадок', 'family'],
		['садочок', 'family'],
		['аусбільдунг', 'work'],
		['джобцентр', 'counselling'],
		['нострифікація', 'recognition'],
		['підтвердження диплома', 'recognition'],
		['визнання освіти', 'recognition'],
		['тимчасовий захист', 'counselling'],
		['§24', 'counselling'],
		['юрист', 'counselling'],
		['перекладач', 'counselling'],
		['мовні курси', 'language_course'],
		['курс грамотності', 'language_course']
	],
	ru: [
		['детский сад', 'family'],
		['садик', 'family'],
		['аусбильдунг', 'work'],
		['джобцентр', 'counselling'],
		['нострификация', 'recognition'],
		['подтверждение диплома', 'recognition'],
		['ВНЖ', 'counselling'],
		['юрист', 'counselling'],
		['переводчик', 'counselling'],
		['языковые курсы', 'language_course'],
		['курс грамотности', 'language_course']
	],
	ro: [
		['grădiniță', 'family'],
		['Ausbildung', 'work'],
		['Jobcenter', 'counselling'],
		['echivalare', 'recognition'],
		['echivalarea diplomelor', 'recognition'],
		['job', 'work'],
		['de lucru', 'work'],
		['ucenicie', 'work'],
		['avocat', 'counselling'],
		['acte', 'counselling'],
		['translator', 'counselling']
	]
};

describe('the words people type for what offers do', () => {
	const engine = new EmbeddedSearchEngine();
	let docs: Record<Target, SearchDocument>;

	beforeAll(async () => {
		docs = {
			language_course: searchDocument({ category: 'language_course' }),
			cultural_cafe: searchDocument({ category: 'cultural_cafe' }),
			counselling: searchDocument({ category: 'counselling' }),
			family: searchDocument({ category: 'family' }),
			work: searchDocument({ category: 'work' }),
			// as in the demo: filed under work, its German text speaks of "Anerkennung"
			recognition: searchDocument({
				category: 'work',
				texts: {
					de: {
						title: 'Beratung zur Anerkennung ausländischer Abschlüsse',
						summary: 'Welche Stelle prüft Ihren Berufsabschluss?',
						description: null
					}
				}
			})
		};
		await engine.replaceAll(Object.values(docs));
	});

	for (const [locale, typed] of Object.entries(TYPED)) {
		it(`finds them in ${locale}`, async () => {
			for (const [q, target] of typed) {
				const hits = (await engine.search({ locale, q, limit: 10 })).hits.map((hit) => hit.id);
				expect(hits, `${locale}: ${q}`).toContain(docs[target].id);
				if (target === 'recognition') {
					// the recognition counselling first, above the other work offer
					expect(hits[0], `${locale}: ${q} first`).toBe(docs.recognition.id);
				}
			}
		});
	}
});
