import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardState } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { startServer, type RunningServer } from '../helpers/server';

type BoardAck = { ok: boolean; error?: { code: string }; board?: BoardState };

describe('two board members in one field', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let alice: TestSocket;
	let bob: TestSocket;

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, { title: 'Styret', language: 'nb' });
		alice = (await connect(server.url, { code: workshop.code, token: workshop.boardToken })).socket;
		bob = (await connect(server.url, { code: workshop.code, token: workshop.boardToken })).socket;
	});
	afterAll(async () => {
		alice?.close();
		bob?.close();
		await server?.stop();
	});

	it('the second save over a field changed meanwhile is refused, not silently lost', async () => {
		// both start from the empty purpose
		const first = await request<BoardAck>(alice, 'board:mandate', {
			purpose: 'Effektiv produksjon i regionen',
			base: { purpose: '' },
			editor: 'Alice'
		});
		expect(first.ok).toBe(true);
		const second = await request<BoardAck>(bob, 'board:mandate', {
			purpose: 'Mindre sløsing',
			base: { purpose: '' },
			editor: 'Bob'
		});
		expect(second).toMatchObject({ ok: false, error: { code: 'edit_conflict' } });
		// Bob keeps his, knowing what he replaces
		const kept = await request<BoardAck>(bob, 'board:mandate', {
			purpose: 'Mindre sløsing',
			base: { purpose: 'Effektiv produksjon i regionen' },
			editor: 'Bob'
		});
		expect(kept.board?.mandate.purpose).toBe('Mindre sløsing');
		// other fields are not held up by it
		const scope = await request<BoardAck>(alice, 'board:mandate', {
			scope: 'Bedrifter i klyngen',
			base: { scope: '' }
		});
		expect(scope.ok).toBe(true);
	});

	it('the same holds for a focus area and an activity', async () => {
		const id = randomUUID();
		await request(alice, 'board:focus-save', { id, title: 'Planlegging' });
		await request(alice, 'board:focus-save', {
			id,
			description: 'Alices tekst',
			base: { description: '' }
		});
		const clash = await request<BoardAck>(bob, 'board:focus-save', {
			id,
			description: 'Bobs tekst',
			base: { description: '' }
		});
		expect(clash.error?.code).toBe('edit_conflict');
		const activity = randomUUID();
		await request(alice, 'board:activity-save', { id: activity, title: 'Frokostmøte' });
		await request(alice, 'board:activity-save', {
			id: activity,
			host: 'Verksted AS',
			base: { host: '' }
		});
		const late = await request<BoardAck>(bob, 'board:activity-save', {
			id: activity,
			host: 'Mek AS',
			base: { host: '' }
		});
		expect(late.error?.code).toBe('edit_conflict');
		// a save without a base (a script, the API) still simply saves
		const plain = await request<BoardAck>(bob, 'board:activity-save', {
			id: activity,
			host: 'Mek AS'
		});
		expect(plain.ok).toBe(true);
	});
});
