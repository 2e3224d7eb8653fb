import type { Csr } from './csr';

/** Column-major copy of X: for each term, the rows that use it. */
function postings(X: Csr): { ptr: Int32Array; row: Int32Array; val: Float64Array } {
	const count = new Int32Array(X.dims + 1);
	for (let p = 0; p < X.col.length; p++) count[X.col[p] + 1]++;
	for (let t = 0; t < X.dims; t++) count[t + 1] += count[t];
	const fill = count.slice(0, X.dims);
	const row = new Int32Array(X.col.length);
	const val = new Float64Array(X.col.length);
	for (let i = 0; i < X.n; i++)
		for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) {
			const q = fill[X.col[p]]++;
			row[q] = i;
			val[q] = X.val[p];
		}
	return { ptr: count, row, val };
}

export interface Neighbours {
	m: number;
	/** n × m neighbour rows (-1 when fewer) and their cosine similarities */
	idx: Int32Array;
	sim: Float64Array;
}

/** The m most similar rows of every row, found through the term postings (no n² scan). */
export function nearestNeighbours(X: Csr, m: number): Neighbours {
	const P = postings(X);
	const acc = new Float64Array(X.n);
	const touched = new Int32Array(X.n);
	const idx = new Int32Array(X.n * m).fill(-1);
	const sim = new Float64Array(X.n * m);
	for (let i = 0; i < X.n; i++) {
		let nt = 0;
		for (let p = X.ptr[i]; p < X.ptr[i + 1]; p++) {
			const v = X.val[p];
			const t = X.col[p];
			for (let q = P.ptr[t]; q < P.ptr[t + 1]; q++) {
				const j = P.row[q];
				if (acc[j] === 0) touched[nt++] = j;
				acc[j] += v * P.val[q];
			}
		}
		// keep the m best in a small sorted buffer
		const base = i * m;
		let filled = 0;
		for (let a = 0; a < nt; a++) {
			const j = touched[a];
			const s = acc[j];
			acc[j] = 0;
			if (j === i) continue;
			if (filled < m || s > sim[base + filled - 1]) {
				let pos = filled < m ? filled++ : m - 1;
				while (pos > 0 && sim[base + pos - 1] < s) {
					sim[base + pos] = sim[base + pos - 1];
					idx[base + pos] = idx[base + pos - 1];
					pos--;
				}
				sim[base + pos] = s;
				idx[base + pos] = j;
			}
		}
	}
	return { m, idx, sim };
}

/**
 * Adds to each row the similarity-weighted rows of its neighbours. Short inputs share few
 * words; borrowing from close neighbours lets two inputs about the same thing meet even when
 * they share no word themselves. Rows are re-normalised and pruned to `maxNnz` terms.
 */
export function smoothRows(X: Csr, nb: Neighbours, beta: number, maxNnz: number): Csr {
	const dense = new Float64Array(X.dims);
	// terms of the current row in order of first use (`seen` marks them with the row), and a
	// scratch copy for pruning: typed buffers reused for every row
	const used = new Int32Array(X.dims);
	const order = new Int32Array(X.dims);
	const seen = new Int32Array(X.dims);
	let nu = 0;
	let cur = -1;
	const visit = (r: number, w: number) => {
		for (let p = X.ptr[r]; p < X.ptr[r + 1]; p++) {
			const t = X.col[p];
			if (seen[t] !== cur) {
				seen[t] = cur;
				used[nu++] = t;
			}
			dense[t] += w * X.val[p];
		}
	};
	const gather = (i: number) => {
		nu = 0;
		cur = i;
		visit(i, 1);
		const total = neighbourTotal(nb, i);
		if (total > 0)
			for (let a = 0; a < nb.m; a++) {
				const j = nb.idx[i * nb.m + a];
				if (j >= 0) visit(j, (beta * nb.sim[i * nb.m + a]) / total);
			}
	};
	// Row lengths first, so the output is allocated once at its exact size.
	const ptr = new Int32Array(X.n + 1);
	seen.fill(-1);
	for (let i = 0; i < X.n; i++) {
		gather(i);
		for (let a = 0; a < nu; a++) dense[used[a]] = 0;
		ptr[i + 1] = ptr[i] + Math.min(nu, maxNnz);
	}
	const col = new Int32Array(ptr[X.n]);
	const val = new Float64Array(ptr[X.n]);
	const byWeight = (a: number, b: number) => dense[b] - dense[a];
	seen.fill(-1);
	for (let i = 0; i < X.n; i++) {
		gather(i);
		order.set(used.subarray(0, nu));
		let keep = order.subarray(0, nu);
		// stable sorts, as Array.prototype.sort: ties keep the order of first use
		if (nu > maxNnz) keep = keep.sort(byWeight).subarray(0, maxNnz);
		keep.sort();
		let norm = 0;
		for (let a = 0; a < keep.length; a++) norm += dense[keep[a]] * dense[keep[a]];
		norm = Math.sqrt(norm);
		for (let a = 0; a < keep.length; a++) val[ptr[i] + a] = norm > 0 ? dense[keep[a]] / norm : 0;
		col.set(keep, ptr[i]);
		for (let a = 0; a < nu; a++) dense[used[a]] = 0;
	}
	return { n: X.n, dims: X.dims, ptr, col, val };
}

function neighbourTotal(nb: Neighbours, i: number): number {
	let total = 0;
	for (let a = 0; a < nb.m; a++) total += nb.idx[i * nb.m + a] >= 0 ? nb.sim[i * nb.m + a] : 0;
	return total;
}
