import { defineConfig } from 'vitest/config';

/** Several nodes behind nginx, with Redis and a shared database: real processes, one at a time. */
export default defineConfig({
	test: {
		include: ['tests/cluster/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 60_000,
		fileParallelism: false,
		reporters: process.env.CI
			? ['default', ['json', { outputFile: 'test-results/cluster.json' }]]
			: ['default']
	}
});
