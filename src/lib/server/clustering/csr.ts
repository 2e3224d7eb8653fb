/** Row-normalised sparse matrix (compressed rows): one row per input, columns are terms. */
export interface Csr {
	n: number;
	dims: number;
	ptr: Int32Array;
	col: Int32Array;
	val: Float64Array;
}

/**
 * Centroid matrices (term-major, dims × k) are single precision: they are the largest arrays
 * of a pass, and cosines need no more.
 */
/** Scores of row i against every centroid of a term-major matrix C (C[t * k + c]). */
export function rowScores(X: Csr, i: number, C: Float32Array, k: number, out: Float64Array): void {
	out.fill(0);
	for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) {
		const v = X.val[p];
		const base = X.col[p] * k;
		for (let c = 0; c < k; c++) out[c] += v * C[base + c];
	}
}

/** Column sums per cluster (term-major), i.e. un-normalised centroids. */
export function clusterSums(
	X: Csr,
	labels: Int32Array,
	k: number,
	into?: Float32Array
): Float32Array {
	const S = into ? into.fill(0) : new Float32Array(X.dims * k);
	for (let i = 0; i < X.n; i++) {
		const c = labels[i];
		if (c < 0) continue;
		for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) S[X.col[p] * k + c] += X.val[p];
	}
	return S;
}

/** Normalises each cluster column of S in place; returns the norms (0 for an empty cluster). */
export function normaliseColumns(S: Float32Array, dims: number, k: number): Float64Array {
	const norms = new Float64Array(k);
	for (let t = 0; t < dims; t++) {
		const base = t * k;
		for (let c = 0; c < k; c++) norms[c] += S[base + c] * S[base + c];
	}
	for (let c = 0; c < k; c++) norms[c] = Math.sqrt(norms[c]);
	for (let t = 0; t < dims; t++) {
		const base = t * k;
		for (let c = 0; c < k; c++) if (norms[c] > 0) S[base + c] /= norms[c];
	}
	return norms;
}

/** Dense copy of row i. */
export function denseRow(X: Csr, i: number, out: Float64Array): Float64Array {
	out.fill(0);
	for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) out[X.col[p]] = X.val[p];
	return out;
}

/** Similarity of every row to one dense vector. */
export function allScores(X: Csr, v: Float64Array, out: Float64Array): void {
	for (let i = 0; i < X.n; i++) {
		let s = 0;
		for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) s += X.val[p] * v[X.col[p]];
		out[i] = s;
	}
}

/** A random subset of rows (without replacement), as its own matrix. */
export function sampleRows(X: Csr, m: number, rng: () => number): Csr {
	const order = Array.from({ length: X.n }, (_, i) => i);
	for (let i = 0; i < m; i++) {
		const j = i + Math.floor(rng() * (X.n - i));
		[order[i], order[j]] = [order[j], order[i]];
	}
	const rows = order.slice(0, m).sort((a, b) => a - b);
	const ptr = new Int32Array(m + 1);
	rows.forEach((r, i) => (ptr[i + 1] = ptr[i] + X.ptr[r + 1] - X.ptr[r]));
	const col = new Int32Array(ptr[m]);
	const val = new Float64Array(ptr[m]);
	rows.forEach((r, i) => {
		col.set(X.col.subarray(X.ptr[r], X.ptr[r + 1]), ptr[i]);
		val.set(X.val.subarray(X.ptr[r], X.ptr[r + 1]), ptr[i]);
	});
	return { n: m, dims: X.dims, ptr, col, val };
}
