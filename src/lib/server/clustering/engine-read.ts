import { labelTheme, sharedTerms } from './labels';
import type { EngineCore } from './engine-core';
import type { ThemeRec } from './theme-store';
import type { Theme } from './types';

// Read-side views of a `ThemeEngine`: themes with fresh labels, and why an input is where it is.

export function listThemes(engine: EngineCore): Theme[] {
	const out: Theme[] = [];
	for (const t of engine.store.themes.values()) {
		if (t.labelDirty) relabel(engine, t);
		out.push({
			id: t.id,
			label: t.label,
			labelLocked: t.labelLocked,
			keywords: t.keywords,
			inputIds: [...t.members],
			seed: t.seed
		});
	}
	return out;
}

export function explainInput(engine: EngineCore, inputId: string): string[] {
	const { store } = engine;
	const rec = store.inputs.get(inputId);
	const theme = rec?.theme ? store.themes.get(rec.theme) : undefined;
	if (!rec || !theme) return [];
	const others = [...theme.members].filter((m) => m !== inputId).map((m) => store.inputs.get(m)!.f);
	if (theme.seedTerms.length)
		others.push({ ...rec.f, terms: theme.seedTerms, weights: theme.seedTerms.map(() => 1) });
	return sharedTerms(rec.f, others);
}

function relabel(engine: EngineCore, t: ThemeRec): void {
	const { store } = engine;
	const members = [...t.members].map((m) => store.inputs.get(m)!.f);
	const stats = store.stats;
	const { label, keywords } = labelTheme(
		members,
		(term) => stats.df[stats.id(term)] ?? 0,
		stats.docs,
		engine.lang
	);
	t.keywords = keywords.length || !t.seed ? keywords : t.seedKeywords;
	if (!t.labelLocked) t.label = label;
	t.labelDirty = false;
}
