import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	BIDI_CONTROL,
	cleanLine,
	cleanText,
	emailAddressProblem,
	isEmailAddress,
	isPhoneNumber,
	isWebAddress,
	phoneNumberProblem,
	webAddressProblem
} from './safe-text';

const BIDI_CHARACTERS = [
	'\u061c',
	'\u200e',
	'\u200f',
	'\u202a',
	'\u202b',
	'\u202c',
	'\u202d',
	'\u202e',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069'
];
// eslint-disable-next-line no-control-regex -- the test is about control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex -- the test is about control characters
const CONTROL_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

/** Characters that make text misbehave: bidi controls, controls, line breaks, spaces, URL syntax. */
const tricky = fc.constantFrom(
	...BIDI_CHARACTERS,
	'\u0000',
	'\u0007',
	'\t',
	'\n',
	'\r',
	'\r\n',
	'\u0085',
	'\u2028',
	'\u2029',
	'\u00a0',
	'\u200b',
	'\ufeff',
	' ',
	'@',
	':',
	'?',
	'#',
	'/',
	'\\',
	'.',
	'%0d%0a',
	'javascript:',
	'mailto:',
	'xn--',
	'\u0627\u0644'
);

/** Text mixing ordinary characters with the tricky ones. */
const text = fc
	.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), tricky), { maxLength: 12 })
	.map((parts) => parts.join(''));

/** Candidate web addresses: real-looking ones, and the same with tricky characters put in. */
const urlLike = fc.oneof(
	fc.webUrl({ withQueryParameters: true, withFragments: true }),
	fc.tuple(fc.webUrl({ withQueryParameters: true }), fc.nat(), tricky).map(([url, at, insert]) => {
		const i = at % (url.length + 1);
		return url.slice(0, i) + insert + url.slice(i);
	}),
	fc
		.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'javascript:', ''), text)
		.map(([scheme, rest]) => scheme + rest),
	text
);

const emailLike = fc.oneof(
	fc.emailAddress(),
	fc.tuple(fc.emailAddress(), fc.nat(), tricky).map(([address, at, insert]) => {
		const i = at % (address.length + 1);
		return address.slice(0, i) + insert + address.slice(i);
	}),
	text
);

describe('cleanLine and cleanText', () => {
	it('remove bidirectional formatting characters from titles', () => {
		expect(cleanLine('\u202eexe.pdf\u202c')).toBe('exe.pdf');
		expect(cleanLine('Sprachcafé \u2067\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u2069')).toBe(
			'Sprachcafé \u0627\u0644\u0639\u0631\u0628\u064a\u0629'
		);
		expect(cleanText('a\u200fb\u061cc\u2066d')).toBe('abcd');
	});

	it('turn line breaks into spaces in a single line, and keep them in a text', () => {
		expect(cleanLine('  Deutsch\r\nfür\tMütter\u2028 ')).toBe('Deutsch für Mütter');
		expect(cleanText('Mit Kinderbetreuung.\r\nDas Kursbuch\twird\rgestellt.\u2029')).toBe(
			'Mit Kinderbetreuung.\nDas Kursbuch\twird\ngestellt.\n'
		);
	});

	it('remove other control characters and keep everything else', () => {
		expect(cleanLine('a\u0000b\u0007c\u007fd\u009fe')).toBe('abcde');
		// zero-width non-joiner is part of Farsi spelling; no-break spaces stay too
		expect(cleanLine('می\u200cخواهم\u00a0x')).toBe('می\u200cخواهم\u00a0x');
	});

	it('are idempotent and leave no bidi or control character (property)', () => {
		fc.assert(
			fc.property(text, (value) => {
				const line = cleanLine(value);
				const lines = cleanText(value);
				expect(cleanLine(line)).toBe(line);
				expect(cleanText(lines)).toBe(lines);
				expect(BIDI_CONTROL.test(line) || BIDI_CONTROL.test(lines)).toBe(false);
				expect(CONTROL.test(line)).toBe(false);
				expect(CONTROL_BUT_NEWLINE_AND_TAB.test(lines)).toBe(false);
				expect(line).not.toMatch(/^ | $/);
			}),
			{ numRuns: 2000 }
		);
	});

	it('change nothing in ordinary text (property)', () => {
		const ordinary = fc
			.string({ unit: 'grapheme', maxLength: 40 })
			.filter(
				(value) => !/[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(value)
			)
			.map((value) => value.replace(/^ +| +$/g, ''));
		fc.assert(
			fc.property(ordinary, (value) => {
				expect(cleanLine(value)).toBe(value);
				expect(cleanText(value)).toBe(value);
			})
		);
	});
});

describe('web addresses', () => {
	it('refuse what the tester found, each with its reason', () => {
		expect(webAddressProblem('https://x.example/\r\nX-INJ:74')).toBe(
			'it contains a space, a line break or an invisible control character'
		);
		expect(webAddressProblem('http://javascript:alert(72)')).toBe(
			'it has no host name such as example.org'
		);
		expect(webAddressProblem('javascript:alert(1)')).toBe(
			'it does not start with http:// or https://'
		);
		expect(webAddressProblem('https://user:secret@x.example/')).toBe(
			'it has a user name or password before the host name'
		);
		expect(webAddressProblem('https://x.example:99999/')).toBe(
			'its port is not a number from 0 to 65535'
		);
		expect(webAddressProblem('https://x.example/"><script>')).toBe(
			'it contains one of the characters " < > \\ ^ ` { | }'
		);
		expect(webAddressProblem('https://x.example/\u202eexe')).toBe(
			'it contains a space, a line break or an invisible control character'
		);
		expect(webAddressProblem(`https://x.example/${'a'.repeat(2000)}`)).toBe(
			'it is longer than 2000 characters'
		);
		for (const refused of [
			'https://localhost/',
			'https://127.0.0.1/',
			'https://x.example./',
			'https://-x.example/',
			'https://x.123/',
			'https:/x.example',
			'https:x.example',
			'//x.example/',
			' https://x.example/',
			'https://x.example/ a'
		]) {
			expect(isWebAddress(refused), refused).toBe(false);
		}
	});

	it('accept ordinary addresses', () => {
		for (const accepted of [
			'https://example.org',
			'http://www.vhs-kempten.de/kurse/deutsch?kurs=A1&ort=Altstadt#anmeldung',
			'HTTPS://Example.ORG/Anmeldung',
			'https://xn--mnchen-3ya.de/',
			'https://x.example:8443/straße/مرحبا',
			'https://x.example/%20a'
		]) {
			expect(webAddressProblem(accepted), accepted).toBeUndefined();
		}
	});

	it('accept only what new URL reads as http(s) with that host and no user (property)', () => {
		fc.assert(
			fc.property(urlLike, (value) => {
				if (!isWebAddress(value)) return;
				const url = new URL(value);
				expect(['http:', 'https:']).toContain(url.protocol);
				expect(url.username + url.password).toBe('');
				expect(url.hostname).toMatch(/^[a-z0-9.-]+\.([a-z]{2,63}|xn--[a-z0-9-]+)$/);
				expect(url.hostname).not.toBe('javascript');
				expect(/[\s\p{Cc}]/u.test(value) || BIDI_CONTROL.test(value)).toBe(false);
				expect(url.href).not.toMatch(/[\r\n]/);
			}),
			{ numRuns: 3000 }
		);
	});

	it('accept the URLs a URL generator makes, when their host fits (property)', () => {
		fc.assert(
			fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (value) => {
				const host = new URL(value).hostname;
				if (!/\.[a-z]{2,63}$/.test(host) || /(^|\.)-|-(\.|$)/.test(host)) return;
				expect(webAddressProblem(value)).toBeUndefined();
			})
		);
	});
});

