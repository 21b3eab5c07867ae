/**
 * Finding offers on the start page as a newcomer does, on a phone-sized window, in Arabic:
 * search that tolerates typos and crosses languages, facets whose counts follow the other
 * filters, and "near me" sorting by distance. With JavaScript (search as you type, facets apply
 * at once) and without it (the same form, sent with its button). No request leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

const ar = JSON.parse(readFileSync('messages/ar.json', 'utf8')) as Record<string, string>;

test.use({ locale: 'de-DE', viewport: { width: 390, height: 844 } });

/** Every request the page makes. */
function watch(page: Page): string[] {
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	return requests;
}

function foreign(requests: string[], baseURL: string): string[] {
	const origin = new URL(baseURL).origin;
	return requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

/** "٢٣" or "23" as 23; "١٫٢" as 1.2. */
function number(text: string): number {
	const western = text
		.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
		.replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
		.replace(/[٫,]/g, '.');
	return Number(/\d+(?:\.\d+)?/.exec(western)![0]);
}

const results = (page: Page) => page.getByRole('region', { name: new RegExp(`^\\d+ `) });
const cards = (page: Page) => results(page).getByRole('article');
const searchForm = (page: Page) => page.getByRole('form', { name: ar['filter.heading'] });
/** The filter sheet's button, "إظهار ١٢ عرضًا" in any of its plural forms. */
const showResults = new RegExp(
	Object.entries(ar)
		.filter(([key]) => key.startsWith('filter.show_results_'))
		.map(([, text]) => `^${text.replace('{{count}}', '[\\d٠-٩]+')}$`)
		.join('|')
);

/** The count a facet value shows, e.g. 4 for "Sankt Mang (٤)". */
async function count(option: Locator): Promise<number> {
	const label = (await option.evaluate(
		(input) => (input as HTMLInputElement).labels![0].textContent
	))!;
	return number(/\(([^)]*)\)\s*$/.exec(label.trim())![1]);
}

async function openFilters(page: Page) {
	const details = searchForm(page).locator('details');
	if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
		await searchForm(page).locator('summary').click();
	}
}

/** Every card in the list names this district. */
async function expectAllIn(page: Page, district: string) {
	const all = await cards(page).all();
	expect(all.length).toBeGreaterThan(0);
	for (const card of all) await expect(card).toContainText(district);
}

