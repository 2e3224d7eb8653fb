import type { InputFeatures } from './analyze';
import { TermStats, specWeight } from './term-stats';
import { CentroidIndex, UnsortedPool } from './live-index';
import { tfidfVector, sparseDot, type SparseVec } from './sparse';
import {
	PAIR_SIMILARITY,
	PLACE_FLOOR,
	PLACE_RELATIVE,
	PLACE_SIMILARITY,
	SEED_MASS
} from './params';

export interface InputRec {
	id: string;
	text: string;
	f: InputFeatures;
	termIds: number[];
	vec: SparseVec;
	theme: string | null;
	hidden: boolean;
}

export interface ThemeRec {
	id: string;
	label: string;
	labelLocked: boolean;
	seed: boolean;
	seedKeywords: string[];
	seedTerms: string[];
	members: Set<string>;
	keywords: string[];
	/** the members nearest the theme's centre, best first (kept with the keywords) */
	quotes: string[];
	/** members changed since keywords, quotes (and a first label) were worked out */
	labelDirty: boolean;
	/** every label the engine has given this theme: it never goes back to one of them */
	labelHistory: string[];
	/** a better label seen at the last refinement; it takes over if the next one agrees */
	pendingLabel: string | null;
}

/**
 * Inputs, themes and the live indexes kept consistent with each other. Every change of an
 * input's theme goes through `setTheme`, so the centroid index never drifts from the members.
 */
export class ThemeStore {
	readonly inputs = new Map<string, InputRec>();
	readonly themes = new Map<string, ThemeRec>();
	readonly stats = new TermStats();
	private readonly index = new CentroidIndex();
	readonly pool = new UnsortedPool();
	nextTheme = 1;

	/** Creates a theme; ids are never reused within one engine. */
	newTheme(props: Partial<ThemeRec> = {}, restoredId?: string): ThemeRec {
		const id = restoredId ?? `t${this.nextTheme++}`;
		const theme: ThemeRec = {
			id,
			label: '',
			labelLocked: false,
			seed: false,
			seedKeywords: [],
			seedTerms: [],
			keywords: [],
			quotes: [],
			labelDirty: true,
			labelHistory: [],
			pendingLabel: null,
			...props,
			members: new Set()
		};
		this.themes.set(id, theme);
		this.index.addTheme(id);
		if (theme.seedTerms.length) this.index.update(id, this.seedVector(theme), 1, SEED_MASS);
		return theme;
	}

	deleteTheme(id: string): void {
		const theme = this.themes.get(id);
		if (!theme) return;
		for (const m of [...theme.members]) this.setTheme(m, null);
		this.index.removeTheme(id, theme.seedTerms.length ? [this.seedVector(theme)] : []);
		this.themes.delete(id);
	}

	vectorOf(rec: InputRec): SparseVec {
		const trust = this.stats.trust();
		const weights = rec.f.weights.map((w, i) => w * specWeight(rec.f.spec[i] ?? 1, trust));
		return tfidfVector(rec.termIds, weights, (t) => this.stats.idf(t));
	}

	/** Seed keywords count even before any input used them, hence the floor on their idf. */
	seedVector(theme: ThemeRec): SparseVec {
		const ids = theme.seedTerms.map((t) => this.stats.id(t));
		const floor = Math.log(1 + this.stats.docs) + 1;
		return tfidfVector(
			ids,
			ids.map(() => 1),
			(t) => Math.max(this.stats.idf(t), this.stats.df[t] < 2 ? floor : 0)
		);
	}

	/** Moves an input to a theme or (null) to the unsorted tray, keeping the indexes in step. */
	setTheme(inputId: string, themeId: string | null): void {
		const rec = this.inputs.get(inputId);
		if (!rec) return;
		if (rec.theme !== null) {
			const old = this.themes.get(rec.theme);
			if (old) {
				old.members.delete(inputId);
				old.labelDirty = true;
				this.index.update(old.id, rec.vec, -1);
			}
		}
		this.pool.remove(inputId);
		rec.theme = themeId !== null && this.themes.has(themeId) ? themeId : null;
		if (rec.hidden) rec.theme = null;
		else if (rec.theme === null) this.pool.add(inputId, rec.termIds);
		else {
			const theme = this.themes.get(rec.theme)!;
			theme.members.add(inputId);
			theme.labelDirty = true;
			this.index.update(theme.id, rec.vec, 1);
		}
	}

