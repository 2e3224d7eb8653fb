export interface SparseVec {
	idx: Int32Array;
	val: Float64Array;
}

export const EMPTY_VEC: SparseVec = { idx: new Int32Array(0), val: new Float64Array(0) };

/** Sublinear term frequency, so a word typed twice does not count double. */
export function tfWeight(w: number): number {
	return w <= 1 ? w : 1 + Math.log(w);
}

/** TF-IDF vector, L2-normalised; terms with no weight are left out. */
export function tfidfVector(
	ids: readonly number[],
	weights: readonly number[],
	idf: (id: number) => number
): SparseVec {
	const pairs: [number, number][] = [];
	for (let i = 0; i < ids.length; i++) {
		const v = tfWeight(weights[i]) * idf(ids[i]);
		if (v > 0) pairs.push([ids[i], v]);
	}
	pairs.sort((a, b) => a[0] - b[0]);
	let norm = 0;
	for (const [, v] of pairs) norm += v * v;
	norm = Math.sqrt(norm);
	const idx = new Int32Array(pairs.length);
	const val = new Float64Array(pairs.length);
	pairs.forEach(([i, v], j) => {
		idx[j] = i;
		val[j] = v / norm;
	});
	return { idx, val };
}

export function sparseDot(a: SparseVec, b: SparseVec): number {
	let i = 0;
	let j = 0;
	let s = 0;
	while (i < a.idx.length && j < b.idx.length) {
		if (a.idx[i] === b.idx[j]) s += a.val[i++] * b.val[j++];
		else if (a.idx[i] < b.idx[j]) i++;
		else j++;
	}
	return s;
}
