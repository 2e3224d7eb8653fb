import { rowScores } from './csr';
import type { Problem } from './refine-setup';
import type { RefineSnapshot } from './refine-types';

/** priority of a move out of a theme the target has no place for, over any gain in cosine */
const DISSOLVE = 100;

/**
 * A live pass's way from the current themes to its target grouping. Target clusters are
 * matched to current themes by shared inputs (seed and locked themes keep their own), then the
 * placed inputs whose theme differs from their target's move, the most convinced first (the
 * cosine to the target cluster minus that to the target of the theme they are in; a theme with
 * no target of its own gives nothing, so fragments are absorbed first), until `share` of the
 * placed inputs has moved. The rest wait for a later pass. Inputs not yet placed go straight to
 * their target. With k given, a new theme opens only while the count stays within k.
 * Returns labels over the current themes (0…T−1) and the target clusters left unmatched (T + j).
 */
export function transition(
	snap: RefineSnapshot,
	p: Problem,
	Z: Int32Array,
	C: Float32Array,
	reps: readonly number[],
	share: number
): { labels: Int32Array; keys: string[]; persistent: boolean[] } {
	const T = p.themeCount;
	const K2 = reps.length;
	const n = p.X.n;
	const themeSize = new Float64Array(T);
	const placedIn = new Float64Array(K2);
	const overlap = new Map<number, number>();
	let placed = 0;
	for (let i = 0; i < n; i++) {
		const h = p.previous[i];
		if (h < 0) continue;
		themeSize[h]++;
		if (p.fixed[i] === -1) placed++;
		const j = Z[i];
		if (j < 0) continue;
		placedIn[j]++;
		overlap.set(j * T + h, (overlap.get(j * T + h) ?? 0) + 1);
	}
	const colTheme = new Int32Array(K2).fill(-1);
	const themeCol = new Int32Array(T).fill(-1);
	// a seed or locked theme is its own target (merging never joins two of them)
	reps.forEach((r, j) => {
		if (r < T && snap.themes[r].persistent) {
			colTheme[j] = r;
			themeCol[r] = j;
		}
	});
	const pairs = [...overlap]
		.map(([key, count]) => [Math.floor(key / T), key % T, count] as const)
		.filter(([j, t, count]) => 2 * count >= Math.min(placedIn[j], themeSize[t]))
		.sort((a, b) => b[2] - a[2]);
	for (const [j, t] of pairs)
		if (colTheme[j] < 0 && themeCol[t] < 0) {
			colTheme[j] = t;
			themeCol[t] = j;
		}
	const dest = (j: number) => (j < 0 ? -1 : colTheme[j] >= 0 ? colTheme[j] : T + j);

	const labels = new Int32Array(n).fill(-1);
	const count = new Float64Array(T + K2);
	for (let t = 0; t < T; t++) count[t] = themeSize[t];
	let open = 0;
	for (let t = 0; t < T; t++) if (themeSize[t] > 0 || snap.themes[t].persistent) open++;
	const cap = snap.k ?? Infinity;
	const scores = new Float64Array(K2);
	const moves: [row: number, to: number, gain: number][] = [];
	for (let i = 0; i < n; i++) {
		const h = p.previous[i];
		const f = p.fixed[i];
		if (f !== -1) {
			labels[i] = f >= 0 ? f : -1;
			continue;
		}
		if (h < 0) continue;
		labels[i] = h;
		const to = dest(Z[i]);
		if (to === h) continue;
		rowScores(p.X, i, C, K2, scores);
		const gain = (Z[i] >= 0 ? scores[Z[i]] : 0) - (themeCol[h] >= 0 ? scores[themeCol[h]] : 0);
		// a theme the target has no place for goes first, the smallest first: fragments are
		// absorbed whole rather than every theme shedding a few inputs
		moves.push([i, to, themeCol[h] < 0 ? DISSOLVE - Math.log(themeSize[h]) + gain : gain]);
	}
	moves.sort((a, b) => b[2] - a[2]);
	const budget = Math.floor(share * placed);
	let used = 0;
	const shift = (i: number, to: number) => {
		const from = labels[i];
		if (from >= 0 && --count[from] === 0 && !(from < T && snap.themes[from].persistent)) open--;
		if (to >= 0 && count[to]++ === 0 && !(to < T && snap.themes[to].persistent)) open++;
		labels[i] = to;
	};
	for (const [i, to] of moves) {
		if (used >= budget) break;
		if (to >= 0 && count[to] === 0 && open >= cap) continue;
		// a theme left with one input is no theme: that input goes to the tray, which is a
		// change too, so such a move costs two
		const from = labels[i];
		const cost = count[from] === 2 && !(from < T && snap.themes[from].persistent) ? 2 : 1;
		if (used + cost > budget) continue;
		shift(i, to);
		used += cost;
	}
	// inputs not placed yet: to their target, or with k and no room for a new theme, to the
	// closest theme that is open
	for (let i = 0; i < n; i++) {
		if (p.previous[i] >= 0 || p.fixed[i] !== -1 || Z[i] < 0) continue;
		let to = dest(Z[i]);
		if (count[to] === 0 && open >= cap) {
			rowScores(p.X, i, C, K2, scores);
			let best = 0;
			to = -1;
			for (let j = 0; j < K2; j++)
				if (count[dest(j)] > 0 && scores[j] > best) {
					best = scores[j];
					to = dest(j);
				}
		}
		shift(i, to);
	}
	const keys: string[] = [];
	const persistent: boolean[] = [];
	for (let t = 0; t < T + K2; t++) {
		keys.push(t < T ? snap.themes[t].id : `new:${t - T}`);
		persistent.push(t < T && snap.themes[t].persistent);
	}
	return { labels, keys, persistent };
}
