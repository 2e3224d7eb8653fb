// One load-test worker process: holds a share of the participant sockets and sends its share of
// the submissions on a fixed schedule. Driven over IPC by scripts/loadtest.ts.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
	clock,
	loopMonitor,
	percentile,
	randomText,
	type FromWorker,
	type SendRecord,
	type ToWorker
} from './common.ts';

type Ack = { ok: boolean; error?: { code?: string } };

const send = (message: FromWorker) => process.send?.(message);
const loop = loopMonitor();
const sockets: Socket[] = [];
let disconnects = 0;
/** The nodes (or the proxy) the phones connect to, in turn. */
let urls: string[] = [];
let nextUrl = 0;
const records: SendRecord[] = [];
let outstanding = 0;
const rejections: Record<string, number> = {};

function connectOne(code: string): Promise<Socket | string> {
	const socket = io(urls[nextUrl++ % urls.length], {
		auth: { code },
		transports: ['websocket'],
		reconnection: false,
		forceNew: true,
		timeout: 20_000
	});
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			socket.close();
			resolve('timeout');
		}, 30_000);
		socket.once('session:ready', () => {
			clearTimeout(timer);
			socket.on('disconnect', () => disconnects++);
			resolve(socket);
		});
		socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
			clearTimeout(timer);
			socket.close();
			resolve(err.data?.code ?? err.message);
		});
	});
}

async function connectAll(code: string, count: number, perSecond: number) {
	const t0 = clock();
	const errors: Record<string, number> = {};
	const pending: Promise<void>[] = [];
	const interval = 1000 / perSecond;
	for (let i = 0; i < count; i++) {
		const due = t0 + i * interval;
		const wait = due - clock();
		if (wait > 1) await new Promise((r) => setTimeout(r, wait));
		pending.push(
			connectOne(code).then((result) => {
				if (typeof result === 'string') errors[result] = (errors[result] ?? 0) + 1;
				else sockets.push(result);
			})
		);
	}
	await Promise.all(pending);
	const failed = Object.values(errors).reduce((a, b) => a + b, 0);
	send({ type: 'connected', connected: sockets.length, failed, errors, ms: clock() - t0 });
}

async function run(startAt: number, durationS: number, total: number) {
	const lags: number[] = [];
	let skipped = 0;
	let lastSendAt = 0;
	let cursor = Math.floor(Math.random() * Math.max(1, sockets.length));
	const interval = total > 0 ? (durationS * 1000) / total : 0;
	const submitOne = () => {
		// The next connected socket, round robin; a socket that dropped is skipped, not buffered.
		let socket: Socket | undefined;
		for (let tries = 0; tries < sockets.length; tries++) {
			const candidate = sockets[cursor++ % sockets.length];
			if (candidate.connected) {
				socket = candidate;
				break;
			}
		}
		if (!socket) {
			skipped++;
			return;
		}
		const id = randomUUID();
		const record: SendRecord = [id, clock(), null, false];
		records.push(record);
		outstanding++;
		socket.emit('input:submit', { id, text: randomText() }, (ack: Ack) => {
			record[2] = clock();
			record[3] = ack?.ok === true;
			if (!record[3]) {
				const code = ack?.error?.code ?? 'no_ok';
				rejections[code] = (rejections[code] ?? 0) + 1;
			}
			outstanding--;
		});
		lastSendAt = record[1];
	};

	const wait = startAt - clock();
	if (wait > 0) await new Promise((r) => setTimeout(r, wait));
	loop.reset();
	let k = 0;
	await new Promise<void>((resolve) => {
		const tick = () => {
			const now = clock();
			while (k < total && startAt + k * interval <= now) {
				lags.push(now - (startAt + k * interval));
				submitOne();
				k++;
			}
			if (k >= total) return resolve();
			setTimeout(tick, Math.max(0, startAt + k * interval - clock()));
		};
		tick();
	});
	return { lags, skipped, lastSendAt };
}

async function runAndDrain(startAt: number, durationS: number, total: number, drainMs: number) {
	const result = await run(startAt, durationS, total);
	const deadline = clock() + drainMs;
	while (outstanding > 0 && clock() < deadline) await new Promise((r) => setTimeout(r, 20));
	send({
		type: 'done',
		records,
		lagP99: percentile(result.lags, 99),
		lastSendAt: result.lastSendAt,
		loopP99: loop.p99(),
		loopMax: loop.max(),
		disconnects,
		skipped: result.skipped,
		rejections
	});
}

process.on('message', (message: ToWorker) => {
	switch (message.type) {
		case 'connect':
			urls = message.urls;
			void connectAll(message.code, message.count, message.perSecond);
			break;
		case 'run':
			void runAndDrain(message.startAt, message.durationS, message.sends, message.drainMs);
			break;
		case 'close':
			for (const socket of sockets) {
				socket.off('disconnect');
				socket.close();
			}
			send({ type: 'closed' });
			setTimeout(() => process.exit(0), 50);
			break;
	}
});
// A coordinator that dies must not leave workers holding sockets open.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
