import { describe, expect, it } from 'vitest';
import { vectorize } from '../../../src/lib/server/clustering/vectorize';
import { nearestNeighbours, smoothRows } from '../../../src/lib/server/clustering/knn';
import { kmeansPlusPlus, sphericalKMeans } from '../../../src/lib/server/clustering/kmeans';
import { clusterSums, normaliseColumns, type Csr } from '../../../src/lib/server/clustering/csr';
import { createRng } from '../../../src/lib/server/clustering/prng';

const words = [
	'bus',
	'tog',
	'sykkel',
	'vei',
	'parkering',
	'skole',
	'lærer',
	'klasse',
	'mat',
	'kantine'
];

function docs(n: number, seed = 3) {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => {
		const len = 2 + Math.floor(rng() * 4);
		const terms = [...new Set(Array.from({ length: len }, () => words[Math.floor(rng() * 10)]))];
		return { terms, weights: terms.map(() => 1 + Math.floor(rng() * 2)) };
	});
}

/** Straightforward dense version of the smoothing, for comparison. */
function smoothReference(X: Csr, m: number, beta: number, maxNnz: number) {
	const nb = nearestNeighbours(X, m);
	const rows: Map<number, number>[] = [];
	for (let i = 0; i < X.n; i++) {
		const acc = new Map<number, number>();
		const add = (r: number, w: number) => {
			for (let p = X.ptr[r]; p < X.ptr[r + 1]; p++)
				acc.set(X.col[p], (acc.get(X.col[p]) ?? 0) + w * X.val[p]);
		};
		add(i, 1);
		let total = 0;
		for (let a = 0; a < m; a++) if (nb.idx[i * m + a] >= 0) total += nb.sim[i * m + a];
		for (let a = 0; a < m; a++) {
			const j = nb.idx[i * m + a];
			if (j >= 0 && total > 0) add(j, (beta * nb.sim[i * m + a]) / total);
		}
		const kept = [...acc].sort((a, b) => b[1] - a[1]).slice(0, maxNnz);
		const norm = Math.sqrt(kept.reduce((s, [, v]) => s + v * v, 0));
		rows.push(new Map(kept.map(([t, v]) => [t, v / norm])));
	}
	return rows;
}

describe('typed-array building blocks', () => {
	it('vectorize gives sorted, unit-length rows', () => {
		const { X } = vectorize(docs(200));
		expect(X.ptr[X.n]).toBe(X.col.length);
		for (let i = 0; i < X.n; i++) {
			let norm = 0;
			for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) {
				if (p > X.ptr[i]) expect(X.col[p]).toBeGreaterThan(X.col[p - 1]);
				norm += X.val[p] * X.val[p];
			}
			if (X.ptr[i + 1] > X.ptr[i]) expect(norm).toBeCloseTo(1, 12);
		}
	});

	it('smoothRows matches a dense reference, pruned to maxNnz terms', () => {
		const { X } = vectorize(docs(150));
		const S = smoothRows(X, nearestNeighbours(X, 5), 1, 4);
		const ref = smoothReference(X, 5, 1, 4);
		expect(S.ptr[S.n]).toBe(S.col.length);
		for (let i = 0; i < S.n; i++) {
			expect(S.ptr[i + 1] - S.ptr[i]).toBe(ref[i].size);
			for (let p = S.ptr[i]; p < S.ptr[i + 1]; p++) {
				if (p > S.ptr[i]) expect(S.col[p]).toBeGreaterThan(S.col[p - 1]);
				// ties at the cut may pick a different term of equal weight
				if (ref[i].has(S.col[p])) expect(S.val[p]).toBeCloseTo(ref[i].get(S.col[p])!, 12);
			}
		}
	});

	it('seeding in place gives the same centres as seeding into a copy', () => {
		const { X } = vectorize(docs(300));
		const labels = Int32Array.from({ length: X.n }, (_, i) => (i % 7 < 3 ? i % 7 : -1));
		const T = 3;
		const K = 6;
		const start = clusterSums(X, labels, T);
		normaliseColumns(start, X.dims, T);
		const wide = clusterSums(X, labels, K);
		normaliseColumns(wide, X.dims, K);
		const copied = kmeansPlusPlus(X, K, createRng(5), start, T);
		const inPlace = kmeansPlusPlus(X, K, createRng(5), wide, T, true);
		expect(inPlace).toBe(wide);
		expect(Array.from(inPlace)).toEqual(Array.from(copied));
	});

	it('k-means updates its centroids in place and keeps those of empty clusters', () => {
		const { X } = vectorize(docs(120));
		const k = 4;
		const C = kmeansPlusPlus(X, k, createRng(2));
		const init = Float32Array.from(C);
		// every row is held in one of the first three clusters: the last one stays empty
		const fixed = Int32Array.from({ length: X.n }, (_, i) => i % 3);
		const res = sphericalKMeans(X, { k, centroids: C, maxIter: 5, fixed });
		expect(res.centroids).toBe(C);
		expect(res.labels.every((l) => l >= 0 && l < 3)).toBe(true);
		for (let t = 0; t < X.dims; t++) expect(res.centroids[t * k + 3]).toBe(init[t * k + 3]);
		const expected = clusterSums(X, res.labels, k);
		normaliseColumns(expected, X.dims, k);
		// after the last update the centroids are those of the labels of the step before; with
		// every row fixed the labels never change, so they are the normalised sums
		for (let t = 0; t < X.dims; t++)
			for (let c = 0; c < 3; c++)
				expect(res.centroids[t * k + c]).toBeCloseTo(expected[t * k + c], 6);
	});
});
