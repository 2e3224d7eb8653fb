import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThemesSnapshot } from '../../src/lib/shared/types';
import { connect, createWorkshop, request, type TestSocket } from '../helpers/clients';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';

const PROJECT = [
	'Dårlig prosjektledelse og uklare prosjektmål',
	'Prosjektene mangler en tydelig prosjektleder',
	'Project management is weak, projects run late',
	'Prosjektstyring tar for mye tid'
];
const DIGITAL = [
	'Lite digitalisering av papirskjemaer i produksjonen',
	'Vi trenger digitale verktøy i stedet for papir',
	'Digitalisering av ordremottak går tregt',
	'Digitalization of paper forms is slow'
];

/** Resolves with the first theme snapshot that satisfies the check. */
function snapshotWhere(
	socket: TestSocket,
	check: (s: ThemesSnapshot) => boolean,
	timeoutMs = 15_000
) {
	return new Promise<ThemesSnapshot>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no matching theme snapshot')), timeoutMs);
		const listener = (snapshot: ThemesSnapshot) => {
			if (!check(snapshot)) return;
			clearTimeout(timer);
			socket.off('themes:updated', listener);
			resolve(snapshot);
		};
		socket.on('themes:updated', listener);
	});
}

const themeOf = (s: ThemesSnapshot, id: string) =>
	s.themes.find((t) => t.inputIds.includes(id))?.id;

describe('submit → persist → cluster → broadcast', () => {
	let database: TestDatabase;
	let server: RunningServer;
	beforeAll(async () => {
		database = await createTestDatabase();
		server = await startServer({ database });
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('groups related inputs into labelled themes on the facilitator screen, and keeps them over a restart', async () => {
		const workshop = await createWorkshop(server.url, { title: 'Themes', language: 'nb' });
		const facilitator = await connect(server.url, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		expect(facilitator.session.themes).toMatchObject({ themes: [], unsorted: [] });
		const phone = await connect(server.url, { code: workshop.code });

		const project = PROJECT.map(() => randomUUID());
		const digital = DIGITAL.map(() => randomUUID());
		const grouped = snapshotWhere(facilitator.socket, (s) => {
			const p = themeOf(s, project[0]);
			const d = themeOf(s, digital[0]);
			return (
				p !== undefined &&
				d !== undefined &&
				p !== d &&
				project.every((id) => themeOf(s, id) === p) &&
				digital.every((id) => themeOf(s, id) === d)
			);
		});
		let updates = 0;
		facilitator.socket.on('themes:updated', () => updates++);
		for (let i = 0; i < 4; i++) {
			for (const [ids, texts] of [
				[project, PROJECT],
				[digital, DIGITAL]
			] as const) {
				const ack = await request<{ ok: boolean }>(phone.socket, 'input:submit', {
					id: ids[i],
					text: texts[i]
				});
				expect(ack.ok).toBe(true);
			}
		}
		const snapshot = await grouped;
		const projectTheme = snapshot.themes.find((t) => t.id === themeOf(snapshot, project[0]))!;
		const digitalTheme = snapshot.themes.find((t) => t.id === themeOf(snapshot, digital[0]))!;
		expect(projectTheme.label.toLowerCase()).toMatch(/prosjekt/);
		expect(digitalTheme.label.toLowerCase()).toMatch(/digital/);
		expect(projectTheme.keywords.length).toBeGreaterThan(0);
		// Eight quick submissions are coalesced into fewer broadcasts than inputs.
		expect(updates).toBeLessThan(8);

		facilitator.socket.close();
		phone.socket.close();
		await new Promise((r) => setTimeout(r, 300));
		await server.stop();
		server = await startServer({ database });
		const again = await connect(server.url, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		const restored = again.session.themes!;
		expect(themeOf(restored, project[0])).toBe(projectTheme.id);
		expect(themeOf(restored, digital[0])).toBe(digitalTheme.id);
		again.socket.close();
	});

	it('leaves a lone unrelated input unsorted rather than opening a theme of one', async () => {
		const workshop = await createWorkshop(server.url, { title: 'Lone', language: 'en' });
		const facilitator = await connect(server.url, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		const phone = await connect(server.url, { code: workshop.code });
		const id = randomUUID();
		const seen = snapshotWhere(
			facilitator.socket,
			(s) => s.unsorted.includes(id) || themeOf(s, id) !== undefined
		);
		await request(phone.socket, 'input:submit', { id, text: 'Canteen coffee is terrible' });
		const snapshot = await seen;
		expect(snapshot.unsorted).toContain(id);
		expect(snapshot.themes).toHaveLength(0);
		facilitator.socket.close();
		phone.socket.close();
	});
});
