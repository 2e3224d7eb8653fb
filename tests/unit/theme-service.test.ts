import SQLite from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { log } from '../../src/lib/server/log';
import { migrateToLatest, openDatabase, type Connection } from '../../src/lib/server/db/connection';
import { DomainEvents } from '../../src/lib/server/workshop/domain-events';
import { DomainError } from '../../src/lib/server/workshop/errors';
import { ThemeService } from '../../src/lib/server/workshop/theme.service';
import { WorkshopService } from '../../src/lib/server/workshop/workshop.service';
import type { ThemesSnapshot } from '../../src/lib/shared/types';

const TEXTS = {
	project: [
		'Dårlig prosjektledelse og uklare prosjektmål',
		'Prosjektene mangler en tydelig prosjektleder',
		'Prosjektstyring tar for mye tid',
		'Project management is weak and projects run late'
	],
	digital: [
		'Lite digitalisering av papirskjemaer',
		'Digitalisering av ordremottak går tregt',
		'Vi trenger digitale verktøy i stedet for papir',
		'Digitalization of paper forms is slow'
	],
	meetings: [
		'For mange møter uten beslutninger',
		'Møtene er lange og uten agenda',
		'Too many meetings without decisions',
		'Møtekultur: møter uten referat'
	]
};

let connection: Connection;
/** A second, synchronous connection to the same file: what another reader sees at that moment. */
let reader: SQLite.Database;
let events: DomainEvents;
let workshops: WorkshopService;
let themes: ThemeService;
let code: string;
const ids: Record<keyof typeof TEXTS, string[]> = { project: [], digital: [], meetings: [] };

const settle = () => new Promise((r) => setTimeout(r, 20));
const themeOf = (s: ThemesSnapshot, id: string) =>
	s.themes.find((t) => t.inputIds.includes(id))?.id;
const layout = (s: ThemesSnapshot) =>
	JSON.stringify([...s.themes].map((t) => [t.id, [...t.inputIds].sort()]).sort(), null, 0) +
	JSON.stringify([...s.unsorted].sort());

async function refusal(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
	throw new Error('expected a refusal');
}

beforeEach(async () => {
	const path = join(mkdtempSync(join(tmpdir(), 'innspill-themes-')), 'db.sqlite');
	connection = openDatabase({ dialect: 'sqlite', path });
	await migrateToLatest(connection.db);
	reader = new SQLite(path, { readonly: true });
	events = new DomainEvents();
	workshops = new WorkshopService(connection.db, events);
	themes = new ThemeService(connection.db, events, workshops, { persistDelayMs: 10 });
	const created = await workshops.createWorkshop({ title: 'T', language: 'nb' });
	code = created.workshop.code;
	const p = await workshops.joinParticipant(code);
	for (const key of Object.keys(TEXTS) as (keyof typeof TEXTS)[]) {
		ids[key] = [];
		for (const text of TEXTS[key]) {
			const id = randomUUID();
			ids[key].push(id);
			await workshops.submitInput(code, p.id, { id, text });
		}
	}
	await settle();
	await themes.refine(code);
});
afterEach(async () => {
	await themes.close();
	reader.close();
	await connection.close();
});

describe('the live themes of a workshop', () => {
	it('groups the three topics apart', async () => {
		const s = await themes.snapshot(code);
		for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
			const home = themeOf(s, ids[key][0]);
			expect(home, key).toBeDefined();
			for (const id of ids[key]) expect(themeOf(s, id), key).toBe(home);
		}
		expect(
			new Set([ids.project, ids.digital, ids.meetings].map((g) => themeOf(s, g[0]))).size
		).toBe(3);
		expect(s.history).toEqual({ undo: null, redo: null });
	});
});

