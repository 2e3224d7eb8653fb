import { analyze } from './analyze';
import { refine } from './refine';
import type { Lang } from './language';
import type { EngineCore } from './engine-core';
import type { ThemeRec } from './theme-store';

// Facilitator edits that touch several themes at once; `ThemeEngine` delegates to these and
// then drops emptied themes and counts the change.

/** Moves every member of `themeIds` into `intoId` and retires the absorbed ids. */
export function mergeThemes(engine: EngineCore, themeIds: string[], intoId: string): boolean {
	const { store, constraints } = engine;
	const into = store.themes.get(constraints.resolve(intoId));
	if (!into) return false;
	for (const raw of themeIds) {
		const id = constraints.resolve(raw);
		const from = store.themes.get(id);
		if (!from || id === into.id) continue;
		for (const m of [...from.members]) store.setTheme(m, into.id);
		constraints.retire(id, into.id);
		store.deleteTheme(id);
	}
	constraints.keepTogether([...into.members], into.id);
	return true;
}

/** Splits a theme into the given groups (or two proposed halves); null when it is unknown. */
export function splitTheme(
	engine: EngineCore,
	themeId: string,
	inputIdGroups?: string[][]
): string[] | null {
	const { store, constraints } = engine;
	const theme = store.themes.get(constraints.resolve(themeId));
	if (!theme) return null;
	const groups = inputIdGroups ?? proposeSplit(engine, theme);
	const ids = [theme.id];
	groups.forEach((group, g) => {
		const target = g === 0 ? theme : store.newTheme();
		if (g > 0) ids.push(target.id);
		for (const id of group)
			if (store.inputs.has(id)) {
				constraints.move(id, target.id);
				store.setTheme(id, target.id);
			}
	});
	constraints.keepApart(ids);
	return ids;
}

/** Two groups from a cold k = 2 pass over the theme's members, or halves when it finds none. */
function proposeSplit(engine: EngineCore, theme: ThemeRec): string[][] {
	const members = [...theme.members];
	const docs = members.map((id) => {
		const f = engine.store.inputs.get(id)!.f;
		return { id, terms: f.terms, weights: f.weights, spec: f.spec };
	});
	const r = refine({
		docs,
		themes: [],
		fixed: [],
		apart: [],
		k: 2,
		granularity: 0,
		cold: true,
		seed: engine.opts.seed
	});
	const groups = r.clusters.map((c) => c.inputIds).filter((g) => g.length);
	if (groups.length < 2)
		return [
			members.slice(0, Math.ceil(members.length / 2)),
			members.slice(Math.ceil(members.length / 2))
		];
	groups[0].push(...r.unsorted);
	return groups;
}

/** A seed theme's feature terms, from its keywords and label. */
export function seedTermsOf(theme: ThemeRec, lang: Lang, known: (s: string) => boolean): string[] {
	const f = analyze(theme.seedKeywords.join(' ') + ' ' + theme.label, {
		fallbackLang: lang,
		known
	});
	return f.terms.filter((t) => !t.includes('_'));
}
