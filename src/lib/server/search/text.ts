/**
 * Text analysis of both engines, the same for documents and queries: Unicode normalisation and
 * folding, then words of letters and digits in any script. The embedded engine indexes these
 * words; Meilisearch is given them already folded (`foldedText`, `foldedQuery`), so that its own
 * tokenizer never sees a letter that we fold and it does not (ß, ی, ı, ue for ü).
 *
 *   tokenize('Deutschkurs für Anfänger')  → ['deutschkurs', 'fur', 'anfanger']
 *   tokenize('Buergerbuero Muenchen')      → ['burgerburo', 'munchen']
 *   tokenize('دورةُ لغةٍ')                  → ['دوره', 'لغه']
 *   tokenize('Сім’я')                      → ['сімя']
 */

/** Apostrophes inside words (English, Turkish suffixes, the Ukrainian apostrophe) join. */
const APOSTROPHES = /['\u2019\u02BC\u02BB`\u00B4]/g;
/** Latin letters lose their accents: ü → u, ç → c, ș → s. Other scripts keep theirs (й, ї). */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/**
 * German umlauts typed without a German keyboard: ae, oe, ue stand for ä, ö, ü ("Fuer",
 * "Muenchen", "Buergerbuero"). Both are folded to the plain vowel, on documents and queries
 * alike, as ä, ö, ü already are: "Für", "Fuer" and "Fur" become one word. Indexing both
 * spellings instead would need to know which "ue" is an umlaut, which a text cannot tell.
 *
 * The rule loses no recall: it only drops an "e", the same way on both sides, so a word still
 * finds itself, and a prefix of a word folds to a prefix of the folded word (the one being typed
 * keeps finding). What it costs is a little precision: a few words merge with another ("Poet"
 * and "Pot"). To keep that rare, the vowel must not follow a vowel or q, so that diphthongs and
 * "qu" stay as they are: "Feuer", "Bauer", "neue", "Quelle", "Queue" are left alone.
 */
const UMLAUT_DIGRAPHS = /(?<![aeiouq])([aou])e/g;
/** Arabic harakat, superscript alef, Quranic marks and tatweel carry no meaning for search. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Longer words are cut: nobody searches for them, and the fuzzy matcher's rows stay short. */
const MAX_WORD_LENGTH = 40;

/** Letter variants folded to one form, so that spelling variants and keyboards meet. */
const FOLDS: Record<string, string> = {
	ß: 'ss',
	ı: 'i', // Turkish dotless i, often typed as i
	ё: 'е',
	// Arabic: alef with hamza or madda → alef; alef maksura, Farsi yeh → yeh; Farsi kaf → kaf;
	// teh marbuta → heh; hamza on waw / yeh → waw / yeh
	أ: 'ا',
	إ: 'ا',
	آ: 'ا',
	ٱ: 'ا',
	ى: 'ي',
	ی: 'ي',
	ک: 'ك',
	ة: 'ه',
	ۀ: 'ه',
	ؤ: 'و',
	ئ: 'ي'
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');
/** Arabic-Indic and Extended Arabic-Indic digits → 0–9. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** The folded form of a text, before splitting into words. */
export function normalize(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(APOSTROPHES, '')
		.normalize('NFD')
		.replace(LATIN_MARKS, '$1')
		.normalize('NFC')
		.replace(UMLAUT_DIGRAPHS, '$1')
		.replace(ARABIC_MARKS, '')
		.replace(FOLDABLE, (char) => FOLDS[char])
		.replace(EASTERN_DIGITS, (digit) => {
			const code = digit.charCodeAt(0);
			return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
		});
}

/** The words of a text, folded, in order, duplicates kept. */
export function tokenize(text: string | null | undefined): string[] {
	if (!text) return [];
	const words: string[] = [];
	for (const word of normalize(text).split(SEPARATORS)) {
		if (word) words.push(word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word);
	}
	return words;
}

/** A folded Arabic word that may begin with the article al- and has three letters after it. */
const ARABIC_ARTICLE = /^ال(?=\p{Script=Arabic}{3})/u;

/**
 * The forms under which a folded word is indexed and looked up: itself, and for an Arabic word
 * that may begin with the article also the word without it (اللغة and لغة meet; ألمانية, whose
 * alef carries a hamza that people often leave out, keeps its full form too).
 */
export function wordForms(word: string): string[] {
	const bare = word.replace(ARABIC_ARTICLE, '');
	return bare === word ? [word] : [word, bare];
}

/**
 * Words too common to narrow a search, in the portal's languages (folded). A query drops them
 * unless it has nothing else.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	[
		// de
		'der die das den dem des ein eine einen einem einer und oder fur mit in im am an auf',
		'zu zum zur von vom bei ist sind',
		// en
		'the a an and or for with in on at to of is are',
		// tr
		've ile icin bir bu da de',
		// uk, ru
		'і й та в у на з із для по до і и во с со к о',
		// ro
		'si sau de la in cu pentru pe un o',
		// ar, fa (folded)
		'في من علي الي و مع عن در به از با براي كه را ها'
	]
		.join(' ')
		.split(' ')
		.map((word) => normalize(word))
);

/** Query words beyond this are ignored. */
export const MAX_QUERY_WORDS = 10;

/** The words of a query that narrow it: stop words go, unless nothing else is left. */
export function queryWords(q: string | null | undefined): string[] {
	const words = [...new Set(tokenize(q))];
	const meaningful = words.filter((word) => !STOP_WORDS.has(word));
	return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_QUERY_WORDS);
}

/**
 * A text as an engine with its own tokenizer (Meilisearch) is given it to index: the folded
 * words separated by spaces, each Arabic word that may carry the article also without it, as
 * the embedded engine indexes it.
 *
 *   foldedText('Fußball-Straße')  → 'fussball strasse'
 *   foldedText('اللغة الألمانية')  → 'اللغه لغه الالمانيه المانيه'
 */
export function foldedText(text: string | null | undefined): string {
	return tokenize(text).flatMap(wordForms).join(' ');
}

/**
 * A query as an engine with its own tokenizer is given it: the words the embedded engine
 * searches for (`queryWords`), folded, an Arabic word without its article (documents carry
 * both forms, see `foldedText`). The last word stays last, so it is still matched as a prefix.
 *
 *   foldedQuery('Fuer die Strasse')  → 'strasse'
 *   foldedQuery('کلاس اللغة')         → 'كلاس لغه'
 */
export function foldedQuery(q: string | null | undefined): string {
	return queryWords(q).map(bareForm).join(' ');
}

/** The last of a word's forms: an Arabic word without the article it may carry, else itself. */
export function bareForm(word: string): string {
	return wordForms(word).at(-1)!;
}

/** Typos tolerated in a query word of this length: 0 up to 4 letters, 1 up to 8, else 2. */
export function typoBudget(word: string): number {
	if (/^\p{N}+$/u.test(word)) return 0;
	const length = [...word].length;
	return length < 5 ? 0 : length < 9 ? 1 : 2;
}
