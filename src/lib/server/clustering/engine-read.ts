import { keywordsOf, labelCandidates, sharedTerms, type LabelContext } from './labels';
import { sparseDot } from './sparse';
import type { EngineCore } from './engine-core';
import type { ThemeRec } from './theme-store';
import type { Theme } from './types';
import { LABELS } from './params';
import { labelForm } from './word-knowledge';

// Read-side views of a `ThemeEngine`: themes with their labels, the inputs that stand for a
// theme, and why an input is where it is.

/** Quotes a theme offers (the spotlight, the board's suggestions). */
const QUOTES = 3;

export function listThemes(engine: EngineCore, ctx: () => LabelContext): Theme[] {
	const out: Theme[] = [];
	for (const t of engine.store.themes.values()) {
		if (t.labelDirty) {
			const c = ctx();
			t.keywords = t.members.size || !t.seed ? keywordsOf(members(engine, t), c) : t.seedKeywords;
			// worked out when the members change, not on every read (every broadcast reads)
			t.quotes = representatives(engine, t, QUOTES);
			if (!t.labelLocked && !t.label) firstLabel(engine, t, c);
			t.labelDirty = false;
		}
		out.push({
			id: t.id,
			label: t.label,
			labelLocked: t.labelLocked,
			keywords: t.keywords.length || !t.seed ? t.keywords : t.seedKeywords,
			inputIds: [...t.members],
			quotes: t.quotes,
			seed: t.seed
		});
	}
	return out;
}

/**
 * Labels move only at a refinement, and only for a clear reason: a theme keeps its label unless
 * another is clearly better (`LABELS.clearlyBetter` × the current one's score, times the number
 * of labels it has had, so a second change needs a far clearer case than the first) at two
 * refinements in a row, and it never goes back to a label it had before. A facilitator's label
 * is never touched.
 */
export function relabelAfterRefinement(engine: EngineCore, ctx: LabelContext): void {
	for (const t of engine.store.themes.values()) {
		if (t.labelLocked || !t.members.size) continue;
		const taken = takenLabels(engine, t);
		const ranked = labelCandidates(members(engine, t), ctx);
		if (!t.label) {
			const first = ranked.find((c) => !taken.has(c.label.toLowerCase()));
			if (first) setLabel(t, first.label);
			continue;
		}
		const current = ranked.find((c) => c.label === t.label)?.score ?? 0;
		const better = ranked.find(
			(c) => !t.labelHistory.includes(c.label) && !taken.has(c.label.toLowerCase())
		);
		// every change the engine has made already raises the bar for the next one
		const bar = LABELS.clearlyBetter * Math.max(1, t.labelHistory.length);
		if (!better || better.score < bar * current) {
			t.pendingLabel = null;
			continue;
		}
		if (t.pendingLabel === better.label) setLabel(t, better.label);
		else t.pendingLabel = better.label;
	}
}

/** Labels other themes carry (lower-cased): two notes on one wall never say the same thing. */
function takenLabels(engine: EngineCore, except: ThemeRec): Set<string> {
	const out = new Set<string>();
	for (const t of engine.store.themes.values())
		if (t !== except && t.label) out.add(t.label.toLowerCase());
	return out;
}

function firstLabel(engine: EngineCore, t: ThemeRec, ctx: LabelContext): void {
	const taken = takenLabels(engine, t);
	const best = labelCandidates(members(engine, t), ctx).find(
		(c) => !taken.has(c.label.toLowerCase())
	);
	if (best) setLabel(t, best.label);
	else {
		// nothing nameable yet: its most distinctive typed noun, else word (never one of the
		// question), until a refinement finds better
		const words = [
			...t.keywords.map((k) => labelForm(k, ctx.lang, ctx.acronyms)),
			...t.keywords
		].filter((w): w is string => !!w);
		const s = words.find((w) => !taken.has(w.toLowerCase()));
		if (s) setLabel(t, s.charAt(0).toUpperCase() + s.slice(1));
		else setLabel(t, otherLabel(ctx.lang, taken));
	}
}

/**
 * A theme whose inputs share nothing nameable ("for mye av alt", "alt kommer på en gang") is
 * what a facilitator would call "Annet": never a blank note, and numbered when there are more.
 */
function otherLabel(lang: LabelContext['lang'], taken: ReadonlySet<string>): string {
	const base = lang === 'en' ? 'Other' : 'Annet';
	for (let i = 1; ; i++) {
		const label = i === 1 ? base : `${base} ${i}`;
		if (!taken.has(label.toLowerCase())) return label;
	}
}

function setLabel(t: ThemeRec, label: string): void {
	t.label = label;
	t.pendingLabel = null;
	if (!t.labelHistory.includes(label)) t.labelHistory.push(label);
}

function members(engine: EngineCore, t: ThemeRec) {
	return [...t.members].map((m) => engine.store.inputs.get(m)!.f);
}

/**
 * The inputs that stand for a theme best: nearest its centre (the sum of its members' vectors),
 * so the spotlight and the board quote what the theme is about, not the newest arrival.
 */
export function representatives(engine: EngineCore, t: ThemeRec, n: number): string[] {
	const recs = [...t.members].map((m) => engine.store.inputs.get(m)!);
	if (recs.length <= n) return recs.map((r) => r.id);
	const centre = new Map<number, number>();
	for (const r of recs)
		for (let j = 0; j < r.vec.idx.length; j++)
			centre.set(r.vec.idx[j], (centre.get(r.vec.idx[j]) ?? 0) + r.vec.val[j]);
	const idx = Int32Array.from([...centre.keys()].sort((a, b) => a - b));
	const val = Float64Array.from(idx, (i) => centre.get(i)!);
	const c = { idx, val };
	return recs
		.map((r) => ({ id: r.id, s: sparseDot(r.vec, c) }))
		.sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
		.slice(0, n)
		.map((x) => x.id);
}

export function explainInput(engine: EngineCore, inputId: string, ctx: LabelContext): string[] {
	const { store } = engine;
	const rec = store.inputs.get(inputId);
	const theme = rec?.theme ? store.themes.get(rec.theme) : undefined;
	if (!rec || !theme) return [];
	const others = [...theme.members].filter((m) => m !== inputId).map((m) => store.inputs.get(m)!.f);
	if (theme.seedTerms.length)
		others.push({ ...rec.f, terms: theme.seedTerms, weights: theme.seedTerms.map(() => 1) });
	return sharedTerms(rec.f, others, ctx.lang);
}
