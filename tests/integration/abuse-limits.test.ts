import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	connect,
	connectRefused,
	createWorkshop,
	nextEvent,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';

type Ack = { ok: boolean; error?: { code: string; message: string } };

/** Every test here runs its own server: the limits are per address, and all tests share one. */
let server: RunningServer | undefined;
const sockets: TestSocket[] = [];
const open = async (auth: Record<string, unknown>) => {
	const connected = await connect(server!.url, auth);
	sockets.push(connected.socket);
	return connected;
};
describe('abuse limits', () => {
	afterEach(async () => {
		for (const socket of sockets.splice(0)) socket.close();
		await server?.stop();
		server = undefined;
	});

	it('finding 2: new identities during voting cannot multiply dots; earlier participants vote freely', async () => {
		server = await startServer({ env: { RATE_ADDRESS_NEW_VOTERS_PER_MINUTE: '4' } });
		const workshop = await createWorkshop(server.url, { title: 'Dots', language: 'nb' });
		const facilitator = await open({ code: workshop.code, token: workshop.facilitatorToken });
		const ready = themesSettled(facilitator.socket, 2, 9);
		const writer = await open({ code: workshop.code });
		for (const text of THREE_TOPICS) {
			await request(writer.socket, 'input:submit', { id: randomUUID(), text });
		}
		// a phone that joined before voting opened, but only listened
		const listener = await open({ code: workshop.code });
		const themeId = (await ready).themes[0].id;
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'voting' });

		const fresh: Ack[] = [];
		for (let i = 0; i < 10; i++) {
			const phone = await open({ code: workshop.code });
			fresh.push(await request<Ack>(phone.socket, 'vote:cast', { id: randomUUID(), themeId }));
		}
		expect(fresh.filter((a) => a.ok)).toHaveLength(4);
		expect(fresh.filter((a) => !a.ok).every((a) => a.error?.code === 'rate_limited')).toBe(true);

		// a participant who wrote before voting opened is not counted against the address
		for (let i = 0; i < 3; i++) {
			const ack = await request<Ack>(writer.socket, 'vote:cast', { id: randomUUID(), themeId });
			expect(ack.ok).toBe(true);
		}
		// a phone that only listened before voting is new at its first dot: the trade-off of
		// creating participants on their first write (docs/operations.md)
		expect(
			(await request<Ack>(listener.socket, 'vote:cast', { id: randomUUID(), themeId })).error?.code
		).toBe('rate_limited');
		expect(await server.database.count('votes')).toBe(4 + 3);
	});

	it('finding 9: a phone that only looks stores no participant; its first write does', async () => {
		server = await startServer();
		const workshop = await createWorkshop(server.url);
		for (let i = 0; i < 20; i++) await open({ code: workshop.code });
		for (let i = 0; i < 5; i++) {
			expect((await fetch(`${server.url}/${workshop.code}`)).status).toBe(200);
		}
		expect(await server.database.count('participants')).toBe(0);

		const phone = await open({ code: workshop.code });
		const id = randomUUID();
		expect((await request<Ack>(phone.socket, 'input:submit', { id, text: 'Lange møter' })).ok).toBe(
			true
		);
		expect(await server.database.count('participants')).toBe(1);
		// a bad payload makes no participant either
		const other = await open({ code: workshop.code });
		expect((await request<Ack>(other.socket, 'input:submit', { id, text: '' })).ok).toBe(false);
		expect(await server.database.count('participants')).toBe(1);
		// the same phone, reconnected, is the same participant
		const again = await open({ code: workshop.code, participantId: phone.session.participantId });
		expect(again.session.inputs.map((i) => i.id)).toEqual([id]);
	});

	it('finding 2: new participants per address are limited', async () => {
		server = await startServer({ env: { RATE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE: '5' } });
		const workshop = await createWorkshop(server.url);
		const acks: Ack[] = [];
		for (let i = 0; i < 8; i++) {
			const phone = await open({ code: workshop.code });
			acks.push(
				await request<Ack>(phone.socket, 'input:submit', {
					id: randomUUID(),
					text: `Innspill ${i}`
				})
			);
		}
		expect(acks.filter((a) => a.ok)).toHaveLength(5);
		expect(acks.at(-1)?.error?.code).toBe('rate_limited');
		expect(await server.database.count('participants')).toBe(5);
	});

	it('finding 9: join-code probing is refused after a few misses, from that address only', async () => {
		server = await startServer();
		const workshop = await createWorkshop(server.url);
		const statuses: number[] = [];
		for (let i = 0; i < 25; i++) {
			statuses.push((await fetch(`${server.url}/AAAA${'ACDEFGHJKMNPQRTUVWXY34679'[i]}C`)).status);
		}
		expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
		expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
		// while refused, even a real code is not confirmed, over the socket as well
		expect((await fetch(`${server.url}/${workshop.code}`)).status).toBe(429);
		expect(await connectRefused(server.url, { code: 'AAAAAA' })).toMatchObject({
			code: 'rate_limited'
		});
		// the join form says so in words
		const form = await fetch(`${server.url}/?/join`, {
			method: 'POST',
			headers: {
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				origin: server.url
			},
			body: new URLSearchParams({ code: workshop.code })
		});
		expect(form.status).toBe(429);
		expect(await form.text()).toMatch(/Ta det litt med ro|Slow down a little/);
	});

	it('finding 3: workshops created per address are limited', async () => {
		server = await startServer();
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++) {
			const res = await fetch(`${server.url}/api/workshops`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ title: `W${i}`, language: 'nb' })
			});
			statuses.push(res.status);
		}
		expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
		expect(statuses.slice(10)).toEqual([429, 429]);
		expect(await server.database.count('workshops')).toBe(10);
	});

	it('finding 4: a flooding socket is disconnected and the others are not held up', async () => {
		server = await startServer();
		const workshop = await createWorkshop(server.url);
		const flooder = await open({ code: workshop.code });
		const other = await open({ code: workshop.code });
		const dropped = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
		const emit = (flooder.socket.emit as (e: string, ...a: unknown[]) => void).bind(flooder.socket);
		let answered = 0;
		for (let i = 0; i < 20_000 && flooder.socket.connected; i++) {
			emit(i % 2 ? 'admin:drop' : 'input:delete', { id: randomUUID() }, () => answered++);
			if (i % 500 === 0) await new Promise((r) => setImmediate(r));
		}
		expect(await dropped).toBe('io server disconnect');
		expect(answered).toBeLessThan(1000);
		const ack = await request<Ack>(other.socket, 'input:submit', {
			id: randomUUID(),
			text: 'Fortsatt her'
		});
		expect(ack.ok).toBe(true);
		expect(server.output()).toContain('socket disconnected for flooding');
	});
});

