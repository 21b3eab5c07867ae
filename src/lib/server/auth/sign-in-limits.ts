/**
 * Failed sign-ins are limited per account and per client address, in memory: after
 * {@link PER_ACCOUNT} failures for one address book entry, or {@link PER_ADDRESS} from one
 * client, within {@link WINDOW_SECONDS}, further attempts wait (429 with a retry time) until the
 * oldest failure has left the window. A success clears the account's count. Nothing is written
 * anywhere: a key is forgotten when its window ends, and a restart forgets them all.
 *
 * rate-limiter-flexible's memory limiter keeps the counts; the portal's fair-use limiter
 * (fair-use.ts) separately caps how often any client may post to the sign-in page at all.
 */
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

/** Failures per account in the window: guessing one person's password stops quickly. */
export const PER_ACCOUNT = 5;
/** Failures per client address in the window: a Stadtteilbüro's shared address has room. */
export const PER_ADDRESS = 20;
export const WINDOW_SECONDS = 15 * 60;

export interface SignInLimitOptions {
	perAccount?: number;
	perAddress?: number;
	windowSeconds?: number;
}

export class SignInLimits {
	readonly #byAccount: RateLimiterMemory;
	readonly #byAddress: RateLimiterMemory;

	constructor(options: SignInLimitOptions = {}) {
		const duration = options.windowSeconds ?? WINDOW_SECONDS;
		this.#byAccount = new RateLimiterMemory({
			points: options.perAccount ?? PER_ACCOUNT,
			duration,
			keyPrefix: 'account'
		});
		this.#byAddress = new RateLimiterMemory({
			points: options.perAddress ?? PER_ADDRESS,
			duration,
			keyPrefix: 'address'
		});
	}

	/** Seconds until `account` may try again from `address`; 0 when it may now. */
	async waitSeconds(account: string, address: string): Promise<number> {
		const [byAccount, byAddress] = await Promise.all([
			this.#byAccount.get(accountKey(account)),
			this.#byAddress.get(address)
		]);
		return Math.max(
			waitOf(byAccount, this.#byAccount.points),
			waitOf(byAddress, this.#byAddress.points)
		);
	}

	/** Counts a failed sign-in of `account` from `address`. */
	async failed(account: string, address: string): Promise<void> {
		await Promise.all([
			this.#byAccount.consume(accountKey(account)).catch(overLimit),
			this.#byAddress.consume(address).catch(overLimit)
		]);
	}

	/** A successful sign-in: the account's failures are forgotten (the address's stay). */
	async succeeded(account: string): Promise<void> {
		await this.#byAccount.delete(accountKey(account));
	}
}

/** Addresses are compared as Supabase Auth compares them: trimmed, lower case. */
function accountKey(account: string): string {
	return account.trim().toLowerCase();
}

function waitOf(state: RateLimiterRes | null, points: number): number {
	if (!state || state.consumedPoints < points) return 0;
	return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** consume() rejects with the limiter's state once the points are used up: counted all the same. */
function overLimit(reason: unknown): void {
	if (reason instanceof Error) throw reason;
}

/** The process's limits, shared by the sign-in form of every area. */
export const signInLimits = new SignInLimits();
