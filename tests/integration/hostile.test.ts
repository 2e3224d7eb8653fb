import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EVENT_NAMES } from '../../src/lib/shared/events';
import {
	connect,
	connectRefused,
	createWorkshop,
	nextEvent,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

type Ack = { ok: boolean; error?: { code: string; message: string } };

const HUGE = 'å'.repeat(20_000);
const isEmptyObject = (value: unknown) =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	!Object.keys(value).length;

const HOSTILE_VALUES: unknown[] = [
	undefined,
	null,
	0,
	-1,
	1e308,
	true,
	'',
	HUGE,
	[],
	[1, 'two', null],
	{},
	JSON.parse('{"__proto__": {"ok": true, "role": "facilitator"}}'),
	{ constructor: { prototype: { polluted: true } } },
	{ id: "'; DROP TABLE inputs; --", text: "' OR 1=1 --" },
	{ id: randomUUID(), text: '\u0000\u0001' },
	{ id: randomUUID(), text: '\uD800 broken surrogate' },
	{ id: randomUUID(), text: '\u200B\u200E\u202E' },
	{ id: randomUUID(), text: HUGE },
	{ id: randomUUID(), text: { toString: 'x' } },
	{ type: 'merge', themeIds: Array(1000).fill('t1'), intoId: 't1' },
	{ themeId: '__proto__', id: randomUUID() },
	{ phase: 'constructor' },
	{ dots: 1e9 },
	{ ids: [HUGE] },
	{ name: HUGE, organisation: ['x'] }
];

describe('hostile input at every event and endpoint', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let victim: TestSocket;
	let victimInput: string;
	let facilitator: TestSocket;

	beforeAll(async () => {
		// this suite sends hundreds of payloads from one socket on purpose; the flood limit has
		// its own test below
		server = await startServer({ env: { SOCKET_EVENTS_PER_SECOND: '100000' } });
		workshop = await createWorkshop(server.url, { title: 'Hostile', language: 'en' });
		facilitator = (
			await connect(server.url, { code: workshop.code, token: workshop.facilitatorToken })
		).socket;
		victim = (await connect(server.url, { code: workshop.code })).socket;
		victimInput = randomUUID();
		await request(victim, 'input:submit', { id: victimInput, text: 'The original text' });
	});
	afterAll(async () => {
		victim?.close();
		facilitator?.close();
		await server?.stop();
	});

	it('a participant socket gets a clear refusal for every event and hostile payload, and nothing changes', async () => {
		const attacker = (await connect(server.url, { code: workshop.code })).socket;
		const db = server.database;
		const inputs = sql`select id, text, hidden from inputs order by id`;
		const settings = sql`select phase, dots_per_participant from workshops`;
		const before = await db.query(inputs);
		const phaseBefore = await db.query(settings);
		let accepted = 0;
		for (const event of CLIENT_EVENT_NAMES) {
			for (const value of HOSTILE_VALUES) {
				const ack = await request<Ack>(attacker, event, value);
				expect(typeof ack.ok, `${event} ${JSON.stringify(value)?.slice(0, 60)}`).toBe('boolean');
				// asking for one's own session again is a read anyone may make with an empty payload
				const read = event === 'session:sync' && (value === undefined || isEmptyObject(value));
				if (ack.ok) {
					if (!read) accepted++;
				} else {
					expect(ack.error?.code).toMatch(/^[a-z_]+$/);
					expect(ack.error?.message.length).toBeGreaterThan(0);
				}
			}
			// No callback at all, and a callback in the wrong place: ignored, nothing breaks.
			(attacker.emit as (e: string, ...a: unknown[]) => void)(event, {
				id: randomUUID(),
				text: 'no ack'
			});
			(attacker.emit as (e: string, ...a: unknown[]) => void)(event, () => {}, { x: 1 });
		}
		// Events with an ack that are not part of the protocol, including prototype names.
		for (const event of [
			'__proto__',
			'constructor',
			'toString',
			'hasOwnProperty',
			'admin:drop',
			''
		]) {
			const ack = await request<Ack>(attacker, event, {});
			expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
		}
		expect(accepted).toBe(0);
		expect(await db.query(inputs)).toEqual(before);
		expect(await db.query(settings)).toEqual(phaseBefore);
		expect(await db.count('theme_actions')).toBe(0);
		expect(await db.count('focus_areas')).toBe(0);
		attacker.close();
	});

	it('keeps serving the other clients, and stores script tags and SQL as harmless text', async () => {
		expect(victim.connected).toBe(true);
		const seen = nextEvent(facilitator, 'input:created');
		const id = randomUUID();
		const text = `<script>alert(1)</script> '); DROP TABLE inputs; -- ${'\u{1F600}'}`;
		const ack = await request<Ack & { input?: { text: string } }>(victim, 'input:submit', {
			id,
			text
		});
		expect(ack).toMatchObject({ ok: true, input: { text } });
		expect((await seen).text).toBe(text);
		expect(
			await server.database.query(sql`select text from inputs where id = ${victimInput}`)
		).toEqual([{ text: 'The original text' }]);
		// The participant page renders it escaped.
		const html = await fetch(`${server.url}/${workshop.code}`, {
			headers: { cookie: '' }
		}).then((r) => r.text());
		expect(html).not.toContain('<script>alert(1)</script>');
	});

	it('refuses replayed and out-of-order events', async () => {
		const phone = (await connect(server.url, { code: workshop.code })).socket;
		const id = randomUUID();
		expect(await request<Ack>(phone, 'input:edit', { id, text: 'before it exists' })).toMatchObject(
			{
				ok: false,
				error: { code: 'not_found' }
			}
		);
		expect((await request<Ack>(phone, 'input:submit', { id, text: 'now it exists' })).ok).toBe(
			true
		);
		expect((await request<Ack>(phone, 'input:delete', { id })).ok).toBe(true);
		expect(await request<Ack>(phone, 'input:delete', { id })).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
		expect(await request<Ack>(phone, 'input:edit', { id, text: 'after delete' })).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
		expect(
			await request<Ack>(phone, 'vote:cast', { id: randomUUID(), themeId: 't1' })
		).toMatchObject({
			ok: false,
			error: { code: 'voting_closed' }
		});
		expect(await request<Ack>(facilitator, 'theme:undo', {})).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
		expect(await request<Ack>(facilitator, 'theme:redo', {})).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
		phone.close();
	});

	it('limits how fast one phone can write, with a clear error', async () => {
		const phone = (await connect(server.url, { code: workshop.code })).socket;
		const acks: Ack[] = [];
		for (let i = 0; i < 25; i++) {
			acks.push(
				await request<Ack>(phone, 'input:submit', { id: randomUUID(), text: `Flood ${i}` })
			);
		}
		expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(21);
		expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
		// Another phone is not slowed down by it.
		const other = (await connect(server.url, { code: workshop.code })).socket;
		expect(
			(await request<Ack>(other, 'input:submit', { id: randomUUID(), text: 'Still fine' })).ok
		).toBe(true);
		phone.close();
		other.close();
	});

	it('refuses sockets opened from another site', async () => {
		const { io } = await import('socket.io-client');
		const socket = io(server.url, {
			auth: { code: workshop.code },
			transports: ['polling'],
			extraHeaders: { origin: 'https://evil.example' },
			reconnection: false,
			forceNew: true
		});
		const refused = await new Promise<boolean>((resolve) => {
			socket.once('connect', () => resolve(false));
			socket.once('connect_error', () => resolve(true));
		});
		socket.close();
		expect(refused).toBe(true);
		expect(
			await connectRefused(server.url, { code: workshop.code, token: { $ne: null } })
		).toMatchObject({
			code: 'unauthorized'
		});
	});

	it('answers hostile HTTP requests with 4xx and a JSON error, and stays up', async () => {
		const post = (body: string, headers: Record<string, string> = {}) =>
			fetch(`${server.url}/api/workshops`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body
			});
		expect(
			(await post('{"title": "x", "language": "nb", "__proto__": {"admin": true}}')).status
		).toBe(201);
		for (const body of [
			'',
			'{',
			'null',
			'[]',
			'"x"',
			'{"title": {"$gt": ""}, "language": "nb"}',
			JSON.stringify({ title: HUGE, language: 'en' })
		]) {
			const res = await post(body);
			expect(res.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
			expect(res.status).toBeLessThan(500);
		}
		expect(
			(await post(JSON.stringify({ title: 'x'.repeat(100_000), language: 'en' }))).status
		).toBe(413);
		expect(
			(
				await post(JSON.stringify({ title: 'x', language: 'en' }), {
					origin: 'https://evil.example'
				})
			).status
		).toBe(403);
		for (const token of [
			'',
			' ',
			'Bearer',
			`${workshop.facilitatorToken}x`,
			'x'.repeat(5000),
			"' or 1=1 --"
		]) {
			const res = await fetch(`${server.url}/api/workshops/${workshop.code}/export.json`, {
				headers: { authorization: `Bearer ${token}` }
			});
			expect([401, 403]).toContain(res.status);
		}
		const form = await fetch(`${server.url}/${workshop.code}?/submit`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ id: randomUUID(), text: 'cross-site' })
		});
		expect(form.status).toBe(403);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('finding 8: staff pages and exports are never kept by a browser or proxy cache', async () => {
		const opened = await fetch(
			`${server.url}/${workshop.code}/facilitator?key=${workshop.facilitatorToken}`,
			{ redirect: 'manual' }
		);
		expect(opened.status).toBe(303);
		const cookie = opened.headers.get('set-cookie')!.split(';')[0];
		for (const path of ['facilitator', 'projector', 'board']) {
			const page = await fetch(`${server.url}/${workshop.code}/${path}`, { headers: { cookie } });
			expect(page.status, path).toBe(200);
			expect(page.headers.get('cache-control'), path).toMatch(/no-store/);
		}
		for (const ext of ['json', 'md', 'csv', 'docx']) {
			const res = await fetch(`${server.url}/api/workshops/${workshop.code}/export.${ext}`, {
				headers: { authorization: `Bearer ${workshop.facilitatorToken}` }
			});
			expect(res.status, ext).toBe(200);
			expect(res.headers.get('cache-control'), ext).toMatch(/no-store/);
		}
	});

	it('finding 9: a page view with an unknown participant cookie adds no participant', async () => {
		const count = async () => {
			const res = await fetch(`${server.url}/api/workshops/${workshop.code}/export.json`, {
				headers: { authorization: `Bearer ${workshop.facilitatorToken}` }
			});
			return ((await res.json()) as { participants: unknown[] }).participants.length;
		};
		const before = await count();
		for (let i = 0; i < 10; i++) {
			const page = await fetch(`${server.url}/${workshop.code}`, {
				headers: { cookie: `innspill_pid_${workshop.code}=${randomUUID()}` }
			});
			expect(page.status).toBe(200);
		}
		expect(await count()).toBe(before);
	});
});
