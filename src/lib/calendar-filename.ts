/**
 * The name of an offer's calendar file: the offer's title, so that a reader who downloads a few
 * finds each again. Browsers that read RFC 6266 `filename*` get the title as it is written
 * (Arabic, Cyrillic …); others an ASCII form of it ("Deutschkurs für Frauen" →
 * "deutschkurs-fuer-frauen.ics"), or "angebot.ics" when nothing of it is Latin.
 *
 *   headers['content-disposition'] = contentDisposition(offer.title);
 */

/** Longest name, without ".ics". */
const MAX_NAME = 80;
const FALLBACK = 'angebot';

const GERMAN: Record<string, string> = {
	ä: 'ae',
	ö: 'oe',
	ü: 'ue',
	Ä: 'Ae',
	Ö: 'Oe',
	Ü: 'Ue',
	ß: 'ss'
};

/** The title in ASCII letters and digits, words joined by "-": "deutschkurs-fuer-frauen.ics". */
export function asciiFilename(title: string): string {
	const ascii = title
		.replace(/[äöüÄÖÜß]/g, (letter) => GERMAN[letter]!)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, MAX_NAME)
		.replace(/^-+|-+$/g, '');
	return `${ascii || FALLBACK}.ics`;
}

/** The title as written, without characters file systems refuse: "Курс німецької.ics". */
export function unicodeFilename(title: string): string {
	const name = [
		...title
			.normalize('NFC')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	]
		.slice(0, MAX_NAME)
		.join('')
		.replace(/^[.\s]+|[.\s]+$/g, '');
	return `${name || FALLBACK}.ics`;
}

/** RFC 5987 value characters: everything else percent-encoded as UTF-8. */
function encodeRfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*!]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** `attachment; filename="ascii.ics"; filename*=UTF-8''title.ics` */
export function contentDisposition(title: string): string {
	return `attachment; filename="${asciiFilename(title)}"; filename*=UTF-8''${encodeRfc5987(unicodeFilename(title))}`;
}
