import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	collect,
	connect,
	connectRefused,
	createWorkshop,
	exportWorkshop,
	nextEvent,
	request,
	type CreatedWorkshop
} from '../helpers/clients';
import { createTestDatabase } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';
import type { InputView } from '../../src/lib/shared/types';

type Ack = { ok: boolean; input?: { id: string; text: string }; error?: { code: string } };

describe('the live input loop against the production server', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, { title: 'Kickoff', language: 'nb' });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('delivers a participant input to the facilitator, committed before the acknowledgement', async () => {
		const facilitator = await connect(server.url, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		expect(facilitator.session.role).toBe('facilitator');
		const phone = await connect(server.url, { code: workshop.code });
		expect(phone.session.role).toBe('participant');
		expect(phone.session.participantId).toMatch(/^[0-9a-f-]{36}$/);

		const arrived = nextEvent(facilitator.socket, 'input:created');
		const id = randomUUID();
		const ack = await request<Ack>(phone.socket, 'input:submit', {
			id,
			text: '  For mange møter uten beslutninger  '
		});
		// Read the database through a separate connection the moment the acknowledgement arrives.
		const [row] = await server.database.query(
			sql`select text, participant_id from inputs where id = ${id}`
		);

		expect(ack.ok).toBe(true);
		expect(ack.input?.text).toBe('For mange møter uten beslutninger');
		expect(row).toEqual({
			text: 'For mange møter uten beslutninger',
			participant_id: phone.session.participantId
		});
		const live = await arrived;
		expect(live.id).toBe(id);
		expect((live as InputView).participantId).toBe(phone.session.participantId);
		facilitator.socket.close();
		phone.socket.close();
	});

	it('treats a resubmitted id as the same input: one row, one broadcast', async () => {
		const facilitator = await connect(server.url, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		const phone = await connect(server.url, { code: workshop.code });
		const created = collect(facilitator.socket, 'input:created');
		const id = randomUUID();
		const first = await request<Ack>(phone.socket, 'input:submit', {
			id,
			text: 'Manuell dobbeltregistrering'
		});
		const again = await request<Ack>(phone.socket, 'input:submit', {
			id,
			text: 'Manuell dobbeltregistrering'
		});
		const changed = await request<Ack>(phone.socket, 'input:submit', {
			id,
			text: 'something else'
		});
		expect(first.ok && again.ok && changed.ok).toBe(true);
		expect(changed.input?.text).toBe('Manuell dobbeltregistrering');
		await new Promise((r) => setTimeout(r, 200));
		expect(created.filter((i) => i.id === id)).toHaveLength(1);
		const data = await exportWorkshop(server.url, workshop.code, workshop.boardToken);
		expect(data.inputs.filter((i) => i.id === id)).toHaveLength(1);

		// The same id from another participant is a conflict, not a takeover.
		const other = await connect(server.url, { code: workshop.code });
		const stolen = await request<Ack>(other.socket, 'input:submit', { id, text: 'mine now' });
		expect(stolen).toMatchObject({ ok: false, error: { code: 'id_conflict' } });
		for (const s of [facilitator.socket, phone.socket, other.socket]) s.close();
	});

	it('refuses bad payloads with a code, stores nothing and keeps serving others', async () => {
		const phone = await connect(server.url, { code: workshop.code });
		const before = (await exportWorkshop(server.url, workshop.code, workshop.facilitatorToken))
			.inputs.length;
		const cases: [unknown, string][] = [
			[{ id: randomUUID(), text: '' }, 'text_empty'],
			[{ id: randomUUID(), text: '   \n\t ' }, 'text_empty'],
			[{ id: randomUUID(), text: 'x'.repeat(281) }, 'text_too_long'],
			[{ id: randomUUID(), text: 42 }, 'text_not_string'],
			[{ id: randomUUID(), text: ['a'] }, 'text_not_string'],
			[{ id: 'not-a-uuid', text: 'hei' }, 'invalid_id'],
			[{ id: 7, text: 'hei' }, 'invalid_id'],
			[{ text: 'hei' }, 'invalid_id'],
			['just a string', 'invalid_payload'],
			[null, 'invalid_payload'],
			[[1, 2, 3], 'invalid_payload']
		];
		for (const [payload, code] of cases) {
			const ack = await request<Ack>(phone.socket, 'input:submit', payload);
			expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code } });
		}
		const exactly280 = await request<Ack>(phone.socket, 'input:submit', {
			id: randomUUID(),
			text: 'æ'.repeat(280)
		});
		expect(exactly280.ok).toBe(true);

		const unknown = await request<Ack>(phone.socket, 'workshop:explode', { x: 1 });
		expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_event' } });

		const after = (await exportWorkshop(server.url, workshop.code, workshop.facilitatorToken))
			.inputs.length;
		expect(after).toBe(before + 1);

		const other = await connect(server.url, { code: workshop.code });
		const fine = await request<Ack>(other.socket, 'input:submit', {
			id: randomUUID(),
			text: 'Still working'
		});
		expect(fine.ok).toBe(true);
		phone.socket.close();
		other.socket.close();
	});

	it('refuses unknown codes and wrong tokens at the door', async () => {
		expect(await connectRefused(server.url, { code: 'QQQQQQ' })).toMatchObject({
			code: 'unknown_workshop'
		});
		expect(await connectRefused(server.url, { code: 'not a code' })).toMatchObject({
			code: 'unknown_workshop'
		});
		expect(await connectRefused(server.url, {})).toMatchObject({ code: 'unknown_workshop' });
		expect(await connectRefused(server.url, { code: workshop.code, token: 'guess' })).toMatchObject(
			{ code: 'forbidden' }
		);
		expect(await connectRefused(server.url, { code: workshop.code, token: 12 })).toMatchObject({
			code: 'unauthorized'
		});
	});

	it('never lets a participant act as facilitator', async () => {
		const phone = await connect(server.url, { code: workshop.code });
		const ack = await request<Ack>(phone.socket, 'workshop:set-phase', { phase: 'closed' });
		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		const data = (await (
			await fetch(`${server.url}/api/workshops/${workshop.code}/export.json`, {
				headers: { authorization: `Bearer ${workshop.facilitatorToken}` }
			})
		).json()) as { workshop: { phase: string } };
		expect(data.workshop.phase).toBe('collecting');
		// A participant id is not a token either.
		expect(
			await connectRefused(server.url, { code: workshop.code, token: phone.session.participantId })
		).toMatchObject({ code: 'forbidden' });
		phone.socket.close();
	});

	it('lets participants edit and delete only their own inputs', async () => {
		const alice = await connect(server.url, { code: workshop.code });
		const bob = await connect(server.url, { code: workshop.code });
		const id = randomUUID();
		await request<Ack>(alice.socket, 'input:submit', { id, text: 'Treg fakturering' });
		expect(await request<Ack>(bob.socket, 'input:edit', { id, text: 'hacked' })).toMatchObject({
			ok: false,
			error: { code: 'forbidden' }
		});
		expect(await request<Ack>(bob.socket, 'input:delete', { id })).toMatchObject({
			ok: false,
			error: { code: 'forbidden' }
		});
		const edited = await request<Ack>(alice.socket, 'input:edit', {
			id,
			text: 'Treg fakturering og purring'
		});
		expect(edited).toMatchObject({ ok: true, input: { text: 'Treg fakturering og purring' } });
		expect(await request<Ack>(alice.socket, 'input:delete', { id })).toMatchObject({
			ok: true,
			id
		});
		// The tombstone stops an outbox resend from bringing it back into the workshop.
		await request<Ack>(alice.socket, 'input:submit', { id, text: 'Treg fakturering' });
		const data = await exportWorkshop(server.url, workshop.code, workshop.facilitatorToken);
		expect(data.inputs.some((i) => i.id === id)).toBe(false);
		alice.socket.close();
		bob.socket.close();
	});

	it('closing input tells the phones and refuses new inputs', async () => {
		const other = await createWorkshop(server.url, { title: 'Closing', language: 'en' });
		const facilitator = await connect(server.url, {
			code: other.code,
			token: other.facilitatorToken
		});
		const phone = await connect(server.url, { code: other.code });
		const told = nextEvent(phone.socket, 'workshop:updated');
		const closed = await request<Ack & { workshop?: { phase: string } }>(
			facilitator.socket,
			'workshop:set-phase',
			{
				phase: 'grouping'
			}
		);
		expect(closed).toMatchObject({ ok: true, workshop: { phase: 'grouping' } });
		expect((await told).phase).toBe('grouping');
		const refused = await request<Ack>(phone.socket, 'input:submit', {
			id: randomUUID(),
			text: 'Too late'
		});
		expect(refused).toMatchObject({ ok: false, error: { code: 'input_closed' } });
		expect(
			await request<Ack>(facilitator.socket, 'workshop:set-phase', { phase: 'party' })
		).toMatchObject({
			ok: false,
			error: { code: 'invalid_payload' }
		});
		facilitator.socket.close();
		phone.socket.close();
	});

	it('counts participants online for the facilitator', async () => {
		const other = await createWorkshop(server.url, { title: 'Presence', language: 'en' });
		const facilitator = await connect(server.url, {
			code: other.code,
			token: other.facilitatorToken
		});
		expect(facilitator.session.participantsOnline).toBe(0);
		const counted = nextEvent(facilitator.socket, 'presence:updated');
		const phone = await connect(server.url, { code: other.code });
		expect((await counted).participantsOnline).toBe(1);
		const left = nextEvent(facilitator.socket, 'presence:updated');
		phone.socket.close();
		expect((await left).participantsOnline).toBe(0);
		facilitator.socket.close();
	});

	it('accepts a plain form post from a phone without JavaScript, idempotently', async () => {
		const id = randomUUID();
		const post = () =>
			fetch(`${server.url}/${workshop.code}?/submit`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: server.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ id, text: 'Posted without JavaScript' })
			});
		const first = await post();
		expect(first.status).toBe(303);
		expect(first.headers.get('location')).toBe(`/${workshop.code}?sent`);
		expect(first.headers.get('set-cookie')).toMatch(/innspill_pid_/);
		await post();
		const data = await exportWorkshop(server.url, workshop.code, workshop.facilitatorToken);
		expect(data.inputs.filter((i) => i.id === id)).toHaveLength(1);

		const bad = await fetch(`${server.url}/${workshop.code}?/submit`, {
			method: 'POST',
			headers: {
				origin: server.url,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams({ id: randomUUID(), text: '   ' })
		});
		expect(bad.status).toBe(400);
	});

	it('answers the export with 401, 403 and 404 as documented', async () => {
		const url = `${server.url}/api/workshops/${workshop.code}/export.json`;
		expect((await fetch(url)).status).toBe(401);
		expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
		const missing = await fetch(`${server.url}/api/workshops/QQQQQQ/export.json`, {
			headers: { authorization: `Bearer ${workshop.facilitatorToken}` }
		});
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ error: { code: 'unknown_workshop' } });
		const bad = await fetch(`${server.url}/api/workshops`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'x', language: 'de' })
		});
		expect(bad.status).toBe(400);
	});
});

