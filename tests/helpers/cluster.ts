import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './database';
import { startServer, type RunningServer } from './server';

/** Whether this machine has what the multi-node tests run (CI installs them; see .ci/run). */
export function clusterToolsMissing(): string[] {
	return ['redis-server', 'nginx'].filter(
		(tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0
	);
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${what} did not come up`);
}

/** A throwaway Redis (append-only, so a restart keeps the stream), stoppable and restartable. */
export async function startRedis(): Promise<{
	url: string;
	stop(): Promise<void>;
	start(): Promise<void>;
}> {
	const dir = mkdtempSync(join(tmpdir(), 'innspill-redis-'));
	const port = await freePort();
	let child: ChildProcess | null = null;
	const start = async () => {
		child = spawn(
			'redis-server',
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--dir',
				dir,
				'--appendonly',
				'yes',
				'--save',
				''
			],
			{ stdio: 'ignore' }
		);
		await waitFor(
			async () =>
				spawnSync('redis-cli', ['-p', String(port), 'ping'])
					.stdout?.toString()
					.includes('PONG') ?? false,
			'redis'
		);
	};
	const stop = async () => {
		const running = child;
		child = null;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise((r) => running.once('exit', r));
		running.kill('SIGTERM'); // the service stops (and writes its log); nodes lose it at once
		await exited;
	};
	await start();
	return { url: `redis://127.0.0.1:${port}`, stop, start };
}

/**
 * nginx in front of the nodes, with the documented configuration (deploy/nginx/innspill.conf):
 * only its upstream ports and listen port are replaced.
 */
export async function startNginx(
	nodePorts: number[]
): Promise<{ url: string; stop(): Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'innspill-nginx-'));
	mkdirSync(join(dir, 'logs'));
	const port = await freePort();
	const site = readFileSync('deploy/nginx/innspill.conf', 'utf8')
		.replace(/^(\s*)server 127\.0\.0\.1:3001 (.*)$/m, (_, indent, rest) =>
			nodePorts.map((p) => `${indent}server 127.0.0.1:${p} ${rest}`).join('\n')
		)
		.replace(/^\s*server 127\.0\.0\.1:300[23] .*\n/gm, '')
		.replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
	writeFileSync(join(dir, 'innspill.conf'), site);
	writeFileSync(
		join(dir, 'nginx.conf'),
		[
			'daemon off;',
			'worker_processes 1;',
			`pid ${dir}/nginx.pid;`,
			`error_log ${dir}/logs/error.log warn;`,
			'events { worker_connections 4096; }',
			'http {',
			'  access_log off;',
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
				(t) => `  ${t}_temp_path ${dir}/${t};`
			),
			`  include ${dir}/innspill.conf;`,
			'}'
		].join('\n')
	);
	const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
	const url = `http://127.0.0.1:${port}`;
	await waitFor(async () => (await fetch(`${url}/healthz`)).ok, 'nginx');
	return {
		url,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	};
}

export interface TestCluster {
	nodes: RunningServer[];
	proxy: { url: string; stop(): Promise<void> };
	redis: Awaited<ReturnType<typeof startRedis>>;
	stop(): Promise<void>;
}

/** Where the nodes keep their data: a fresh PostgreSQL database when the run has one. */

/** Redis, `count` nodes on one database, and nginx in front of them. */
export async function startCluster(
	count: number,
	database: Pick<TestDatabase, 'env' | 'drop'>,
	env: Record<string, string> = {}
): Promise<TestCluster> {
	const redis = await startRedis();
	const nodes: RunningServer[] = [];
	// one after another: the first one migrates the database
	for (let i = 0; i < count; i++) {
		nodes.push(
			await startServer({
				env: {
					...database.env,
					REDIS_URL: redis.url,
					NODE_ID: `node-${i + 1}`,
					LEASE_TTL_MS: '2000',
					TRUST_PROXY: '1',
					...env
				}
			})
		);
	}
	const proxy = await startNginx(nodes.map((n) => n.port));
	return {
		nodes,
		proxy,
		redis,
		async stop() {
			await proxy.stop();
			await Promise.all(nodes.map((n) => n.stop()));
			await redis.stop();
			await database.drop();
		}
	};
}

/**
 * The database the nodes share: a fresh PostgreSQL database when TEST_POSTGRES_URL names a server
 * (CI), otherwise one SQLite file that all nodes on this machine open (SQLite's WAL allows several
 * processes).
 */
export function sharedDatabase(): Promise<TestDatabase> {
	return createTestDatabase(process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite');
}
