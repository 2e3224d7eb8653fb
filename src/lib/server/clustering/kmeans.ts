import {
	rowScores,
	clusterSums,
	normaliseColumns,
	denseRow,
	allScores,
	sampleRows,
	type Csr
} from './csr';
import { SEEDING_SAMPLE } from './params';

export interface KMeansOptions {
	k: number;
	/** initial centroids, term-major (C[t * k + c]), columns normalised; updated in place */
	centroids: Float32Array;
	maxIter: number;
	/** per row: a cluster it must stay in, -1 (free), or below -1 (left out) */
	fixed?: Int32Array;
	/** extra mass per cluster added before normalising (seed keywords), term-major */
	prior?: Float32Array;
	/** warm start: a row leaves its previous cluster only for a gain above `margin` */
	previous?: Int32Array;
	margin?: number;
	/** rows with no term in common with any centroid stay unassigned (-1) */
	allowUnassigned?: boolean;
}

export interface KMeansResult {
	labels: Int32Array;
	sims: Float64Array;
	objective: number;
	centroids: Float32Array;
	iterations: number;
}

/** Spherical k-means (cosine) on L2-normalised sparse rows. */
export function sphericalKMeans(X: Csr, opts: KMeansOptions): KMeansResult {
	const { k, maxIter } = opts;
	// One centroid buffer, the caller's (it is overwritten and returned): once every row is
	// assigned the old centroids are only needed for clusters left empty, and those few
	// columns are kept aside. A second dims × k buffer would be the largest array of a pass.
	const C = opts.centroids;
	const filled = new Uint8Array(k);
	let kept = new Float32Array(0);
	const labels = new Int32Array(X.n).fill(-1);
	const sims = new Float64Array(X.n);
	const scores = new Float64Array(k);
	let objective = 0;
	let it = 0;
	for (; it < maxIter; it++) {
		let changed = 0;
		objective = 0;
		for (let i = 0; i < X.n; i++) {
			const fixed = opts.fixed ? opts.fixed[i] : -1;
			rowScores(X, i, C, k, scores);
			let best = -1;
			let bestS = 0;
			if (fixed < -1) {
				labels[i] = -1;
				sims[i] = 0;
				continue;
			}
			if (fixed >= 0) {
				best = fixed;
				bestS = scores[fixed];
			} else {
				for (let c = 0; c < k; c++)
					if (scores[c] > bestS) {
						bestS = scores[c];
						best = c;
					}
				const prev = opts.previous ? opts.previous[i] : -1;
				if (prev >= 0 && best !== prev && bestS - scores[prev] <= (opts.margin ?? 0)) {
					best = prev;
					bestS = scores[prev];
				}
				if (best < 0 && !opts.allowUnassigned) best = prev >= 0 ? prev : 0;
			}
			if (labels[i] !== best) changed++;
			labels[i] = best;
			sims[i] = bestS;
			objective += bestS;
		}
		// the last few switching inputs do not change the themes; stop rather than chase them
		if (it > 0 && changed <= X.n / 1000) break;
		// An empty cluster keeps its old centroid rather than vanishing; the caller decides.
		// Rows have positive weights, so only a cluster without a non-empty row can end up
		// empty: its old column is kept aside before the sums overwrite it.
		filled.fill(0);
		for (let i = 0; i < X.n; i++)
			if (labels[i] >= 0 && X.ptr[i + 1] > X.ptr[i]) filled[labels[i]] = 1;
		const empty: number[] = [];
		for (let c = 0; c < k; c++) if (!filled[c]) empty.push(c);
		if (kept.length < empty.length * X.dims) kept = new Float32Array(empty.length * X.dims);
		empty.forEach((c, e) => {
			for (let t = 0; t < X.dims; t++) kept[e * X.dims + t] = C[t * k + c];
		});
		clusterSums(X, labels, k, C);
		if (opts.prior) for (let j = 0; j < C.length; j++) C[j] += opts.prior[j];
		const norms = normaliseColumns(C, X.dims, k);
		empty.forEach((c, e) => {
			if (norms[c] === 0) for (let t = 0; t < X.dims; t++) C[t * k + c] = kept[e * X.dims + t];
		});
	}
	return { labels, sims, objective, centroids: C, iterations: it };
}

/** The first `size` entries of a buffer, if it is large enough. */
export function fit(buf: Float32Array | undefined, size: number): Float32Array | undefined {
	return buf && buf.length >= size ? buf.subarray(0, size) : undefined;
}

/**
 * k-means++ seeding on cosine distance, greedy (best of a few candidates per step). The first
 * `startK` centres are given in `startWith` (term-major over `startK` columns); with `inPlace`,
 * `startWith` is term-major over all k columns already and the other centres are written
 * into it, which saves a copy of the centroid matrix.
 */
export function kmeansPlusPlus(
	X0: Csr,
	k: number,
	rng: () => number,
	startWith?: Float32Array,
	startK = 0,
	inPlace = false
): Float32Array {
	const X = X0.n > SEEDING_SAMPLE ? sampleRows(X0, SEEDING_SAMPLE, rng) : X0;
	const C = inPlace && startWith ? startWith : new Float32Array(X.dims * k);
	const stride = inPlace ? k : startK;
	if (X.n === 0) return inPlace ? C.fill(0) : C;
	const best = new Float64Array(X.n); // best similarity to any chosen centre so far
	const tmp = new Float64Array(X.n);
	const row = new Float64Array(X.dims);
	const put = (c: number, v: Float64Array) => {
		for (let t = 0; t < X.dims; t++) C[t * k + c] = v[t];
	};
	const column = new Float64Array(X.dims);
	for (let c = 0; c < startK; c++) {
		for (let t = 0; t < X.dims; t++) column[t] = startWith![t * stride + c];
		if (!inPlace) put(c, column);
		allScores(X, column, tmp);
		for (let i = 0; i < X.n; i++) if (tmp[i] > best[i]) best[i] = tmp[i];
	}
	const trials = 2 + Math.floor(Math.log(k));
	for (let c = startK; c < k; c++) {
		let bestCand = -1;
		let bestCost = Infinity;
		let bestSims: Float64Array | null = null;
		for (let tr = 0; tr < (c === 0 ? 1 : trials); tr++) {
			const cand = c === 0 ? Math.floor(rng() * X.n) : sampleByDistance(best, rng);
			allScores(X, denseRow(X, cand, row), tmp);
			let cost = 0;
			for (let i = 0; i < X.n; i++) cost += 1 - Math.max(best[i], tmp[i]);
			if (cost < bestCost) {
				bestCost = cost;
				bestCand = cand;
				bestSims = Float64Array.from(tmp);
			}
		}
		put(c, denseRow(X, bestCand, row));
		for (let i = 0; i < X.n; i++) if (bestSims![i] > best[i]) best[i] = bestSims![i];
	}
	return C;
}

function sampleByDistance(best: Float64Array, rng: () => number): number {
	let total = 0;
	for (let i = 0; i < best.length; i++) total += Math.max(0, 1 - best[i]);
	let r = rng() * total;
	for (let i = 0; i < best.length; i++) {
		r -= Math.max(0, 1 - best[i]);
		if (r <= 0) return i;
	}
	return best.length - 1;
}
