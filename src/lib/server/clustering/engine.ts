import { analyze, type InputFeatures } from './analyze';
import { tokenize } from './tokenize';
import { isStopword } from './stopwords';
import { stem } from './stem';
import type { Lang } from './language';
import { ThemeStore, type InputRec, type ThemeRec } from './theme-store';
import { mergeThemes, seedTermsOf, splitTheme } from './engine-edits';
import { explainInput, listThemes, relabelAfterRefinement, representatives } from './engine-read';
import { SeedNames } from './seed-names';
import { baseForms } from './word-knowledge';
import type { LabelContext } from './labels';
import { refine } from './refine';
import { refineDue } from './schedule';
import { maxThemes } from './params';
import { Constraints } from './constraints';
import { buildSnapshot, applyResult } from './engine-refine';
import { exportState, importState } from './engine-state';
import type { EngineCore, EngineSettings } from './engine-core';
import type { Centre, RefineResult, RefineSnapshot } from './refine-types';
import type { EngineOptions, EngineState, InputText, RefineStats, SeedTheme, Theme } from './types';

/** One per workshop: places inputs live, refines in batches, keeps the facilitator's edits. */
export class ThemeEngine implements EngineCore {
	readonly store = new ThemeStore();
	readonly constraints = new Constraints();
	private readonly knownStems = new Set<string>();
	/** words typed as acronyms ("ERP", "5S"): labels show them in capitals */
	private readonly acronyms = new Set<string>();
	private readonly questionWords: ReadonlySet<string>;
	/** which seed theme an input names by its label or keywords */
	readonly seedNames = new SeedNames();
	private readonly langCount: Record<Lang, number> = { nb: 0, en: 0 };
	private changes = 0;
	private needsCold = false;
	private version = 0;
	/** the last refinement's fine clusters, where the next one starts */
	private centres: Centre[] | undefined;
	/** inputs the live path placed since the last refinement (it has not confirmed them yet) */
	private readonly fresh = new Set<string>();
	readonly opts: EngineSettings;

	constructor(opts: EngineOptions = {}) {
		this.opts = { lang: 'auto', granularity: 0, seed: 1, ...opts };
		this.questionWords = questionWords(opts.question ?? '');
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
		else this.placeLive(rec);
		this.touch();
	}

	/** The seed theme an input names, when the facilitator has not placed it elsewhere. */
	private pulledBy(rec: InputRec): string | null {
		const named = this.seedNames.named(rec.f);
		const seed = named === null ? null : this.constraints.resolve(named);
		return seed !== null && this.store.themes.has(seed) ? seed : null;
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
		else this.placeLive(rec);
		this.touch();
	}

