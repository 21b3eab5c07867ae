/**
 * Words people search with, in every locale of the portal: per category its name and search
 * keywords, per target group its names. Every search document carries those of its category
 * and target groups in all locales, so that a query in Arabic or Ukrainian finds an offer whose
 * text exists only in German.
 *
 * Keep entries short and as people type them: a phrase is matched word by word.
 */
import { CATEGORY_KEYWORDS } from './category-keywords';
import { TOPIC_KEYWORDS } from './topic-keywords';
import type { SearchLocale } from './types';

export { CATEGORY_KEYWORDS, type CategoryWords } from './category-keywords';
export { TOPIC_KEYWORDS, topicsOf, type TopicWords } from './topic-keywords';

/** Names of the target groups (`private.target_groups()` but 'everyone') per locale. */
export const TARGET_GROUP_NAMES: Record<string, Record<SearchLocale, string[]>> = {
	newcomers: {
		de: ['Neuzugewanderte', 'Neuankömmlinge'],
		'de-simple': ['neu in Deutschland'],
		en: ['newcomers'],
		ar: ['القادمون الجدد'],
		fa: ['تازه‌واردان'],
		tr: ['yeni gelenler'],
		uk: ['новоприбулі'],
		ru: ['вновь прибывшие'],
		ro: ['nou-veniți']
	},
	refugees: {
		de: ['Geflüchtete', 'Flüchtlinge'],
		'de-simple': ['Geflüchtete'],
		en: ['refugees'],
		ar: ['لاجئون', 'اللاجئين'],
		fa: ['پناهندگان'],
		tr: ['mülteciler'],
		uk: ['біженці'],
		ru: ['беженцы'],
		ro: ['refugiați']
	},
	women: {
		de: ['Frauen'],
		'de-simple': ['Frauen'],
		en: ['women'],
		ar: ['نساء', 'النساء'],
		fa: ['زنان'],
		tr: ['kadınlar'],
		uk: ['жінки'],
		ru: ['женщины'],
		ro: ['femei']
	},
	men: {
		de: ['Männer'],
		'de-simple': ['Männer'],
		en: ['men'],
		ar: ['رجال', 'الرجال'],
		fa: ['مردان'],
		tr: ['erkekler'],
		uk: ['чоловіки'],
		ru: ['мужчины'],
		ro: ['bărbați']
	},
	families: {
		de: ['Familien'],
		'de-simple': ['Familien'],
		en: ['families'],
		ar: ['عائلات', 'العائلات'],
		fa: ['خانواده‌ها'],
		tr: ['aileler'],
		uk: ['сім’ї', 'родини'],
		ru: ['семьи'],
		ro: ['familii']
	},
	parents: {
		de: ['Eltern'],
		'de-simple': ['Eltern'],
		en: ['parents'],
		ar: ['الوالدين', 'الأهل'],
		fa: ['والدین'],
		tr: ['ebeveynler'],
		uk: ['батьки'],
		ru: ['родители'],
		ro: ['părinți']
	},
	children: {
		de: ['Kinder'],
		'de-simple': ['Kinder'],
		en: ['children', 'kids'],
		ar: ['أطفال', 'الأطفال'],
		fa: ['کودکان'],
		tr: ['çocuklar'],
		uk: ['діти'],
		ru: ['дети'],
		ro: ['copii']
	},
	youth: {
		de: ['Jugendliche'],
		'de-simple': ['junge Leute'],
		en: ['young people', 'youth'],
		ar: ['شباب', 'الشباب'],
		fa: ['جوانان'],
		tr: ['gençler'],
		uk: ['молодь'],
		ru: ['молодёжь'],
		ro: ['tineri']
	},
	seniors: {
		de: ['Senioren', 'ältere Menschen'],
		'de-simple': ['ältere Menschen'],
		en: ['seniors', 'older people'],
		ar: ['كبار السن'],
		fa: ['سالمندان'],
		tr: ['yaşlılar'],
		uk: ['літні люди'],
		ru: ['пожилые люди'],
		ro: ['vârstnici']
	},
	job_seekers: {
		de: ['Arbeitsuchende'],
		'de-simple': ['Menschen ohne Arbeit'],
		en: ['job seekers'],
		ar: ['الباحثون عن عمل'],
		fa: ['جویندگان کار'],
		tr: ['iş arayanlar'],
		uk: ['шукачі роботи'],
		ru: ['ищущие работу'],
		ro: ['persoane care caută un loc de muncă']
	},
	students: {
		de: ['Studierende', 'Schüler'],
		'de-simple': ['Schüler', 'Studenten'],
		en: ['students'],
		ar: ['طلاب', 'الطلاب'],
		fa: ['دانشجویان', 'دانش‌آموزان'],
		tr: ['öğrenciler'],
		uk: ['студенти', 'учні'],
		ru: ['студенты', 'ученики'],
		ro: ['studenți', 'elevi']
	},
	volunteers: {
		de: ['Ehrenamtliche'],
		'de-simple': ['Helfer'],
		en: ['volunteers'],
		ar: ['متطوعون', 'المتطوعين'],
		fa: ['داوطلبان'],
		tr: ['gönüllüler'],
		uk: ['волонтери'],
		ru: ['волонтёры'],
		ro: ['voluntari']
	}
};

/**
 * Keywords of an offer per locale: its categories' names and keywords (the main one first), the
 * names of its target groups and the words of its topics (topic-keywords.ts). Unknown ones
 * contribute nothing.
 */
export function keywordsFor(
	categories: string | readonly string[],
	targetGroups: readonly string[],
	locales: readonly SearchLocale[],
	topics: readonly string[] = []
): Record<SearchLocale, string[]> {
	const result = {} as Record<SearchLocale, string[]>;
	for (const locale of locales) {
		const list: string[] = [];
		for (const category of typeof categories === 'string' ? [categories] : categories) {
			const words = CATEGORY_KEYWORDS[category]?.[locale];
			if (words) list.push(words.name, ...words.keywords);
		}
		for (const group of targetGroups) list.push(...(TARGET_GROUP_NAMES[group]?.[locale] ?? []));
		for (const topic of topics) list.push(...(TOPIC_KEYWORDS[topic]?.words[locale] ?? []));
		result[locale] = [...new Set(list)];
	}
	return result;
}
