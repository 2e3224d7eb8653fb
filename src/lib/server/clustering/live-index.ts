import type { SparseVec } from './sparse';

/**
 * Theme centroids as an inverted index (term → theme → summed weight), so placing an input
 * touches only the themes that share one of its terms, never every input.
 */
export class CentroidIndex {
	private readonly postings = new Map<number, Map<string, number>>();
	private readonly norm2 = new Map<string, number>();

	addTheme(theme: string): void {
		if (!this.norm2.has(theme)) this.norm2.set(theme, 0);
	}

	removeTheme(theme: string, vectors: Iterable<SparseVec>): void {
		for (const v of vectors)
			for (let j = 0; j < v.idx.length; j++) this.postings.get(v.idx[j])?.delete(theme);
		this.norm2.delete(theme);
	}

	clear(): void {
		this.postings.clear();
		this.norm2.clear();
	}

	/** Adds (sign 1) or removes (sign -1) a vector, scaled, from a theme's sum. */
	update(theme: string, v: SparseVec, sign: 1 | -1, scale = 1): void {
		let dot = 0;
		let self = 0;
		for (let j = 0; j < v.idx.length; j++) {
			const t = v.idx[j];
			const x = v.val[j] * scale;
			let post = this.postings.get(t);
			if (!post) this.postings.set(t, (post = new Map()));
			const old = post.get(theme) ?? 0;
			dot += old * x;
			self += x * x;
			const next = old + sign * x;
			if (Math.abs(next) < 1e-12) post.delete(theme);
			else post.set(theme, next);
		}
		// |S ± x|² = |S|² ± 2 S·x + |x|², kept incrementally instead of re-summing the theme
		const n2 = (this.norm2.get(theme) ?? 0) + sign * 2 * dot + self;
		this.norm2.set(theme, Math.max(0, n2));
	}

	/** Cosine of v to every theme that shares a term with it. */
	scores(v: SparseVec): Map<string, number> {
		const acc = new Map<string, number>();
		for (let j = 0; j < v.idx.length; j++) {
			const post = this.postings.get(v.idx[j]);
			if (!post) continue;
			for (const [theme, s] of post) acc.set(theme, (acc.get(theme) ?? 0) + v.val[j] * s);
		}
		for (const [theme, s] of acc) {
			if (!this.norm2.has(theme)) {
				acc.delete(theme);
				continue;
			}
			const n = Math.sqrt(this.norm2.get(theme)!);
			acc.set(theme, n > 0 ? s / n : 0);
		}
		return acc;
	}

	/** Mean cosine of a theme's `size` members to its centroid: |Σ x| / size for unit rows. */
	cohesion(theme: string, size: number): number {
		return size > 0 ? Math.sqrt(this.norm2.get(theme) ?? 0) / size : 0;
	}

	best(v: SparseVec): { theme: string; score: number } | null {
		let best: { theme: string; score: number } | null = null;
		for (const [theme, score] of this.scores(v))
			if (!best || score > best.score) best = { theme, score };
		return best;
	}
}

/** Unsorted inputs indexed by term, to find a partner for a newcomer without a scan. */
export class UnsortedPool {
	private readonly byTerm = new Map<number, Set<string>>();
	private readonly terms = new Map<string, number[]>();

	get size(): number {
		return this.terms.size;
	}

	has(id: string): boolean {
		return this.terms.has(id);
	}

	ids(): IterableIterator<string> {
		return this.terms.keys();
	}

	add(id: string, termIds: number[]): void {
		this.remove(id);
		this.terms.set(id, termIds);
		for (const t of termIds) {
			let s = this.byTerm.get(t);
			if (!s) this.byTerm.set(t, (s = new Set()));
			s.add(id);
		}
	}

	remove(id: string): void {
		const termIds = this.terms.get(id);
		if (!termIds) return;
		for (const t of termIds) this.byTerm.get(t)?.delete(id);
		this.terms.delete(id);
	}

	/** Inputs sharing at least one term, capped so a very common term cannot make this slow. */
	candidates(termIds: Iterable<number>, cap = 200): Set<string> {
		const out = new Set<string>();
		for (const t of termIds) {
			const s = this.byTerm.get(t);
			if (!s) continue;
			for (const id of s) {
				out.add(id);
				if (out.size >= cap) return out;
			}
		}
		return out;
	}
}
