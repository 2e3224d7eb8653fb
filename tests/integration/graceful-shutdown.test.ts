import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, request, type TestSocket } from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

const PHONES = 4;
const INPUTS_PER_PHONE = 5;

describe('graceful shutdown', () => {
	const sockets: TestSocket[] = [];
	let server: RunningServer | undefined;

	afterAll(async () => {
		for (const socket of sockets) socket.close();
		await server?.stop();
	});

	it('commits the inputs still waiting for their batch before the database closes', async () => {
		// Inputs right after a commit wait far longer than this test runs for company: once the
		// opening input is committed, only the shutdown path can commit the rest.
		server = await startServer({
			env: { WRITE_BATCH_WAIT_MS: '600000', WRITE_BATCH_MAX: '1000' }
		});
		const workshop = await createWorkshop(server.url, { title: 'Shutdown', language: 'nb' });
		const phones = await Promise.all(
			Array.from({ length: PHONES }, () => connect(server!.url, { code: workshop.code }))
		);
		sockets.push(...phones.map((p) => p.socket));

		const opening = await request<{ ok: boolean }>(phones[0].socket, 'input:submit', {
			id: randomUUID(),
			text: 'Første innspill'
		});
		expect(opening.ok).toBe(true);

		const sent: string[] = [];
		let acknowledged = 0;
		for (const [i, { socket }] of phones.entries()) {
			for (let n = 0; n < INPUTS_PER_PHONE; n++) {
				const id = randomUUID();
				sent.push(id);
				socket.emit('input:submit', { id, text: `Flaskehals ${n} fra telefon ${i}` }, () => {
					acknowledged++;
				});
			}
		}
		// A socket's events reach their handlers in order, so once this answer is back, every
		// submission before it on the same socket is waiting in the server's batch.
		for (const { socket } of phones) {
			const probe = await request<{ ok: boolean; error?: { code: string } }>(
				socket,
				'shutdown:probe'
			);
			expect(probe.error?.code).toBe('unknown_event');
		}
		expect(acknowledged).toBe(0);

		await server.stop(); // SIGTERM
		expect(server.process.exitCode).toBe(0);

		const stored = (await server.database.query(sql<{ id: string }>`select id from inputs`)).map(
			(r) => r.id
		);
		const participants = await server.database.count('participants');
		expect(stored).toHaveLength(sent.length + 1);
		expect(stored).toEqual(expect.arrayContaining(sent));
		expect(Number(participants)).toBe(PHONES);
	}, 60_000);
});
