import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supabase } from '$lib/server/data/client';
import { runFeed } from './run';

/** Records the RPCs a run makes and answers them as the database would, briefly. */
function recordingSupabase() {
	const calls: { name: string; args: Record<string, unknown> }[] = [];
	const supabase = {
		rpc: async (name: string, args: Record<string, unknown>) => {
			calls.push({ name, args });
			return { data: { outcome: args.p_outcome ?? 'applied' }, error: null };
		}
	} as unknown as Supabase;
	return { supabase, calls };
}

let server: http.Server;
let base: string;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		if (req.url === '/google.ics') {
			if (req.headers['if-none-match'] === '"g1"') {
				res.writeHead(304).end();
				return;
			}
			res.writeHead(200, { etag: '"g1"', 'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT' });
			res.end(readFileSync('tests/fixtures/ics/google.ics'));
		} else if (req.url === '/broken.ics') {
			res.writeHead(200).end(readFileSync('tests/fixtures/ics/broken.ics'));
		} else {
			res.writeHead(302, { location: 'http://10.0.0.1/internal.ics' }).end();
		}
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const feed = (url: string | null, etag: string | null = null) => ({
	id: 'feed-1',
	url,
	etag,
	last_modified: null,
	time_zone: 'Europe/Berlin'
});
const fetchOptions = { allowHosts: ['127.0.0.1'] };

describe('runFeed', () => {
	it('fetches, reads and applies a feed with its validators', async () => {
		const { supabase, calls } = recordingSupabase();
		await runFeed(supabase, feed(`${base}/google.ics`), {
			trigger: 'schedule',
			fetch: fetchOptions
		});
		expect(calls).toHaveLength(1);
		const [{ name, args }] = calls;
		expect(name).toBe('apply_calendar_feed');
		expect(args).toMatchObject({
			p_feed_id: 'feed-1',
			p_trigger: 'schedule',
			p_etag: '"g1"',
			p_last_modified: 'Tue, 01 Dec 2026 08:00:00 GMT',
			p_problems: []
		});
		expect((args.p_events as { uid: string }[]).map((e) => e.uid)).toHaveLength(3);
	});

	it('records an unchanged feed (304) without reading it', async () => {
		const { supabase, calls } = recordingSupabase();
		await runFeed(supabase, feed(`${base}/google.ics`, '"g1"'), {
			trigger: 'manual',
			fetch: fetchOptions
		});
		expect(calls).toEqual([
			{
				name: 'record_calendar_run',
				args: {
					p_feed_id: 'feed-1',
					p_trigger: 'manual',
					p_outcome: 'not_modified',
					p_error: undefined
				}
			}
		]);
	});

	it('records a refused fetch and an unreadable file as failed runs with their reason', async () => {
		const { supabase, calls } = recordingSupabase();
		await runFeed(supabase, feed(`${base}/elsewhere.ics`), {
			trigger: 'manual',
			fetch: fetchOptions
		});
		await runFeed(supabase, feed(`${base}/broken.ics`), { trigger: 'manual', fetch: fetchOptions });
		await runFeed(supabase, feed(null), { trigger: 'upload', text: 'no calendar' });
		expect(calls.map((c) => [c.args.p_outcome, String(c.args.p_error).split(':')[0]])).toEqual([
			['failed', 'blocked_address'],
			['failed', 'unreadable'],
			['failed', 'not_calendar']
		]);
	});
});
