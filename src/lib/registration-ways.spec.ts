import { describe, expect, it } from 'vitest';
import { registrationWays, telHref } from './registration-ways';

const base = {
	registration: 'required' as const,
	registration_url: null,
	contact_phone: null,
	contact_email: null,
	street: 'Bahnhofstraße 1',
	postal_code: '87435',
	locality: 'Kempten',
	organisation: { phone: null, email: null }
};

describe('registrationWays', () => {
	it('needs none when no registration is asked for', () => {
		expect(registrationWays({ ...base, registration: 'none', contact_phone: '0831 1' })).toEqual(
			[]
		);
	});

	it('names the link, the phone and the e-mail, the offer’s own before the organisation’s', () => {
		expect(
			registrationWays({
				...base,
				registration: 'recommended',
				registration_url: 'https://vhs.example/anmeldung',
				contact_phone: '+49 (831) 2525-0',
				organisation: { phone: '0831 999', email: 'info@vhs.example' }
			})
		).toEqual([
			{ kind: 'link', href: 'https://vhs.example/anmeldung' },
			{ kind: 'phone', label: '+49 (831) 2525-0', href: 'tel:+4983125250' },
			{ kind: 'email', label: 'info@vhs.example', href: 'mailto:info@vhs.example' }
		]);
	});

	it('sends people in person when only the address is known', () => {
		expect(registrationWays(base)).toEqual([{ kind: 'in_person' }]);
		expect(registrationWays({ ...base, street: null, postal_code: null, locality: null })).toEqual(
			[]
		);
	});

	it('offers no link that is not a web address', () => {
		expect(registrationWays({ ...base, registration_url: 'javascript:alert(1)' })).toEqual([
			{ kind: 'in_person' }
		]);
	});
});

describe('telHref', () => {
	it('keeps digits and a leading plus', () => {
		expect(telHref('+49 831 / 25 25-0')).toBe('tel:+4983125250');
		expect(telHref('0831 + 1')).toBe('tel:08311');
		expect(telHref('ask us')).toBeNull();
		expect(telHref(null)).toBeNull();
	});
});
