import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server';

describe('a port already in use', () => {
	let blocker: Server | undefined;
	afterAll(
		() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()))
	);

	it('ends the start with a clear message and exit code 1, not an unhandled error', async () => {
		blocker = createServer();
		const port = await new Promise<number>((resolve) =>
			blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port))
		);
		const failure = await startServer({ port }).then(
			() => null,
			(err: Error) => err.message
		);
		expect(failure).toMatch(/server exited with 1/);
		expect(failure).toContain(`Port ${port} is already in use`);
		expect(failure).toContain('PORT=');
		expect(failure).not.toContain('Unhandled');
	});
});
