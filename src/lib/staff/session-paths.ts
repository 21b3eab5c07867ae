/**
 * The areas with sessions: the staff workspace and the city office. Only requests under these
 * paths read or write the session cookie, so that public pages stay cookie-free (the browser
 * does not even send the cookie there: it is set for these paths only).
 */
export const SESSION_PATHS = ['/staff', '/city'] as const;

/** Whether `pathname` lies in an area with sessions. */
export function isSessionPath(pathname: string): boolean {
	return SESSION_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** Where a signed-in person may be sent back to: a path in an area with sessions, nothing else. */
export function safeReturnPath(value: string | null | undefined): string | null {
	if (!value || value.length > 1000 || !value.startsWith('/') || value.startsWith('//')) {
		return null;
	}
	// parsed against a fixed origin: "/\evil.example" or "/%2F" tricks end up elsewhere
	const url = new URL(value, 'http://portal.invalid');
	if (url.origin !== 'http://portal.invalid' || !isSessionPath(url.pathname)) return null;
	if (url.pathname.startsWith('/staff/sign-')) return null;
	return url.pathname + url.search;
}
