import { describe, expect, it } from 'vitest';
import { agglomerate, clusterGram } from '../../../src/lib/server/clustering/merge-clusters';
import { vectorize } from '../../../src/lib/server/clustering/vectorize';
import { createRng } from '../../../src/lib/server/clustering/prng';
import { refine } from '../../../src/lib/server/clustering/refine';

/**
 * Sub-clusters of 30 short documents, each with its own three words. Sub-clusters of one broad
 * topic also share the topic's word in half of their documents (weather: "rain", "forecast",
 * "umbrella" …); every document may mention a filler word.
 */
function subClusters(topicOf: number[], seed = 5) {
	const rng = createRng(seed);
	const docs: { id: string; terms: string[]; weights: number[] }[] = [];
	const labels: number[] = [];
	topicOf.forEach((topic, s) => {
		const words = [0, 1, 2].map((w) => `w${s}_${w}`);
		for (let i = 0; i < 30; i++) {
			const terms = [...new Set([0, 1].map(() => words[Math.floor(rng() * 3)]))];
			if (topic >= 0 && rng() < 0.5) terms.push(`topic${topic}`);
			if (rng() < 0.2) terms.push('filler');
			docs.push({ id: `${s}-${i}`, terms, weights: terms.map(() => 1) });
			labels.push(s);
		}
	});
	return { docs, labels: Int32Array.from(labels) };
}

function groupsOf(topicOf: number[], opts: { extend?: boolean; budget?: number }) {
	const { docs, labels } = subClusters(topicOf);
	const { X } = vectorize(docs);
	const k = topicOf.length;
	const G = clusterGram(X, labels, k);
	const sizes = new Array<number>(k).fill(30);
	const { group } = agglomerate(G, sizes, {
		target: 1,
		linkage: 'average',
		minScore: 0.5,
		extend: opts.extend ? { ratio: 2.5, tau: 0.2 } : undefined,
		extendBudget: opts.budget
	});
	return Array.from(group);
}

describe('merging past the threshold where it costs little separation', () => {
	const broad = [0, 0, 0, 0, 1, 1, 1, 1];

	it('stops at the threshold without the rule', () => {
		expect(new Set(groupsOf(broad, {})).size).toBe(8);
	});

	it('joins the wordings of a broad topic, and only those', () => {
		const g = groupsOf(broad, { extend: true });
		expect(new Set(g).size).toBe(2);
		expect(new Set(g.slice(0, 4)).size).toBe(1);
		expect(new Set(g.slice(4)).size).toBe(1);
		expect(g[0]).not.toBe(g[4]);
	});

	it('keeps unrelated clusters apart', () => {
		expect(new Set(groupsOf([-1, -1, -1, -1, -1, -1], { extend: true })).size).toBe(6);
	});

	it('moves no more inputs than the budget allows', () => {
		expect(new Set(groupsOf(broad, { extend: true, budget: 0 })).size).toBe(8);
		expect(new Set(groupsOf(broad, { extend: true, budget: 60 })).size).toBe(6);
	});

	it('skips a merge the budget cannot pay for and goes on with cheaper ones', () => {
		// unit rows, mean cosine 0.4 within a cluster: two large clusters of one topic (0.32
		// between them), two small ones of another (0.3), four unrelated large ones (0.02)
		const sizes = [40, 40, 5, 5, 40, 40, 40, 40];
		const k = sizes.length;
		const topic = (a: number) => (a < 2 ? 0 : a < 4 ? 1 : a);
		const sim = (a: number, b: number) =>
			a === b ? 0.4 : topic(a) !== topic(b) ? 0.02 : a < 2 ? 0.32 : 0.3;
		const G = new Float64Array(k * k);
		for (let a = 0; a < k; a++)
			for (let b = 0; b < k; b++)
				G[a * k + b] =
					a === b
						? sizes[a] + sizes[a] * (sizes[a] - 1) * sim(a, a)
						: sizes[a] * sizes[b] * sim(a, b);
		const opts = {
			target: 1,
			linkage: 'average' as const,
			minScore: 0.5,
			extend: { ratio: 2.5, tau: 0.2 }
		};
		const free = agglomerate(G, sizes, opts);
		expect(free.steps.map(({ a, b }) => [a, b])).toEqual([
			[0, 1],
			[2, 3]
		]);
		expect(Array.from(agglomerate(G, sizes, { ...opts, extendBudget: 10 }).group)).toEqual([
			0, 1, 2, 2, 4, 5, 6, 7
		]);
		expect(Array.from(agglomerate(G, sizes, { ...opts, extendBudget: 4 }).group)).toEqual([
			0, 1, 2, 3, 4, 5, 6, 7
		]);
	});

	it('a cold pass without k finds the broad topics', () => {
		const { docs } = subClusters(broad);
		const r = refine({
			docs,
			themes: [],
			fixed: [],
			apart: [],
			granularity: 0,
			cold: true,
			seed: 1
		});
		expect(r.clusters.length).toBeGreaterThanOrEqual(2);
		expect(r.clusters.length).toBeLessThanOrEqual(3);
	});
});
