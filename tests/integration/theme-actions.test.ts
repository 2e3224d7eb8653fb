import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThemesSnapshot } from '../../src/lib/shared/types';
import { connect, createWorkshop, nextEvent, request } from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

type ThemesAck = { ok: boolean; themes?: ThemesSnapshot; error?: { code: string } };

describe('theme actions over socket.io', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('lets the facilitator merge and undo, broadcasts both, and refuses participants', async () => {
		const workshop = await createWorkshop(server.url, { title: 'Actions', language: 'nb' });
		const facilitator = await connect(server.url, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		const projector = await connect(server.url, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		const board = await connect(server.url, { code: workshop.code, token: workshop.boardToken });
		const phone = await connect(server.url, { code: workshop.code });
		const ready = themesSettled(projector.socket, 3);
		for (const text of THREE_TOPICS)
			await request(phone.socket, 'input:submit', { id: randomUUID(), text });
		const before = await ready;
		const [a, b] = before.themes.map((t) => t.id);

		for (const [socket, event, payload] of [
			[phone.socket, 'theme:act', { type: 'merge', themeIds: [a, b], intoId: a }],
			[phone.socket, 'theme:undo', {}],
			[phone.socket, 'input:explain', { inputId: before.themes[0].inputIds[0] }],
			[board.socket, 'theme:act', { type: 'merge', themeIds: [a, b], intoId: a }]
		] as const) {
			expect(await request<ThemesAck>(socket, event, payload)).toMatchObject({
				ok: false,
				error: { code: 'forbidden' }
			});
		}

		const broadcast = nextEvent(projector.socket, 'themes:updated');
		const merged = await request<ThemesAck>(facilitator.socket, 'theme:act', {
			type: 'merge',
			themeIds: [a, b],
			intoId: a
		});
		expect(merged.ok).toBe(true);
		expect(merged.themes!.themes.map((t) => t.id)).not.toContain(b);
		expect((await broadcast).themes.map((t) => t.id)).not.toContain(b);

		const undone = await request<ThemesAck>(facilitator.socket, 'theme:undo', {});
		expect(undone.themes!.themes.map((t) => t.id).sort()).toEqual(
			before.themes.map((t) => t.id).sort()
		);
		expect(undone.themes!.history.redo).toBe('merge');

		const bad = await request<ThemesAck>(facilitator.socket, 'theme:act', {
			type: 'merge',
			themeIds: 'all',
			intoId: a
		});
		expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		for (const s of [facilitator, projector, board, phone]) s.socket.close();
	});
});
