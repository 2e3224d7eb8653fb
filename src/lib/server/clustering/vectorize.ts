import type { Csr } from './csr';
import { tfWeight } from './sparse';
import { idf as idfOf, lexiconTrust, specWeight } from './term-stats';

export interface TermDoc {
	terms: readonly string[];
	weights: readonly number[];
	spec?: readonly number[];
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
	let meaningDocs = 0;
	for (const d of docs)
		if (d.terms.some((t) => t.startsWith('~') || t.startsWith('^'))) meaningDocs++;
	terms.forEach((t, j) => (idf[j] = idfOf(t, df.get(t)!, n, meaningDocs)));
	const trust = lexiconTrust(meaningDocs, n);

	// rows straight into typed arrays: count first, then fill (no boxed number arrays)
	const ptr = new Int32Array(n + 1);
	docs.forEach((d, i) => {
		let m = 0;
		for (const t of d.terms) if (column.has(t)) m++;
		ptr[i + 1] = ptr[i] + m;
	});
	const col = new Int32Array(ptr[n]);
	const val = new Float64Array(ptr[n]);
	docs.forEach((d, i) => {
		const start = ptr[i];
		let end = start;
		for (let j = 0; j < d.terms.length; j++) {
			const c = column.get(d.terms[j]);
			if (c === undefined) continue;
			const v = tfWeight(d.weights[j] * specWeight(d.spec?.[j] ?? 1, trust)) * idf[c];
			// insertion sort by column (stable, rows are short)
			let q = end++;
			while (q > start && col[q - 1] > c) {
				col[q] = col[q - 1];
				val[q] = val[q - 1];
				q--;
			}
			col[q] = c;
			val[q] = v;
		}
		let norm = 0;
		for (let q = start; q < end; q++) norm += val[q] * val[q];
		norm = Math.sqrt(norm);
		// a row whose terms all weigh nothing (a concept every input carries) stays all zero
		if (norm > 0) for (let q = start; q < end; q++) val[q] /= norm;
	});
	return {
		X: { n, dims: terms.length, ptr, col, val },
		terms,
		column,
		idf
	};
}
