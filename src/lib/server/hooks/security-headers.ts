/**
 * Security headers of every answer the hooks see. The Content Security Policy is SvelteKit's
 * (kit.csp in svelte.config.js).
 */
import type { Handle } from '@sveltejs/kit';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	// nothing about a page reaches another site; a same-origin form post still carries its
	// Origin, which SvelteKit's CSRF check needs (with no-referrer, Chromium sends `Origin: null`)
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy':
		'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
		'magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=(), browsing-topics=()'
};

/** `response` with the security headers (a copy when its headers are immutable). */
export function withSecurityHeaders(response: Response): Response {
	try {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) copy.headers.set(name, value);
		return copy;
	}
}

export const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));
