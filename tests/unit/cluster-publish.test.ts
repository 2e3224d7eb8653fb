import { describe, expect, it } from 'vitest';
import { handlePublishFailures } from '../../src/lib/server/cluster';

// The streams adapter drops the promise of the PUBLISH behind serverSideEmit; during a Redis
// outage it rejects, and an unhandled rejection ends a Node process.
describe('a PUBLISH that fails while Redis is away', () => {
	it('is handled even when its caller drops the promise, and still fails for a caller who waits', async () => {
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			const client = {
				publish: (..._args: never[]) => Promise.reject(new Error('read ECONNRESET'))
			};
			handlePublishFailures(client);
			void client.publish(); // as the adapter does
			await expect(client.publish()).rejects.toThrow('ECONNRESET');
			await new Promise((r) => setTimeout(r, 20));
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});
});