describe('a damaged theme state (finding 10)', () => {
	let database: TestDatabase | undefined;
	afterAll(async () => {
		await server?.stop();
		server = undefined;
		await database?.drop();
	});

	it('rebuilds on start: projector, exports and staff sockets keep working, ids kept', async () => {
		database = await createTestDatabase();
		server = await startServer({ database });
		const workshop = await createWorkshop(server.url);
		const facilitator = await open({ code: workshop.code, token: workshop.facilitatorToken });
		const ready = themesSettled(facilitator.socket, 3, 1);
		const phone = await open({ code: workshop.code });
		for (const text of THREE_TOPICS) {
			await request(phone.socket, 'input:submit', { id: randomUUID(), text });
		}
		const themes = await ready;
		const renamed = await request<{ ok: boolean }>(facilitator.socket, 'theme:act', {
			type: 'rename',
			themeId: themes.themes[0].id,
			label: 'Prosjektledelse'
		});
		expect(renamed.ok).toBe(true);
		for (const socket of sockets.splice(0)) socket.close();
		await server.stop();
		await database.query(sql`update theme_states set state = ${'{"version":1,"themes":'}`);

		server = await startServer({ database });
		const base = server.url;
		const projector = await fetch(
			`${base}/${workshop.code}/projector?key=${workshop.projectorToken}`,
			{ redirect: 'manual' }
		);
		const cookie = projector.headers.get('set-cookie')!.split(';')[0];
		const page = await fetch(`${base}/${workshop.code}/projector`, { headers: { cookie } });
		expect(page.status).toBe(200);
		const exported = await fetch(`${base}/api/workshops/${workshop.code}/export.md`, {
			headers: { authorization: `Bearer ${workshop.facilitatorToken}` }
		});
		expect(exported.status).toBe(200);
		expect(await exported.text()).toContain('Prosjektledelse');
		const again = await open({ code: workshop.code, token: workshop.facilitatorToken });
		const theme = again.session.themes!.themes.find((t) => t.id === themes.themes[0].id);
		expect(theme?.label).toBe('Prosjektledelse');
		expect(server.output()).toContain('theme state damaged; rebuilt');
		for (const socket of sockets.splice(0)) socket.close();
		await server.stop();
		server = undefined;
	});
});

