import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server';

/** `npm start`'s first step, on the given port: its exit code and what it printed. */
function portCheck(port: number) {
	const run = spawnSync(process.execPath, ['scripts/port-free.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		encoding: 'utf8'
	});
	return { status: run.status, output: run.stdout + run.stderr };
}

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

	it('npm start stops before it builds: the running server keeps its files', async () => {
		const port = (blocker!.address() as { port: number }).port;
		const taken = portCheck(port);
		expect(taken.status).toBe(1);
		expect(taken.output).toContain(`Port ${port} is already in use`);
		const free = await new Promise<number>((resolve) => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const { port: p } = probe.address() as { port: number };
				probe.close(() => resolve(p));
			});
		});
		expect(portCheck(free)).toMatchObject({ status: 0, output: '' });
	});
});
