import { describe, expect, it } from 'vitest';
import { ThemeEngine } from '../../../src/lib/server/clustering/index';
import { liveEngine, loadFixture } from './helpers';

const fixture = loadFixture();
const byGold = (gold: string) => fixture.filter((f) => f.gold === gold).map((f) => f.id);

/** Runs both kinds of refinement and returns the engine. */
function refineBoth(e: ThemeEngine): ThemeEngine {
	e.refine();
	e.refine({ cold: true });
	e.add({ id: 'extra1', text: 'Enda mer papir og Excel i administrasjonen' });
	e.refine();
	return e;
}

describe('facilitator constraints survive refinement', () => {
	it('a pinned input stays in its theme', () => {
		const e = liveEngine(fixture);
		const input = byGold('maintenance')[0];
		const odd = e.themes().find((t) => !t.inputIds.includes(input))!;
		e.move(input, odd.id);
		e.pin(input);
		refineBoth(e);
		expect(e.themeOf(input)).toBe(odd.id);
	});

	it('a moved input stays moved, to a theme or to unsorted', () => {
		const e = liveEngine(fixture);
		const [a, b] = byGold('digital');
		const target = e.themes().find((t) => !t.inputIds.includes(a))!.id;
		e.move(a, target);
		e.move(b, null);
		refineBoth(e);
		expect(e.themeOf(a)).toBe(target);
		expect(e.themeOf(b)).toBeNull();
		expect(e.unsorted()).toContain(b);
	});

	it('merged themes stay merged and the old id is retired', () => {
		const e = liveEngine(fixture);
		const [t1, t2] = e.themes();
		const members = [...t1.inputIds, ...t2.inputIds];
		e.merge([t2.id], t1.id);
		refineBoth(e);
		for (const id of members) expect(e.themeOf(id)).toBe(t1.id);
		expect(e.themes().map((t) => t.id)).not.toContain(t2.id);
		e.move(members[0], t2.id); // a stale id leads to the merged theme
		expect(e.themeOf(members[0])).toBe(t1.id);
	});

	it('a locked label is never rewritten', () => {
		const e = liveEngine(fixture);
		const t = e.themes()[0];
		e.rename(t.id, 'Vår egen tittel', true);
		for (let i = 0; i < 5; i++) e.add({ id: `more${i}`, text: fixture[i].text });
		refineBoth(e);
		expect(e.themes().find((x) => x.id === t.id)?.label).toBe('Vår egen tittel');
		expect(e.themes().find((x) => x.id === t.id)?.labelLocked).toBe(true);
	});

	it('hidden inputs are left out of themes and the tray', () => {
		const e = liveEngine(fixture);
		const hidden = byGold('planning').slice(0, 3);
		for (const id of hidden) e.setHidden(id, true);
		refineBoth(e);
		const visible = [...e.themes().flatMap((t) => t.inputIds), ...e.unsorted()];
		for (const id of hidden) expect(visible).not.toContain(id);
		e.setHidden(hidden[0], false);
		e.refine();
		expect([...e.themes().flatMap((t) => t.inputIds), ...e.unsorted()]).toContain(hidden[0]);
	});

	it('a seed theme exists before any input, keeps its label and attracts matching inputs', () => {
		const e = new ThemeEngine({ lang: 'nb' });
		const seed = e.addSeed({ label: 'Vedlikehold', keywords: ['vedlikehold', 'maskin', 'stans'] });
		expect(e.themes()).toEqual([
			expect.objectContaining({ id: seed, label: 'Vedlikehold', seed: true, inputIds: [] })
		]);
		for (const input of fixture) {
			e.add(input);
			if (e.refineDue()) e.refine();
		}
		refineBoth(e);
		const theme = e.themes().find((t) => t.id === seed)!;
		expect(theme.label).toBe('Vedlikehold');
		const inSeed = byGold('maintenance').filter((id) => theme.inputIds.includes(id));
		expect(inSeed.length).toBeGreaterThanOrEqual(5);
	});

	it('split themes are not merged back automatically', () => {
		const e = liveEngine(fixture);
		const t = [...e.themes()].sort((a, b) => b.inputIds.length - a.inputIds.length)[0];
		const half = Math.floor(t.inputIds.length / 2);
		const ids = e.split(t.id, [t.inputIds.slice(0, half), t.inputIds.slice(half)]);
		expect(ids).toHaveLength(2);
		refineBoth(e);
		for (const id of t.inputIds.slice(0, half)) expect(e.themeOf(id)).toBe(ids[0]);
		for (const id of t.inputIds.slice(half)) expect(e.themeOf(id)).toBe(ids[1]);
	});

	it('granularity changes the number of themes', () => {
		const count = (g: number) => {
			const e = new ThemeEngine({ granularity: g });
			for (const input of fixture) e.add(input, { place: false });
			e.refine({ cold: true });
			return e.themes().length;
		};
		expect(count(-1)).toBeLessThan(count(1));
	});

	it('exports and restores state: themes, ids and constraints', () => {
		const e = liveEngine(fixture);
		const [t1, t2] = e.themes();
		e.merge([t2.id], t1.id);
		const moved = fixture[0].id;
		e.move(moved, null);
		e.rename(t1.id, 'Låst', true);
		e.setHidden(fixture[1].id, true);
		const state = JSON.parse(JSON.stringify(e.exportState()));
		const r = ThemeEngine.restore(state, fixture);
		expect(r.themes().map((t) => [t.id, t.inputIds.sort()])).toEqual(
			e.themes().map((t) => [t.id, t.inputIds.sort()])
		);
		expect(r.themes().find((t) => t.id === t1.id)?.label).toBe('Låst');
		r.refine();
		expect(r.themeOf(moved)).toBeNull();
		expect(r.unsorted()).not.toContain(fixture[1].id);
		r.add({ id: 'new1', text: 'Ny innspill om vedlikehold av maskiner' });
		r.add({ id: 'new2', text: 'Helt nytt tema om kantine og kaffe' });
		r.add({ id: 'new3', text: 'Kantine og kaffe igjen' });
		const before = new Set(e.themes().map((t) => t.id));
		for (const t of r.themes())
			if (!before.has(t.id))
				expect(Number(t.id.slice(1))).toBeGreaterThan(
					Math.max(...[...before].map((id) => Number(id.slice(1))))
				);
	});
});
