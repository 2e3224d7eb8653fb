import type { Neighbours } from './knn';

/** Weighted undirected graph in compressed rows; `self` holds loop weights (aggregated nodes). */
export interface Graph {
	n: number;
	ptr: Int32Array;
	nbr: Int32Array;
	w: Float64Array;
	self: Float64Array;
}

/**
 * Symmetric kNN graph: i and j are linked when either is among the other's nearest neighbours,
 * weighted by their cosine. Rows listed in `skip` (no usable terms, or placed by hand) stay
 * isolated.
 */
export function knnGraph(nb: Neighbours, n: number, skip?: (i: number) => boolean): Graph {
	const edges = new Map<number, number>();
	const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
	for (let i = 0; i < n; i++) {
		if (skip?.(i)) continue;
		for (let a = 0; a < nb.m; a++) {
			const j = nb.idx[i * nb.m + a];
			const s = nb.sim[i * nb.m + a];
			if (j < 0 || s <= 0 || skip?.(j)) continue;
			const k = key(i, j);
			if ((edges.get(k) ?? 0) < s) edges.set(k, s);
		}
	}
	const deg = new Int32Array(n + 1);
	for (const k of edges.keys()) {
		deg[Math.floor(k / n) + 1]++;
		deg[(k % n) + 1]++;
	}
	for (let i = 0; i < n; i++) deg[i + 1] += deg[i];
	const fill = deg.slice(0, n);
	const nbr = new Int32Array(deg[n]);
	const w = new Float64Array(deg[n]);
	for (const [k, s] of edges) {
		const a = Math.floor(k / n);
		const b = k % n;
		nbr[fill[a]] = b;
		w[fill[a]++] = s;
		nbr[fill[b]] = a;
		w[fill[b]++] = s;
	}
	return { n, ptr: deg, nbr, w, self: new Float64Array(n) };
}

/** One pass of local moves: each node joins the neighbouring community with the best gain. */
function localMoves(g: Graph, comm: Int32Array, resolution: number, order: Int32Array): boolean {
	const k = new Float64Array(g.n);
	let m2 = 0;
	for (let i = 0; i < g.n; i++) {
		let s = g.self[i];
		for (let p = g.ptr[i]; p < g.ptr[i + 1]; p++) s += g.w[p];
		k[i] = s;
		m2 += s;
	}
	if (m2 === 0) return false;
	const tot = new Float64Array(g.n);
	for (let i = 0; i < g.n; i++) tot[comm[i]] += k[i];
	const link = new Float64Array(g.n);
	const seen: number[] = [];
	let movedAny = false;
	for (let sweep = 0; sweep < 50; sweep++) {
		let moved = 0;
		for (const i of order) {
			if (k[i] === 0) continue;
			const own = comm[i];
			seen.length = 0;
			for (let p = g.ptr[i]; p < g.ptr[i + 1]; p++) {
				const c = comm[g.nbr[p]];
				if (link[c] === 0) seen.push(c);
				link[c] += g.w[p];
			}
			tot[own] -= k[i];
			let best = own;
			let bestGain = link[own] - (resolution * tot[own] * k[i]) / m2;
			for (const c of seen) {
				const gain = link[c] - (resolution * tot[c] * k[i]) / m2;
				if (gain > bestGain + 1e-12) {
					bestGain = gain;
					best = c;
				}
			}
			for (const c of seen) link[c] = 0;
			link[own] = 0;
			tot[best] += k[i];
			if (best !== own) {
				comm[i] = best;
				moved++;
			}
		}
		if (moved === 0) break;
		movedAny = true;
	}
	return movedAny;
}

/** The graph of communities: one node per community, edge weights summed, inner ones as loops. */
function aggregate(g: Graph, comm: Int32Array, count: number): Graph {
	const rows: Map<number, number>[] = Array.from({ length: count }, () => new Map());
	const self = new Float64Array(count);
	for (let i = 0; i < g.n; i++) {
		const a = comm[i];
		self[a] += g.self[i];
		for (let p = g.ptr[i]; p < g.ptr[i + 1]; p++) {
			const b = comm[g.nbr[p]];
			if (a === b) self[a] += g.w[p];
			else rows[a].set(b, (rows[a].get(b) ?? 0) + g.w[p]);
		}
	}
	const ptr = new Int32Array(count + 1);
	for (let a = 0; a < count; a++) ptr[a + 1] = ptr[a] + rows[a].size;
	const nbr = new Int32Array(ptr[count]);
	const w = new Float64Array(ptr[count]);
	rows.forEach((row, a) => {
		let q = ptr[a];
		for (const [b, s] of row) {
			nbr[q] = b;
			w[q++] = s;
		}
	});
	return { n: count, ptr, nbr, w, self };
}

/** Renumbers labels 0..count-1 in order of first appearance. */
function compact(comm: Int32Array): number {
	const map = new Map<number, number>();
	for (let i = 0; i < comm.length; i++) {
		let c = map.get(comm[i]);
		if (c === undefined) map.set(comm[i], (c = map.size));
		comm[i] = c;
	}
	return map.size;
}

/**
 * Louvain community detection (modularity with a resolution parameter): local moves, then the
 * communities become nodes and the moves repeat, until nothing changes. Higher resolution gives
 * more, smaller communities. Deterministic for a given `rng`.
 */
export function louvain(
	g0: Graph,
	resolution: number,
	rng: () => number
): { labels: Int32Array; count: number } {
	const labels = Int32Array.from({ length: g0.n }, (_, i) => i);
	let g = g0;
	let count = g0.n;
	for (let level = 0; level < 20; level++) {
		const comm = Int32Array.from({ length: g.n }, (_, i) => i);
		const order = Int32Array.from({ length: g.n }, (_, i) => i);
		for (let i = g.n - 1; i > 0; i--) {
			const j = Math.floor(rng() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		if (!localMoves(g, comm, resolution, order)) break;
		count = compact(comm);
		for (let i = 0; i < labels.length; i++) labels[i] = comm[labels[i]];
		if (count === g.n) break;
		g = aggregate(g, comm, count);
	}
	count = compact(labels);
	return { labels, count };
}
