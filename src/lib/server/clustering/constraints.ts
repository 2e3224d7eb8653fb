import type { ThemeEngine } from './engine';
import type { EngineState, InputText } from './types';

/**
 * The facilitator's edits. Refinement reads them through `fixedEntries` and never overrides
 * them; they are also what the app stores to rebuild an engine after a restart.
 */
export class Constraints {
	readonly pinned = new Map<string, string | null>();
	readonly moved = new Map<string, string | null>();
	readonly mergedInto = new Map<string, string>();
	readonly redirects = new Map<string, string>();
	readonly apart: [string, string][] = [];
	readonly hidden = new Set<string>();

	/** A retired (merged) theme id leads to the theme it was merged into. */
	resolve(themeId: string): string {
		let id = themeId;
		for (let guard = 0; this.redirects.has(id) && guard < 1000; guard++)
			id = this.redirects.get(id)!;
		return id;
	}

	/** Where the facilitator wants an input: a theme, null (unsorted), or undefined (free). */
	fixedTarget(inputId: string): string | null | undefined {
		const t = this.moved.has(inputId)
			? this.moved.get(inputId)
			: this.pinned.has(inputId)
				? this.pinned.get(inputId)
				: this.mergedInto.get(inputId);
		return t === undefined || t === null ? t : this.resolve(t);
	}

	pin(inputId: string, themeId: string | null | undefined): void {
		if (themeId === undefined) this.pinned.delete(inputId);
		else this.pinned.set(inputId, themeId);
	}

	move(inputId: string, themeId: string | null): void {
		this.moved.set(inputId, themeId);
		this.pinned.delete(inputId);
	}

	retire(from: string, into: string): void {
		this.redirects.set(from, into);
	}

	keepTogether(inputIds: string[], themeId: string): void {
		for (const id of inputIds) this.mergedInto.set(id, themeId);
	}

	keepApart(themeIds: string[]): void {
		for (let i = 0; i < themeIds.length; i++)
			for (let j = i + 1; j < themeIds.length; j++) this.apart.push([themeIds[i], themeIds[j]]);
	}

	setHidden(inputId: string, hidden: boolean): void {
		if (hidden) this.hidden.add(inputId);
		else this.hidden.delete(inputId);
	}

	forgetInput(inputId: string): void {
		this.pinned.delete(inputId);
		this.moved.delete(inputId);
		this.mergedInto.delete(inputId);
		this.hidden.delete(inputId);
	}

	fixedEntries(): [string, string | null][] {
		const ids = new Set([...this.mergedInto.keys(), ...this.pinned.keys(), ...this.moved.keys()]);
		return [...ids].map((id) => [id, this.fixedTarget(id)!]);
	}

	exportState(engine: ThemeEngine): EngineState {
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
			pinned: [...this.pinned.keys()],
			moved: [...this.moved],
			mergedInto: [...this.mergedInto],
			redirects: [...this.redirects],
			apart: this.apart.map(([a, b]) => [a, b]),
			hidden: [...this.hidden]
		};
	}

	importState(engine: ThemeEngine, state: EngineState, inputs: InputText[]): void {
		const store = engine.store;
		for (const t of state.themes) {
			const theme = store.newTheme(
				{ label: t.label, labelLocked: t.labelLocked, seed: t.seed, seedKeywords: t.seedKeywords },
				t.id
			);
			if (t.seed) engine.reseed(theme);
		}
		store.nextTheme = state.nextTheme;
		for (const [from, to] of state.redirects) this.redirects.set(from, to);
		for (const [a, b] of state.apart) this.apart.push([a, b]);
		for (const [id, t] of state.moved) this.moved.set(id, t);
		for (const [id, t] of state.mergedInto) this.mergedInto.set(id, t);
		const home = new Map<string, string>();
		for (const t of state.themes) for (const id of t.inputIds) home.set(id, t.id);
		for (const id of state.pinned) this.pinned.set(id, home.get(id) ?? null);
		const hidden = new Set(state.hidden);
		for (const input of inputs) engine.add(input, { place: false });
		for (const id of hidden)
			if (store.inputs.has(id)) engine.setHidden(id, true, { keepEmptyThemes: true });
		for (const input of inputs) {
			if (hidden.has(input.id)) continue;
			const target = this.fixedTarget(input.id);
			const where = target !== undefined ? target : home.get(input.id);
			if (where !== undefined) store.setTheme(input.id, where);
			else store.place(store.inputs.get(input.id)!, engine.opts.k);
		}
		store.rebuild();
	}
}
