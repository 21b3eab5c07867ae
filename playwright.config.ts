import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

// Playwright cannot download its own browsers here: the tests use Debian's Chromium
// (scripts/system-deps.sh installs it). CHROMIUM_PATH points elsewhere when needed.
const launchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	// Artefacts (traces, screenshots of failures) only; the JSON report sits beside it.
	outputDir: 'test-results/e2e',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	// Two workers on two cores: the desktop and phone projects run side by side against the one
	// server (their tests use data of their own). Measured: 367 tests in 17.6 minutes with two
	// workers on a machine busy with other builds, where one worker took 15 for 345 on a quiet one.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	use: {
		baseURL,
		launchOptions,
		trace: 'retain-on-failure'
	},
	// `setup` (tests/e2e/warm-up.setup.ts) waits once until the server is warm and its search
	// index ready; the browser projects depend on it and match only *.spec.ts, so it runs once.
	// A test tagged @desktop-only or @phone-only runs in that project alone (not counted as
	// skipped in the other): tests/e2e/accessibility.spec.ts scans a page's markup once, on the
	// desktop, and the layouts only a phone has on the phone.
	projects: [
		{ name: 'setup', testMatch: /.*\.setup\.ts$/ },
		{
			name: 'desktop',
			testMatch: /.*\.spec\.ts$/,
			dependencies: ['setup'],
			grepInvert: /@phone-only/,
			use: { browserName: 'chromium', viewport: { width: 1280, height: 800 }, launchOptions }
		},
		{
			name: 'phone',
			testMatch: /.*\.spec\.ts$/,
			dependencies: ['setup'],
			grepInvert: /@desktop-only/,
			use: {
				// A phone's user agent, touch and pixel ratio, on the same Debian Chromium.
				...devices['Pixel 7'],
				browserName: 'chromium',
				viewport: { width: 390, height: 844 },
				isMobile: true,
				hasTouch: true,
				launchOptions
			}
		}
	],
	// The production server (`npm run build` first; server.js, as `npm start` runs it): SvelteKit
	// checks CSRF origins only there. DATA_DIR=memory keeps the embedded database in memory, so
	// every run starts afresh.
	webServer: {
		command: 'node server.js',
		port,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			DATA_DIR: 'memory',
			// every test comes from one address: fair use is tested on a server of its own
			// (tests/deployment/fair-use.spec.ts)
			FAIR_USE: 'off',
			// usage counts reach the database every second, not every minute (city-usage.spec.ts)
			USAGE_FLUSH_MS: '1000',
			// the suggestion forms' time check: 1 s instead of 3, so that tests/e2e/suggestions.spec.ts
			// waits less (src/lib/server/suggestions/spam.spec.ts checks the rule itself)
			SUGGESTION_MIN_SECONDS: '1',
			// the calendar import's journey serves its .ics from a server of its own on this
			// machine, which the import refuses by default (tests/e2e/calendar-import.spec.ts)
			CALENDAR_ALLOW_HOSTS: '127.0.0.1'
		},
		timeout: 120_000,
		reuseExistingServer: false
	}
});
