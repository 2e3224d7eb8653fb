import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { realtimePlugin } from './src/lib/server/realtime/vite-plugin';

export default defineConfig({
	plugins: [sveltekit(), realtimePlugin()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		// In CI a JSON report as well, so .ci/run can print one closing count for every suite.
		reporters: process.env.CI
			? ['default', ['json', { outputFile: 'test-results/unit.json' }]]
			: ['default'],
		hookTimeout: 60_000
	}
});