describe('restarts', () => {
	it('shuts down cleanly on SIGTERM: exit 0, the input kept (SQLite: write-ahead log folded in)', async () => {
		const server = await startServer();
		const workshop = await createWorkshop(server.url, { title: 'Shutdown', language: 'en' });
		const phone = await connect(server.url, { code: workshop.code });
		const id = randomUUID();
		expect(
			(await request<Ack>(phone.socket, 'input:submit', { id, text: 'Kept over a shutdown' })).ok
		).toBe(true);
		const closed = new Promise<void>((resolve) => phone.socket.once('disconnect', () => resolve()));
		const exited = new Promise<number | null>((resolve) =>
			server.process.once('exit', (code) => resolve(code))
		);
		server.process.kill('SIGTERM');
		expect(await exited).toBe(0);
		await closed; // the server closed the socket rather than leaving it to time out
		if (server.database.path !== null) {
			const { statSync, existsSync } = await import('node:fs');
			const wal = `${server.database.path}-wal`;
			expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
		}
		expect(await server.database.query(sql`select text from inputs where id = ${id}`)).toEqual([
			{ text: 'Kept over a shutdown' }
		]);
		expect(server.output()).toMatch(/SIGTERM/);
		await server.stop();
	});

	it('keeps every acknowledged input when the server is killed and started again', async () => {
		const database = await createTestDatabase();
		const first = await startServer({ database });
		const workshop = await createWorkshop(first.url, { title: 'Restart', language: 'nb' });
		const phone = await connect(first.url, { code: workshop.code });
		const acked: string[] = [];
		for (let i = 0; i < 20; i++) {
			const id = randomUUID();
			const ack = await request<Ack>(phone.socket, 'input:submit', {
				id,
				text: `Innspill nummer ${i}`
			});
			if (ack.ok) acked.push(id);
		}
		phone.socket.close();
		await first.kill();

		const second = await startServer({ database });
		try {
			const data = await exportWorkshop(second.url, workshop.code, workshop.facilitatorToken);
			expect(acked).toHaveLength(20);
			expect(data.inputs.map((i) => i.id).sort()).toEqual([...acked].sort());
			// The phone comes back with its id and sees its own inputs.
			const back = await connect(second.url, {
				code: workshop.code,
				participantId: data.inputs[0].participantId
			});
			expect(back.session.participantId).toBe(data.inputs[0].participantId);
			expect(back.session.inputs).toHaveLength(20);
			back.socket.close();
		} finally {
			await second.stop();
			await database.drop();
		}
	});
});
