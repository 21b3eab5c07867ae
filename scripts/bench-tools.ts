/**
 * What the bench scripts share: autocannon (typed), timed GET requests as a browser sends
 * them, percentiles, resident memory from /proc.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';

export { freePort } from './production-server';

/** A browser's Accept-Encoding; every bench request sends it. */
export const BROWSER_ENCODINGS = 'br, gzip';

/** The part of autocannon's result the scripts read (the package ships no types). */
export interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p97_5: number; p99: number; average: number };
	duration: number;
	non2xx: number;
	errors: number;
	timeouts: number;
}

export type Autocannon = (options: {
	url: string;
	connections: number;
	duration: number;
	headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Non-2xx answers, errors and timeouts of an autocannon run. */
export const problemsOf = (result: AutocannonResult) =>
	result.non2xx + result.errors + result.timeouts;

/** The value at percentile `p` (0–100) of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Resident memory of process `pid` in megabytes (VmRSS of /proc/<pid>/status). */
export function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	return kb / 1024;
}

/** CPU time (user + system) process `pid` has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// the fields after the command name, which is in parentheses and may hold spaces
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
/** Linux's USER_HZ, the unit of /proc/<pid>/stat's times (100 on every common platform). */
const CLOCK_TICKS = 100;

/** Waits until process `pid` uses less than `share` of a core over `windowMs`. */
export async function waitUntilIdle(
	pid: number,
	options: { share?: number; windowMs?: number; timeoutMs?: number } = {}
): Promise<void> {
	const { share = 0.1, windowMs = 2000, timeoutMs = 300_000 } = options;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const before = cpuSeconds(pid);
		await new Promise((resolve) => setTimeout(resolve, windowMs));
		if (cpuSeconds(pid) - before < (share * windowMs) / 1000) return;
	}
	throw new Error(`process ${pid} was still busy after ${timeoutMs / 1000} s`);
}

/** Samples the resident memory of `pid` every `everyMs` and keeps the peak. */
export class MemorySampler {
	peakMb = 0;
	#timer: NodeJS.Timeout;

	constructor(
		readonly pid: number,
		everyMs = 100
	) {
		this.sample();
		this.#timer = setInterval(() => this.sample(), everyMs);
	}

	/** The resident memory now (and the peak updated); NaN once the process is gone. */
	sample(): number {
		try {
			const mb = residentMegabytes(this.pid);
			if (mb > this.peakMb) this.peakMb = mb;
			return mb;
		} catch {
			return NaN;
		}
	}

	/** Forgets the peak so far (e.g. after start-up, to see the peak of the load alone). */
	resetPeak(): void {
		this.peakMb = 0;
		this.sample();
	}

	stop(): void {
		clearInterval(this.#timer);
	}
}

export interface Timed {
	status: number;
	ms: number;
	bytes: number;
	/** The response cache's verdict (x-cache: hit or miss), if any. */
	cache: string | null;
	/** Content-Encoding of the answer (`identity` when none). */
	encoding: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** GET `url` as a browser would (brotli or gzip, kept-alive connection); time to the last byte. */
export function timedGet(
	url: string,
	headers: Record<string, string> = {},
	timeoutMs = 30_000
): Promise<Timed> {
	return new Promise((resolve, reject) => {
		const began = performance.now();
		const req = request(
			url,
			{ agent, headers: { 'accept-encoding': BROWSER_ENCODINGS, ...headers } },
			(response) => {
				let bytes = 0;
				response.on('data', (chunk: Buffer) => (bytes += chunk.length));
				response.on('error', reject);
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						ms: performance.now() - began,
						bytes,
						cache: (response.headers['x-cache'] as string | undefined) ?? null,
						encoding: response.headers['content-encoding'] ?? 'identity'
					})
				);
			}
		);
		req.setTimeout(timeoutMs, () =>
			req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`))
		);
		req.on('error', reject);
		req.end();
	});
}

/** Closes the kept-alive connections of timedGet (so that a server can stop at once). */
export function closeConnections(): void {
	agent.destroy();
}

export interface Sample {
	url: string;
	/** What kind of request it was, as `next` said. */
	kind: string;
	status: number;
	ms: number;
	cache: string | null;
}

export interface RunResult {
	/** One per answered request, in the order they were answered. */
	samples: Sample[];
	/** Requests that got no answer (timeouts, resets), with an example. */
	lost: number;
	example: string | null;
	seconds: number;
}

/**
 * Requests `next()`'s URLs with `connections` requests in flight until `next` returns null or
 * `seconds` have passed (requests begun by then are awaited).
 */
export async function run(
	next: () => { url: string; kind: string } | null,
	connections: number,
	seconds: number,
	timeoutMs = 60_000
): Promise<RunResult> {
	const deadline = performance.now() + seconds * 1000;
	const began = performance.now();
	const result: RunResult = { samples: [], lost: 0, example: null, seconds: 0 };
	async function worker() {
		while (performance.now() < deadline) {
			const request = next();
			if (request === null) return;
			try {
				const answer = await timedGet(request.url, {}, timeoutMs);
				result.samples.push({
					...request,
					status: answer.status,
					ms: answer.ms,
					cache: answer.cache
				});
			} catch (error) {
				result.lost++;
				result.example ??= (error as Error).message;
			}
		}
	}
	await Promise.all(Array.from({ length: connections }, worker));
	result.seconds = (performance.now() - began) / 1000;
	return result;
}

export interface Summary {
	requests: number;
	/** Answers other than 200 and requests without an answer. */
	failed: number;
	p50: number;
	p95: number;
	max: number;
	hits: number;
	misses: number;
}

/** Latency percentiles (of the 200 answers), failures and cache verdicts of `samples`. */
export function summarize(samples: readonly Sample[], lost = 0): Summary {
	const ok = samples.filter((sample) => sample.status === 200);
	const sorted = ok.map((sample) => sample.ms).sort((a, b) => a - b);
	return {
		requests: samples.length + lost,
		failed: samples.length - ok.length + lost,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: sorted.at(-1) ?? NaN,
		hits: samples.filter((sample) => sample.cache === 'hit').length,
		misses: samples.filter((sample) => sample.cache === 'miss').length
	};
}

/** `12.3` → `12 ms`, `1.23` → `1.2 ms`. */
export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/** The machine's load average over the last minute, e.g. `load average 1.2`. */
export const loadAverage = () => `load average ${loadavg()[0].toFixed(1)}`;

/** The aim's verdict for a table cell. */
export const verdict = (met: boolean) => (met ? 'met' : '**MISSED**');
