/**
 * Input that is accepted is safe (supabase/migrations/*_safe_input.sql), on PGlite and
 * PostgreSQL 15: the database refuses what is not a web address, e-mail address or phone
 * number, cleans bidirectional formatting and control characters out of texts, the CSV import
 * names each bad value with its row and reason, and a title written with U+202E comes out of
 * get_offer, the JSON API and iCalendar without it. The rules agree with
 * src/lib/schemas/safe-text.ts, value for value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	BIDI_CONTROL,
	cleanLine,
	cleanText,
	emailAddressProblem,
	phoneNumberProblem,
	webAddressProblem
} from '$lib/schemas/safe-text';
import { offersCalendar } from '$lib/server/calendar';
import { parseProblems } from '$lib/server/import/errors';
import { readOffersCsv } from '$lib/server/import/offers';
import type { OfferDetail } from '$lib/types';
import {
	engines,
	useSession,
	type Actor,
	type SqlQuery,
	type SqlSession
} from '../support/sql-engines';
import {
	createCity,
	createCityAdmin,
	createConcept,
	createDistrict,
	createOffer,
	createOrganisation
} from '../support/factories';

/** What the tester found, and more of the kind. */
const BAD = {
	webAddress: [
		'https://x.example/\r\nX-INJ:74',
		'http://javascript:alert(72)',
		'javascript:alert(72)',
		'https://user:secret@x.example/',
		'https://localhost/',
		'https://x.example/\u202eexe',
		'https://x.example/"><script>'
	],
	emailAddress: [
		'x@x.example?subject=Hallo',
		'mailto:x@x.example',
		'x@x.example\r\nBcc: y@y.example',
		'x@localhost',
		'\u202ex@x.example'
	],
	phoneNumber: [
		'0831 2525\r\n0',
		'\u202e0831 2525',
		'0831',
		'+49 831 2525 0 <script>',
		'Frau Bauer'
	]
};
const GOOD = {
	webAddress: ['https://example.org', 'http://www.vhs-kempten.de/kurse?kurs=A1#anmeldung'],
	emailAddress: ['info@example.org', 'vorname.nachname+kurs@stadt-kempten.de'],
	phoneNumber: [
		'0831 2525-0',
		'+49 (831) 2525/0',
		'0831.2525.0',
		'030 – 746 900 50',
		'0157 … oder 030 …',
		'0831 2525 Durchwahl 3'
	]
};

/** The columns each rule guards. */
const COLUMNS = [
	{ table: 'offers', column: 'registration_url', rule: 'webAddress' },
	{ table: 'offers', column: 'contact_email', rule: 'emailAddress' },
	{ table: 'offers', column: 'contact_phone', rule: 'phoneNumber' },
	{ table: 'organisations', column: 'website', rule: 'webAddress' },
	{ table: 'organisations', column: 'email', rule: 'emailAddress' },
	{ table: 'organisations', column: 'phone', rule: 'phoneNumber' },
	{ table: 'concepts', column: 'source_url', rule: 'webAddress' }
] as const;

const CONSTRAINT_OF = {
	webAddress: 'is_web_address',
	emailAddress: 'is_email_address',
	phoneNumber: 'is_phone_number'
} as const;

/**
 * The rules in SQL, applied to many values in one query. The cleaned texts travel as JSON:
 * PGlite decodes each text value with a TextDecoder, which drops a leading U+FEFF.
 */
async function sqlRules(db: SqlQuery, values: string[]) {
	const rows = await db.query<{
		web: string | null;
		email: string | null;
		phone: string | null;
		line: string;
		text: string;
	}>(
		`select private.web_address_problem(v) as web, private.email_address_problem(v) as email,
		        private.phone_number_problem(v) as phone, to_json(private.clean_line(v))::text as line,
		        to_json(private.clean_text(v))::text as text
		 from unnest($1::text[]) with ordinality as u(v, n) order by n`,
		[values]
	);
	return rows.map((row) => ({
		...row,
		line: JSON.parse(row.line) as string,
		text: JSON.parse(row.text) as string
	}));
}

