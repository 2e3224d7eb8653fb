import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThemesSnapshot, VoteTotals } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

type Ack = { ok: boolean; error?: { code: string }; themes?: ThemesSnapshot };
type VoteAck = { ok: boolean; votes?: { byTheme: Record<string, number>; left: number } };

describe('dots stay with their themes', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let facilitator: TestSocket;
	let themes: ThemesSnapshot;

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, { title: 'Prikker', language: 'nb' });
		facilitator = (
			await connect(server.url, { code: workshop.code, token: workshop.facilitatorToken })
		).socket;
		const phone = await connect(server.url, { code: workshop.code });
		const ready = themesSettled(facilitator, 3, 0);
		for (const text of THREE_TOPICS) {
			await request(phone.socket, 'input:submit', { id: randomUUID(), text });
		}
		themes = await ready;
		phone.socket.close();
	});
	afterAll(async () => {
		facilitator?.close();
		await server?.stop();
	});

	const totals = async () => {
		const ack = await request<{ ok: boolean }>(facilitator, 'voting:configure', {});
		expect(ack.ok).toBe(true);
		const next = new Promise<VoteTotals>((resolve) => facilitator.once('votes:updated', resolve));
		await request(facilitator, 'voting:configure', { hideResults: false });
		return (await next).totals;
	};

	it('voting freezes the map: every theme keeps its name, and dots follow a merge and its undo', async () => {
		const opened = new Promise<ThemesSnapshot>((resolve) =>
			facilitator.on('themes:updated', (s) => {
				if (s.themes.every((t) => t.labelLocked)) resolve(s);
			})
		);
		await request(facilitator, 'voting:configure', { dots: 3, allowStacking: true });
		await request(facilitator, 'workshop:set-phase', { phase: 'voting' });
		const frozen = await opened;
		expect(frozen.themes.map((t) => t.id).sort()).toEqual(themes.themes.map((t) => t.id).sort());

		const [x, y] = themes.themes.map((t) => t.id);
		const phone = await connect(server.url, { code: workshop.code });
		for (const themeId of [x, x, y]) {
			const ack = await request<VoteAck>(phone.socket, 'vote:cast', { id: randomUUID(), themeId });
			expect(ack.ok).toBe(true);
		}
		expect(await totals()).toMatchObject({ [x]: 2, [y]: 1 });

		// y goes into x: its dot goes along, and is still the phone's
		const merged = await request<Ack>(facilitator, 'theme:act', {
			type: 'merge',
			themeIds: [x, y],
			intoId: x
		});
		expect(merged.ok).toBe(true);
		const after = await totals();
		expect(after[x]).toBe(3);
		expect(after[y]).toBeUndefined();
		const again = await connect(server.url, {
			code: workshop.code,
			participantId: phone.session.participantId
		});
		expect(again.session.myVotes).toEqual({ byTheme: { [x]: 3 }, left: 0 });
		// undo: the dot goes back with its theme
		expect((await request<Ack>(facilitator, 'theme:undo', {})).ok).toBe(true);
		expect(await totals()).toMatchObject({ [x]: 2, [y]: 1 });
		// redo, then take back the latest dot on the merged theme: the one cast on y
		expect((await request<Ack>(facilitator, 'theme:redo', {})).ok).toBe(true);
		const retracted = await request<VoteAck>(again.socket, 'vote:retract', { themeId: x });
		expect(retracted.votes).toEqual({ byTheme: { [x]: 2 }, left: 1 });
		phone.socket.close();
		again.socket.close();
	});

	it('reopening input after voting keeps every voted theme: no dot is orphaned', async () => {
		const before = await totals();
		const voted = Object.keys(before);
		await request(facilitator, 'workshop:set-phase', { phase: 'collecting' });
		const phone = await connect(server.url, { code: workshop.code });
		for (const text of [
			'Vi mangler folk på lageret',
			'Ingen backup når noen er syke',
			'Vanskelig å rekruttere fagarbeidere',
			'Lange møter uten agenda og uten referat'
		]) {
			await request(phone.socket, 'input:submit', { id: randomUUID(), text });
		}
		const refined = await request<Ack>(facilitator, 'theme:act', {
			type: 'granularity',
			value: 0.6
		});
		expect(refined.ok).toBe(true);
		const ids = refined.themes!.themes.map((t) => t.id);
		for (const id of voted) expect(ids).toContain(id);
		const now = await totals();
		expect(Object.values(now).reduce((a, b) => a + b, 0)).toBe(
			Object.values(before).reduce((a, b) => a + b, 0)
		);
		phone.socket.close();
	});
});
