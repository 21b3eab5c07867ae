import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		exclude: ['tests/e2e/**'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks',
		fileParallelism: false
	}
});
