import type { EngineCore } from './engine-core';
import type { ThemeRec } from './theme-store';
import type { EngineState, InputText } from './types';

// The engine's state as stored JSON, and back: the facilitator's constraints, seed themes and
// the current assignment (inputs themselves are stored by the app).

/** What a restore needs of the engine besides its core: the ways inputs and seeds come in. */
export interface RestoreTarget extends EngineCore {
	add(input: InputText, opts: { place?: boolean }): void;
	setHidden(id: string, hidden: boolean, opts: { keepEmptyThemes?: boolean }): void;
	reseed(theme: ThemeRec): void;
}

export function exportState(engine: EngineCore): EngineState {
	const c = engine.constraints;
	const themes = [...engine.store.themes.values()].map((t) => ({
		id: t.id,
		label: t.label,
		labelLocked: t.labelLocked,
		seed: t.seed,
		seedKeywords: t.seedKeywords,
		inputIds: [...t.members]
	}));
	return {
		version: 1,
		nextTheme: engine.store.nextTheme,
		granularity: engine.opts.granularity,
		themes,
		pinned: [...c.pinned.keys()],
		moved: [...c.moved],
		mergedInto: [...c.mergedInto],
		redirects: [...c.redirects],
		apart: c.apart.map(([a, b]) => [a, b]),
		hidden: [...c.hidden],
		unsorted: engine.store.unsortedIds()
	};
}

export function importState(engine: RestoreTarget, state: EngineState, inputs: InputText[]): void {
	const { store, constraints: c } = engine;
	for (const t of state.themes) {
		const theme = store.newTheme(
			{ label: t.label, labelLocked: t.labelLocked, seed: t.seed, seedKeywords: t.seedKeywords },
			t.id
		);
		if (t.seed) engine.reseed(theme);
	}
	store.nextTheme = state.nextTheme;
	for (const [from, to] of state.redirects) c.redirects.set(from, to);
	for (const [a, b] of state.apart) c.apart.push([a, b]);
	for (const [id, t] of state.moved) c.moved.set(id, t);
	for (const [id, t] of state.mergedInto) c.mergedInto.set(id, t);
	const home = new Map<string, string>();
	for (const t of state.themes) for (const id of t.inputIds) home.set(id, t.id);
	for (const id of state.pinned) c.pinned.set(id, home.get(id) ?? null);
	const hidden = new Set(state.hidden);
	const tray = new Set(state.unsorted ?? []);
	for (const input of inputs) engine.add(input, { place: false });
	for (const id of hidden)
		if (store.inputs.has(id)) engine.setHidden(id, true, { keepEmptyThemes: true });
	for (const input of inputs) {
		if (hidden.has(input.id)) continue;
		const target = c.fixedTarget(input.id);
		const where = target !== undefined ? target : home.get(input.id);
		if (where !== undefined) store.setTheme(input.id, where);
		else if (tray.has(input.id)) store.setTheme(input.id, null);
		// an input stored after the state was written is placed as the live path would
		else store.place(store.inputs.get(input.id)!, engine.opts.k);
	}
	store.rebuild();
}
