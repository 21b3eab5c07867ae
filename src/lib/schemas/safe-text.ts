/**
 * What text the portal accepts, for every way in: the CSV import, staff forms and the database.
 * The same rules live in SQL (supabase/migrations/*_safe_input.sql: `private.clean_line`,
 * `private.clean_text`, `private.web_address_problem`, `private.email_address_problem`,
 * `private.phone_number_problem`) and give the same reasons in the same order; the database
 * refuses or cleans whatever reaches it, so these functions are for telling a person early.
 *
 * - Text is cleaned, not refused: bidirectional formatting characters (which can reverse how a
 *   title reads, e.g. U+202E) and control characters are removed. A single line (a title, a
 *   name, a street) also turns line breaks and tabs into spaces and loses spaces at its ends;
 *   a multi-line text (a description) keeps its line breaks (as `\n`) and tabs.
 * - Web addresses, e-mail addresses and phone numbers are refused when they are not one: no
 *   cleaning could tell what was meant by `https://x.example/\r\nX-INJ:74`.
 *
 * No zod here, so the browser can use it without loading zod; `safe-fields.ts` wraps these
 * rules as zod schemas for forms:
 *
 *   webAddressProblem('http://javascript:alert(72)') // 'it has no host name such as example.org'
 *   cleanLine('\u202eevil.exe\u202c  ')              // 'evil.exe'
 */

/**
 * Bidirectional formatting characters: ARABIC LETTER MARK, LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK,
 * the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
 */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** Control characters (Unicode category Cc): C0, DEL and C1. */
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f';

/**
 * What a web or e-mail address may not contain: control characters, every space and line
 * separator, soft hyphen, zero-width and bidirectional formatting characters, the byte order mark.
 */
const INVISIBLE = /* @__PURE__ */ new RegExp(
	`[${CONTROL}\\u0020\\u00a0\\u00ad\\u061c\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff]`,
	'u'
);

/** Any bidirectional formatting character. */
export const BIDI_CONTROL = /* @__PURE__ */ new RegExp(`[${BIDI}]`, 'u');

/** Characters a cleaned text never holds (besides, in a single line, `\n` and `\t`). */
const REMOVED_FROM_LINE = /* @__PURE__ */ new RegExp(`[${CONTROL}${BIDI}]`, 'gu');
const REMOVED_FROM_TEXT = /* @__PURE__ */ new RegExp(
	`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`,
	'gu'
);

/** Line breaks and tabs, which a single line turns into spaces. */
const LINE_BREAK_OR_TAB = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/gu;
/** Line breaks of any kind, which a multi-line text writes as `\n`. */
const LINE_BREAK = /\r\n|[\v\f\r\u0085\u2028\u2029]/gu;

/**
 * A single line of text as the portal keeps it: line breaks and tabs become spaces, control and
 * bidirectional formatting characters are removed, spaces at either end are dropped.
 */
export function cleanLine(value: string): string {
	return value
		.replace(LINE_BREAK_OR_TAB, ' ')
		.replace(REMOVED_FROM_LINE, '')
		.replace(/^ +| +$/g, '');
}

/**
 * A text of several lines as the portal keeps it: every line break becomes `\n`, tabs stay,
 * other control and bidirectional formatting characters are removed.
 */
export function cleanText(value: string): string {
	return value.replace(LINE_BREAK, '\n').replace(REMOVED_FROM_TEXT, '');
}

/** Longest web address accepted. */
export const MAX_WEB_ADDRESS_LENGTH = 2000;
/** Longest e-mail address accepted (RFC 5321's path limit less the angle brackets). */
export const MAX_EMAIL_ADDRESS_LENGTH = 254;

/** Host names with at least one dot and a last label of letters (or an IDN `xn--` label). */
const HOST_NAME =
	/^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})$/;