describe('facilitator actions and their undo', () => {
	const cases: [
		string,
		() => Promise<object>,
		(before: ThemesSnapshot, after: ThemesSnapshot) => void
	][] = [
		[
			'rename locks the label through later refinements',
			async () => ({
				type: 'rename',
				themeId: themeOf(await themes.snapshot(code), ids.project[0]),
				label: 'Prosjektarbeid'
			}),
			(_, after) => {
				const theme = after.themes.find((t) => t.inputIds.includes(ids.project[0]))!;
				expect(theme.label).toBe('Prosjektarbeid');
				expect(theme.labelLocked).toBe(true);
			}
		],
		[
			'merge puts both themes under one id',
			async () => {
				const s = await themes.snapshot(code);
				return {
					type: 'merge',
					themeIds: [themeOf(s, ids.digital[0]), themeOf(s, ids.project[0])],
					intoId: themeOf(s, ids.project[0])
				};
			},
			(before, after) => {
				expect(themeOf(after, ids.digital[0])).toBe(themeOf(before, ids.project[0]));
				expect(after.themes).toHaveLength(before.themes.length - 1);
			}
		],
		[
			'split divides a theme by the groups given',
			async () => ({
				type: 'split',
				themeId: themeOf(await themes.snapshot(code), ids.meetings[0]),
				groups: [ids.meetings.slice(0, 2), ids.meetings.slice(2)]
			}),
			(before, after) => {
				expect(themeOf(after, ids.meetings[0])).toBe(themeOf(after, ids.meetings[1]));
				expect(themeOf(after, ids.meetings[2])).not.toBe(themeOf(after, ids.meetings[0]));
				expect(after.themes).toHaveLength(before.themes.length + 1);
			}
		],
		[
			'move takes an input to another theme',
			async () => ({
				type: 'move',
				inputId: ids.project[3],
				themeId: themeOf(await themes.snapshot(code), ids.digital[0])
			}),
			(_, after) => expect(themeOf(after, ids.project[3])).toBe(themeOf(after, ids.digital[0]))
		],
		[
			'move to unsorted',
			async () => ({ type: 'move', inputId: ids.project[3], themeId: null }),
			(_, after) => expect(after.unsorted).toContain(ids.project[3])
		],
		[
			'pin marks the input as pinned',
			async () => ({ type: 'pin', inputId: ids.digital[1], pinned: true }),
			(_, after) => expect(after.pinned).toContain(ids.digital[1])
		],
		[
			'hide takes the input off the map and flags it in the database',
			async () => ({ type: 'hide', inputId: ids.meetings[1], hidden: true }),
			(_, after) => {
				expect(themeOf(after, ids.meetings[1])).toBeUndefined();
				expect(after.unsorted).not.toContain(ids.meetings[1]);
				const row = reader
					.prepare('select hidden from inputs where id = ?')
					.get(ids.meetings[1]) as { hidden: number };
				expect(row.hidden).toBe(1);
			}
		],
		[
			'seed adds a locked theme ready for matching inputs',
			async () => ({
				type: 'seed',
				label: 'Kompetanse',
				keywords: ['kompetanse', 'opplæring', 'training']
			}),
			(before, after) => {
				const seed = after.themes.find((t) => t.seed);
				expect(seed?.label).toBe('Kompetanse');
				expect(after.themes).toHaveLength(before.themes.length + 1);
			}
		],
		[
			'granularity is kept',
			async () => ({ type: 'granularity', value: 0.6 }),
			(_, after) => expect(after.granularity).toBe(0.6)
		]
	];

	it.each(cases)(
		'%s, and undo restores the map exactly, redo re-applies it',
		async (_, make, check) => {
			const before = await themes.snapshot(code);
			const payload = await make();
			const after = await themes.act(code, payload);
			check(before, after);
			expect(after.history.undo).toBe((payload as { type: string }).type);

			const undone = await themes.undo(code);
			expect(layout(undone)).toBe(layout(before));
			expect(undone.granularity).toBe(before.granularity);
			expect(undone.history).toEqual({ undo: null, redo: (payload as { type: string }).type });
			if ((payload as { type: string }).type === 'hide') {
				const row = reader
					.prepare('select hidden from inputs where id = ?')
					.get(ids.meetings[1]) as { hidden: number };
				expect(row.hidden).toBe(0);
			}

			const redone = await themes.redo(code);
			check(before, redone);
			expect(layout(redone)).toBe(layout(after));
		}
	);

	it('undo of a granularity change brings back the very map, and it stays so; redo the reshaped one', async () => {
		const before = await themes.snapshot(code);
		const reshaped = await themes.act(code, { type: 'granularity', value: 0.9 });
		const undone = await themes.undo(code);
		expect(layout(undone)).toBe(layout(before));
		// no refinement runs over the restored map behind the facilitator's back (a refinement
		// counts the version up, whether or not it moves anything on this small map)
		await new Promise((r) => setTimeout(r, 2000));
		const later = await themes.snapshot(code);
		expect(later.version).toBe(undone.version);
		expect(layout(later)).toBe(layout(before));
		expect(layout(await themes.redo(code))).toBe(layout(reshaped));
	});

	it('keeps the facilitator’s edits through a refinement', async () => {
		const s = await themes.snapshot(code);
		const digital = themeOf(s, ids.digital[0])!;
		await themes.act(code, { type: 'move', inputId: ids.project[0], themeId: digital });
		await themes.act(code, { type: 'rename', themeId: digital, label: 'Papir og digitalt' });
		const refined = await themes.refine(code);
		expect(themeOf(refined, ids.project[0])).toBe(digital);
		expect(refined.themes.find((t) => t.id === digital)?.label).toBe('Papir og digitalt');
	});

	it('a new action clears redo; history and state survive a restart', async () => {
		const s = await themes.snapshot(code);
		await themes.act(code, { type: 'pin', inputId: ids.project[0], pinned: true });
		await themes.undo(code);
		await themes.act(code, {
			type: 'rename',
			themeId: themeOf(s, ids.meetings[0]),
			label: 'Beslutninger i møter'
		});
		expect((await themes.snapshot(code)).history).toEqual({ undo: 'rename', redo: null });
		expect(await refusal(() => themes.redo(code))).toBe('not_found');

		const before = await themes.snapshot(code);
		await themes.close();
		themes = new ThemeService(connection.db, events, workshops, { persistDelayMs: 10 });
		const reloaded = await themes.snapshot(code);
		expect(layout(reloaded)).toBe(layout(before));
		expect(reloaded.history).toEqual({ undo: 'rename', redo: null });
		const undone = await themes.undo(code);
		expect(undone.themes.find((t) => t.id === themeOf(s, ids.meetings[0]))?.label).not.toBe(
			'Beslutninger i møter'
		);
	});

	it.each([
		[{ type: 'rename', themeId: 't999', label: 'x' }, 'not_found'],
		[{ type: 'rename', themeId: 'drop table', label: 'x' }, 'invalid_payload'],
		[{ type: 'rename', themeId: 't1', label: '   ' }, 'invalid_payload'],
		[{ type: 'merge', themeIds: ['t1'], intoId: 't1' }, 'invalid_payload'],
		[{ type: 'move', inputId: 'nope', themeId: null }, 'invalid_id'],
		[{ type: 'pin', inputId: randomUUID(), pinned: 'yes' }, 'invalid_payload'],
		[{ type: 'granularity', value: 5 }, 'invalid_payload'],
		[{ type: 'explode' }, 'invalid_payload'],
		[{ __proto__: { type: 'rename' } }, 'invalid_payload']
	])('refuses %j with %s and changes nothing', async (payload, expected) => {
		const before = await themes.snapshot(code);
		expect(await refusal(() => themes.act(code, payload))).toBe(expected);
		expect(layout(await themes.snapshot(code))).toBe(layout(before));
		expect((await themes.snapshot(code)).history.undo).toBeNull();
	});

	it('explains where an input sits with the words it shares with its theme', async () => {
		const { themeId, terms } = await themes.explain(code, { inputId: ids.digital[1] });
		expect(themeId).toBe(themeOf(await themes.snapshot(code), ids.digital[0]));
		expect(terms.join(' ').toLowerCase()).toMatch(/digital/);
	});
});

