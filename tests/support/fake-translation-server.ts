/**
 * A local stand-in for a machine translation provider (LibreTranslate, DeepL) on 127.0.0.1:
 * it records every request (method, path, headers, parsed body) and answers what the test
 * sets, so the adapters are tested at the HTTP boundary.
 *
 *   const fake = await startFakeTranslationServer();
 *   fake.respond(() => ({ status: 200, body: { translatedText: ['Hallo'] } }));
 *   await libreTranslate({ url: fake.url }).translate(['Hello'], 'en', 'de');
 *   expect(fake.requests[0].body).toEqual({ q: ['Hello'], source: 'en', target: 'de', … });
 *   await fake.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	/** The body parsed as JSON (the raw text when it is not JSON). */
	body: unknown;
}

export interface FakeAnswer {
	status: number;
	/** Sent as JSON unless it is a string. */
	body?: unknown;
	/** Wait this long before answering (to test timeouts). */
	delayMs?: number;
}

export interface FakeTranslationServer {
	url: string;
	requests: RecordedRequest[];
	/** How to answer the next requests. */
	respond(answer: (request: RecordedRequest) => FakeAnswer): void;
	close(): Promise<void>;
}

export async function startFakeTranslationServer(): Promise<FakeTranslationServer> {
	const requests: RecordedRequest[] = [];
	let answer: (request: RecordedRequest) => FakeAnswer = () => ({ status: 500, body: 'unset' });
	const timers = new Set<NodeJS.Timeout>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// kept as text
			}
			const request = {
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body
			};
			requests.push(request);
			const reply = answer(request);
			const send = () => {
				timers.delete(timer);
				if (res.destroyed) return;
				const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
				res.writeHead(reply.status, {
					'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json'
				});
				res.end(payload);
			};
			const timer = setTimeout(send, reply.delayMs ?? 0);
			timers.add(timer);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		respond(next) {
			answer = next;
		},
		close() {
			for (const timer of timers) clearTimeout(timer);
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
}
