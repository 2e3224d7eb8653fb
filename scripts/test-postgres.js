// The PostgreSQL pass of `npm test`: the integration tests again, with every server on PostgreSQL.
// TEST_POSTGRES_URL is an admin URL of a cluster the tests may create and drop databases in, e.g.
// postgres://postgres@127.0.0.1:5432/postgres. Without it a developer's run skips the pass and says
// so; CI fails instead, because a silently skipped backend would look like a passing one.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ci = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI);

if (!process.env.TEST_POSTGRES_URL) {
	if (ci) {
		console.error(
			'PostgreSQL pass: TEST_POSTGRES_URL is not set, and CI must test PostgreSQL too ' +
				'(.ci/run starts a throwaway cluster and sets it).'
		);
		process.exit(1);
	}
	console.log(
		'PostgreSQL pass skipped: set TEST_POSTGRES_URL=postgres://… to run the integration tests on PostgreSQL too.'
	);
	process.exit(0);
}

const vitest = join('node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const run = spawnSync(vitest, ['run', '--config', 'vitest.postgres.config.ts'], {
	stdio: 'inherit',
	shell: process.platform === 'win32'
});
process.exit(run.status ?? 1);
