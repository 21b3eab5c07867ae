/**
 * The main journey with the keyboard alone, on a phone-sized window: Tab to the language
 * switcher and choose Arabic (the page turns right to left), the skip link jumps to the content,
 * Tab into the filter form, type, submit with Enter, Tab to an offer and open it with Enter,
 * reach its "add to calendar" link. After every Tab the focused element must show a visible
 * focus ring (its computed outline) and lie in the window.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

test.use({ locale: 'de-DE' });

/** The UI messages of a locale, to find controls by the names a visitor reads. */
function messages(locale: string): Record<string, string> {
	const file = new URL(`../../messages/${locale}.json`, import.meta.url);
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** What the focused element shows: its outline, its box and a description for messages. */
async function focusRing(page: Page) {
	return page.evaluate(async () => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body) return null;
		// where it ends up: the skip link slides into view (unless reduced motion is asked for)
		await Promise.all(element.getAnimations().map((animation) => animation.finished));
		const style = getComputedStyle(element);
		const box = element.getBoundingClientRect();
		const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
		return {
			element: `<${element.tagName.toLowerCase()}> "${name.slice(0, 40)}"`,
			outlineStyle: style.outlineStyle,
			outlineWidth: parseFloat(style.outlineWidth),
			inWindow:
				box.width > 0 &&
				box.height > 0 &&
				box.bottom > 0 &&
				box.right > 0 &&
				box.top < window.innerHeight &&
				box.left < window.innerWidth
		};
	});
}

/** The focused element has a visible focus ring (at least 2 px of outline) in the window. */
async function expectFocusVisible(page: Page) {
	const ring = await focusRing(page);
	expect(ring, 'something has the focus').not.toBeNull();
	expect
		.soft(
			{ style: ring!.outlineStyle, wideEnough: ring!.outlineWidth >= 2, inWindow: ring!.inWindow },
			`focus ring of ${ring!.element}`
		)
		.toEqual({ style: expect.not.stringMatching(/^none$/), wideEnough: true, inWindow: true });
}

/** Presses Tab until `target` has the focus, checking the focus ring on the way. */
async function tabTo(page: Page, target: Locator, limit = 60) {
	const focused = () => target.evaluate((element) => element === document.activeElement);
	if (await focused()) return;
	for (let presses = 0; presses < limit; presses++) {
		await page.keyboard.press('Tab');
		await expectFocusVisible(page);
		if (await focused()) return;
	}
	throw new Error(`${target} not reached with ${limit} presses of Tab`);
}

test('the main journey works with the keyboard alone', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'walked on a phone-sized window (project phone)');
	const de = messages('de');
	const ar = messages('ar');

	await page.goto('/de');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

	// the language switcher, one control showing the current language; opened with Enter, it
	// lists each language named in its own words
	const switcher = page.getByRole('navigation', { name: de['site.languages'] });
	await tabTo(page, switcher.locator('summary'));
	await page.keyboard.press('Enter');
	const arabic = switcher.getByRole('link', { name: 'العربية', exact: true });
	await tabTo(page, arabic);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/ar$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	expect(await page.locator('body').evaluate((body) => getComputedStyle(body).direction)).toBe(
		'rtl'
	);

	// the first Tab on the new page reaches the skip link, which jumps to the content
	const skip = page.getByRole('link', { name: ar['site.skip_to_content'], exact: true });
	await page.keyboard.press('Tab');
	await expect(skip).toBeFocused();
	await expectFocusVisible(page);
	// right to left: the skip link sits at the right-hand edge
	const skipBox = (await skip.boundingBox())!;
	expect(skipBox.x + skipBox.width).toBeGreaterThan(page.viewportSize()!.width / 2);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await expect(page.getByRole('main')).toBeFocused();
	// the next Tab lands in the content, past the header's links
	await page.keyboard.press('Tab');
	await expectFocusVisible(page);
	expect(
		await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))
	).toBe(true);

	// the filter form: type, submit with Enter
	const form = page.getByRole('form', { name: ar['filter.heading'] });
	const search = form.getByRole('searchbox').or(form.getByRole('textbox')).first();
	if ((await search.count()) > 0) {
		await tabTo(page, search);
		// a misspelled "German course"
		await page.keyboard.type('Deutschkur');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\?.*Deutschkur/);
	} else {
		testInfo.annotations.push({
			type: 'search field',
			description: 'the filter form has no search field yet: the category is chosen instead'
		});
		const category = form.getByLabel(ar['filter.category'], { exact: true });
		await tabTo(page, category);
		// a closed select changes its value with the arrow keys (type-ahead needs a keyboard layout)
		for (let presses = 0; presses < 20; presses++) {
			if ((await category.inputValue()) === 'language_course') break;
			await page.keyboard.press('ArrowDown');
		}
		await expect(category).toHaveValue('language_course');
		await tabTo(page, form.getByRole('button', { name: ar['filter.submit'], exact: true }));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/[?&]category=language_course/);
	}
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

	// an offer from the list, opened with Enter
	const offer = page.getByRole('article').first().getByRole('heading').getByRole('link');
	const title = (await offer.textContent())!.trim();
	await tabTo(page, offer);
	await page.keyboard.press('Enter');
	// the card's link carries the list it is on (`?from=`), for "back"
	await expect(page).toHaveURL(/\/ar\/offers\/[^/?#]+(\?[^#]*)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

	// "add to calendar": the offer's .ics file
	if (!ar['offer.add_to_calendar']) {
		testInfo.annotations.push({
			type: 'add to calendar',
			description: 'no "offer.add_to_calendar" message yet: the offer page has no such link'
		});
		return;
	}
	const calendar = page.getByRole('link', { name: ar['offer.add_to_calendar'], exact: true });
	await tabTo(page, calendar);
	const href = (await calendar.getAttribute('href'))!;
	expect(href).toMatch(/\.ics(?:[?#]|$)/);
	const ics = await page.request.get(href);
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
});
