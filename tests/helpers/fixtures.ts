import type { ThemesSnapshot } from '../../src/lib/shared/types';
import { randomUUID } from 'node:crypto';
import { connect, createWorkshop, nextEvent, request, type TestSocket } from './clients';

/** Nine inputs on three clear topics (project management, digitalisation, meetings), nb and en. */
export const THREE_TOPICS = [
	'Dårlig prosjektledelse og uklare prosjektmål',
	'Prosjektene mangler en tydelig prosjektleder',
	'Project management is weak and projects run late',
	'Lite digitalisering av papirskjemaer',
	'Digitalisering av ordremottak går tregt',
	'Digitalization of paper forms is slow',
	'For mange møter uten beslutninger',
	'Too many meetings without decisions',
	'Møtene er lange og uten agenda'
];

/**
 * Resolves with the first theme snapshot that has at least `themes` themes and few unsorted, and
 * has placed every input in `placed` (in a theme or unsorted): a snapshot taken while inputs are
 * still arriving may already hold three themes, each missing a member that joins it later.
 */
export async function themesSettled(
	socket: TestSocket,
	themes = 3,
	maxUnsorted = 0,
	placed: string[] = []
): Promise<ThemesSnapshot> {
	for (;;) {
		const snapshot = await nextEvent(socket, 'themes:updated', 15_000);
		const seen = new Set([...snapshot.themes.flatMap((t) => t.inputIds), ...snapshot.unsorted]);
		if (
			snapshot.themes.length >= themes &&
			snapshot.unsorted.length <= maxUnsorted &&
			placed.every((id) => seen.has(id))
		)
			return snapshot;
	}
}

/**
 * A workshop with THREE_TOPICS sent from one phone and grouped: the control room's socket, the
 * phone's, and the themes once settled. Browser tests start from here.
 */
export async function groupedWorkshop(url: string, title = 'Kompetansegruppa') {
	const created = await createWorkshop(url, { title, language: 'nb' });
	const facilitator = await connect(url, { code: created.code, token: created.facilitatorToken });
	const seed = await connect(url, { code: created.code });
	const grouped = themesSettled(facilitator.socket, 3);
	for (const text of THREE_TOPICS) {
		await request(seed.socket, 'input:submit', { id: randomUUID(), text });
	}
	return { created, facilitator, seed, themes: await grouped };
}
