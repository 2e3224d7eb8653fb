import type { Csr } from './csr';

/** Gram matrix of cluster sums: G[a * k + b] = S_a · S_b, computed through the rows (k × nnz). */
export function clusterGram(X: Csr, labels: Int32Array, k: number): Float64Array {
	const G = new Float64Array(k * k);
	const S = new Float64Array(X.dims);
	const members: number[][] = Array.from({ length: k }, () => []);
	for (let i = 0; i < X.n; i++) if (labels[i] >= 0) members[labels[i]].push(i);
	for (let a = 0; a < k; a++) {
		S.fill(0);
		for (const i of members[a])
			for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) S[X.col[p]] += X.val[p];
		for (let i = 0; i < X.n; i++) {
			const b = labels[i];
			if (b < 0) continue;
			let s = 0;
			for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) s += S[X.col[p]] * X.val[p];
			G[a * k + b] += s;
		}
	}
	return G;
}

export type Linkage = 'average' | 'objective' | 'centroid';

export interface MergeStep {
	a: number;
	b: number;
	/** linkage score of the merge: average cosine, or the loss of k-means objective */
	score: number;
}

/**
 * Going on past the similarity threshold. Broad themes (many wordings of one topic) are still
 * split there into clusters that share few words. Merging those costs almost no separation
 * (within- over between-theme similarity, averaged over pairs), while merging distinct themes
 * costs a lot. So merging goes on while each merge joins clusters at least `ratio` times as
 * similar as two inputs of different clusters, and of the counts passed the one maximising
 * log(separation) − tau · log(count) is kept: fewer themes only where separation falls more
 * slowly than count^tau.
 */
export interface ExtendRule {
	ratio: number;
	tau: number;
}

/**
 * Greedy agglomeration of clusters given their Gram matrix and sizes. Stops at `target`
 * clusters or when no pair scores above `minScore` (average linkage), or past it by `extend`.
 * `canMerge` lets the caller forbid pairs (facilitator constraints). With `extendBudget`, merges
 * past `minScore` that the budget cannot pay for are skipped. Returns the group of each input
 * cluster. Rows are assumed unit vectors (for `extend`).
 */
export function agglomerate(
	G: Float64Array,
	sizes: readonly number[],
	opts: {
		target: number;
		linkage: Linkage;
		minScore?: number;
		canMerge?: (a: number, b: number) => boolean;
		extend?: ExtendRule;
		/** inputs that merges past `minScore` may move (the smaller side of each), in all */
		extendBudget?: number;
	}
): { group: Int32Array; steps: MergeStep[] } {
	if (opts.extend === undefined || opts.extendBudget === undefined || opts.minScore === undefined)
		return merge(G, sizes, opts, false);
	// With a budget: the count is chosen as without one, then merging goes on towards it while
	// the budget pays; a merge it cannot pay for is skipped and cheaper ones go on (later passes
	// do the rest).
	const free = merge(G, sizes, { ...opts, extendBudget: undefined }, false);
	const count = sizes.filter((s) => s > 0).length - free.steps.length;
	return merge(G, sizes, { ...opts, target: Math.max(opts.target, count) }, true);
}

