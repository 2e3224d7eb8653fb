// Tuning parameters, in one place so the design note and the code cannot drift apart.

/**
 * Feature weights of the text analysis (a whole content word typed on its own weighs 1, times
 * its specificity in general language): the concept and topic a word belongs to, the head and
 * the other parts of a split compound, and a bigram of neighbouring content words.
 */
export const ANALYSIS = {
	concept: 0.7,
	topic: 0.7,
	head: 0.6,
	part: 0.4,
	bigram: 0.5
};

/**
 * Labels: weights of the kinds of candidate (a typed noun, a typed two-word phrase, a concept's
 * name, a topic's name), the factor for a word typed in the other language, the share of
 * English inputs that makes a theme's label English, and how much better another label must
 * score (at two refinements in a row) to replace the current one.
 */
export const LABELS = {
	word: 1,
	phrase: 1.2,
	concept: 0.9,
	topic: 1,
	otherLanguage: 0.3,
	englishShare: 0.6,
	minSpecificity: 0.5,
	clearlyBetter: 2
};

/** kNN smoothing of input vectors before clustering */
export const SMOOTH_NEIGHBOURS = 10;
export const SMOOTH_BETA = 1;
export const SMOOTH_MAX_TERMS = 40;
/** below this many inputs there are too few neighbours to borrow from */
export const SMOOTH_MIN_INPUTS = 30;

/** average cosine between two themes above which they are one theme (granularity 0) */
export const MERGE_SIMILARITY = 0.16;

/** k-means restarts for a batch pass, fewer for large workshops */
export function restartsFor(n: number): number {
	return n <= 2000 ? 5 : n <= 8000 ? 3 : 1;
}
/** k-means runs of a live pass at most: the carried seeding and fresh ones */
export const LIVE_RESTARTS = 3;
export const MAX_ITER = 25;
/** a workshop never needs more themes than this; it bounds the cost of large batches */
export const MAX_INITIAL_CLUSTERS = 300;
/** k-means++ seeding looks at a sample this large; the iterations then see every input */
export const SEEDING_SAMPLE = 3000;

/** live: cosine to a theme centroid needed to join it on arrival */
export const PLACE_SIMILARITY = 0.25;
/** live: or at least this share of the theme's members' mean cosine to its centroid */
export const PLACE_RELATIVE = 0.6;
/** live: never below this cosine */
export const PLACE_FLOOR = 0.1;
/** live: cosine between two unsorted inputs needed to open a theme together */
export const PAIR_SIMILARITY = 0.3;
/** live pass: at most this share of the placed inputs changes theme in one refinement */
export const CHURN_BUDGET = 0.05;
/**
 * live pass: an input's current theme counts as one more shared feature of this weight when
 * clusters are grouped (hysteresis: themes split or regroup only where the words call for it)
 */
export const STICKINESS = 0.1;
/** seed keywords weigh as much as this many inputs in a seed theme's centroid */
export const SEED_MASS = 3;

/** Granularity g in [-1, 1]: -1 fewer, broader themes; +1 more, narrower ones. */
export function mergeThreshold(granularity: number): number {
	const g = Math.max(-1, Math.min(1, granularity));
	return TUNING.mergeSimilarity * Math.pow(2.5, g);
}

/**
 * Without k: past the threshold, merging goes on while a merge joins clusters `extendRatio`
 * times as similar as the background and costs separation more slowly than count^extendTau
 * (see `ExtendRule` in merge-clusters.ts). The ratio follows granularity like the threshold.
 */
export function extendRule(granularity: number): { ratio: number; tau: number } {
	const g = Math.max(-1, Math.min(1, granularity));
	return { ratio: TUNING.extendRatio * Math.pow(2.5, g), tau: TUNING.extendTau };
}

/**
 * Without k: the most themes a pass shows at granularity 0, so the default view is readable on
 * a projector at any size (12 up to about 1,700 inputs, growing with the cube root, at most 30);
 * each unit of granularity multiplies it by 2.5, so the slider reaches finer.
 */
export function maxThemes(n: number, granularity: number): number {
	const g = Math.max(-1, Math.min(1, granularity));
	const base = Math.min(MAX_TOP_THEMES, Math.max(MIN_TOP_THEMES, Math.round(1.2 * Math.cbrt(n))));
	return Math.max(2, Math.round(base * Math.pow(2.5, g)));
}
export const MIN_TOP_THEMES = 12;
export const MAX_TOP_THEMES = 30;

/** Over-clustering before merging: enough small clusters that real themes are not blurred. */
export function initialClusters(n: number): number {
	return Math.max(
		2,
		Math.min(Math.floor(n / 3), Math.round(4 * Math.sqrt(n)), MAX_INITIAL_CLUSTERS)
	);
}

/** With k given: cluster into this many times k (at least `initialClusters`), then merge down to k. */
export const TUNING = {
	overcluster: 4,
	linkages: ['average', 'objective'] as ('average' | 'objective' | 'centroid')[],
	mergeSimilarity: MERGE_SIMILARITY,
	extendRatio: 2.5,
	extendTau: 0.2,
	/** mean inputs per over-clustered cluster before merging past the threshold is considered */
	extendMinSize: 3.5,
	smoothBeta: SMOOTH_BETA,
	smoothM: SMOOTH_NEIGHBOURS,
	churnBudget: CHURN_BUDGET,
	stickiness: STICKINESS
};
