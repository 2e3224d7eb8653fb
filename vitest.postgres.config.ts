import { defineConfig } from 'vitest/config';

/**
 * The integration tests once more, every server on a fresh PostgreSQL database of its own on the
 * cluster at TEST_POSTGRES_URL (tests/helpers/database.ts). Run by scripts/test-postgres.js.
 */
export default defineConfig({
	test: {
		include: ['tests/integration/**/*.test.ts'],
		environment: 'node',
		env: { TEST_DATABASE: 'postgres' },
		testTimeout: 30_000,
		hookTimeout: 60_000,
		reporters: process.env.CI
			? ['default', ['json', { outputFile: 'test-results/postgres.json' }]]
			: ['default']
	}
});
