import { analyze, type InputFeatures } from './analyze';
import { tokenize } from './tokenize';
import { isStopword } from './stopwords';
import { stem } from './stem';
import type { Lang } from './language';
import { ThemeStore, type InputRec, type ThemeRec } from './theme-store';
import { labelTheme, sharedTerms } from './labels';
import { refine } from './refine';
import { refineDue } from './schedule';
import { Constraints } from './constraints';
import { buildSnapshot, applyResult } from './engine-refine';
import type { RefineResult, RefineSnapshot } from './refine-types';
import type { EngineOptions, EngineState, InputText, RefineStats, SeedTheme, Theme } from './types';

/** One per workshop: places inputs live, refines in batches, keeps the facilitator's edits. */
export class ThemeEngine {
	readonly store = new ThemeStore();
	readonly constraints = new Constraints();
	private readonly knownStems = new Set<string>();
	private readonly langCount: Record<Lang, number> = { nb: 0, en: 0 };
	private changes = 0;
	private needsCold = false;
	private version = 0;
	readonly opts: Required<Omit<EngineOptions, 'k'>> & { k?: number };

	constructor(opts: EngineOptions = {}) {
		this.opts = { lang: 'auto', granularity: 0, seed: 1, ...opts };
	}

	/** The workshop's language: as configured, or the one most inputs are written in. */
	get lang(): Lang {
		if (this.opts.lang !== 'auto') return this.opts.lang;
		return this.langCount.en > this.langCount.nb ? 'en' : 'nb';
	}

	// ---- inputs -------------------------------------------------------------------------

	add(input: InputText, opts: { place?: boolean } = {}): void {
		if (this.store.inputs.has(input.id)) return this.update(input.id, input.text);
		const f = this.analyze(input.text);
		const rec: InputRec = {
			id: input.id,
			text: input.text,
			f,
			termIds: [],
			vec: { idx: new Int32Array(0), val: new Float64Array(0) },
			theme: null,
			hidden: false
		};
		this.store.inputs.set(input.id, rec);
		this.index(rec);
		const target = this.constraints.fixedTarget(input.id);
		if (target !== undefined) this.store.setTheme(input.id, target);
		else if (opts.place === false) this.store.setTheme(input.id, null);
		else this.store.place(rec, this.opts.k);
		this.touch();
	}

	update(id: string, text: string): void {
		const rec = this.store.inputs.get(id);
		if (!rec) return this.add({ id, text });
		const theme = rec.theme;
		this.store.setTheme(id, null);
		if (!rec.hidden) this.store.stats.removeDoc(rec.f.terms);
		rec.text = text;
		rec.f = this.analyze(text);
		this.index(rec);
		const target = this.constraints.fixedTarget(id);
		if (rec.hidden) this.store.setTheme(id, null);
		else if (target !== undefined) this.store.setTheme(id, target ?? theme);
		else this.store.place(rec, this.opts.k);
		this.touch();
	}

	remove(id: string): void {
		const rec = this.store.inputs.get(id);
		if (!rec) return;
		this.store.setTheme(id, null);
		this.store.pool.remove(id);
		if (!rec.hidden) this.store.stats.removeDoc(rec.f.terms);
		this.store.inputs.delete(id);
		this.constraints.forgetInput(id);
		this.dropEmptyThemes();
		this.touch();
	}

	setHidden(id: string, hidden: boolean, opts: { keepEmptyThemes?: boolean } = {}): void {
		const rec = this.store.inputs.get(id);
		if (!rec || rec.hidden === hidden) return;
		this.store.setTheme(id, null);
		rec.hidden = hidden;
		if (hidden) {
			this.store.stats.removeDoc(rec.f.terms);
			this.store.pool.remove(id);
			if (!opts.keepEmptyThemes) this.dropEmptyThemes();
		} else {
			this.store.stats.addDoc(rec.f.terms);
			rec.vec = this.store.vectorOf(rec);
			const target = this.constraints.fixedTarget(id);
			if (target !== undefined) this.store.setTheme(id, target);
			else this.store.place(rec, this.opts.k);
		}
		this.constraints.setHidden(id, hidden);
		this.touch();
	}

