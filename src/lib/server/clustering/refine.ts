import { setUp, centroidsOf, priorFor, FIXED_UNSORTED, type Problem } from './refine-setup';
import { sphericalKMeans, kmeansPlusPlus, fit, type KMeansResult } from './kmeans';
import { clusterGram, agglomerate, separation, type Linkage } from './merge-clusters';
import { createRng } from './prng';
import { rowScores } from './csr';
import {
	MAX_ITER,
	TUNING,
	extendRule,
	initialClusters,
	mergeThreshold,
	moveMargin,
	restartsFor
} from './params';
import type { RefineCluster, RefineResult, RefineSnapshot } from './refine-types';

/**
 * The refinement pass: a pure function from a snapshot to a grouping, so it can run in a
 * worker. Cold: over-cluster with k-means, merge clusters whose inputs are on average similar
 * (or down to k), polish. Warm: start from the current themes, add a few new centres where
 * inputs fit badly, and let inputs move only for a clear gain, which keeps churn low.
 */
export function refine(snap: RefineSnapshot): RefineResult {
	const t0 = performance.now();
	const p = setUp(snap);
	const T = p.themeCount;
	const rng = createRng(snap.seed);
	const anchored = (c: number) => c < T && (snap.cold || snap.themes[c].persistent);
	const apart = new Set(snap.apart.map(([a, b]) => `${a}\u0000${b}`));
	const canMerge = (a: number, b: number) => {
		if (anchored(a) && anchored(b)) return false;
		if (a >= T || b >= T) return true;
		const ia = snap.themes[a].id;
		const ib = snap.themes[b].id;
		return !apart.has(`${ia}\u0000${ib}`) && !apart.has(`${ib}\u0000${ia}`);
	};
	const active = countActive(p);

	let res: KMeansResult;
	let K: number;
	if (snap.cold) {
		K = Math.min(
			Math.max(
				T,
				snap.k !== undefined
					? Math.max(Math.round(snap.k * TUNING.overcluster), initialClusters(active))
					: initialClusters(active)
			),
			Math.max(T, active)
		);
		const start = T > 0 ? centroidsOf(p, p.previous, T, priorFor(p, range(T))) : undefined;
		const prior = priorFor(p, range(K));
		res = bestOf(restartsFor(active), () => {
			const C = kmeansPlusPlus(p.X, K, rng, start, T);
			return sphericalKMeans(p.X, {
				k: K,
				centroids: C,
				maxIter: MAX_ITER,
				fixed: p.fixed,
				prior,
				allowUnassigned: true
			});
		});
	} else {
		// A few new centres per pass, where inputs fit badly: themes grow in number gradually,
		// which is what keeps churn per refinement low.
		const grow = Math.ceil(TUNING.growShare * T) + 2;
		const fresh = snap.k !== undefined ? Math.min(grow, Math.max(0, snap.k - T)) : grow;
		K = Math.max(T, 1, Math.min(T + fresh, active));
		// The current themes' centroids are laid out over all K columns (the new ones empty),
		// so seeding fills in the rest without a second copy of the matrix.
		const prior = priorFor(p, range(K));
		const C = kmeansPlusPlus(p.X, K, rng, centroidsOf(p, p.previous, K, prior), T, true);
		res = sphericalKMeans(p.X, {
			k: K,
			centroids: C,
			maxIter: MAX_ITER,
			fixed: p.fixed,
			prior,
			previous: p.previous,
			margin: moveMargin(snap.k),
			allowUnassigned: true
		});
	}

	// Merge clusters that belong together, then let inputs settle once more. Average linkage
	// keeps broad themes whole, objective linkage keeps narrow ones apart; with k given both
	// are tried and the better separated result (within- vs between-theme similarity) wins.
	const sizes = new Array<number>(K).fill(0);
	for (const l of res.labels) if (l >= 0) sizes[l]++;
	for (let c = 0; c < Math.min(T, K); c++) if (anchored(c)) sizes[c] = Math.max(sizes[c], 1);
	const G = clusterGram(p.X, res.labels, K);
	// Without k, a cold pass chooses the count itself: the similarity threshold, then further
	// where merging costs little separation (`extend`); that count is then reached like a given k.
	let target = snap.k;
	if (target === undefined && snap.cold) {
		const minScore = mergeThreshold(snap.granularity);
		const chosen = agglomerate(G, sizes, {
			target: 1,
			linkage: 'average',
			minScore,
			canMerge,
			extend: extendRule(snap.granularity)
		});
		if (chosen.steps.some((s) => s.score < minScore))
			target = sizes.filter((s) => s > 0).length - chosen.steps.length;
	}
	const linkages: Linkage[] =
		snap.k !== undefined && snap.cold && K > snap.k ? TUNING.linkages : ['average'];
	let best: ReturnType<typeof mergeAndPolish> | null = null;
	let bestQ = -Infinity;
	// The centroids of the first clustering are not needed any more: polishing reuses their
	// buffer (a cold pass keeps no centroids of a polish, so each linkage may reuse it).
	const buffer = res.centroids;
	for (const linkage of linkages) {
		const next = mergeAndPolish(
			snap,
			p,
			res.labels,
			G,
			sizes,
			linkage,
			canMerge,
			target,
			anchored,
			buffer
		);
		const q = linkages.length > 1 ? separation(p.X, next.polished.labels, next.reps.length) : 0;
		if (!best || q > bestQ) {
			best = next;
			bestQ = q;
		}
	}
	const { reps, polished } = best!;
	const keys = reps.map((r) => (r < T ? snap.themes[r].id : `new:${r}`));
	const persistentCol = reps.map((r) => anchored(r) || (r < T && snap.themes[r].persistent));
	return { ...collect(snap, p, polished.labels, keys, persistentCol), ms: performance.now() - t0 };
}