/** Strings that tempt the rules: addresses with tricky characters put in, and noise. */
const tricky = fc.constantFrom(
	'\u202e',
	'\u2066',
	'\u200f',
	'\u061c',
	'\u0007',
	'\t',
	'\n',
	'\r\n',
	'\u0085',
	'\u2028',
	'\u00a0',
	'\u200b',
	'\ufeff',
	' ',
	'@',
	':',
	'?',
	'#',
	'\\',
	'"',
	'.',
	'-',
	'javascript:',
	'mailto:',
	'xn--'
);
const noise = fc
	.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), tricky), { maxLength: 8 })
	.map((parts) => parts.join(''));
const inserted = (base: fc.Arbitrary<string>) =>
	fc.tuple(base, fc.nat(), tricky).map(([value, at, insert]) => {
		const i = at % (value.length + 1);
		return value.slice(0, i) + insert + value.slice(i);
	});
const candidate = fc
	.oneof(
		fc.webUrl({ withQueryParameters: true, withFragments: true }),
		inserted(fc.webUrl({ withQueryParameters: true })),
		fc.emailAddress(),
		inserted(fc.emailAddress()),
		fc.stringMatching(/^[0-9 +()/.-]{0,12}$/),
		fc.tuple(fc.constantFrom('http://', 'https://', 'mailto:', ''), noise).map(([a, b]) => a + b),
		noise
	)
	// PostgreSQL's text cannot hold NUL at all: the driver refuses it before any rule runs
	.map((value) => value.replaceAll('\u0000', ''));

