import type { Csr } from './csr';
import { tfWeight } from './sparse';

export interface TermDoc {
	terms: readonly string[];
	weights: readonly number[];
}

export interface Vectorized {
	X: Csr;
	/** column → term */
	terms: string[];
	column: Map<string, number>;
	idf: Float64Array;
}

/**
 * TF-IDF rows over the snapshot's own document frequencies. Terms used by fewer than `minDf`
 * inputs cannot link two inputs and are dropped, which keeps the matrix small.
 */
export function vectorize(docs: readonly TermDoc[], minDf = 2): Vectorized {
	const df = new Map<string, number>();
	for (const d of docs) for (const t of d.terms) df.set(t, (df.get(t) ?? 0) + 1);
	const column = new Map<string, number>();
	const terms: string[] = [];
	for (const [t, f] of df) if (f >= minDf) column.set(t, terms.push(t) - 1);
	const idf = new Float64Array(terms.length);
	const n = docs.length;
	terms.forEach((t, j) => (idf[j] = Math.log((1 + n) / (1 + df.get(t)!)) + 1));

	const ptr = new Int32Array(n + 1);
	const cols: number[] = [];
	const vals: number[] = [];
	const pairs: [number, number][] = [];
	docs.forEach((d, i) => {
		pairs.length = 0;
		for (let j = 0; j < d.terms.length; j++) {
			const c = column.get(d.terms[j]);
			if (c !== undefined) pairs.push([c, tfWeight(d.weights[j]) * idf[c]]);
		}
		pairs.sort((a, b) => a[0] - b[0]);
		let norm = 0;
		for (const [, v] of pairs) norm += v * v;
		norm = Math.sqrt(norm);
		for (const [c, v] of pairs) {
			cols.push(c);
			vals.push(v / norm);
		}
		ptr[i + 1] = cols.length;
	});
	return {
		X: { n, dims: terms.length, ptr, col: Int32Array.from(cols), val: Float64Array.from(vals) },
		terms,
		column,
		idf
	};
}
