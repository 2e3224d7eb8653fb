import {
	setUp,
	centroidsOf,
	centresOf,
	priorFor,
	seedsOf,
	range,
	FIXED_UNSORTED,
	type Problem
} from './refine-setup';
import { sphericalKMeans, kmeansPlusPlus, fit, type KMeansResult } from './kmeans';
import { clusterGram, agglomerate, separation, type Linkage } from './merge-clusters';
import { createRng } from './prng';
import {
	MAX_ITER,
	TUNING,
	extendRule,
	initialClusters,
	maxThemes,
	mergeThreshold,
	restartsFor,
	LIVE_RESTARTS
} from './params';
import type { RefineCluster, RefineResult, RefineSnapshot } from './refine-types';
import { transition } from './refine-transition';

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

	// Both passes over-cluster and merge, as a batch does: a live pass computes where the
	// themes should be (its target) starting from the current themes, then moves towards it
	// within the churn budget (`transition`), so the live map converges on what a batch pass
	// would show without reshuffling at any one refinement.
	const K = Math.min(
		Math.max(
			T,
			snap.k !== undefined
				? Math.max(Math.round(snap.k * TUNING.overcluster), initialClusters(active))
				: initialClusters(active)
		),
		Math.max(T, active)
	);
	// a live pass lays its seeds out over all K columns and seeding fills in the rest in place
	const seeds = snap.cold ? { C: undefined, count: T } : seedsOf(p, snap.centres ?? [], K);
	const prior = priorFor(p, range(K));
	// A live pass also tries fresh seedings besides the carried one (up to `LIVE_RESTARTS` runs,
	// fewer as a batch pass would for large workshops); the best k-means objective wins, so a
	// better grouping found afresh replaces the carried one.
	let run = 0;
	const runs = snap.cold ? restartsFor(active) : Math.min(LIVE_RESTARTS, restartsFor(active));
	const res = bestOf(runs, () => {
		const C =
			snap.cold || run++ > 0
				? kmeansPlusPlus(p.X, K, rng, themeSeeds(p), T)
				: kmeansPlusPlus(p.X, K, rng, seeds.C, seeds.count, true);
		return sphericalKMeans(p.X, {
			k: K,
			centroids: C,
			maxIter: MAX_ITER,
			fixed: p.fixed,
			prior,
			allowUnassigned: true
		});
	});

	// Merge clusters that belong together, then let inputs settle once more. Average linkage
	// keeps broad themes whole, objective linkage keeps narrow ones apart; with k given both
	// are tried and the better separated result (within- vs between-theme similarity) wins.
	const sizes = new Array<number>(K).fill(0);
	for (const l of res.labels) if (l >= 0) sizes[l]++;
	for (let c = 0; c < Math.min(T, K); c++) if (anchored(c)) sizes[c] = Math.max(sizes[c], 1);
	const G = clusterGram(p.X, res.labels, K);
	const centres = centresOf(p, res.centroids, K, sizes);
	// Without k, a pass chooses the count itself: the similarity threshold, then further where
	// merging costs little separation (`extend`); that count is then reached like a given k.
	// Going past the threshold needs evidence: clusters of a few inputs each. In a small
	// workshop, where a theme holds two or three inputs, the threshold alone decides.
	// However the count comes out, the default view stays readable on a projector at any size
	// (`maxThemes`); the granularity slider reaches finer.
	let target = snap.k;
	if (target === undefined) {
		const minScore = mergeThreshold(snap.granularity);
		const extend = active >= TUNING.extendMinSize * K;
		const chosen = agglomerate(G, sizes, {
			target: 1,
			linkage: 'average',
			minScore,
			canMerge,
			extend: extend ? extendRule(snap.granularity) : undefined
		});
		const count = sizes.filter((s) => s > 0).length - chosen.steps.length;
		if (extend && chosen.steps.some((s) => s.score < minScore)) target = count;
		const cap = maxThemes(active, snap.granularity);
		if (count > cap) target = cap;
	}
	// the count comes from the words alone; which clusters go together leans on today's themes
	if (!snap.cold) addThemeFeature(G, p, res.labels, K, TUNING.stickiness);
	const linkages: Linkage[] = snap.k !== undefined && K > snap.k ? TUNING.linkages : ['average'];
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
	if (!snap.cold) {
		// the best polish's centroids may have been overwritten by the other linkage's
		const C = centroidsOf(p, polished.labels, reps.length, priorFor(p, reps), buffer);
		const moved = transition(snap, p, polished.labels, C, reps, TUNING.churnBudget);
		return {
			...collect(snap, p, moved.labels, moved.keys, moved.persistent),
			centres,
			ms: performance.now() - t0
		};
	}
	const keys = reps.map((r) => (r < T ? snap.themes[r].id : `new:${r}`));
	const persistentCol = reps.map((r) => anchored(r) || (r < T && snap.themes[r].persistent));
	return {
		...collect(snap, p, polished.labels, keys, persistentCol),
		centres,
		ms: performance.now() - t0
	};
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
	const { group } = agglomerate(G, sizes, { target: k ?? 1, linkage, minScore, canMerge });
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
		allowUnassigned: true
	});
	return { reps, polished };
}

/**
 * Hysteresis of a live pass's grouping: each placed input's current theme counts as one more
 * feature of weight `lambda` (its square, as G holds products), so clusters whose inputs share a
 * theme today are that much more similar and a theme splits or changes only where the words
 * clearly call for it.
 */
function addThemeFeature(
	G: Float64Array,
	p: Problem,
	labels: Int32Array,
	K: number,
	lambda: number
) {
	const T = p.themeCount;
	if (T === 0 || lambda <= 0) return;
	const M = new Float64Array(K * T);
	for (let i = 0; i < p.X.n; i++)
		if (labels[i] >= 0 && p.settled[i]) M[labels[i] * T + p.previous[i]]++;
	for (let a = 0; a < K; a++)
		for (let b = a; b < K; b++) {
			let s = 0;
			for (let t = 0; t < T; t++) s += M[a * T + t] * M[b * T + t];
			if (s === 0) continue;
			G[a * K + b] += lambda * s;
			if (a !== b) G[b * K + a] += lambda * s;
		}
}

/** The current themes' centroids, term-major over T columns (none without themes). */
function themeSeeds(p: Problem): Float32Array | undefined {
	const T = p.themeCount;
	return T > 0 ? centroidsOf(p, p.previous, T, priorFor(p, range(T))) : undefined;
}

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