function mergeAndPolish(
	snap: RefineSnapshot,
	p: Problem,
	labels: Int32Array,
	G: Float64Array,
	sizes: number[],
	linkage: Linkage,
	canMerge: (a: number, b: number) => boolean,
	k: number | undefined,
	anchored: (c: number) => boolean,
	buffer: Float32Array
): { reps: number[]; polished: KMeansResult } {
	const minScore = k === undefined ? mergeThreshold(snap.granularity) : undefined;
	// A live pass also merges past the threshold where it costs little separation, a few
	// themes per pass: the inputs it moves stay within the move budget.
	const placed = p.previous.reduce((a, l) => a + (l >= 0 ? 1 : 0), 0);
	const { group } = agglomerate(G, sizes, {
		target: k ?? 1,
		linkage,
		minScore,
		canMerge,
		extend: !snap.cold && k === undefined ? extendRule(snap.granularity) : undefined,
		extendBudget: TUNING.mergeBudget * placed
	});
	// A merged group keeps the id of its anchored or else its largest current theme.
	const T = p.themeCount;
	const held = new Float64Array(sizes.length);
	for (const l of p.previous) if (l >= 0 && l < held.length) held[l]++;
	const weight = (c: number) => (c < T ? (anchored(c) ? 1e12 : 0) + held[c] : -1);
	const pick = new Map<number, number>();
	group.forEach((g, c) => {
		const cur = pick.get(g);
		if (cur === undefined || weight(c) > weight(cur)) pick.set(g, c);
	});
	const reps = [...new Set(pick.values())].sort((a, b) => a - b);
	const column = new Map(reps.map((r, j) => [r, j]));
	const colOf = (c: number) => column.get(pick.get(group[c])!);
	const merged = labels.map((l) => (l < 0 ? -1 : colOf(l)!));
	const K2 = reps.length;
	const fixed2 = p.fixed.map((f) => (f >= 0 ? (colOf(f) ?? f) : f));
	const prior2 = priorFor(p, reps);
	const polished = sphericalKMeans(p.X, {
		k: K2,
		centroids: centroidsOf(p, merged, K2, prior2, fit(buffer, p.X.dims * K2)),
		prior: prior2,
		maxIter: MAX_ITER,
		fixed: fixed2,
		previous: snap.cold ? undefined : merged,
		margin: snap.cold ? undefined : moveMargin(snap.k),
		allowUnassigned: true
	});
	if (!snap.cold) {
		const home = Int32Array.from(p.previous, (l) => (l < 0 ? -1 : (colOf(l) ?? -1)));
		limitMoves(p, polished, home, K2, TUNING.moveBudget);
	}
	return { reps, polished };
}

/**
 * Keeps at most `share` of the placed inputs moving to another theme in one pass: the moves
 * with the largest similarity gain go ahead, the others wait for a later pass.
 */
function limitMoves(
	p: Problem,
	res: KMeansResult,
	home: Int32Array,
	k: number,
	share: number
): void {
	const scores = new Float64Array(k);
	const moves: [number, number][] = [];
	let placed = 0;
	for (let i = 0; i < p.X.n; i++) {
		const h = home[i];
		if (h < 0 || p.fixed[i] !== -1) continue;
		placed++;
		const to = res.labels[i];
		if (to === h) continue;
		rowScores(p.X, i, res.centroids, k, scores);
		moves.push([i, (to >= 0 ? scores[to] : 0) - scores[h]]);
	}
	const budget = Math.floor(share * placed);
	if (moves.length <= budget) return;
	moves.sort((a, b) => b[1] - a[1]);
	for (let m = budget; m < moves.length; m++) res.labels[moves[m][0]] = home[moves[m][0]];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function countActive(p: Problem): number {
	let n = 0;
	for (let i = 0; i < p.X.n; i++) if (!p.empty[i] && p.fixed[i] !== FIXED_UNSORTED) n++;
	return n;
}

function bestOf(times: number, run: () => KMeansResult): KMeansResult {
	let best = run();
	for (let r = 1; r < times; r++) {
		const next = run();
		if (next.objective > best.objective) best = next;
	}
	return best;
}

/** Themes of one free input are not themes: such inputs wait in the unsorted tray. */
function collect(
	snap: RefineSnapshot,
	p: Problem,
	labels: Int32Array,
	keys: string[],
	persistent: boolean[]
): Omit<RefineResult, 'ms'> {
	const members: string[][] = keys.map(() => []);
	const unsorted: string[] = [];
	snap.docs.forEach((d, i) =>
		labels[i] >= 0 ? members[labels[i]].push(d.id) : unsorted.push(d.id)
	);
	const clusters: RefineCluster[] = [];
	const fixedIds = new Set(snap.fixed.map(([id]) => id));
	keys.forEach((key, c) => {
		const ids = members[c];
		if (ids.length === 1 && !persistent[c] && !fixedIds.has(ids[0])) unsorted.push(ids[0]);
		else if (ids.length > 0 || persistent[c]) clusters.push({ key, inputIds: ids });
	});
	return { clusters, unsorted };
}
