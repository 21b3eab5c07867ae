import { describe, expect, it } from 'vitest';
import {
	foldedQuery,
	foldedText,
	normalize,
	queryWords,
	STOP_WORDS,
	tokenize,
	typoBudget,
	wordForms
} from './text';

describe('tokenize', () => {
	it('folds case, accents and ß in Latin script', () => {
		expect(tokenize('Deutschkurs für Anfänger – Straße')).toEqual([
			'deutschkurs',
			'fur',
			'anfanger',
			'strasse'
		]);
		expect(tokenize('Türkçe İŞ danışmanlığı')).toEqual(['turkce', 'is', 'danismanligi']);
		expect(tokenize('învățarea limbii')).toEqual(['invatarea', 'limbii']);
	});

	it('folds umlauts typed as ae, oe, ue like the umlauts themselves', () => {
		expect(tokenize('Fuer Buergerbuero Muenchen Koeln Aerger Uebung')).toEqual(
			tokenize('Für Bürgerbüro München Köln Ärger Übung')
		);
		expect(tokenize('Bürgerbüro')).toEqual(['burgerburo']);
		expect(tokenize('Baeuerin')).toEqual(tokenize('Bäuerin'));
		// diphthongs and qu keep their e
		expect(tokenize('Feuer Bauer neue Quelle Queue')).toEqual([
			'feuer',
			'bauer',
			'neue',
			'quelle',
			'queue'
		]);
		// a beginning folds to the beginning of the folded word
		expect(normalize('Muen')).toBe('mun');
		expect('munchen'.startsWith(normalize('Muenc'))).toBe(true);
	});

	it('keeps Arabic words, without harakat, tatweel or letter variants', () => {
		expect(tokenize('دورةُ لغةٍ ألمانية')).toEqual(['دوره', 'لغه', 'المانيه']);
		expect(tokenize('تعلـــم')).toEqual(['تعلم']);
	});

	it('indexes and looks up Arabic words also without the article', () => {
		const [withArticle] = tokenize('اللغة');
		expect(wordForms(withArticle)).toEqual(['اللغه', 'لغه']);
		expect(wordForms(tokenize('ألمانية')[0])).toEqual(['المانيه', 'مانيه']);
		// too short to carry it, and other scripts
		expect(wordForms('الي')).toEqual(['الي']);
		expect(wordForms('alles')).toEqual(['alles']);
	});

	it('meets Persian and Arabic keyboards halfway', () => {
		expect(normalize('کلاس زبان آلمانی')).toBe(normalize('كلاس زبان ألماني'));
		expect(tokenize('بچه‌ها')).toEqual(['بچه', 'ها']);
		expect(tokenize('۱۲ ٣٤')).toEqual(['12', '34']);
	});

	it('keeps Cyrillic letters and joins words at apostrophes', () => {
		expect(tokenize('Курс німецької мови')).toEqual(['курс', 'німецької', 'мови']);
		expect(tokenize('сім’я')).toEqual(tokenize("сім'я"));
		expect(tokenize('сімʼя')).toEqual(['сімя']);
		expect(tokenize('Ёлка')).toEqual(['елка']);
		expect(tokenize('йога')).toEqual(['йога']);
	});

	it('splits on everything that is not a letter or digit', () => {
		expect(tokenize('Eltern-Kind-Gruppe (0–3 J.), 10:00')).toEqual([
			'eltern',
			'kind',
			'gruppe',
			'0',
			'3',
			'j',
			'10',
			'00'
		]);
		expect(tokenize('')).toEqual([]);
		expect(tokenize(null)).toEqual([]);
	});

	it('knows stop words in folded form', () => {
		expect(STOP_WORDS.has('fur')).toBe(true);
		expect(STOP_WORDS.has('icin')).toBe(true);
		expect(STOP_WORDS.has('deutsch')).toBe(false);
	});
});

describe('folded text for an engine with its own tokenizer', () => {
	it('gives documents their folded words, Arabic ones also without the article', () => {
		expect(foldedText('Fußball-Straße, Bürgerbüro')).toBe('fussball strasse burgerburo');
		expect(foldedText('اللغة الألمانية')).toBe('اللغه لغه الالمانيه المانيه');
		expect(foldedText('نادی کتاب')).toBe(foldedText('نادي كتاب'));
		expect(foldedText(null)).toBe('');
	});

	it('gives queries the words the embedded engine looks for, the last one last', () => {
		expect(queryWords('Kurs für Frauen kurs')).toEqual(['kurs', 'frauen']);
		expect(queryWords('für die')).toEqual(['fur', 'die']);
		expect(foldedQuery('Fuer die STRASSE')).toBe('strasse');
		expect(foldedQuery('Deutschkurs Muenchen')).toBe('deutschkurs munchen');
		expect(foldedQuery('کلاس اللغة')).toBe('كلاس لغه');
		expect(foldedQuery('DİKİŞ atölyesı')).toBe('dikis atolyesi');
		expect(foldedQuery('  ')).toBe('');
	});
});

describe('typoBudget', () => {
	it('allows no typo up to 4 letters, one up to 8, two from 9, none in numbers', () => {
		expect(typoBudget('kurs')).toBe(0);
		expect(typoBudget('kurse')).toBe(1);
		expect(typoBudget('beratung')).toBe(1);
		expect(typoBudget('sprachkrus')).toBe(2);
		expect(typoBudget('87435')).toBe(0);
	});
});
