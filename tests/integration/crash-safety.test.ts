import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionReady } from '../../src/lib/shared/events';
import { createWorkshop, exportWorkshop, type TestSocket } from '../helpers/clients';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';

const CLIENTS = 20;
const INPUTS_PER_CLIENT = 15;
const TOTAL = CLIENTS * INPUTS_PER_CLIENT;
/** The server is killed once this many inputs have been acknowledged: mid-stream. */
const KILL_AFTER_ACKS = 100;

type Ack = { ok: boolean; error?: { code: string } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the check holds; fails with the message after the time limit (a safety net only). */
async function until(check: () => boolean, message: () => string, limitMs = 30_000) {
	const deadline = Date.now() + limitMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(message());
		await sleep(25);
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * fetch keeps idle connections for reuse, and one may still point at the killed process on the
 * same port; like any client after a server restart, try again on a fresh connection.
 */
async function afterRestart<T>(run: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await run();
		} catch (err) {
			if (attempt >= 3 || !(err instanceof TypeError)) throw err;
			await sleep(100);
		}
	}
}

const RECONNECTING = {
	transports: ['websocket'],
	forceNew: true,
	reconnection: true,
	reconnectionDelay: 100,
	reconnectionDelayMax: 500,
	timeout: 5000
};

/**
 * A phone as the participant page behaves: it keeps every input it has not seen acknowledged in an
 * outbox under the id it generated, sends the outbox again each time it (re)connects, and comes back
 * as the same participant.
 */
class Phone {
	readonly socket: TestSocket;
	readonly outbox = new Map<string, string>();
	readonly acked = new Set<string>();
	readonly refused: string[] = [];
	participantId: string | undefined;
	connects = 0;
	sessions = 0;

	constructor(
		url: string,
		code: string,
		private readonly onAck: () => void = () => {}
	) {
		this.socket = io(url, {
			...RECONNECTING,
			auth: (cb) =>
				cb({ code, ...(this.participantId ? { participantId: this.participantId } : {}) })
		}) as TestSocket;
		this.socket.on('session:ready', (session) => {
			this.participantId ??= session.participantId;
			this.sessions++;
		});
		this.socket.on('connect', () => {
			this.connects++;
			for (const id of this.outbox.keys()) this.send(id);
		});
	}

	ready(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.socket.once('session:ready', () => resolve());
			this.socket.once('connect_error', reject);
		});
	}

	/** A new input: into the outbox first, then out if the phone is online. */
	write(text: string): string {
		const id = randomUUID();
		this.outbox.set(id, text);
		this.send(id);
		return id;
	}

	private send(id: string) {
		const text = this.outbox.get(id);
		if (text === undefined || !this.socket.connected) return;
		this.socket.timeout(4000).emit('input:submit', { id, text }, ((err: Error | null, ack: Ack) => {
			if (err) return; // no answer (the server went away): it stays in the outbox
			if (ack.ok) {
				this.outbox.delete(id);
				this.acked.add(id);
				this.onAck();
			} else {
				this.refused.push(`${id}: ${ack.error?.code}`);
				this.outbox.delete(id);
			}
		}) as never);
	}
}

