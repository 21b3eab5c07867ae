/**
 * The public suggestion forms on the server: the page's load stamps the form with the signed
 * time it was rendered and keeps the page out of every cache (a cached page would carry an old
 * time, and let a program skip the time check); the action checks the fields (errors as message
 * keys, what was typed kept), asks the spam guard, and stores the suggestion, or holds it back
 * with the same friendly answer. Nothing about the visitor is kept: the address is only counted
 * in memory by the guard, as a keyed hash.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { env } from '$env/dynamic/private';
import { toLocale } from '$lib/i18n/locales';
import { mistakeSchema, newOfferSchema } from '$lib/schemas/suggestion';
import { HONEYPOT, STARTED } from '$lib/suggestion-fields';
import { isFailure, orFail } from '$lib/server/data/errors';
import * as suggestions from '$lib/server/data/suggestions';
import { spamGuard } from './spam';

/** No cache, no stored copy anywhere: each visitor gets a freshly signed form. */
export function freshForm(setHeaders: RequestEvent['setHeaders']): { started: string } {
	setHeaders({ 'cache-control': 'private, no-store' });
	return { started: spamGuard(env).stamp() };
}

function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** What the page shows after a post: the fields with their errors, or the thank-you. */
export type SuggestionResult =
	| { sent: true }
	| {
			sent: false;
			values: Record<string, string>;
			errors: Record<string, string>;
			/** a message key for the whole form */
			error?: string;
			started: string;
	  };

const adapters = { new_offer: zod4(newOfferSchema), mistake: zod4(mistakeSchema) };

/** Handles a posted form of `kind` (a mistake report about `offerId`). */
export async function submitSuggestion(
	event: RequestEvent,
	kind: 'new_offer' | 'mistake',
	offerId?: string
) {
	// (no cache header here: the page's load, which runs after the action, sets it)
	const formData = await event.request.formData();
	const form = await superValidate(formData, adapters[kind]);
	const guard = spamGuard(env);
	const values: Record<string, string> = {};
	for (const [name, value] of formData) {
		if (typeof value === 'string' && name !== HONEYPOT && name !== STARTED) {
			values[name] = value.slice(0, 4000);
		}
	}
	const again = (status: number, errors: Record<string, string>, error?: string) =>
		fail(status, {
			sent: false,
			values,
			errors,
			error,
			started: guard.stamp()
		} satisfies SuggestionResult);

	if (!form.valid) {
		const errors: Record<string, string> = {};
		for (const [name, messages] of Object.entries(form.errors)) {
			if (Array.isArray(messages) && messages[0]) errors[name] = messages[0];
		}
		return again(400, errors);
	}
	const judged = await guard.judge({
		honeypot: formData.get(HONEYPOT) as string | null,
		started: formData.get(STARTED) as string | null,
		address: clientAddress(event)
	});
	if (judged.verdict === 'resend') return again(400, {}, 'suggest.error_resend');
	if (judged.verdict === 'hold') {
		// the same answer as a stored one; only the reason is logged, nothing about the sender
		console.info(`[suggestions] held back (${judged.reason})`);
		return { sent: true } satisfies SuggestionResult;
	}
	const data = form.data as Partial<Record<'place' | 'time' | 'audience', string>> & {
		what: string;
		contact: string;
	};
	const stored = await orFail(
		suggestions.submit(event.locals.supabase, {
			kind,
			locale: toLocale(event.params.locale ?? event.locals.locale),
			offerId,
			what: data.what,
			place: data.place,
			time: data.time,
			audience: data.audience,
			contact: data.contact
		})
	);
	if (isFailure(stored)) return again(stored.status, {}, 'suggest.error_failed');
	return { sent: true } satisfies SuggestionResult;
}
