// npm run loadtest -- [--url URL[,URL…]] --clients N --rate R --duration S [--json]
//
// Load generator for one workshop on loopback: N participants and one projector over socket.io,
// R `input:submit` per second in total for S seconds. Prints what was sent, acknowledged and
// persisted, what was lost or duplicated, acknowledgement and submit→projector latency, and the
// server's event-loop delay, CPU and memory. Without --url it starts the built server (server.js)
// on a free loopback port with a temporary database and stops it at the end. See
// docs/performance.md.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import {
	clock,
	loopMonitor,
	percentile,
	round1,
	type FromWorker,
	type SendRecord,
	type ToWorker
} from './loadtest/common.ts';

const USAGE = `usage: npm run loadtest -- [--url URL] --clients N --rate R --duration S [--json]
  --url URL[,URL…]     a running server on loopback, or several nodes of one cluster (phones
                       connect to them in turn; the projector to the last), or their proxy
                       (default: start build/ server.js on a free port)
  --clients N          participant sockets (default 200)
  --rate R             input:submit per second, all participants together (default 10)
  --duration S         seconds of sending (default 10)
  --connect-rate C     new connections per second while connecting (default 200)
  --workers W          client processes (default: one per 500 clients, at most 4)
  --drain S            seconds to wait for outstanding acknowledgements (default 10)
  --server-node-args=ARGS      node flags for the server this script starts
                       (with "=", e.g. --server-node-args="--cpu-prof --cpu-prof-dir=prof")
  --database-dir DIR   where the started server's temporary database goes (default: the OS temp
                       dir); e.g. /dev/shm to see the run without disk flushes
  --json               end with one JSON line of the figures`;

const { values: args } = parseArgs({
	options: {
		url: { type: 'string' },
		clients: { type: 'string', default: '200' },
		rate: { type: 'string', default: '10' },
		duration: { type: 'string', default: '10' },
		'connect-rate': { type: 'string', default: '200' },
		workers: { type: 'string' },
		drain: { type: 'string', default: '10' },
		'server-node-args': { type: 'string', default: '' },
		'database-dir': { type: 'string' },
		json: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});
if (args.help) {
	console.log(USAGE);
	process.exit(0);
}

function positive(name: string, raw: string | undefined, max: number): number {
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0 || n > max) {
		console.error(`--${name} must be a number in (0, ${max}]\n${USAGE}`);
		process.exit(2);
	}
	return n;
}
const clients = Math.round(positive('clients', args.clients, 20_000));
const rate = positive('rate', args.rate, 5_000);
const durationS = positive('duration', args.duration, 3_600);
const connectRate = positive('connect-rate', args['connect-rate'], 5_000);
const drainMs = positive('drain', args.drain, 120) * 1000;
const workerCount = args.workers
	? Math.round(positive('workers', args.workers, 16))
	: Math.min(4, Math.max(1, Math.ceil(clients / 500)));

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const log = (line = '') => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Only loopback: this tool must never load someone else's server. */
function loopbackUrl(raw: string): string {
	const url = new URL(raw);
	const host = url.hostname.replace(/^\[|\]$/g, '');
	if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !host.startsWith('127.')) {
		console.error(`--url must point at this machine (127.0.0.1, localhost or ::1), not ${host}`);
		process.exit(2);
	}
	return url.origin;
}

// ---------------------------------------------------------------------------------------------
// The server under test

interface ServerHandle {
	url: string;
	pid: number | null;
	probes: ProbeLine[];
	stop(): Promise<void>;
}
type ProbeLine = { at: number; loopP99Ms: number | null; loopMaxMs: number | null; rssMb: number };

