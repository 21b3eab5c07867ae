/**
 * How to register for an offer, from what its provider entered: the registration link, the
 * phone number and e-mail address (the offer's own, else the organisation's), and in person at
 * the address when nothing else is given. The offer page says it in plain words.
 *
 *   registrationWays(offer) // [{ kind: 'link', href }, { kind: 'phone', label, href }]
 */
import type { OfferDetail } from '$lib/types';

export type RegistrationWay =
	| { kind: 'link'; href: string }
	| { kind: 'phone'; label: string; href: string }
	| { kind: 'email'; label: string; href: string }
	| { kind: 'in_person' };

type Fields = Pick<
	OfferDetail,
	| 'registration'
	| 'registration_url'
	| 'contact_phone'
	| 'contact_email'
	| 'street'
	| 'postal_code'
	| 'locality'
> & { organisation: Pick<OfferDetail['organisation'], 'phone' | 'email'> };

/** `tel:` wants digits and a leading plus only; null when no digit is left. */
export function telHref(number: string | null | undefined): string | null {
	if (!number) return null;
	const digits = number.replace(/[^0-9+]/g, '').replace(/(?!^)\+/g, '');
	return /\d/.test(digits) ? `tel:${digits}` : null;
}

/** Only web addresses are offered as a link (never `javascript:` or the like). */
function webHref(url: string | null): string | null {
	if (!url) return null;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/** The ways to register, most direct first; empty when no registration is needed. */
export function registrationWays(offer: Fields): RegistrationWay[] {
	if (offer.registration === 'none') return [];
	const ways: RegistrationWay[] = [];
	const link = webHref(offer.registration_url);
	if (link) ways.push({ kind: 'link', href: link });
	const phone = offer.contact_phone ?? offer.organisation.phone;
	const tel = telHref(phone);
	if (phone && tel) ways.push({ kind: 'phone', label: phone, href: tel });
	const email = offer.contact_email ?? offer.organisation.email;
	if (email) ways.push({ kind: 'email', label: email, href: `mailto:${email}` });
	if (ways.length === 0 && (offer.street || offer.postal_code || offer.locality)) {
		ways.push({ kind: 'in_person' });
	}
	return ways;
}

/**
 * A route planner's directions to the place, the start left to the reader: OpenStreetMap's,
 * which opens in any browser on a phone or a desktop (a `geo:` URI does nothing on most
 * desktops and on iPhones). A plain link: nothing is loaded from there until it is followed.
 */
export function directionsHref(latitude: number, longitude: number): string {
	return `https://www.openstreetmap.org/directions?to=${latitude.toFixed(5)}%2C${longitude.toFixed(5)}`;
}