	/** The live path: join the closest theme, or pair up with a waiting input, or wait. */
	place(rec: InputRec, maxThemes = Infinity): void {
		const best = this.index.best(rec.vec);
		if (best && this.fits(best.theme, best.score)) return this.setTheme(rec.id, best.theme);
		// With a fixed number of themes asked for, a newcomer joins the nearest one instead.
		if (this.themes.size >= maxThemes)
			return this.setTheme(rec.id, best && best.score > 0 ? best.theme : null);
		let partner: string | null = null;
		let partnerSim = PAIR_SIMILARITY;
		for (const id of this.pool.candidates(rec.vec.idx)) {
			const other = this.inputs.get(id);
			if (!other || id === rec.id) continue;
			const s = sparseDot(rec.vec, this.vectorOf(other));
			if (s >= partnerSim) {
				partnerSim = s;
				partner = id;
			}
		}
		if (partner === null) return this.setTheme(rec.id, null);
		const theme = this.newTheme();
		const other = this.inputs.get(partner)!;
		other.vec = this.vectorOf(other);
		this.setTheme(partner, theme.id);
		this.setTheme(rec.id, theme.id);
	}

	/**
	 * After a refinement, with today's idf: unsorted inputs that mean the same open a theme
	 * together, by the live path's pairing rule. On arrival a pair is judged with the statistics
	 * of the moment, and a concept the first few inputs all share weighs nothing then ("nedetid"
	 * and "maskinene står" as the first two inputs); later nobody compared them again. A waiting
	 * input may join a theme opened here, never one that was there before (the pass decided
	 * those). `skip` names inputs the facilitator put in the tray.
	 */
	pairUnsorted(maxThemes: number, skip: (inputId: string) => boolean): number {
		const opened = new Set<string>();
		for (const id of [...this.pool.ids()]) {
			if (this.themes.size >= maxThemes) break;
			const rec = this.inputs.get(id);
			if (!rec || rec.theme !== null || skip(id)) continue;
			const best = this.index.best(rec.vec);
			if (best && opened.has(best.theme) && this.fits(best.theme, best.score)) {
				this.setTheme(id, best.theme);
				continue;
			}
			let partner: string | null = null;
			let partnerSim = PAIR_SIMILARITY;
			for (const other of this.pool.candidates(rec.vec.idx)) {
				if (other === id || skip(other)) continue;
				const s = sparseDot(rec.vec, this.inputs.get(other)!.vec);
				if (s >= partnerSim) {
					partnerSim = s;
					partner = other;
				}
			}
			if (partner === null) continue;
			const theme = this.newTheme();
			opened.add(theme.id);
			this.setTheme(partner, theme.id);
			this.setTheme(id, theme.id);
		}
		return opened.size;
	}

	/**
	 * Whether an input at cosine `score` to a theme's centroid belongs there: above the fixed
	 * threshold, or for a broad theme (many wordings, so no member is very close to the centroid)
	 * at least `PLACE_RELATIVE` of its members' own mean cosine to it.
	 */
	private fits(themeId: string, score: number): boolean {
		if (score >= PLACE_SIMILARITY) return true;
		const size = this.themes.get(themeId)?.members.size ?? 0;
		if (size < 3 || score < PLACE_FLOOR) return false;
		return score >= PLACE_RELATIVE * this.index.cohesion(themeId, size);
	}

	/** Recomputes every vector with today's idf and rebuilds the indexes from the members. */
	rebuild(): void {
		this.index.clear();
		for (const t of this.themes.values()) {
			this.index.addTheme(t.id);
			if (t.seedTerms.length) this.index.update(t.id, this.seedVector(t), 1, SEED_MASS);
		}
		for (const rec of this.inputs.values()) {
			rec.vec = this.vectorOf(rec);
			if (rec.theme !== null) this.index.update(rec.theme, rec.vec, 1);
		}
	}

	unsortedIds(): string[] {
		return [...this.pool.ids()];
	}
}