test.describe('with JavaScript', () => {
	test('a newcomer searches in Arabic with typos, narrows by district and cost', async ({
		page,
		baseURL
	}) => {
		const requests = watch(page);
		await page.goto('/de');
		const languages = page.getByRole('navigation', { name: 'Sprache wählen' });
		await languages.locator('summary').click();
		await languages.getByRole('link', { name: 'العربية' }).click();
		await expect(page).toHaveURL(/\/ar$/);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const all = number((await results(page).getByRole('heading').first().textContent())!);

		// typing searches as you type; a misspelled "German course" finds German courses
		const search = page.getByRole('searchbox', { name: ar['search.label'] });
		for (const typo of ['Deutschkur', 'Sprachkrus']) {
			await search.fill('');
			await search.pressSequentially(typo, { delay: 30 });
			await expect(page).toHaveURL(new RegExp(`[?&]q=${typo}(&|$)`));
			await expect(search).toBeFocused();
			await expect(cards(page).first()).toContainText(ar['category.language_course']);
			const heading = (await results(page).getByRole('heading').first().textContent())!;
			expect(number(heading)).toBeLessThan(all);
			// the polite status says the same count for screen readers
			await expect(page.getByRole('status').filter({ hasText: heading.trim() })).toHaveCount(1);
		}

		// one district: the counts of the other facets follow, every offer lies in it
		await openFilters(page);
		const course = page.getByRole('checkbox', {
			name: new RegExp(`^${ar['category.language_course']}`)
		});
		const before = await count(course);
		const district = page.getByRole('checkbox', { name: /^Sankt Mang/ });
		await district.check();
		await expect(page).toHaveURL(/[?&]district=sankt-mang/);
		await expect.poll(() => count(course)).toBeLessThan(before);
		await expect(district).toBeChecked();
		await expectAllIn(page, 'Sankt Mang');
		const inDistrict = number((await results(page).getByRole('heading').first().textContent())!);

		// and free of charge
		const free = page.getByRole('checkbox', { name: new RegExp(`^${ar['offer.free']}`) });
		await free.check();
		await expect(page).toHaveURL(/[?&]free=true/);
		await expect(free).toBeChecked();
		await expectAllIn(page, 'Sankt Mang');
		for (const card of await cards(page).all()) await expect(card).toContainText(ar['offer.free']);
		expect(
			number((await results(page).getByRole('heading').first().textContent())!)
		).toBeLessThanOrEqual(inDistrict);

		expect(foreign(requests, baseURL!)).toEqual([]);
	});

	test('an Arabic query finds offers written only in other languages', async ({ page }) => {
		await page.goto('/ar');
		const search = page.getByRole('searchbox', { name: ar['search.label'] });
		// "language course": German courses with no Arabic text are found by their category
		await search.fill('دورة لغة');
		await expect(page).toHaveURL(/[?&]q=/);
		await expect(cards(page).first()).toBeVisible();
		// the reader's language first: offers with Arabic texts (the best match first), the
		// others after them, on the last page
		await expect(cards(page).first()).toContainText(ar['category.language_course']);
		const lastPage = async () => {
			const total = number((await results(page).getByRole('heading').first().textContent())!);
			const url = new URL(page.url());
			url.searchParams.set('page', String(Math.ceil(total / 20)));
			await page.goto(url.pathname + url.search);
		};
		await lastPage();
		const others = cards(page).filter({ hasNot: page.locator('h3 a[lang="ar"]') });
		await expect(others.first()).toBeVisible();
		for (const card of await others.all()) {
			await expect(card).toContainText(ar['category.language_course']);
		}

		// "sport": a swimming course written only in German
		await page.goto('/ar');
		await page.getByRole('searchbox', { name: ar['search.label'] }).fill('رياضة');
		await expect(page).toHaveURL(/[?&]q=/);
		await expect(cards(page).first()).toBeVisible();
		await lastPage();
		await expect(results(page).locator('h3 a[lang="de"]').first()).toBeVisible();
	});

	test('"near me" sorts by distance, rounded, and asks only this portal', async ({
		page,
		context,
		request,
		baseURL
	}) => {
		const offers = (await (await request.get('/api/offers.geojson?locale=ar')).json()) as {
			features: { geometry: { coordinates: [number, number] } }[];
		};
		const [longitude, latitude] = offers.features[0].geometry.coordinates;
		await context.grantPermissions(['geolocation'], { origin: baseURL });
		await context.setGeolocation({ latitude: latitude + 0.00012, longitude: longitude - 0.00021 });

		const requests = watch(page);
		await page.goto('/ar');
		await page.getByRole('button', { name: ar['near.button'] }).click();
		await expect
			.poll(() => new URL(page.url()).searchParams.get('near'))
			.toMatch(/^-?\d+\.\d{3},-?\d+\.\d{3}$/);
		const near = new URL(page.url()).searchParams.get('near')!;
		expect(near).toBe(`${(latitude + 0.00012).toFixed(3)},${(longitude - 0.00021).toFixed(3)}`);

		await expect(page.getByText(ar['near.active'])).toBeVisible();
		const distances = results(page).getByText(
			new RegExp(`^${ar['near.distance'].replace('{{distance}}', '.+')}$`)
		);
		await expect(distances.first()).toBeVisible();
		const kilometres = (await distances.allTextContents()).map(number);
		expect(kilometres.length).toBeGreaterThan(1);
		expect(kilometres).toEqual([...kilometres].sort((a, b) => a - b));
		expect(kilometres[0]).toBeLessThan(0.2);

		// a search keeps the order by distance
		await page.getByRole('searchbox', { name: ar['search.label'] }).fill('Deutschkur');
		await expect(page).toHaveURL(/[?&]q=Deutschkur/);
		await expect(page).toHaveURL(/[?&]near=/);

		await page.getByRole('link', { name: ar['near.stop'] }).click();
		await expect(page).not.toHaveURL(/near=/);
		await expect(distances).toHaveCount(0);

		expect(foreign(requests, baseURL!)).toEqual([]);
		// the position went to this portal, and only rounded
		const withPosition = requests.filter((url) => url.includes('near'));
		expect(withPosition.length).toBeGreaterThan(0);
		for (const url of withPosition) {
			expect(decodeURIComponent(url)).toMatch(/near=-?\d+\.\d{3},-?\d+\.\d{3}(&|$)/);
		}
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same search and filters work by sending the form', async ({ page, baseURL }) => {
		const requests = watch(page);
		await page.goto('/ar');
		await expect(page.getByRole('button', { name: ar['near.button'] })).toHaveCount(0);

		const form = searchForm(page);
		await form.getByRole('searchbox', { name: ar['search.label'] }).fill('Sprachkrus');
		await form.getByRole('button', { name: ar['filter.submit'], exact: true }).first().click();
		await expect(page).toHaveURL(/[?&]q=Sprachkrus/);
		await expect(cards(page).first()).toContainText(ar['category.language_course']);

		await openFilters(page);
		await page.getByRole('checkbox', { name: /^Sankt Mang/ }).check();
		await page.getByRole('checkbox', { name: new RegExp(`^${ar['offer.free']}`) }).check();
		// the sheet's own button sends the form: "show N offers"
		await form.getByRole('button', { name: showResults }).click();
		await expect(page).toHaveURL(/[?&]district=sankt-mang/);
		await expect(page).toHaveURL(/[?&]free=true/);
		await expect(page.getByRole('searchbox', { name: ar['search.label'] })).toHaveValue(
			'Sprachkrus'
		);
		// the sent page opens at the results, the sheet closed: opened, it shows what is chosen
		await openFilters(page);
		await expect(page.getByRole('checkbox', { name: /^Sankt Mang/ })).toBeChecked();
		await expectAllIn(page, 'Sankt Mang');

		// a bad parameter is a 400 in the visitor's language
		const response = await page.goto('/ar?category=nope');
		expect(response!.status()).toBe(400);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['error.invalid_filter']);

		expect(foreign(requests, baseURL!)).toEqual([]);
	});
});
