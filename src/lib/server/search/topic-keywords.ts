/**
 * Topics: what an offer is about beyond its category, found in its texts, with the words people
 * type for it in every locale. The recognition of foreign qualifications is counselling filed
 * under "work" or "counselling" alike; whoever searches "нострифікація", "معادلة الشهادة" or
 * "Berufsanerkennung" should find every offer whose text speaks of "Anerkennung".
 *
 * An offer has a topic when a word of one of its texts (folded, text.ts) begins with one of the
 * topic's `triggers`; its search document then carries the topic (`SearchDocument.topics`) and
 * the topic's words among its keywords. Keep the words as people type them, with the forms
 * they use (with and without the Arabic article is not needed: the engines strip it).
 */
import { normalize, tokenize } from './text';
import type { DocumentText, SearchLocale } from './types';

export interface TopicWords {
	/** Beginnings of folded words in an offer's text that give it the topic. */
	triggers: string[];
	/** What people type, per locale. */
	words: Record<SearchLocale, string[]>;
}

export const TOPIC_KEYWORDS: Record<string, TopicWords> = {
	recognition: {
		triggers: ['anerkennung', 'anerkennen', 'berufsanerkennung', 'nostrifi', 'gleichwertigkeit'],
		words: {
			de: [
				'Anerkennung',
				'Berufsanerkennung',
				'Anerkennungsberatung',
				'Anerkennung ausländischer Abschlüsse',
				'Abschluss anerkennen lassen',
				'Zeugnisanerkennung',
				'Diplom anerkennen',
				'Nostrifizierung',
				'Gleichwertigkeit'
			],
			'de-simple': ['Zeugnis anerkennen', 'Beruf anerkennen', 'Abschluss aus der Heimat'],
			en: [
				'recognition of qualifications',
				'recognition of foreign qualifications',
				'degree recognition',
				'diploma recognition',
				'credential evaluation',
				'nostrification'
			],
			ar: [
				'معادلة الشهادة',
				'معادلة الشهادات',
				'معادلة شهادة',
				'تعديل الشهادة',
				'الاعتراف بالشهادة',
				'الاعتراف بالشهادات',
				'الاعتراف بالمؤهلات',
				'تصديق الشهادة'
			],
			fa: [
				'ارزشیابی مدرک',
				'ارزیابی مدرک',
				'معادل‌سازی مدرک',
				'تأیید مدرک',
				'تایید مدرک',
				'شناسایی مدرک',
				'به رسمیت شناختن مدرک',
				// Dari (Afghanistan)
				'تصدیق مدرک',
				'تصدیق‌نامه',
				'شهادت‌نامه',
				'ارزیابی اسناد تحصیلی',
				'معادل سازی دیپلوم'
			],
			tr: [
				'denklik',
				'diploma denkliği',
				'diploma denkligi',
				'diploma tanınması',
				'tanınma',
				'mesleki tanınma',
				'denklik başvurusu'
			],
			uk: [
				'нострифікація',
				'визнання диплома',
				'визнання диплому',
				'визнання дипломів',
				'визнання освіти',
				'визнання кваліфікації',
				'підтвердження диплома',
				'підтвердження диплому',
				'підтвердження освіти'
			],
			ru: [
				'нострификация',
				'признание диплома',
				'признание дипломов',
				'признание образования',
				'признание квалификации',
				'подтверждение диплома',
				'подтверждение образования'
			],
			ro: [
				'recunoașterea diplomei',
				'recunoașterea diplomelor',
				'recunoaștere',
				'echivalare',
				'echivalarea diplomei',
				'echivalarea diplomelor',
				'echivalarea studiilor',
				'nostrificare'
			]
		}
	}
};

const folded = Object.fromEntries(
	Object.entries(TOPIC_KEYWORDS).map(([topic, { triggers }]) => [
		topic,
		triggers.map((trigger) => normalize(trigger))
	])
);

/** Suffix of a topic found in a title: the offer is about it above all (ranks higher). */
export const IN_TITLE = '.title';

/**
 * The topics whose triggers begin a word of these texts, in TOPIC_KEYWORDS' order; a topic
 * found in a title also as `<topic>.title`.
 *
 *   topicsOf({ de: { title: 'Anerkennungsberatung', … } }) → ['recognition', 'recognition.title']
 */
export function topicsOf(texts: Record<string, DocumentText>): string[] {
	const titles = new Set<string>();
	const words = new Set<string>();
	for (const text of Object.values(texts)) {
		for (const word of tokenize(text.title)) titles.add(word);
		for (const field of [text.summary, text.description]) {
			for (const word of tokenize(field)) words.add(word);
		}
	}
	const has = (topic: string, found: Set<string>) =>
		folded[topic].some((trigger) => [...found].some((word) => word.startsWith(trigger)));
	const topics: string[] = [];
	for (const topic of Object.keys(TOPIC_KEYWORDS)) {
		const inTitle = has(topic, titles);
		if (inTitle || has(topic, words)) topics.push(topic);
		if (inTitle) topics.push(topic + IN_TITLE);
	}
	return topics;
}
