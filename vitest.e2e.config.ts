import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium against the built production server. */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false,
		reporters: process.env.CI
			? ['default', ['json', { outputFile: 'test-results/e2e.json' }]]
			: ['default']
	}
});