describe('crash safety: kill -9 under load', () => {
	const sockets: TestSocket[] = [];
	let database: TestDatabase | undefined;
	let server: RunningServer | undefined;

	afterAll(async () => {
		for (const socket of sockets) socket.close();
		await server?.stop();
		await database?.drop();
	});

	it('keeps every acknowledged input, and phones resend the rest exactly once', async () => {
		const port = await freePort();
		database = await createTestDatabase();
		server = await startServer({ database, port });
		const workshop = await createWorkshop(server.url, { title: 'Crash', language: 'nb' });

		// The projector: its view is the last session:ready plus every input:created since.
		const projector = io(server.url, {
			...RECONNECTING,
			auth: { code: workshop.code, token: workshop.facilitatorToken }
		}) as TestSocket;
		sockets.push(projector);
		const projectorSessions: SessionReady[] = [];
		const createdCount = new Map<string, number>();
		const projectorView = new Set<string>();
		projector.on('session:ready', (session) => {
			projectorSessions.push(session);
			for (const input of session.inputs) projectorView.add(input.id);
		});
		projector.on('input:created', (input) => {
			createdCount.set(input.id, (createdCount.get(input.id) ?? 0) + 1);
			projectorView.add(input.id);
		});
		await until(
			() => projectorSessions.length === 1,
			() => 'projector did not connect'
		);

		// SIGKILL goes out from inside the acknowledgement that reaches the threshold, while the
		// rest of that round is still in flight.
		let killed: Promise<void> | null = null;
		const killAtThreshold = () => {
			if (!killed && ackedCount() >= KILL_AFTER_ACKS) killed = server!.kill();
		};
		const phones = Array.from(
			{ length: CLIENTS },
			() => new Phone(server!.url, workshop.code, killAtThreshold)
		);
		sockets.push(...phones.map((p) => p.socket));
		await Promise.all(phones.map((p) => p.ready()));
		const ackedCount = () => phones.reduce((n, p) => n + p.acked.size, 0);

		// Every phone writes an input every 20 ms, online or not, until it has written its share.
		const written: string[] = [];
		let writing = true;
		const typing = (async () => {
			for (let round = 0; round < INPUTS_PER_CLIENT && writing; round++) {
				for (const [i, phone] of phones.entries()) {
					written.push(phone.write(`Flaskehals ${round} fra telefon ${i}: for mange møter`));
				}
				await sleep(20);
			}
		})();

		await until(
			() => killed !== null,
			() => `only ${ackedCount()} acknowledged before the kill`
		);
		await killed;
		// Every acknowledgement that ever arrived was sent by the server before it died.
		const ackedBeforeKill = phones.flatMap((p) => [...p.acked]);
		expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

		// Straight from what the dead server left behind (SQLite: the file with its WAL): every
		// acknowledged input.
		const stored = new Set(
			(await database.query(sql<{ id: string }>`select id from inputs`)).map((r) => r.id)
		);
		expect(ackedBeforeKill.filter((id) => !stored.has(id))).toEqual([]);

		// Phones keep typing into their outboxes while the server is down.
		await typing;
		writing = false;
		expect(written).toHaveLength(TOTAL);
		const waiting = phones.reduce((n, p) => n + p.outbox.size, 0);
		expect(waiting).toBeGreaterThan(0);

		// Same database, same port: nobody is told to reconnect, they do it on their own.
		const sessionsBefore = projectorSessions.length;
		server = await startServer({ database, port });
		await until(
			() => phones.every((p) => p.outbox.size === 0),
			() =>
				`outboxes not drained: ${phones.reduce((n, p) => n + p.outbox.size, 0)} left, ` +
				`${phones.filter((p) => !p.socket.connected).length} phones offline`
		);
		await until(
			() => projectorSessions.length > sessionsBefore,
			() => 'projector did not reconnect'
		);
		// A phone's session is set up alongside the commands it sends on reconnecting, so its
		// outbox may drain before its session arrives (on PostgreSQL, where both wait for pooled
		// connections, it often does).
		await until(
			() => phones.every((p) => p.sessions >= 2),
			() => `${phones.filter((p) => p.sessions < 2).length} phones got no session after the restart`
		);
		await until(
			() => written.every((id) => projectorView.has(id)),
			() => `projector is missing ${written.filter((id) => !projectorView.has(id)).length} inputs`
		);

		for (const phone of phones) {
			expect(phone.refused).toEqual([]);
			expect(phone.connects).toBeGreaterThanOrEqual(2);
			expect(phone.sessions).toBeGreaterThanOrEqual(2);
			expect(phone.socket.connected).toBe(true);
		}
		expect(ackedCount()).toBe(TOTAL);

		// Exactly once each in the export, and never announced twice.
		const url = server.url;
		const data = await afterRestart(() =>
			exportWorkshop(url, workshop.code, workshop.facilitatorToken)
		);
		const ids = data.inputs.map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set(written));
		expect([...createdCount.entries()].filter(([, n]) => n > 1)).toEqual([]);
		// Each phone is still one participant.
		expect(data.participants).toHaveLength(CLIENTS);

		// The projector's session after the restart already held everything stored before the kill…
		const firstSession = projectorSessions[sessionsBefore];
		const inSession = new Set(firstSession.inputs.map((i) => i.id));
		expect(ackedBeforeKill.filter((id) => !inSession.has(id))).toEqual([]);
		expect(inSession.size).toBe(firstSession.inputs.length);

		// Monitoring sees the restarted server as healthy, and learns nothing about the workshop.
		const health = await afterRestart(() => fetch(`${url}/healthz`));
		const body = await health.text();
		expect(health.status).toBe(200);
		expect(JSON.parse(body)).toMatchObject({ ok: true, db: 'ok' });
		for (const secret of [workshop.code, workshop.facilitatorToken, workshop.boardToken]) {
			expect(body).not.toContain(secret);
		}

		// …and a fresh session now holds every input, once.
		const fresh = new Promise<SessionReady>((resolve) => projector.once('session:ready', resolve));
		projector.disconnect().connect();
		const session = await fresh;
		const sessionIds = session.inputs.map((i) => i.id);
		expect(sessionIds).toHaveLength(TOTAL);
		expect(new Set(sessionIds)).toEqual(new Set(written));
	}, 120_000);
});