describe('e-mail addresses', () => {
	it('refuse a query, mailto: and invisible characters, each with its reason', () => {
		expect(emailAddressProblem('x@x.example?subject=Hallo')).toBe(
			'it has a "?" (an address takes no subject or other additions)'
		);
		expect(emailAddressProblem('mailto:x@x.example')).toBe(
			'it starts with mailto: (give the address alone)'
		);
		expect(emailAddressProblem('x@x.example\r\nBcc: y@y.example')).toBe(
			'it contains a space, a line break or an invisible control character'
		);
		for (const refused of [
			'x',
			'x@localhost',
			'x@@x.example',
			'x@x@x.example',
			'.x@x.example',
			'x..y@x.example',
			'x%0a@x.example',
			'x@x.example#y',
			'x&y@x.example',
			`${'x'.repeat(65)}@x.example`
		]) {
			expect(emailAddressProblem(refused), refused).toBe('it is not of the form name@example.org');
		}
	});

	it('accept ordinary addresses', () => {
		for (const accepted of [
			'info@example.org',
			'vorname.nachname+kurs@stadt-kempten.de',
			'A_B-C@Sub.Example.ORG'
		]) {
			expect(emailAddressProblem(accepted), accepted).toBeUndefined();
		}
	});

	it('accept only addresses that make a mailto: link without additions (property)', () => {
		fc.assert(
			fc.property(emailLike, (value) => {
				if (!isEmailAddress(value)) return;
				expect(value.split('@')).toHaveLength(2);
				expect(value.split('@')[1]).toContain('.');
				const link = new URL(`mailto:${value}`);
				expect(link.search + link.hash).toBe('');
				expect(link.pathname).toBe(value);
				expect(/[\s\p{Cc}]/u.test(value) || BIDI_CONTROL.test(value)).toBe(false);
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('phone numbers', () => {
	it('take free text as people write them', () => {
		for (const accepted of [
			'0831 2525-0',
			'+49 (831) 2525/0',
			'0831.2525.0',
			'030 – 746 900 50',
			'0157 … oder 030 …',
			'tel:08312525'
		]) {
			expect(phoneNumberProblem(accepted), accepted).toBeUndefined();
		}
		expect(phoneNumberProblem('0831 2525\n0')).toBe(
			'it contains line breaks, control or bidirectional formatting characters'
		);
		expect(phoneNumberProblem('\u202e0831 2525')).toBe(
			'it contains line breaks, control or bidirectional formatting characters'
		);
		expect(phoneNumberProblem('0831 <b>2525</b>')).toBe('it contains < or >');
		expect(phoneNumberProblem('0831')).toBe('it is not 5 to 100 characters long');
		expect(phoneNumberProblem('0'.repeat(101))).toBe('it is not 5 to 100 characters long');
		expect(phoneNumberProblem('Frau Bauer')).toBe('it has fewer than 3 digits');
	});

	it('accept one line with digits and no markup (property)', () => {
		fc.assert(
			fc.property(text, (value) => {
				if (isPhoneNumber(value)) {
					expect(value).not.toMatch(/[\n\r<>\u202e]/);
					expect(value).toMatch(/[0-9].*[0-9].*[0-9]/);
				}
			})
		);
	});
});