describe('a damaged theme state (finding 10: self-healing theme state)', () => {
	const damage = (state: string) =>
		connection.db
			.updateTable('theme_states')
			.set({ state })
			.where('workshop_code', '=', code)
			.execute();

	it.each([
		['not JSON', '{"version":1,"themes":[{"id":'],
		['not an engine state', '{"version":1,"themes":"t1"}'],
		['an empty row', '']
	])('rebuilds from the action log when the state is %s, keeping ids and edits', async (_, bad) => {
		const s = await themes.snapshot(code);
		const meetings = themeOf(s, ids.meetings[0])!;
		await themes.act(code, { type: 'rename', themeId: meetings, label: 'Beslutninger i møter' });
		const before = await themes.snapshot(code);
		await themes.close();
		await damage(bad);

		const warn = vi.spyOn(log, 'warn');
		themes = new ThemeService(connection.db, events, workshops, { persistDelayMs: 10 });
		const healed = await themes.snapshot(code);
		expect(warn).toHaveBeenCalledWith('theme state damaged; rebuilt', {
			code,
			from: 'action log'
		});
		warn.mockRestore();
		expect(layout(healed)).toBe(layout(before));
		expect(healed.themes.find((t) => t.id === meetings)?.label).toBe('Beslutninger i møter');
		expect(healed.history).toEqual({ undo: 'rename', redo: null });
		// the damaged row is replaced
		await themes.flush();
		const row = await connection.db
			.selectFrom('theme_states')
			.select('state')
			.where('workshop_code', '=', code)
			.executeTakeFirstOrThrow();
		expect(() => JSON.parse(row.state)).not.toThrow();
	});

	it('rebuilds from the inputs when there is no action log to fall back on', async () => {
		await themes.close();
		await damage('garbage');
		themes = new ThemeService(connection.db, events, workshops, { persistDelayMs: 10 });
		const healed = await themes.snapshot(code);
		const placed = healed.themes.flatMap((t) => t.inputIds).length + healed.unsorted.length;
		expect(placed).toBe(12);
		expect(themeOf(healed, ids.digital[1])).toBe(themeOf(healed, ids.digital[0]));
	});
});

