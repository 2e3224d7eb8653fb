import type { EngineCore } from './engine-core';
import type { RefineResult, RefineSnapshot, SnapshotTheme } from './refine-types';
import type { RefineStats } from './types';

/** The engine's state as plain data for `refine` (possibly in a worker). */
export function buildSnapshot(
	engine: EngineCore,
	cold: boolean,
	/** inputs a seed theme pulls (they name it): kept there like a facilitator's placement */
	pulled: readonly [string, string][] = []
): RefineSnapshot {
	const { store, constraints } = engine;
	const docs = [];
	for (const rec of store.inputs.values())
		if (!rec.hidden)
			docs.push({ id: rec.id, terms: rec.f.terms, weights: rec.f.weights, spec: rec.f.spec });
	const fixed: [string, string | null][] = constraints
		.fixedEntries()
		.filter(([id]) => store.inputs.has(id) && !store.inputs.get(id)!.hidden);
	fixed.push(...pulled);
	const targets = new Set(fixed.map(([, t]) => t));
	const themes: SnapshotTheme[] = [];
	for (const t of store.themes.values()) {
		const persistent = engine.isPersistent(t);
		// From scratch, only themes the facilitator made or placed inputs in are kept as anchors.
		if (cold && !persistent && !targets.has(t.id)) continue;
		themes.push({
			id: t.id,
			inputIds: [...t.members],
			persistent,
			seedTerms: t.seedTerms.length ? t.seedTerms : undefined
		});
	}
	return {
		docs,
		themes,
		fixed,
		apart: constraints.apart.map(([a, b]) => [a, b]),
		k: engine.opts.k,
		granularity: engine.opts.granularity,
		cold,
		seed: engine.opts.seed
	};
}

/**
 * Applies a refinement computed on an earlier snapshot. Inputs added since keep their live
 * place, constraints set since win, and clusters are mapped onto existing theme ids by
 * overlap so the projector does not reshuffle.
 */
export function applyResult(
	engine: EngineCore,
	result: RefineResult,
	snap: RefineSnapshot
): RefineStats {
	const { store, constraints } = engine;
	const before = new Map<string, string>();
	for (const rec of store.inputs.values()) if (rec.theme !== null) before.set(rec.id, rec.theme);

	const ids = mapClusters(engine, result, snap.cold);
	const settle = (inputId: string, themeId: string | null) => {
		const rec = store.inputs.get(inputId);
		if (!rec || rec.hidden || constraints.fixedTarget(inputId) !== undefined) return;
		if (rec.theme !== themeId) store.setTheme(inputId, themeId);
	};
	result.clusters.forEach((c, i) => {
		const themeId = ids[i];
		for (const inputId of c.inputIds) settle(inputId, themeId);
	});
	for (const inputId of result.unsorted) settle(inputId, null);
	for (const [inputId, target] of constraints.fixedEntries())
		if (store.inputs.has(inputId) && !store.inputs.get(inputId)!.hidden)
			store.setTheme(inputId, target);
	for (const t of [...store.themes.values()])
		if (t.members.size === 0 && !engine.isPersistent(t)) store.deleteTheme(t.id);
	store.rebuild();

	let changed = 0;
	for (const [id, theme] of before)
		if (store.inputs.has(id) && store.inputs.get(id)!.theme !== theme) changed++;
	return {
		churn: before.size ? changed / before.size : 0,
		themes: store.themes.size,
		unsorted: store.pool.size,
		ms: result.ms
	};
}

/** Theme id for each result cluster: its own key when still valid, else the best overlap. */
function mapClusters(engine: EngineCore, result: RefineResult, cold: boolean): string[] {
	const { store, constraints } = engine;
	const out: (string | null)[] = result.clusters.map(() => null);
	const used = new Set<string>();
	result.clusters.forEach((c, i) => {
		if (c.key.startsWith('new:')) return;
		const id = constraints.resolve(c.key);
		if (store.themes.has(id) && !used.has(id)) {
			out[i] = id;
			used.add(id);
		}
	});
	const pairs: [number, string, number][] = [];
	result.clusters.forEach((c, i) => {
		if (out[i] !== null || (!cold && !c.key.startsWith('new:'))) return;
		const overlap = new Map<string, number>();
		for (const id of c.inputIds) {
			const t = store.inputs.get(id)?.theme;
			if (t) overlap.set(t, (overlap.get(t) ?? 0) + 1);
		}
		for (const [t, n] of overlap) {
			const size = store.themes.get(t)?.members.size ?? 0;
			if (2 * n >= Math.min(c.inputIds.length, size)) pairs.push([i, t, n]);
		}
	});
	pairs.sort((a, b) => b[2] - a[2]);
	for (const [i, t] of pairs) {
		if (out[i] !== null || used.has(t)) continue;
		out[i] = t;
		used.add(t);
	}
	return out.map((id) => id ?? store.newTheme().id);
}