	remove(id: string): void {
		const rec = this.store.inputs.get(id);
		if (!rec) return;
		this.store.setTheme(id, null);
		this.store.pool.remove(id);
		if (!rec.hidden) this.store.stats.removeDoc(rec.f.terms);
		this.store.inputs.delete(id);
		this.fresh.delete(id);
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
			else this.placeLive(rec);
		}
		this.constraints.setHidden(id, hidden);
		this.touch();
	}

	private placeLive(rec: InputRec): void {
		const seed = this.pulledBy(rec);
		if (seed !== null) this.store.setTheme(rec.id, seed);
		else this.store.place(rec, this.themeCap());
		this.fresh.add(rec.id);
	}

	/** The most themes the live path may open: k, or the readable count for this many inputs. */
	private themeCap(): number {
		return this.opts.k ?? maxThemes(this.store.inputs.size, this.opts.granularity);
	}

	private analyze(text: string): InputFeatures {
		const f = analyze(text, { fallbackLang: this.lang, known: (s) => this.knownStems.has(s) });
		for (const t of tokenize(text)) {
			if (t.acronym) this.acronyms.add(t.word);
			if (!isStopword(t.word) && !t.word.includes('-')) this.knownStems.add(stem(t.word, 'nb'));
		}
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
		if (mergeThemes(this, themeIds, intoId)) this.touch();
	}

	/** Splits a theme; without groups the engine proposes two halves. Returns the theme ids. */
	split(themeId: string, inputIdGroups?: string[][]): string[] {
		const ids = splitTheme(this, themeId, inputIdGroups);
		if (!ids) return [];
		this.dropEmptyThemes();
		this.touch();
		return ids.filter((id) => this.store.themes.has(id));
	}

	/** The theme an id stands for now: itself, the theme it was merged into, or null if gone. */
	currentTheme(themeId: string): string | null {
		const id = this.constraints.resolve(themeId);
		return this.store.themes.has(id) ? id : null;
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
		const known = (s: string) => this.knownStems.has(s);
		theme.seedTerms = seedTermsOf(theme, this.lang, known);
		this.seedNames.set(theme.id, [theme.label, ...theme.seedKeywords]);
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
		const pulled: [string, string][] = [];
		if (this.seedNames.size)
			for (const rec of this.store.inputs.values()) {
				if (rec.hidden || this.constraints.fixedTarget(rec.id) !== undefined) continue;
				const seed = this.pulledBy(rec);
				if (seed !== null) pulled.push([rec.id, seed]);
			}
		return {
			...buildSnapshot(this, cold, pulled),
			centres: cold ? undefined : this.centres,
			fresh: [...this.fresh].filter((id) => this.store.inputs.get(id)?.theme != null),
			version: this.version
		};
	}

	applyRefinement(result: RefineResult, snapshot: RefineSnapshot): RefineStats {
		const stats = applyResult(this, result, snapshot);
		this.store.pairUnsorted(
			this.themeCap(),
			(id) => this.constraints.fixedTarget(id) !== undefined
		);
		relabelAfterRefinement(this, this.labelContext());
		this.centres = result.centres;
		for (const d of snapshot.docs) this.fresh.delete(d.id);
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
		return listThemes(this, () => this.labelContext());
	}

	private labelContext(): LabelContext {
		const stats = this.store.stats;
		return {
			df: (term) => {
				const id = stats.get(term);
				return id === undefined ? 0 : stats.df[id];
			},
			docs: stats.docs,
			lang: this.lang,
			question: this.questionWords,
			acronyms: this.acronyms
		};
	}

	unsorted(): string[] {
		return this.store.unsortedIds();
	}

	/** An input's text as the engine has it (null for an unknown id). */
	textOf(inputId: string): string | null {
		return this.store.inputs.get(inputId)?.text ?? null;
	}

	themeOf(inputId: string): string | null {
		return this.store.inputs.get(inputId)?.theme ?? null;
	}

	/** A theme's inputs that stand for it best (nearest its centre), best first. */
	representatives(themeId: string, n: number): string[] {
		const theme = this.store.themes.get(this.constraints.resolve(themeId));
		return theme ? representatives(this, theme, n) : [];
	}

	explain(inputId: string): string[] {
		return explainInput(this, inputId, this.labelContext());
	}

	// ---- persistence ------------------------------------------------------------------------

	exportState(): EngineState {
		return exportState(this);
	}

	/** Rebuilds an engine from stored inputs and the state exported before a restart. */
	static restore(state: EngineState, inputs: InputText[], opts: EngineOptions = {}): ThemeEngine {
		const engine = new ThemeEngine({ ...opts, granularity: state.granularity });
		importState(engine, state, inputs);
		engine.needsCold = false;
		engine.changes = 0;
		return engine;
	}
}

/** The question's words and their base forms, in both languages: they never name a theme. */
function questionWords(question: string): Set<string> {
	const out = new Set<string>();
	for (const { word } of tokenize(question)) {
		out.add(word);
		for (const lang of ['nb', 'en'] as const) for (const b of baseForms(word, lang)) out.add(b);
	}
	return out;
}