describe('the projector link (finding 8: a read-only projector token)', () => {
	let workshop: CreatedWorkshop;
	let hiddenText: string;
	let participantId: string;

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, { title: 'Skjerm', language: 'nb' });
		const facilitator = await open({ code: workshop.code, token: workshop.facilitatorToken });
		const phone = await open({ code: workshop.code });
		participantId = phone.session.participantId!;
		const ready = themesSettled(facilitator.socket, 3, 1);
		const hidden = randomUUID();
		hiddenText = 'Kaffen i kantina smaker som motorolje';
		await request(phone.socket, 'input:submit', { id: hidden, text: hiddenText });
		for (const text of THREE_TOPICS) {
			await request(phone.socket, 'input:submit', { id: randomUUID(), text });
		}
		await ready;
		const ack = await request<Ack>(facilitator.socket, 'theme:act', {
			type: 'hide',
			inputId: hidden,
			hidden: true
		});
		expect(ack.ok).toBe(true);
	});
	afterAll(async () => {
		for (const socket of sockets.splice(0)) socket.close();
		await server?.stop();
		server = undefined;
	});

	it('opens the projector and nothing else, and what it loads holds no secrets', async () => {
		const base = server!.url;
		expect(workshop.urls.projector).toContain(`key=${workshop.projectorToken}`);
		expect(workshop.projectorToken).not.toBe(workshop.facilitatorToken);
		const opened = await fetch(
			`${base}/${workshop.code}/projector?key=${workshop.projectorToken}`,
			{
				redirect: 'manual'
			}
		);
		expect(opened.status).toBe(303);
		const cookie = opened.headers.get('set-cookie')!.split(';')[0];
		expect(cookie).toMatch(new RegExp(`^innspill_projector_${workshop.code}=`));
		const page = await fetch(`${base}/${workshop.code}/projector`, { headers: { cookie } });
		const data = await fetch(`${base}/${workshop.code}/projector/__data.json`, {
			headers: { cookie }
		});
		expect(page.status).toBe(200);
		expect(data.status).toBe(200);
		for (const body of [await page.text(), await data.text()]) {
			expect(body).toContain('Prosjektene mangler en tydelig prosjektleder');
			expect(body).not.toContain(hiddenText);
			expect(body).not.toContain(participantId);
			expect(body).not.toContain(workshop.facilitatorToken);
			expect(body).not.toContain(workshop.boardToken);
			expect(body).not.toContain('/facilitator');
			expect(body).not.toContain('/board');
		}
		// the projector key opens no other page and no export
		for (const path of ['facilitator', 'board']) {
			const res = await fetch(`${base}/${workshop.code}/${path}?key=${workshop.projectorToken}`, {
				redirect: 'manual'
			});
			expect(res.status, path).toBe(403);
		}
		const exported = await fetch(`${base}/api/workshops/${workshop.code}/export.json`, {
			headers: { authorization: `Bearer ${workshop.projectorToken}` }
		});
		expect(exported.status).toBe(403);
	});

	it('its socket watches and can change nothing; hidden inputs and authors never reach it', async () => {
		const projector = await open({
			code: workshop.code,
			token: workshop.projectorToken,
			role: 'projector'
		});
		expect(projector.session.role).toBe('projector');
		expect(JSON.stringify(projector.session)).not.toContain(hiddenText);
		expect(JSON.stringify(projector.session)).not.toContain(participantId);
		expect(projector.session.board).toBeUndefined();
		for (const [event, payload] of [
			['theme:act', { type: 'granularity', value: 0.5 }],
			['workshop:set-phase', { phase: 'closed' }],
			['voting:configure', { dots: 9 }],
			['board:mandate', { purpose: 'x' }],
			['input:submit', { id: randomUUID(), text: 'x' }],
			['input:explain', { inputId: randomUUID() }]
		] as const) {
			const ack = await request<Ack>(projector.socket, event, payload);
			expect(ack, event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		}
		// a new input reaches it without its author
		const phone = await open({ code: workshop.code });
		const arrived = nextEvent(projector.socket, 'input:created');
		await request(phone.socket, 'input:submit', { id: randomUUID(), text: 'Ny maskin står' });
		const input = await arrived;
		expect(input.text).toBe('Ny maskin står');
		expect(input).not.toHaveProperty('participantId');
	});

	it('the facilitator’s browser opening the projector is moved onto the projector token', async () => {
		const base = server!.url;
		const signIn = await fetch(
			`${base}/${workshop.code}/facilitator?key=${workshop.facilitatorToken}`,
			{ redirect: 'manual' }
		);
		const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
		const page = await fetch(`${base}/${workshop.code}/projector`, { headers: { cookie } });
		expect(page.status).toBe(200);
		expect(page.headers.get('set-cookie')).toContain(`innspill_projector_${workshop.code}=`);
		const html = await page.text();
		expect(html).not.toContain(workshop.facilitatorToken);
		expect(html).not.toContain(hiddenText);
		// the control room hands out the projector link, not its own key
		const control = await (
			await fetch(`${base}/${workshop.code}/facilitator`, { headers: { cookie } })
		).text();
		expect(control).toContain(`projector?key=${workshop.projectorToken}`);
		expect(control).not.toContain(`projector?key=${workshop.facilitatorToken}`);
	});
});
