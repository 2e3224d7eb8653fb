import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
	url: string;
	port: number;
	databasePath: string;
	process: ChildProcess;
	output: () => string;
	/** SIGTERM and wait for exit. */
	stop(): Promise<void>;
	/** SIGKILL: the process gets no chance to flush or close anything. */
	kill(): Promise<void>;
}

export function tempDatabasePath(): string {
	return join(mkdtempSync(join(tmpdir(), 'innspill-test-')), 'test.sqlite');
}

/** Starts the built production server (server.js) on a free port with its own database file. */
export async function startServer(
	options: { databasePath?: string; port?: number; env?: Record<string, string> } = {}
): Promise<RunningServer> {
	if (!existsSync('build/handler.js') || !existsSync('build/innspill/realtime.js')) {
		throw new Error('No production build: run `npm run build` first (npm test does).');
	}
	const databasePath = options.databasePath ?? tempDatabasePath();
	const child = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			DATABASE_PATH: databasePath,
			PUBLIC_URL: '',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const port = await new Promise<number>((resolve, reject) => {
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

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		databasePath,
		process: child,
		output: () => log,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
		async kill() {
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}
