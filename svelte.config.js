import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// discloseVersion: Svelte's version in a global of every page (`window.__svelte.v`) is a
	// script of its own and an import in 64 chunks; the start and district pages are at the 60 KB
	// budget (tests/e2e/budget.spec.ts), and a city's IT would rather not announce it anyway
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		// precompressed static assets (.br, .gz) next to each file
		adapter: adapter({ precompress: true }),
		// test support (factories, fakes, contract suites) for specs under src/; never for the app
		alias: { $test: 'tests/support' },
		csp: {
			// hashes, not nonces: a page from the response cache is the same for every reader
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