	private analyze(text: string): InputFeatures {
		const f = analyze(text, { fallbackLang: this.lang, known: (s) => this.knownStems.has(s) });
		for (const t of tokenize(text))
			if (!isStopword(t.word) && !t.word.includes('-')) this.knownStems.add(stem(t.word, 'nb'));
		if (f.terms.length) this.langCount[f.lang]++;
		return f;
	}

	private index(rec: InputRec): void {
		rec.termIds = rec.f.terms.map((t) => this.store.stats.id(t));
		if (!rec.hidden) this.store.stats.addDoc(rec.f.terms);
		rec.vec = this.store.vectorOf(rec);
	}

	private touch(): void {
		this.changes++;
		this.version++;
	}

	private dropEmptyThemes(): void {
		for (const t of [...this.store.themes.values()])
			if (t.members.size === 0 && !this.isPersistent(t)) this.store.deleteTheme(t.id);
	}

	isPersistent(t: ThemeRec): boolean {
		return t.seed || t.labelLocked;
	}

	// ---- facilitator constraints ----------------------------------------------------------

	pin(inputId: string, pinned = true): void {
		const rec = this.store.inputs.get(inputId);
		if (!rec) return;
		this.constraints.pin(inputId, pinned ? rec.theme : undefined);
		this.touch();
	}

	move(inputId: string, themeId: string | null): void {
		const target = themeId === null ? null : this.constraints.resolve(themeId);
		if (!this.store.inputs.has(inputId) || (target !== null && !this.store.themes.has(target)))
			return;
		this.constraints.move(inputId, target);
		this.store.setTheme(inputId, target);
		this.dropEmptyThemes();
		this.touch();
	}

	merge(themeIds: string[], intoId: string): void {
		const into = this.store.themes.get(this.constraints.resolve(intoId));
		if (!into) return;
		for (const raw of themeIds) {
			const id = this.constraints.resolve(raw);
			const from = this.store.themes.get(id);
			if (!from || id === into.id) continue;
			for (const m of [...from.members]) this.store.setTheme(m, into.id);
			this.constraints.retire(id, into.id);
			this.store.deleteTheme(id);
		}
		this.constraints.keepTogether([...into.members], into.id);
		this.touch();
	}

	/** Splits a theme; without groups the engine proposes two halves. Returns the theme ids. */
	split(themeId: string, inputIdGroups?: string[][]): string[] {
		const theme = this.store.themes.get(this.constraints.resolve(themeId));
		if (!theme) return [];
		const groups = inputIdGroups ?? this.proposeSplit(theme);
		const ids = [theme.id];
		groups.forEach((group, g) => {
			const target = g === 0 ? theme : this.store.newTheme();
			if (g > 0) ids.push(target.id);
			for (const id of group)
				if (this.store.inputs.has(id)) {
					this.constraints.move(id, target.id);
					this.store.setTheme(id, target.id);
				}
		});
		this.constraints.keepApart(ids);
		this.dropEmptyThemes();
		this.touch();
		return ids.filter((id) => this.store.themes.has(id));
	}