/** What a URL may not contain even where it is otherwise free (RFC 3986 excludes them). */
const NOT_IN_URL = /["<>\\^`{|}]/;
const INVISIBLE_PROBLEM = 'it contains a space, a line break or an invisible control character';

function hostNameProblem(host: string): string | undefined {
	return host.length > 253 || !HOST_NAME.test(host)
		? 'it has no host name such as example.org'
		: undefined;
}

/**
 * Why `value` is not a web address the portal links to, or undefined when it is one: `http:` or
 * `https:`, then a host name with a dot (`example.org`, not `javascript` or `localhost` or an IP
 * address), an optional port, an optional path, query and fragment; no user name or password,
 * no spaces, control or invisible characters, none of `" < > \ ^ ` { | }`, at most 2000
 * characters; and `new URL()` reads it as the same http(s) address.
 */
export function webAddressProblem(value: string): string | undefined {
	if (value.length > MAX_WEB_ADDRESS_LENGTH) return 'it is longer than 2000 characters';
	if (INVISIBLE.test(value)) return INVISIBLE_PROBLEM;
	if (NOT_IN_URL.test(value)) return 'it contains one of the characters " < > \\ ^ ` { | }';
	if (!/^https?:\/\//i.test(value)) return 'it does not start with http:// or https://';
	const authority = /^[A-Za-z]+:\/\/([^/?#]*)/.exec(value)![1];
	if (authority.includes('@')) return 'it has a user name or password before the host name';
	const host = authority.split(':', 1)[0];
	const hostProblem = hostNameProblem(host);
	if (hostProblem) return hostProblem;
	if (authority !== host) {
		const port = authority.slice(host.length + 1);
		if (!/^[0-9]{1,5}$/.test(port) || Number(port) > 65535) {
			return 'its port is not a number from 0 to 65535';
		}
	}
	// What the browser will make of it (this also checks the punycode of xn-- labels, which the
	// database does not): the same host, over http(s), without user or password.
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'a browser cannot open it';
	}
	if (
		(url.protocol !== 'http:' && url.protocol !== 'https:') ||
		url.username !== '' ||
		url.password !== '' ||
		url.hostname !== host.toLowerCase()
	) {
		return 'a browser cannot open it';
	}
	return undefined;
}

/** Whether `value` is a web address the portal links to (see `webAddressProblem`). */
export function isWebAddress(value: string): boolean {
	return webAddressProblem(value) === undefined;
}

const LOCAL_PART = /^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*$/;

/**
 * Why `value` is not an e-mail address, or undefined when it is one: `name@example.org` with a
 * name of letters, digits and `. _ + -` (at most 64) and a host name as web addresses have;
 * no `mailto:`, no `?` (a mailto: link would take it for a subject), no spaces, control or
 * invisible characters; at most 254 characters.
 */
export function emailAddressProblem(value: string): string | undefined {
	if (value.length > MAX_EMAIL_ADDRESS_LENGTH) return 'it is longer than 254 characters';
	if (INVISIBLE.test(value)) return INVISIBLE_PROBLEM;
	if (/^mailto:/i.test(value)) return 'it starts with mailto: (give the address alone)';
	if (value.includes('?')) {
		return 'it has a "?" (an address takes no subject or other additions)';
	}
	const at = value.indexOf('@');
	const local = value.slice(0, at);
	const domain = value.slice(at + 1);
	if (
		at < 0 ||
		local.length > 64 ||
		!LOCAL_PART.test(local) ||
		hostNameProblem(domain) !== undefined
	) {
		return 'it is not of the form name@example.org';
	}
	return undefined;
}

/** Whether `value` is an e-mail address (see `emailAddressProblem`). */
export function isEmailAddress(value: string): boolean {
	return emailAddressProblem(value) === undefined;
}

/** What a phone number may not contain: control and bidirectional formatting characters, line breaks. */
const NOT_IN_PHONE = /* @__PURE__ */ new RegExp(`[${CONTROL}${BIDI}\\u2028\\u2029]`, 'u');

/**
 * Why `value` is not a phone number, or undefined when it is one. Phone numbers are free text as
 * people write them (`030 – 746 900 50`, `0157 … oder 030 …`): one line of 5 to 100 characters
 * with at least 3 digits, no `<` or `>`, no control or bidirectional formatting characters.
 */
export function phoneNumberProblem(value: string): string | undefined {
	if (NOT_IN_PHONE.test(value)) {
		return 'it contains line breaks, control or bidirectional formatting characters';
	}
	if (/[<>]/.test(value)) return 'it contains < or >';
	const length = [...value].length;
	if (length < 5 || length > 100) return 'it is not 5 to 100 characters long';
	if (!/[0-9].*[0-9].*[0-9]/.test(value)) return 'it has fewer than 3 digits';
	return undefined;
}

/** Whether `value` is a phone number (see `phoneNumberProblem`). */
export function isPhoneNumber(value: string): boolean {
	return phoneNumberProblem(value) === undefined;
}
