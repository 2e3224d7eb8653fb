import { vectorize } from './vectorize';
import { nearestNeighbours, smoothRows } from './knn';
import { clusterSums, normaliseColumns, type Csr } from './csr';
import type { Centre, RefineSnapshot } from './refine-types';
import { SEED_MASS, SMOOTH_MAX_TERMS, SMOOTH_MIN_INPUTS, TUNING } from './params';

/** Row value for an input the facilitator sent to the unsorted tray. */
export const FIXED_UNSORTED = -2;

export interface Problem {
	X: Csr;
	/** rows with no usable term: they can only be unsorted */
	empty: Uint8Array;
	/** snapshot theme index per row (-1 none) */
	previous: Int32Array;
	/** placed by an earlier pass (not only by the live path since the last one) */
	settled: Uint8Array;
	/** facilitator's placement per row: theme index, FIXED_UNSORTED, or -1 (free) */
	fixed: Int32Array;
	/** seed keyword mass per theme index, term-major over `themeCount` columns */
	prior: Float32Array | null;
	themeCount: number;
	themeIndex: Map<string, number>;
	/** column → term, and back */
	terms: string[];
	column: Map<string, number>;
}

export function setUp(snap: RefineSnapshot): Problem {
	const V = vectorize(snap.docs);
	const raw = V.X;
	const empty = new Uint8Array(raw.n);
	for (let i = 0; i < raw.n; i++) empty[i] = raw.ptr[i + 1] === raw.ptr[i] ? 1 : 0;
	const X =
		raw.n >= SMOOTH_MIN_INPUTS
			? smoothRows(raw, nearestNeighbours(raw, TUNING.smoothM), TUNING.smoothBeta, SMOOTH_MAX_TERMS)
			: raw;

	const row = new Map(snap.docs.map((d, i) => [d.id, i]));
	const themeIndex = new Map(snap.themes.map((t, i) => [t.id, i]));
	const T = snap.themes.length;
	const previous = new Int32Array(X.n).fill(-1);
	snap.themes.forEach((t, ti) => {
		for (const id of t.inputIds) {
			const r = row.get(id);
			if (r !== undefined) previous[r] = ti;
		}
	});
	const settled = Uint8Array.from(previous, (l) => (l >= 0 ? 1 : 0));
	for (const id of snap.fresh ?? []) {
		const r = row.get(id);
		if (r !== undefined) settled[r] = 0;
	}
	const fixed = new Int32Array(X.n).fill(-1);
	for (const [inputId, themeId] of snap.fixed) {
		const r = row.get(inputId);
		if (r === undefined) continue;
		const ti = themeId === null ? undefined : themeIndex.get(themeId);
		fixed[r] = ti === undefined ? FIXED_UNSORTED : ti;
	}

	let prior: Float32Array | null = null;
	snap.themes.forEach((t, ti) => {
		if (!t.seedTerms?.length) return;
		const cols = t.seedTerms
			.map((term) => V.column.get(term))
			.filter((c): c is number => c !== undefined);
		if (!cols.length) return;
		prior ??= new Float32Array(X.dims * T);
		const w = SEED_MASS / Math.sqrt(cols.length);
		for (const c of cols) prior[c * T + ti] += w;
	});
	return {
		X,
		empty,
		previous,
		settled,
		fixed,
		prior,
		themeCount: T,
		themeIndex,
		terms: V.terms,
		column: V.column
	};
}

/**
 * Normalised centroids of the given labelling plus seed mass, term-major over k columns;
 * written into `into` (dims × k entries) when given.
 */
export function centroidsOf(
	p: Problem,
	labels: Int32Array,
	k: number,
	prior?: Float32Array,
	into?: Float32Array
): Float32Array {
	const S = clusterSums(p.X, labels, k, into);
	if (prior) for (let j = 0; j < S.length; j++) S[j] += prior[j];
	normaliseColumns(S, p.X.dims, k);
	return S;
}

/** Seed mass for clustering columns: column j carries the seed of theme `cols[j]`, if any. */
export function priorFor(p: Problem, cols: readonly number[]): Float32Array | undefined {
	if (!p.prior) return undefined;
	const T = p.themeCount;
	const k = cols.length;
	const out = new Float32Array(p.X.dims * k);
	for (let t = 0; t < p.X.dims; t++)
		for (let j = 0; j < k; j++) if (cols[j] < T) out[t * k + j] = p.prior[t * T + cols[j]];
	return out;
}

/** Most weighted terms kept of a centre carried to the next pass. */
const CENTRE_TERMS = 40;

/** The non-empty columns of a term-major centroid matrix as sparse centres. */
export function centresOf(
	p: Problem,
	C: Float32Array,
	k: number,
	sizes: readonly number[]
): Centre[] {
	const out: Centre[] = [];
	const col = new Float64Array(p.X.dims);
	// largest first: a pass with fewer columns keeps those
	const order = range(k).sort((a, b) => sizes[b] - sizes[a]);
	for (const c of order) {
		if (!sizes[c]) continue;
		for (let t = 0; t < p.X.dims; t++) col[t] = C[t * k + c];
		const top = topIndices(col, CENTRE_TERMS);
		out.push({ terms: top.map((t) => p.terms[t]), weights: top.map((t) => col[t]) });
	}
	return out;
}

/**
 * Seeds for a live pass: the current themes' centroids (columns 0…T−1), then as many of the
 * previous pass's centres as fit, laid out term-major over all `k` columns (the rest left
 * empty for k-means++ to fill in place, so no second centroid matrix is needed).
 */
export function seedsOf(
	p: Problem,
	centres: readonly Centre[],
	k: number
): { C: Float32Array; count: number } {
	const T = p.themeCount;
	const C =
		T > 0 ? centroidsOf(p, p.previous, k, priorFor(p, range(k))) : new Float32Array(p.X.dims * k);
	const usable = centres
		.map((c) => c.terms.map((t, j) => [p.column.get(t), c.weights[j]] as const))
		.map((pairs) => pairs.filter((x): x is readonly [number, number] => x[0] !== undefined))
		.filter((pairs) => pairs.length > 0)
		.slice(0, Math.max(0, k - T));
	const count = T + usable.length;
	usable.forEach((pairs, j) => {
		let norm = 0;
		for (const [, w] of pairs) norm += w * w;
		norm = Math.sqrt(norm);
		for (const [t, w] of pairs) C[t * k + T + j] = w / norm;
	});
	return { C, count };
}

function topIndices(v: Float64Array, m: number): number[] {
	const idx: number[] = [];
	for (let t = 0; t < v.length; t++) if (v[t] > 0) idx.push(t);
	idx.sort((a, b) => v[b] - v[a]);
	return idx.slice(0, m);
}

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);
