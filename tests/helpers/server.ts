import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from './database';

export interface RunningServer {
	url: string;
	port: number;
	/** Where this server stores: its own database unless the test passed one in. */
	database: TestDatabase;
	process: ChildProcess;
	output: () => string;
	/** SIGTERM and wait for exit; then drops the database if the server made it. */
	stop(): Promise<void>;
	/** SIGKILL: the process gets no chance to flush or close anything. Drops as stop() does. */
	kill(): Promise<void>;
}

/**
 * Starts the built production server (server.js) on a free port. Without `database` it gets a fresh
 * one of its own (SQLite or PostgreSQL, as the run says), dropped when it stops; a test that starts
 * a second server on the same data creates the database itself and drops it at the end.
 */
export async function startServer(
	options: { database?: TestDatabase; port?: number; env?: Record<string, string> } = {}
): Promise<RunningServer> {
	if (!existsSync('build/handler.js') || !existsSync('build/innspill/realtime.js')) {
		throw new Error('No production build: run `npm run build` first (npm test does).');
	}
	const database = options.database ?? (await createTestDatabase());
	let released = !!options.database;
	const release = async () => {
		if (released) return;
		released = true;
		await database.drop();
	};
	const child = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			...database.env,
			PUBLIC_URL: '',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const listening = new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20_000);
		const check = () => {
			const match = log.match(/listening on [^\s:]+:(\d+)/);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${log}`));
		});
	});
	const port = await listening.catch(async (err) => {
		child.kill('SIGKILL');
		await exited;
		await release();
		throw err;
	});

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		database,
		process: child,
		output: () => log,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			await release();
		},
		async kill() {
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
			await release();
		}
	};
}
