import { log } from '../log';
import {
	REFINE_DEBOUNCE_MS,
	REFINE_MAX_WAIT_MS,
	refineInBackground,
	ThemeEngine,
	type EngineState,
	type InputText
} from '../clustering/index';
import type { Language, ThemesSnapshot } from '../../shared/types';

export interface LiveThemesOptions {
	language: Language;
	/** the workshop's question: its words never name a theme */
	question?: string;
	/** Where a new map starts numbering its themes (ids stay unique across a workshop's questions). */
	firstThemeNumber?: number;
	refineWorkerUrl?: URL | string;
	/** Called whenever the themes may have changed (the caller coalesces). */
	onChange: () => void;
	/** Called with the engine state to keep (the caller debounces the write). */
	/** Called when the state changed; the caller exports it when it writes (debounced). */
	onPersist: () => void;
}

/**
 * One workshop's themes, live. Inputs are placed at once; refinements run on the engine's schedule
 * (enough changes, or a quiet moment), in a worker thread when the workshop is large, and never on
 * the path that acknowledges a submission.
 */
export class LiveThemes {
	// starts at the clock, so an engine opened later (after a restart, or on another node) counts
	// on from above what any earlier one sent
	private version = Date.now();
	private timer: NodeJS.Timeout | null = null;
	private firstPending: number | null = null;
	private refining = false;
	private again = false;
	private closed = false;
	/** While voting and after: no refinement reshapes the map people vote on. */
	private frozen = false;

	constructor(
		private engine: ThemeEngine,
		private readonly options: LiveThemesOptions
	) {}

	static create(
		inputs: InputText[],
		state: EngineState | null,
		options: LiveThemesOptions
	): LiveThemes {
		const engineOptions = { lang: options.language, question: options.question };
		if (state) return new LiveThemes(ThemeEngine.restore(state, inputs, engineOptions), options);
		const engine = new ThemeEngine(engineOptions);
		engine.store.nextTheme = options.firstThemeNumber ?? 1;
		for (const input of inputs) engine.add(input, { place: false });
		const live = new LiveThemes(engine, options);
		if (inputs.length > 0) engine.refine({ cold: true });
		return live;
	}

	get current(): ThemeEngine {
		return this.engine;
	}

	snapshot(history: ThemesSnapshot['history']): ThemesSnapshot {
		const state = this.engine.exportState();
		return {
			version: this.version,
			// the two inputs that stand for each theme best, as text: phones show them on the
			// voting cards (they have no other inputs than their own)
			themes: this.engine.themes().map((t) => ({
				...t,
				examples: t.quotes.slice(0, 2).map((id) => this.engine.textOf(id) ?? '')
			})),
			unsorted: this.engine.unsorted(),
			pinned: state.pinned,
			granularity: state.granularity,
			history
		};
	}

	/** Runs a change against the engine, announces it and schedules the next refinement. */
	change(run: (engine: ThemeEngine) => void): void {
		run(this.engine);
		this.changed();
	}

	/**
	 * Swaps in an engine rebuilt from a stored state (undo and redo). No refinement follows: the
	 * map is to be exactly the one it was, until new inputs arrive.
	 */
	replace(state: EngineState, inputs: InputText[]): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.firstPending = null;
		this.engine = ThemeEngine.restore(state, inputs, {
			lang: this.options.language,
			question: this.options.question
		});
		this.version++;
		this.options.onChange();
		this.options.onPersist();
	}

	private changed(): void {
		this.version++;
		this.options.onChange();
		this.options.onPersist();
		this.schedule();
	}

	get isFrozen(): boolean {
		return this.frozen;
	}

	setFrozen(frozen: boolean): void {
		this.frozen = frozen;
		if (frozen && this.timer) clearTimeout(this.timer);
		if (!frozen && this.engine.refineDue()) this.schedule();
	}

	private schedule(): void {
		if (this.closed || this.frozen) return;
		if (this.engine.refineDue()) return void this.runSoon(0);
		const now = Date.now();
		this.firstPending ??= now;
		const wait = Math.min(
			REFINE_DEBOUNCE_MS,
			Math.max(0, this.firstPending + REFINE_MAX_WAIT_MS - now)
		);
		this.runSoon(wait);
	}

	private runSoon(ms: number): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.refine(), ms);
		this.timer.unref();
	}

	/** One refinement pass; a change that lands meanwhile is kept and triggers another pass. */
	async refine(): Promise<void> {
		if (this.frozen) return;
		if (this.refining) {
			this.again = true;
			return;
		}
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.firstPending = null;
		this.refining = true;
		try {
			const engine = this.engine;
			const snapshot = engine.snapshot();
			const result = await refineInBackground(snapshot, {
				workerUrl: this.options.refineWorkerUrl
			});
			if (this.closed || engine !== this.engine) return; // replaced by undo/redo meanwhile
			engine.applyRefinement(result, snapshot);
			this.version++;
			this.options.onChange();
			this.options.onPersist();
		} catch (err) {
			log.error('theme refinement failed', {}, err);
		} finally {
			this.refining = false;
			if (this.again && !this.closed) {
				this.again = false;
				this.schedule();
			}
		}
	}

	close(): void {
		this.closed = true;
		if (this.timer) clearTimeout(this.timer);
	}
}