async function startOwnServer(): Promise<ServerHandle> {
	if (!existsSync(join(root, 'build/handler.js'))) {
		console.error('No production build in build/: run `npm run build` first, or pass --url.');
		process.exit(2);
	}
	const dir = mkdtempSync(join(args['database-dir'] ?? tmpdir(), 'innspill-loadtest-'));
	const probe = new URL('./loadtest/server-probe.mjs', import.meta.url).href;
	const nodeArgs = args['server-node-args'].split(/\s+/).filter(Boolean);
	const child: ChildProcess = spawn(
		process.execPath,
		[...nodeArgs, '--import', probe, 'server.js'],
		{
			cwd: root,
			env: {
				...process.env,
				PORT: '0',
				HOST: '127.0.0.1',
				DATABASE_PATH: join(dir, 'loadtest.sqlite'),
				// Its own throwaway file, never the database a DATABASE_URL in the shell points at.
				DATABASE_URL: '',
				PUBLIC_URL: '',
				// Every simulated phone comes from 127.0.0.1, so the per-address limits (meant for a
				// venue's shared Wi-Fi address) would measure the limiter, not the server. The
				// per-participant limit stays as configured.
				RATE_ADDRESS_CONNECTS_PER_MINUTE: process.env.RATE_ADDRESS_CONNECTS_PER_MINUTE ?? '1000000',
				RATE_ADDRESS_WRITES_PER_MINUTE: process.env.RATE_ADDRESS_WRITES_PER_MINUTE ?? '1000000',
				// a phone becomes a participant with its first input, so every simulated phone's first
				// submission is also a new participant from 127.0.0.1
				RATE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE:
					process.env.RATE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE ?? '1000000'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	const probes: ProbeLine[] = [];
	let output = '';
	let buffered = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		buffered += chunk.toString();
		const lines = buffered.split('\n');
		buffered = lines.pop() ?? '';
		for (const line of lines) {
			if (line.startsWith('loadtest-probe ')) {
				probes.push({ at: clock(), ...JSON.parse(line.slice('loadtest-probe '.length)) });
			} else if (output.length < 200_000) output += line + '\n';
		}
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		if (output.length < 200_000) output += chunk.toString();
	});
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	const port = await new Promise<number>((resolvePort, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
		const check = () => {
			const match = output.match(/listening on [^\s:]+:(\d+)/);
			if (match) {
				clearTimeout(timer);
				resolvePort(Number(match[1]));
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		pid: child.pid ?? null,
		probes,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
			const errors = output.split('\n').filter((l) => /error|failed/i.test(l));
			if (errors.length) log(`server log lines with errors: ${errors.length}, e.g. ${errors[0]}`);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** CPU time and memory of a process from /proc (Linux). */
const CLOCK_TICKS = 100;
function procSample(pid: number): { cpuS: number; rssMb: number; hwmMb: number } | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
		const cpuS = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
		return { cpuS, rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
	} catch {
		return null;
	}
}

type Health = { ok: boolean; rssMb: number; eventLoopDelayP99Ms: number | null };
async function healthz(url: string): Promise<Health | null> {
	try {
		const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
		if (res.status === 404) return null;
		return (await res.json()) as Health;
	} catch {
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// Workers

interface WorkerHandle {
	child: ChildProcess;
	clients: number;
	next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>>;
	send(message: ToWorker): void;
}

function startWorker(clientsForWorker: number): WorkerHandle {
	const child = fork(fileURLToPath(new URL('./loadtest/worker.ts', import.meta.url)), [], {
		cwd: root,
		execArgv: ['--import', import.meta.resolve('tsx')],
		env: { ...process.env, NODE_OPTIONS: '' },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const inbox: FromWorker[] = [];
	const waiting: { type: string; resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] =
		[];
	let exited: Error | null = null;
	child.on('message', (m: FromWorker) => {
		const i = waiting.findIndex((w) => w.type === m.type);
		if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
		else inbox.push(m);
	});
	child.once('exit', (code) => {
		exited = new Error(`a load-test worker exited (status ${code})`);
		for (const w of waiting.splice(0)) w.reject(exited);
	});
	return {
		child,
		clients: clientsForWorker,
		send: (message) => child.send(message),
		next(type) {
			const i = inbox.findIndex((m) => m.type === type);
			if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as never);
			if (exited) return Promise.reject(exited);
			return new Promise((resolve, reject) =>
				waiting.push({ type, resolve: resolve as (m: FromWorker) => void, reject })
			);
		}
	};
}

/** Splits n into k integer shares that differ by at most one. */
const shares = (n: number, k: number) =>
	Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// The run

const server: ServerHandle = args.url
	? { url: loopbackUrl(args.url.split(',')[0]), pid: null, probes: [], stop: async () => {} }
	: await startOwnServer();
/** Every node (or the one proxy) phones connect to; one server unless --url lists several. */
const targets = args.url ? args.url.split(',').map(loopbackUrl) : [server.url];

/** The worst event-loop delay of all the nodes, as each reports it at /healthz. */
async function healthOfAll(): Promise<Health | null> {
	const all = (await Promise.all(targets.map(healthz))).filter((h): h is Health => h !== null);
	if (all.length === 0) return null;
	const delays = all.map((h) => h.eventLoopDelayP99Ms).filter((d): d is number => d !== null);
	return {
		ok: all.every((h) => h.ok),
		rssMb: all.reduce((sum, h) => sum + h.rssMb, 0),
		eventLoopDelayP99Ms: delays.length ? Math.max(...delays) : null
	};
}
const workers: WorkerHandle[] = [];
let projector: Socket | null = null;

async function main() {
	const selfLoop = loopMonitor();
	log(
		`server ${targets.join(', ')}${server.pid ? ` (pid ${server.pid}, started by this script)` : ''}`
	);
	log(
		`plan: ${clients} clients in ${workerCount} worker processes, ${rate} submissions/s for ${durationS} s`
	);

	const created = await fetch(`${server.url}/api/workshops`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title: 'Load test', language: 'nb' })
	});
	if (created.status !== 201) throw new Error(`POST /api/workshops: ${created.status}`);
	const { code, facilitatorToken } = (await created.json()) as {
		code: string;
		facilitatorToken: string;
	};

	// The projector, in this process, timestamps every input:created on the shared clock.
	const seenAt = new Map<string, number[]>();
	// on the last node: with several, every input it sees has crossed between nodes
	projector = io(targets[targets.length - 1], {
		auth: { code, token: facilitatorToken },
		transports: ['websocket'],
		reconnection: false,
		forceNew: true
	});
	let projectorDisconnects = 0;
	await new Promise<void>((ok, fail) => {
		projector!.once('session:ready', () => ok());
		projector!.once('connect_error', (err) => fail(err));
	});
	projector.on('disconnect', () => projectorDisconnects++);
	projector.on('input:created', (input: { id: string }) => {
		const at = clock();
		const list = seenAt.get(input.id);
		if (list) list.push(at);
		else seenAt.set(input.id, [at]);
	});

	// Connect the participants gradually.
	const clientShares = shares(clients, workerCount);
	for (const n of clientShares) workers.push(startWorker(n));
	await Promise.all(workers.map((w) => w.next('ready')));
	const connectStart = clock();
	for (const w of workers) {
		w.send({
			type: 'connect',
			urls: targets,
			code,
			count: w.clients,
			perSecond: (connectRate * w.clients) / clients
		});
	}
	const connected = await Promise.all(workers.map((w) => w.next('connected')));
	const connectS = (clock() - connectStart) / 1000;
	const connectedCount = connected.reduce((a, c) => a + c.connected, 0);
	const connectErrors: Record<string, number> = {};
	for (const c of connected) {
		for (const [k, v] of Object.entries(c.errors)) connectErrors[k] = (connectErrors[k] ?? 0) + v;
	}
	log(
		`connected ${connectedCount}/${clients} participants in ${connectS.toFixed(1)} s` +
			(Object.keys(connectErrors).length ? ` (refused: ${JSON.stringify(connectErrors)})` : '')
	);
	const connectHealth = await healthOfAll();
	const connectProbes = server.probes.filter((p) => p.at >= connectStart);
	const connectLoopP99 =
		connectHealth?.eventLoopDelayP99Ms ?? maxOf(connectProbes.map((p) => p.loopP99Ms));
	if (connectLoopP99 !== null) {
		log(`  server event-loop delay p99 while connecting: ${round1(connectLoopP99)} ms`);
	}
	if (connectedCount === 0) throw new Error('no participant could connect');
	if (connectedCount < clients) {
		log(
			`  warning: only ${connectedCount} of ${clients} participants are connected; the run goes on` +
				(connectErrors.rate_limited
					? ' (rate_limited: with --url, raise RATE_ADDRESS_CONNECTS_PER_MINUTE on that server)'
					: '')
		);
	}

	// Send on schedule. Every worker starts at the same instant on the shared clock.
	const totalSends = Math.round(rate * durationS);
	const sendShares = shares(totalSends, workerCount);
	const startAt = clock() + 500;
	const cpuBefore = server.pid ? procSample(server.pid) : null;
	const cpuBeforeAt = clock();
	const samples: { at: number; cpuS: number; rssMb: number; hwmMb: number }[] = [];
	const health: Health[] = [];
	let sampling = true;
	const sampler = (async () => {
		await sleep(Math.max(0, startAt - clock()));
		await healthOfAll(); // starts a fresh window on each server's histogram
		selfLoop.reset();
		while (sampling) {
			await sleep(1000);
			if (server.pid) {
				const s = procSample(server.pid);
				if (s) samples.push({ at: clock(), ...s });
			}
			const h = await healthOfAll();
			if (h) health.push(h);
		}
	})();
	workers.forEach((w, i) =>
		w.send({ type: 'run', startAt, durationS, sends: sendShares[i], drainMs })
	);
	log(`sending ${totalSends} inputs…`);
	const done = await Promise.all(workers.map((w) => w.next('done')));
	const sendEnd = Math.max(...done.map((d) => d.lastSendAt));
	sampling = false;
	await sampler;
	const cpuAfter = server.pid ? procSample(server.pid) : null;
	const cpuAfterAt = clock();
	const selfLoopP99 = selfLoop.p99();

	// Give the projector a moment to receive the last broadcasts (bounded).
	const records: SendRecord[] = done.flatMap((d) => d.records);
	const ackedIds = records.filter((r) => r[3]).map((r) => r[0]);
	const settleUntil = clock() + 5000;
	while (ackedIds.some((id) => !seenAt.has(id)) && clock() < settleUntil) await sleep(50);

	// Read everything back.
	const data = await readExport(code, facilitatorToken);
	const exportCount = new Map<string, number>();
	for (const input of data.inputs) exportCount.set(input.id, (exportCount.get(input.id) ?? 0) + 1);

	const sent = records.length;
	const acked = records.filter((r) => r[2] !== null && r[3]).length;
	const rejected = records.filter((r) => r[2] !== null && !r[3]).length;
	const unacked = records.filter((r) => r[2] === null);
	const persisted = records.filter((r) => exportCount.has(r[0])).length;
	const ackedNotPersisted = records.filter((r) => r[3] && !exportCount.has(r[0])).length;
	const lost = ackedNotPersisted + unacked.length;
	const duplicatedInExport = [...exportCount.values()].filter((n) => n > 1).length;
	const duplicatedAtProjector = [...seenAt.values()].filter((l) => l.length > 1).length;
	const duplicated = duplicatedInExport + duplicatedAtProjector;
	const ackLatencies = records.filter((r) => r[2] !== null).map((r) => r[2]! - r[1]);
	const projectorLatencies = records
		.filter((r) => seenAt.has(r[0]))
		.map((r) => seenAt.get(r[0])![0] - r[1]);
	const neverAtProjector = ackedIds.filter((id) => !seenAt.has(id)).length;

	// Achieved rate: what went out over the time it actually took (at least the planned duration).
	const windowS = Math.max(durationS, (sendEnd - startAt) / 1000 + 1 / rate);
	const achievedRate = sent / windowS;
	const generatorLoopP99 = Math.max(selfLoopP99, ...done.map((d) => d.loopP99));
	const sendLagP99 = Math.max(...done.map((d) => d.lagP99));
	const valid = achievedRate >= 0.95 * rate && generatorLoopP99 <= 50;

	const windowProbes = server.probes.filter((p) => p.at >= startAt && p.at <= sendEnd + 1000);
	const healthLoop = health.map((h) => h.eventLoopDelayP99Ms).filter((v) => v !== null);
	const loopSource = healthLoop.length ? '/healthz' : windowProbes.length ? 'probe' : 'none';
	const loopWindows = healthLoop.length ? healthLoop : windowProbes.map((p) => p.loopP99Ms);
	const loopDelayP99 = maxOf(loopWindows) ?? NaN;
	const loopDelayP99Median = percentile(loopWindows.filter((v) => v !== null) as number[], 50);
	const serverRssMb = cpuAfter
		? cpuAfter.hwmMb
		: (maxOf([...health.map((h) => h.rssMb), ...windowProbes.map((p) => p.rssMb)]) ?? NaN);
	const serverCpuPercent =
		cpuBefore && cpuAfter
			? (100 * (cpuAfter.cpuS - cpuBefore.cpuS)) / ((cpuAfterAt - cpuBeforeAt) / 1000)
			: null;

	const figures = {
		sent,
		acked,
		persisted,
		lost,
		duplicated,
		ackP50: round1(percentile(ackLatencies, 50)),
		ackP95: round1(percentile(ackLatencies, 95)),
		ackP99: round1(percentile(ackLatencies, 99)),
		projectorP50: round1(percentile(projectorLatencies, 50)),
		projectorP95: round1(percentile(projectorLatencies, 95)),
		projectorP99: round1(percentile(projectorLatencies, 99)),
		loopDelayP99: round1(loopDelayP99),
		serverRssMb: round1(serverRssMb),
		achievedRate: round1(achievedRate),
		valid,
		clients,
		connected: connectedCount,
		connectS: round1(connectS),
		rate,
		durationS,
		rejected,
		neverAtProjector,
		serverCpuPercent: serverCpuPercent === null ? null : round1(serverCpuPercent),
		serverCpuPeakPercent: round1(
			maxOf(
				samples
					.slice(1)
					.map((s, i) => (100 * (s.cpuS - samples[i].cpuS)) / ((s.at - samples[i].at) / 1000))
			) ?? NaN
		),
		loopDelayP99Median: round1(loopDelayP99Median),
		loopDelaySource: loopSource,
		generatorLoopP99: round1(generatorLoopP99),
		sendLagP99: round1(sendLagP99),
		disconnects: done.reduce((a, d) => a + d.disconnects, 0) + projectorDisconnects,
		workers: workerCount,
		nodes: targets.length
	};

	const ms = (n: number) => `${round1(n)} ms`;
	log();
	log(valid ? 'RESULT (valid run)' : 'RESULT: INVALID — the load generator fell behind');
	log(`  sent            ${sent}  (achieved ${round1(achievedRate)}/s of ${rate}/s target)`);
	log(
		`  acknowledged    ${acked}${rejected ? `  (refused: ${rejected} ${JSON.stringify(mergeCounts(done.map((d) => d.rejections)))})` : ''}`
	);
	log(`  persisted       ${persisted}`);
	log(
		`  lost            ${lost}  (acknowledged but not persisted ${ackedNotPersisted}, never acknowledged ${unacked.length})`
	);
	log(
		`  duplicated      ${duplicated}  (in export ${duplicatedInExport}, at projector ${duplicatedAtProjector})`
	);
	log(
		`  ack latency     p50 ${ms(figures.ackP50)}  p95 ${ms(figures.ackP95)}  p99 ${ms(figures.ackP99)}`
	);
	log(
		`  to projector    p50 ${ms(figures.projectorP50)}  p95 ${ms(figures.projectorP95)}  p99 ${ms(figures.projectorP99)}` +
			(neverAtProjector ? `  (${neverAtProjector} acknowledged inputs never arrived)` : '')
	);
	log(
		`  server loop     p99 ${ms(loopDelayP99)} (worst 1 s window, ${loopSource}; median window ${ms(loopDelayP99Median)})`
	);
	log(
		`  server memory   ${round1(serverRssMb)} MB ${cpuAfter ? 'peak RSS (VmHWM)' : 'RSS (/healthz)'}`
	);
	if (serverCpuPercent !== null) {
		log(
			`  server CPU      ${round1(serverCpuPercent)} % of one core (busiest second ${figures.serverCpuPeakPercent} %)`
		);
	}
	log(
		`  generator       loop p99 ${ms(generatorLoopP99)}, send lag p99 ${ms(sendLagP99)}, ${workerCount} workers, ${figures.disconnects} disconnects`
	);
	if (connectedCount < clients) {
		log(`  INCOMPLETE: ${clients - connectedCount} participants could not connect`);
	}
	if (args.json) log(JSON.stringify(figures));
	return valid && lost === 0 && duplicated === 0 && connectedCount === clients;
}

/** The workshop's export; a few tries, since the read-back must not fail on one bad moment. */
async function readExport(code: string, token: string): Promise<{ inputs: { id: string }[] }> {
	for (let attempt = 1; ; attempt++) {
		const res = await fetch(`${server.url}/api/workshops/${code}/export.json`, {
			headers: { authorization: `Bearer ${token}` }
		}).catch((err: Error) => err);
		if (res instanceof Response && res.ok)
			return (await res.json()) as { inputs: { id: string }[] };
		const why = res instanceof Response ? `HTTP ${res.status}` : res.message;
		if (attempt >= 3) throw new Error(`could not read back the export: ${why}`);
		await sleep(1000);
	}
}

function maxOf(values: (number | null)[]): number | null {
	const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
	return present.length ? Math.max(...present) : null;
}

function mergeCounts(list: Record<string, number>[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const counts of list)
		for (const [k, v] of Object.entries(counts)) out[k] = (out[k] ?? 0) + v;
	return out;
}

let stopping: Promise<void> | null = null;
function shutdown(): Promise<void> {
	stopping ??= stopAll();
	return stopping;
}

async function stopAll() {
	projector?.close();
	await Promise.all(
		workers.map(async (w) => {
			if (w.child.exitCode !== null || !w.child.connected) return;
			w.send({ type: 'close' });
			await Promise.race([w.next('closed').catch(() => null), sleep(10_000)]);
			if (w.child.exitCode === null) w.child.kill('SIGKILL');
		})
	);
	await server.stop();
}

// However it goes, the run ends by itself: connecting, sending, draining and reading back, plus a
// margin. Past that, everything this script started is stopped.
const watchdogMs = (clients / connectRate + 30) * 1000 + durationS * 1000 + drainMs + 60_000;
const watchdog = setTimeout(() => {
	console.error(`the run took longer than ${Math.round(watchdogMs / 1000)} s; stopping`);
	void shutdown().finally(() => process.exit(1));
}, watchdogMs);
watchdog.unref();
process.once('SIGINT', () => void shutdown().finally(() => process.exit(130)));

let exitCode = 1;
try {
	exitCode = (await main()) ? 0 : 1;
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
} finally {
	await shutdown();
}
process.exit(exitCode);