function merge(
	G: Float64Array,
	sizes: readonly number[],
	opts: Parameters<typeof agglomerate>[2],
	skipOverBudget: boolean
): { group: Int32Array; steps: MergeStep[] } {
	const k = sizes.length;
	const g = Float64Array.from(G);
	const n = Float64Array.from(sizes);
	const alive = new Uint8Array(k).fill(1);
	const group = Int32Array.from({ length: k }, (_, i) => i);
	const blocked = new Set<number>();
	const steps: MergeStep[] = [];
	let count = sizes.filter((s) => s > 0).length;
	for (let a = 0; a < k; a++) if (n[a] === 0) alive[a] = 0;
	// pair statistics for `extend`: Σ within (self-pairs included), Σ all, Σ n_c², N
	let N = 0;
	let total = 0;
	let within = 0;
	let sq = 0;
	for (let a = 0; a < k; a++) {
		if (!alive[a]) continue;
		N += n[a];
		within += g[a * k + a];
		sq += n[a] * n[a];
		for (let b = 0; b < k; b++) if (alive[b]) total += g[a * k + b];
	}
	const between = () => (total - within) / Math.max(1, N * N - sq);
	const fit = () => {
		const w = (within - N) / Math.max(1, sq - N);
		const b = between();
		return w > 0 && b > 0 ? Math.log(w / b) - opts.extend!.tau * Math.log(count) : -Infinity;
	};
	let moved = 0;
	let withinBudget = 0;
	let extended = -1; // steps taken when `minScore` was reached
	let bestSteps = 0;
	let bestFit = -Infinity;
	const score = (a: number, b: number): number => {
		if (opts.linkage === 'average') return g[a * k + b] / (n[a] * n[b]);
		if (opts.linkage === 'centroid') return g[a * k + b] / Math.sqrt(g[a * k + a] * g[b * k + b]);
		const na = Math.sqrt(Math.max(0, g[a * k + a]));
		const nb = Math.sqrt(Math.max(0, g[b * k + b]));
		const nab = Math.sqrt(Math.max(0, g[a * k + a] + g[b * k + b] + 2 * g[a * k + b]));
		return -(na + nb - nab); // objective lost by merging; closer to 0 is better
	};
	const overBudget = (s: number, a: number, b: number) =>
		skipOverBudget && s < opts.minScore! && moved + Math.min(n[a], n[b]) > opts.extendBudget!;
	while (count > opts.target) {
		let best = -Infinity;
		let ba = -1;
		let bb = -1;
		for (let a = 0; a < k; a++) {
			if (!alive[a]) continue;
			for (let b = a + 1; b < k; b++) {
				if (!alive[b] || blocked.has(a * k + b)) continue;
				const s = score(a, b);
				if (s > best) {
					if (opts.canMerge && !opts.canMerge(a, b)) {
						blocked.add(a * k + b);
						continue;
					}
					// past the threshold, a merge that would move more inputs than the budget has
					// left is skipped (for good: the budget only shrinks); cheaper ones go on
					if (overBudget(s, a, b)) {
						blocked.add(a * k + b);
						continue;
					}
					best = s;
					ba = a;
					bb = b;
				}
			}
		}
		if (ba < 0) break;
		if (opts.minScore !== undefined && best < opts.minScore) {
			if (!opts.extend || best <= 0 || best < opts.extend.ratio * between()) break;
			moved += Math.min(n[ba], n[bb]);
			if (extended < 0) {
				extended = steps.length;
				bestSteps = extended;
				withinBudget = extended;
				bestFit = fit();
			}
		}
		steps.push({ a: ba, b: bb, score: best });
		const diag = g[ba * k + ba] + g[bb * k + bb] + 2 * g[ba * k + bb];
		within += diag - g[ba * k + ba] - g[bb * k + bb];
		sq += 2 * n[ba] * n[bb];
		for (let c = 0; c < k; c++) {
			g[ba * k + c] += g[bb * k + c];
			g[c * k + ba] = g[ba * k + c];
		}
		g[ba * k + ba] = diag;
		n[ba] += n[bb];
		alive[bb] = 0;
		for (let c = 0; c < k; c++) if (group[c] === bb) group[c] = ba;
		count--;
		if (extended >= 0) {
			if (opts.extendBudget === undefined || moved <= opts.extendBudget)
				withinBudget = steps.length;
			const f = fit();
			if (f > bestFit) {
				bestFit = f;
				bestSteps = steps.length;
			}
		}
	}
	if (skipOverBudget) return { group, steps };
	// within the budget, a prefix of the merges towards the chosen count (later passes go on)
	if (extended >= 0) bestSteps = Math.min(bestSteps, withinBudget);
	if (extended < 0 || bestSteps === steps.length) return { group, steps };
	const kept = steps.slice(0, bestSteps);
	const regroup = Int32Array.from({ length: k }, (_, i) => i);
	for (const { a, b } of kept) for (let c = 0; c < k; c++) if (regroup[c] === b) regroup[c] = a;
	return { group: regroup, steps: kept };
}

/**
 * How well a labelling separates the rows: mean cosine of two rows in the same cluster over the
 * mean cosine of two rows in different clusters (pairs, not clusters, are averaged, so the
 * measure favours neither many small nor a few large clusters). Unlabelled rows are ignored.
 */
export function separation(X: Csr, labels: Int32Array, k: number): number {
	const sums = new Float32Array(X.dims * k);
	const size = new Float64Array(k);
	const total = new Float64Array(X.dims);
	for (let i = 0; i < X.n; i++) {
		const c = labels[i];
		if (c < 0) continue;
		size[c]++;
		for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) {
			sums[X.col[p] * k + c] += X.val[p];
			total[X.col[p]] += X.val[p];
		}
	}
	// Σ over ordered pairs (self-pairs included) of x_i · x_j, within clusters and overall
	let within = 0;
	let all = 0;
	for (let t = 0; t < X.dims; t++) {
		all += total[t] * total[t];
		for (let c = 0; c < k; c++) within += sums[t * k + c] * sums[t * k + c];
	}
	let self = 0;
	let n = 0;
	let pairsWithin = 0;
	for (let c = 0; c < k; c++) {
		n += size[c];
		pairsWithin += size[c] * (size[c] - 1);
	}
	for (let i = 0; i < X.n; i++)
		if (labels[i] >= 0) for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) self += X.val[p] * X.val[p];
	const pairsBetween = n * n - n - pairsWithin;
	if (pairsWithin === 0 || pairsBetween === 0) return 0;
	const w = (within - self) / pairsWithin;
	const b = (all - within) / pairsBetween;
	return b > 0 ? w / b : Infinity;
}