	private proposeSplit(theme: ThemeRec): string[][] {
		const members = [...theme.members];
		const docs = members.map((id) => ({
			id,
			terms: this.store.inputs.get(id)!.f.terms,
			weights: this.store.inputs.get(id)!.f.weights
		}));
		const r = refine({
			docs,
			themes: [],
			fixed: [],
			apart: [],
			k: 2,
			granularity: 0,
			cold: true,
			seed: this.opts.seed
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

	rename(themeId: string, label: string, lock = true): void {
		const theme = this.store.themes.get(this.constraints.resolve(themeId));
		if (!theme) return;
		theme.label = label;
		theme.labelLocked = lock;
		theme.labelDirty = !lock;
		this.touch();
	}

	addSeed(seed: SeedTheme): string {
		const theme = this.store.newTheme({
			label: seed.label,
			labelLocked: true,
			seed: true,
			seedKeywords: [...seed.keywords]
		});
		this.reseed(theme);
		this.touch();
		return theme.id;
	}

	/** Derives a seed theme's feature terms from its keywords and label. */
	reseed(theme: ThemeRec): void {
		const f = analyze(theme.seedKeywords.join(' ') + ' ' + theme.label, {
			fallbackLang: this.lang,
			known: (s) => this.knownStems.has(s)
		});
		theme.seedTerms = f.terms.filter((t) => !t.includes('_'));
		this.store.rebuild();
	}

	setGranularity(x: number): void {
		this.opts.granularity = Math.max(-1, Math.min(1, x));
		this.needsCold = true;
		this.touch();
	}

	// ---- refinement -------------------------------------------------------------------------

	/** True when the live schedule calls for a refinement (see schedule.ts). */
	refineDue(): boolean {
		return refineDue(this.changes, this.store.inputs.size);
	}

	snapshot(opts: { cold?: boolean } = {}): RefineSnapshot & { version: number } {
		const cold = opts.cold ?? (this.needsCold || this.store.themes.size === 0);
		return { ...buildSnapshot(this, cold), version: this.version };
	}

	applyRefinement(result: RefineResult, snapshot: RefineSnapshot): RefineStats {
		const stats = applyResult(this, result, snapshot);
		this.changes = 0;
		if (snapshot.cold) this.needsCold = false;
		this.dropEmptyThemes();
		return stats;
	}

	/** Runs a refinement inline (see refine-async.ts for the worker variant). */
	refine(opts: { cold?: boolean } = {}): RefineStats {
		const snap = this.snapshot(opts);
		return this.applyRefinement(refine(snap), snap);
	}

	// ---- reading --------------------------------------------------------------------------

	themes(): Theme[] {
		const out: Theme[] = [];
		for (const t of this.store.themes.values()) {
			if (t.labelDirty) this.relabel(t);
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

	unsorted(): string[] {
		return this.store.unsortedIds();
	}

	themeOf(inputId: string): string | null {
		return this.store.inputs.get(inputId)?.theme ?? null;
	}

	explain(inputId: string): string[] {
		const rec = this.store.inputs.get(inputId);
		const theme = rec?.theme ? this.store.themes.get(rec.theme) : undefined;
		if (!rec || !theme) return [];
		const others = [...theme.members]
			.filter((m) => m !== inputId)
			.map((m) => this.store.inputs.get(m)!.f);
		if (theme.seedTerms.length)
			others.push({ ...rec.f, terms: theme.seedTerms, weights: theme.seedTerms.map(() => 1) });
		return sharedTerms(rec.f, others);
	}

	private relabel(t: ThemeRec): void {
		const members = [...t.members].map((m) => this.store.inputs.get(m)!.f);
		const stats = this.store.stats;
		const { label, keywords } = labelTheme(
			members,
			(term) => stats.df[stats.id(term)] ?? 0,
			stats.docs,
			this.lang
		);
		t.keywords = keywords.length || !t.seed ? keywords : t.seedKeywords;
		if (!t.labelLocked) t.label = label;
		t.labelDirty = false;
	}

	// ---- persistence ------------------------------------------------------------------------

	exportState(): EngineState {
		return this.constraints.exportState(this);
	}

	/** Rebuilds an engine from stored inputs and the state exported before a restart. */
	static restore(state: EngineState, inputs: InputText[], opts: EngineOptions = {}): ThemeEngine {
		const engine = new ThemeEngine({ ...opts, granularity: state.granularity });
		engine.constraints.importState(engine, state, inputs);
		engine.needsCold = false;
		engine.changes = 0;
		return engine;
	}
}
