/**
 * Machine translation end to end, against `node build` configured with a LibreTranslate
 * provider that is a local fake (tests/support/fake-translation-server.ts): the demo editor of
 * Sankt Mang, as a browser without JavaScript, sees "Maschinell übersetzen" on an offer's
 * translation page (no Einfache Sprache among the locales), translates the missing locales by
 * machine; the provider gets only the original's texts with the API key, the locales are then
 * machine-translated, and the public page says so in the reader's language. A server without a
 * provider shows no such button (tests/e2e/staff-translation.spec.ts).
 * Needs `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	startFakeTranslationServer,
	type FakeTranslationServer
} from '../support/fake-translation-server';
import { killServer, noBuild, seededDataDir, startServer, type Server } from '../support/server';

const EDITOR = 'stadtteilbuero-sankt-mang@demo.example.org';
const PASSWORD = 'demo-passwort';

let root: string;
let fake: FakeTranslationServer;
let server: Server;
const jar = new Map<string, string>();

/** A request as a browser without JavaScript sends it (cookies kept, redirects not followed). */
async function request(pathname: string, body?: URLSearchParams): Promise<Response> {
	const response = await fetch(server.base + pathname, {
		method: body ? 'POST' : 'GET',
		body,
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			'accept-language': 'de-DE,de;q=0.9',
			...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
			...(body ? { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' } : {})
		}
	});
	for (const line of response.headers.getSetCookie()) {
		const [pair] = line.split(';');
		const eq = pair.indexOf('=');
		const value = pair.slice(eq + 1);
		if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, eq));
		else jar.set(pair.slice(0, eq), value);
	}
	return response;
}

const html = async (pathname: string, body?: URLSearchParams) => {
	const response = await request(pathname, body);
	expect(response.status, pathname).toBe(200);
	return response.text();
};

const missingCount = (page: string) => (page.match(/status--missing/g) ?? []).length;

describe.skipIf(noBuild)('machine translation against node build', () => {
	beforeAll(async () => {
		fake = await startFakeTranslationServer();
		fake.respond(({ body }) => {
			const { q, target } = body as { q: string[]; target: string };
			return { status: 200, body: { translatedText: q.map((text) => `[${target}] ${text}`) } };
		});
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'machine-translation-'));
		server = await startServer({
			dataDir: await seededDataDir(root, 'one'),
			env: {
				TRANSLATION_PROVIDER: 'libretranslate',
				LIBRETRANSLATE_URL: fake.url,
				LIBRETRANSLATE_API_KEY: 'test-key'
			}
		});
		await server.json('/api/offers?limit=1');
		await (await request('/staff/sign-in')).arrayBuffer();
		const signedIn = await request(
			'/staff/sign-in',
			new URLSearchParams({ email: EDITOR, password: PASSWORD, redirectTo: '' })
		);
		expect(signedIn.status).toBe(303);
	}, 240_000);

	afterAll(async () => {
		if (server) await killServer(server);
		await fake?.close();
		if (root) fs.rmSync(root, { recursive: true, force: true });
	});

	it('translates the missing locales of an offer by machine and says so publicly', async () => {
		// the editor's offer with the most missing translations
		const dashboard = await html('/staff');
		const ids = [...new Set(dashboard.match(/\/staff\/offers\/[0-9a-f-]{36}/g) ?? [])]
			.slice(0, 8)
			.map((link) => link.slice('/staff/offers/'.length));
		expect(ids.length).toBeGreaterThan(0);
		const pages = await Promise.all(ids.map((id) => html(`/staff/offers/${id}/translations`)));
		const best = pages.reduce((a, b, i) => (missingCount(b) > missingCount(pages[a]) ? i : a), 0);
		const id = ids[best];
		const before = pages[best];
		expect(missingCount(before)).toBeGreaterThan(0);
		expect(before).toContain('Maschinell übersetzen');
		expect(before).toContain('LibreTranslate');
		const offered = [...before.matchAll(/name="locale" value="([a-z-]+)"/g)].map((m) => m[1]);
		expect(offered).not.toContain('de-simple');
		expect(offered.length).toBeGreaterThan(0);

		const answer = await html(
			`/staff/offers/${id}/translations?/machine`,
			new URLSearchParams(offered.map((locale) => ['locale', locale]))
		);
		expect(answer).toMatch(/maschinell übersetzt\./);
		expect(fake.requests.length).toBeGreaterThan(0);
		for (const sent of fake.requests) {
			expect(sent.path).toBe('/translate');
			expect(sent.body).toMatchObject({ format: 'text', api_key: 'test-key' });
			expect(offered).toContain((sent.body as { target: string }).target);
		}

		const after = await html(`/staff/offers/${id}/translations`);
		// only Einfache Sprache, which no machine writes, may still be missing
		expect(missingCount(after)).toBeLessThanOrEqual(before.includes('>Einfache Sprache') ? 1 : 0);
		expect(after).toContain('maschinell übersetzt, ungeprüft');

		// the public page of a published offer says the text is a machine's, in the reader's language
		const target = (fake.requests[0].body as { target: string }).target;
		const publicPage = await fetch(`${server.base}/${target}/offers/${id}`, {
			headers: { accept: 'text/html' }
		});
		if (publicPage.status === 200) {
			const messages = JSON.parse(fs.readFileSync(`messages/${target}.json`, 'utf8'));
			expect(await publicPage.text()).toContain(messages['offer.machine_translated']);
		}
	});
});