describe.each(engines)('safe input on $name', (engine) => {
	const db = useSession(engine);

	/** A city with its integration office, an organisation, a concept and an offer. */
	async function world(session: SqlSession) {
		const city = await createCity(session);
		const admin: Actor = { role: 'authenticated', userId: await createCityAdmin(session) };
		const organisation = await createOrganisation(session, city.id, {
			slug: 'stadtteilbuero-altstadt'
		});
		const concept = await createConcept(session, city.id);
		const offer = await createOffer(session, organisation.id);
		const ids = { offers: offer.id, organisations: organisation.id, concepts: concept.id };
		return { city, admin, organisation, concept, offer, ids };
	}

	it('refuses every bad address with the constraint that names the rule', async () => {
		const { admin, ids } = await world(db());
		const failures: string[] = [];
		for (const { table, column, rule } of COLUMNS) {
			const constraint = `${table}_${column}_${CONSTRAINT_OF[rule]}`;
			for (const value of BAD[rule]) {
				try {
					await db().as(admin, (q) =>
						q.query(`update public.${table} set ${column} = $2 where id = $1`, [ids[table], value])
					);
					failures.push(`${table}.${column} took ${JSON.stringify(value)}`);
				} catch (error) {
					const { code, message } = error as { code?: string; message: string };
					if (code !== '23514' || !message.includes(constraint)) {
						failures.push(`${table}.${column} ${JSON.stringify(value)}: ${code} ${message}`);
					}
				}
			}
		}
		expect(failures).toEqual([]);
	});

	it('takes good addresses as they are', async () => {
		const { admin, ids } = await world(db());
		for (const { table, column, rule } of COLUMNS) {
			for (const value of GOOD[rule]) {
				const [row] = await db().as(admin, (q) =>
					q.query<{ value: string }>(
						`update public.${table} set ${column} = $2 where id = $1 returning ${column} as value`,
						[ids[table], value]
					)
				);
				expect(row.value).toBe(value);
			}
		}
	});

	it('cleans bidi and control characters out of titles, names and texts', async () => {
		const city = await createCity(db(), { name: '\u202eTeststadt ' });
		const organisation = await createOrganisation(db(), city.id, {
			name: 'Stadtteilbüro\u2067 Altstadt\u2069\r\n'
		});
		const district = await createDistrict(db(), city.id, { name: '\u200fSankt\tMang\u0007' });
		const offer = await createOffer(db(), organisation.id, { title: '\u202eLauftreff\u202c' });
		await db().query(
			`update public.offer_translations
			 set summary = $2, description = $3, cost_note = $4, registration_note = $5
			 where offer_id = $1`,
			[
				offer.id,
				'Für alle.\r\nAuch\u202e für Anfänger.',
				'Zeile 1\rZeile 2\u2029Zeile\t3\u0000'.replace('\u0000', '\u0008'),
				'5 €\u061c pro Termin',
				'Anmeldung\u2066 per Telefon'
			]
		);
		await db().query(`update public.offers set street = $2, locality = $3 where id = $1`, [
			offer.id,
			'Rathausplatz\u202d 1',
			' Kempten\n(Allgäu) '
		]);

		const [row] = await db().query(
			`select c.name as city, org.name as organisation, d.name as district, t.title, t.summary,
			        t.description, t.cost_note, t.registration_note, o.street, o.locality
			 from public.offers o
			 join public.offer_translations t on t.offer_id = o.id
			 join public.organisations org on org.id = o.organisation_id
			 join public.cities c on c.id = org.city_id
			 cross join public.districts d
			 where o.id = $1 and d.id = $2`,
			[offer.id, district.id]
		);
		expect(row).toEqual({
			city: 'Teststadt',
			organisation: 'Stadtteilbüro Altstadt',
			district: 'Sankt Mang',
			title: 'Lauftreff',
			summary: 'Für alle.\nAuch für Anfänger.',
			description: 'Zeile 1\nZeile 2\nZeile\t3',
			cost_note: '5 € pro Termin',
			registration_note: 'Anmeldung per Telefon',
			street: 'Rathausplatz 1',
			locality: 'Kempten (Allgäu)'
		});
	});

	it('refuses a title that is nothing but bidi controls', async () => {
		const { admin, offer } = await world(db());
		await expect(
			db().as(admin, (q) =>
				q.query(`update public.offer_translations set title = $2 where offer_id = $1`, [
					offer.id,
					'\u202e\u202c '
				])
			)
		).rejects.toMatchObject({ code: '23514' });
	});

	it('agrees with safe-text.ts on every value, reason for reason (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(candidate, { minLength: 40, maxLength: 40 }), async (values) => {
				const rows = await sqlRules(db(), values);
				values.forEach((value, i) => {
					const web = webAddressProblem(value);
					expect(
						{
							value,
							// new URL() checks the punycode of xn-- labels too; the database cannot
							web: web === 'a browser cannot open it' ? null : (web ?? null),
							email: emailAddressProblem(value) ?? null,
							phone: phoneNumberProblem(value) ?? null,
							line: cleanLine(value),
							text: cleanText(value)
						},
						JSON.stringify(value)
					).toEqual({ value, ...rows[i] });
				});
			}),
			{ numRuns: 25 }
		);
	});

	describe('the CSV import', () => {
		const importOffers = (q: SqlQuery, csv: string) =>
			q
				.query<{ report: { offers_imported: number; ids: string[] } }>(
					`select public.import_offers('testcity', $1::jsonb) as report`,
					[JSON.stringify(readOffersCsv(csv))]
				)
				.then(([row]) => row.report);

		it('names each bad address with its row and reason, and imports nothing', async () => {
			const { admin } = await world(db());
			const csv = [
				'organisation,category,title,registration_url,contact_email,contact_phone',
				'stadtteilbuero-altstadt,sports,Lauftreff,"https://x.example/\r\nX-INJ:74",,',
				'stadtteilbuero-altstadt,sports,Lauftreff,http://javascript:alert(72),,',
				'stadtteilbuero-altstadt,sports,Lauftreff,,x@x.example?subject=Hallo,',
				'stadtteilbuero-altstadt,sports,Lauftreff,,mailto:x@x.example,',
				'stadtteilbuero-altstadt,sports,Lauftreff,,,0831 2525 <Durchwahl 3>',
				'stadtteilbuero-altstadt,sports,"\u202e\u202c",,,',
				'stadtteilbuero-altstadt,sports,\u202eLauftreff,https://example.org/ ,info@example.org,0831 2525-0'
			].join('\r\n');
			const before = await db().query(`select count(*) as n from public.offers`);

			let problems: unknown;
			try {
				await db().as(admin, (q) => importOffers(q, csv));
			} catch (error) {
				const { code, message, detail } = error as {
					code?: string;
					message: string;
					detail?: string;
				};
				expect({ code, message }).toEqual({
					code: '22023',
					message: '6 of 7 rows refused; nothing was imported'
				});
				problems = parseProblems(detail);
			}
			// The first record spans lines 2 and 3, so the next one is row 4.
			expect(problems).toEqual([
				{
					row: 2,
					reason:
						'column registration_url: "https://x.example/\\r\\nX-INJ:74" is not a web address: it contains a space, a line break or an invisible control character'
				},
				{
					row: 4,
					reason:
						'column registration_url: "http://javascript:alert(72)" is not a web address: it has no host name such as example.org'
				},
				{
					row: 5,
					reason:
						'column contact_email: "x@x.example?subject=Hallo" is not an e-mail address: it has a "?" (an address takes no subject or other additions)'
				},
				{
					row: 6,
					reason:
						'column contact_email: "mailto:x@x.example" is not an e-mail address: it starts with mailto: (give the address alone)'
				},
				{
					row: 7,
					reason:
						'column contact_phone: "0831 2525 <Durchwahl 3>" is not a phone number: it contains < or >'
				},
				{ row: 8, reason: 'column title: empty' }
			]);
			expect(await db().query(`select count(*) as n from public.offers`)).toEqual(before);
		});

		it('shows invisible characters of a refused value as escapes', async () => {
			const { admin } = await world(db());
			const csv = [
				'organisation,category,title,contact_email',
				'stadtteilbuero-altstadt,sports,Lauftreff,info\u202e@example.org',
				'stadtteilbuero\u2066-altstadt,sports,Lauftreff,'
			].join('\n');
			let detail: string | undefined;
			await db()
				.as(admin, (q) => importOffers(q, csv))
				.catch((error: { detail?: string }) => (detail = error.detail));
			const problems = parseProblems(detail);
			expect(problems.map((problem) => problem.reason)).toEqual([
				'column contact_email: "info\\u202e@example.org" is not an e-mail address: it contains a space, a line break or an invisible control character',
				'column organisation: no organisation "stadtteilbuero\\u2066-altstadt" in testcity'
			]);
			expect(problems.some((problem) => BIDI_CONTROL.test(problem.reason))).toBe(false);
		});

		it('imports a title with U+202E without it, and get_offer, the JSON API and iCalendar never see it', async () => {
			const { admin } = await world(db());
			const csv = [
				'organisation,category,title,summary,street,registration_url,contact_email,state,starts_at,rrule',
				'stadtteilbuero-altstadt,sports,\u202eLauftreff\u202c am Fluss,Für alle\u2067 Läufer,' +
					'Rathausplatz\u202e 1, https://example.org/anmeldung ,info@example.org,published,' +
					'2026-12-01 18:00,FREQ=WEEKLY;BYDAY=TU'
			].join('\n');

			const report = await db().as(admin, (q) => importOffers(q, csv));
			expect(report.offers_imported).toBe(1);

			const [{ offer }] = await db().as({ role: 'anon' }, (q) =>
				q.query<{ offer: OfferDetail }>(`select public.get_offer($1, 'de') as offer`, [
					report.ids[0]
				])
			);
			expect(offer).toMatchObject({
				title: 'Lauftreff am Fluss',
				summary: 'Für alle Läufer',
				street: 'Rathausplatz 1',
				registration_url: 'https://example.org/anmeldung',
				contact_email: 'info@example.org'
			});

			// what /api/offers/{id} answers and what the calendar files hold
			const json = JSON.stringify(offer);
			const ics = offersCalendar([offer], {
				url: new URL('https://portal.example/api/offers.ics'),
				locale: 'de',
				name: offer.title
			});
			expect(ics).toContain('SUMMARY:Lauftreff am Fluss');
			for (const body of [json, ics]) {
				expect(BIDI_CONTROL.test(body)).toBe(false);
			}
		});
	});
});
