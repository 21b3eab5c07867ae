/**
 * What the staff area's browser specs share: the demo accounts, signing in through the form as
 * a person does, and axe on the page as it is.
 *
 *   import { DEMO, signIn, signInAs, violations } from '../support/staff';
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The demo accounts of supabase/seed.sql (scripts/seed/users.ts), one password for all. */
export const DEMO = {
	password: 'demo-passwort',
	/** Editor of the Stadtteilbüro Sankt Mang. */
	editor: 'stadtteilbuero-sankt-mang@demo.example.org',
	/** Admin of the vhs Kempten, its only admin. */
	vhsAdmin: 'vhs@demo.example.org',
	/** The integration office: a city admin. */
	cityAdmin: 'integrationsamt@demo.example.org',
	/** A council member: reads the city office's pages, changes nothing. */
	observer: 'stadtrat@demo.example.org'
} as const;

/** Fills and sends the sign-in form the page shows (German labels). */
export async function signIn(page: Page, email: string, password: string = DEMO.password) {
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Signs in from the sign-in page and waits for the dashboard. */
export async function signInAs(page: Page, email: string): Promise<void> {
	await page.goto('/staff/sign-in');
	await signIn(page, email);
	await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
}

/** axe's violations of WCAG 2.1 A/AA and best practice, one line each. */
export async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.setLegacyMode(true)
		.options({ resultTypes: ['violations'] })
		.analyze();
	return results.violations.flatMap((violation) =>
		violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)
	);
}