describe('engines in memory (finding 3: memory bound)', () => {
	it('an idle workshop’s engine leaves memory and comes back with the same themes', async () => {
		let now = 0;
		await themes.close();
		themes = new ThemeService(connection.db, events, workshops, {
			persistDelayMs: 10,
			limits: { idleMs: 60_000, maxInputs: 1e6, maxWorkshops: 100 },
			now: () => now
		});
		const before = await themes.snapshot(code);
		expect(themes.enginesInMemory).toBe(1);
		now += 59_000;
		await themes.sweep();
		expect(themes.enginesInMemory).toBe(1);
		now += 2_000;
		await themes.sweep();
		expect(themes.enginesInMemory).toBe(0);
		expect(layout(await themes.snapshot(code))).toBe(layout(before));
		expect(themes.enginesInMemory).toBe(1);
	});

	it('holds at most the bound of engines, dropping the least recently used', async () => {
		await themes.close();
		themes = new ThemeService(connection.db, events, workshops, {
			persistDelayMs: 10,
			limits: { idleMs: 3_600_000, maxInputs: 1e6, maxWorkshops: 3 }
		});
		const codes = [code];
		for (let i = 0; i < 5; i++) {
			const other = await workshops.createWorkshop({ title: `W${i}`, language: 'nb' });
			codes.push(other.workshop.code);
		}
		for (const c of codes) await themes.snapshot(c);
		await themes.sweep();
		expect(themes.enginesInMemory).toBe(3);
		// the first workshop was dropped and opens again with its themes
		expect((await themes.snapshot(code)).themes.length).toBeGreaterThanOrEqual(3);
	});
});
