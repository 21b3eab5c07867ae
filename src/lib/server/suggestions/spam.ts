/**
 * Spam on the public suggestion forms, held back without tracking anyone:
 *
 * - a honeypot: a field people do not see, cannot reach and are told to leave empty; a form
 *   that fills it was filled by a program;
 * - a time check: the form carries the time it was rendered, signed with a key of the server
 *   (HMAC-SHA-256), so that it cannot be forged; a form sent back sooner than
 *   {@link MIN_SECONDS} after it was rendered was not typed by a person;
 * - a limit per client address, in memory (rate-limiter-flexible): {@link PER_ADDRESS}
 *   suggestions in {@link WINDOW_SECONDS}. The address is kept only as a keyed hash and is
 *   forgotten when its window ends; a restart forgets them all.
 *
 * A held-back suggestion gets the same friendly answer as any other, but is not stored. A
 * signature that does not fit (a form rendered before a restart without a configured key, or
 * one older than {@link MAX_AGE_SECONDS}) is no spam sign by itself: the form is shown again,
 * with what was typed, to be sent once more.
 *
 * The key comes from SUGGESTION_FORM_SECRET (needed when several processes serve the portal);
 * without it, one is made at start.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** A form sent back sooner than this after it was rendered is held back. */
export const MIN_SECONDS = 3;
/** A form's signed time is good for a day. */
export const MAX_AGE_SECONDS = 24 * 60 * 60;
/** Suggestions per client address in the window (a Stadtteilbüro's shared address has room). */
export const PER_ADDRESS = 10;
export const WINDOW_SECONDS = 30 * 60;

/** What to do with a sent form. */
export type Verdict =
	/** store it */
	| 'accept'
	/** answer as if stored, store nothing */
	| 'hold'
	/** show the form again, with what was typed: its time stamp did not fit */
	| 'resend';

/** Why a form was held back (for tests and the log's counts; never stored). */
export type HoldReason = 'honeypot' | 'too-fast' | 'rate-limit';

export interface SpamGuardOptions {
	secret?: string | Buffer;
	minSeconds?: number;
	perAddress?: number;
	windowSeconds?: number;
	now?: () => number;
}

export interface SentForm {
	/** The honeypot's value. */
	honeypot: string | null | undefined;
	/** The signed time the form carried. */
	started: string | null | undefined;
	/** The client's address (only hashed, only in memory). */
	address: string;
}

export class SpamGuard {
	readonly #secret: Buffer;
	readonly #minMs: number;
	readonly #now: () => number;
	readonly #byAddress: RateLimiterMemory;

	constructor(options: SpamGuardOptions = {}) {
		this.#secret = options.secret ? Buffer.from(options.secret) : randomBytes(32);
		this.#minMs = (options.minSeconds ?? MIN_SECONDS) * 1000;
		this.#now = options.now ?? Date.now;
		this.#byAddress = new RateLimiterMemory({
			points: options.perAddress ?? PER_ADDRESS,
			duration: options.windowSeconds ?? WINDOW_SECONDS,
			keyPrefix: 'suggestion'
		});
	}

	/** The signed time stamp of a form rendered now: `<milliseconds>.<signature>`. */
	stamp(): string {
		const time = String(this.#now());
		return `${time}.${this.#sign(time)}`;
	}

	/** The milliseconds a stamp carries, or null when it is not one of ours or too old. */
	stampedAt(stamp: string | null | undefined): number | null {
		const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(stamp ?? '');
		if (!match) return null;
		const expected = Buffer.from(this.#sign(match[1]));
		const given = Buffer.from(match[2]);
		if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
		const at = Number(match[1]);
		const age = this.#now() - at;
		// a stamp from the future was not made by this clock
		if (age < 0 || age > MAX_AGE_SECONDS * 1000) return null;
		return at;
	}

	/**
	 * The verdict on a sent form, and the reason when it is held back. Every form that is not
	 * sent again counts against its address's limit.
	 */
	async judge(form: SentForm): Promise<{ verdict: Verdict; reason?: HoldReason }> {
		const at = this.stampedAt(form.started);
		if (at === null) return { verdict: 'resend' };
		const limited = await this.#byAddress
			.consume(this.#key(form.address))
			.then(() => false)
			.catch((reason: unknown) => {
				if (reason instanceof Error) throw reason;
				return true;
			});
		if ((form.honeypot ?? '') !== '') return { verdict: 'hold', reason: 'honeypot' };
		if (this.#now() - at < this.#minMs) return { verdict: 'hold', reason: 'too-fast' };
		if (limited) return { verdict: 'hold', reason: 'rate-limit' };
		return { verdict: 'accept' };
	}

	#sign(value: string): string {
		return createHmac('sha256', this.#secret).update(value).digest('base64url');
	}

	#key(address: string): string {
		return createHmac('sha256', this.#secret).update(`address:${address}`).digest('base64url');
	}
}

function minSecondsFromEnv(value: string | undefined): number {
	const seconds = Number(value);
	return value !== undefined && value !== '' && Number.isFinite(seconds) && seconds >= 0
		? seconds
		: MIN_SECONDS;
}

let guard: SpamGuard | undefined;

/**
 * The process's guard. SUGGESTION_FORM_SECRET keys the signatures; SUGGESTION_MIN_SECONDS
 * changes the time check (the browser tests set 1 so that they need not wait 3 seconds).
 */
export function spamGuard(env: Record<string, string | undefined>): SpamGuard {
	guard ??= new SpamGuard({
		secret: env.SUGGESTION_FORM_SECRET || undefined,
		minSeconds: minSecondsFromEnv(env.SUGGESTION_MIN_SECONDS)
	});
	return guard;
}
