import { describe, expect, it } from 'vitest';
import { separation } from '../../../src/lib/server/clustering/merge-clusters';
import { refine } from '../../../src/lib/server/clustering/refine';
import { vectorize } from '../../../src/lib/server/clustering/vectorize';
import { CHURN_BUDGET } from '../../../src/lib/server/clustering/params';
import { createRng } from '../../../src/lib/server/clustering/prng';
import type { RefineSnapshot } from '../../../src/lib/server/clustering/refine-types';

const TOPICS = [
	['printer', 'paper', 'toner', 'jam', 'scanner'],
	['salary', 'payroll', 'bonus', 'overtime', 'payslip'],
	['parking', 'garage', 'car', 'bike', 'charger']
];

/**
 * Short documents of three topics, each drawing three words from its topic's vocabulary; a
 * third of them also mention a word every topic uses.
 */
function docs(perTopic: number, seed = 3) {
	const rng = createRng(seed);
	const out: { id: string; terms: string[]; weights: number[]; topic: number }[] = [];
	TOPICS.forEach((words, topic) => {
		for (let i = 0; i < perTopic; i++) {
			const terms = [...new Set([0, 1, 2].map(() => words[Math.floor(rng() * words.length)]))];
			if (rng() < 1 / 3) terms.push('office');
			out.push({ id: `${topic}-${i}`, terms, weights: terms.map(() => 1), topic });
		}
	});
	return out;
}

describe('separation of a labelling', () => {
	const d = docs(20);
	const X = vectorize(d).X;
	const truth = Int32Array.from(d, (x) => x.topic);

	it('rates the true grouping above a shuffled one', () => {
		const rng = createRng(9);
		const shuffled = Int32Array.from(d, () => Math.floor(rng() * 3));
		expect(separation(X, truth, 3)).toBeGreaterThan(separation(X, shuffled, 3));
	});

	it('rates the true grouping above one that merges two topics', () => {
		const merged = truth.map((t) => (t === 2 ? 1 : t));
		expect(separation(X, truth, 3)).toBeGreaterThan(separation(X, merged, 3));
	});

	it('ignores unlabelled rows', () => {
		const partial = truth.map((t, i) => (i % 5 === 0 ? -1 : t));
		expect(separation(X, partial, 3)).toBeGreaterThan(1);
	});
});

describe('live refinement move budget', () => {
	// Two themes whose members are a scramble of three topics: a free pass would move many.
	const d = docs(40);
	const snapOf = (cold: boolean): RefineSnapshot => ({
		docs: d.map(({ id, terms, weights }) => ({ id, terms, weights })),
		themes: [
			{ id: 't1', inputIds: d.filter((_, i) => i % 2 === 0).map((x) => x.id), persistent: false },
			{ id: 't2', inputIds: d.filter((_, i) => i % 2 === 1).map((x) => x.id), persistent: false }
		],
		fixed: [],
		apart: [],
		granularity: 0,
		cold,
		seed: 1
	});
	const themeOf = (r: ReturnType<typeof refine>) => {
		const m = new Map<string, string>();
		for (const c of r.clusters) for (const id of c.inputIds) m.set(id, c.key);
		return m;
	};
	const moved = (r: ReturnType<typeof refine>) => {
		const now = themeOf(r);
		return d.filter((x, i) => now.get(x.id) !== (i % 2 === 0 ? 't1' : 't2')).length;
	};

	it('a warm pass moves at most the budgeted share of placed inputs', () => {
		expect(moved(refine(snapOf(false)))).toBeLessThanOrEqual(Math.floor(CHURN_BUDGET * d.length));
	});

	it('repeated warm passes regroup by topic, each within the budget', () => {
		let snap = snapOf(false);
		let next = 3;
		for (let pass = 0; pass < 40; pass++) {
			const before = new Map<string, string>();
			for (const t of snap.themes) for (const id of t.inputIds) before.set(id, t.id);
			const r = refine(snap);
			const themes = r.clusters.map((c) => ({
				id: c.key.startsWith('new:') ? `t${next++}` : c.key,
				inputIds: c.inputIds,
				persistent: false
			}));
			const after = new Map<string, string>();
			for (const t of themes) for (const id of t.inputIds) after.set(id, t.id);
			const changed = [...before].filter(([id, t]) => after.get(id) !== t).length;
			expect(changed).toBeLessThanOrEqual(Math.floor(CHURN_BUDGET * before.size));
			snap = { ...snap, themes, centres: r.centres };
		}
		const now = new Map<string, string>();
		for (const t of snap.themes) for (const id of t.inputIds) now.set(id, t.id);
		for (const topic of [0, 1, 2]) {
			const ids = new Set(d.filter((x) => x.topic === topic).map((x) => now.get(x.id)));
			expect(ids.size).toBe(1);
		}
		expect(snap.themes.length).toBe(3);
	});

	it('a cold pass is not limited, and regroups by topic', () => {
		const r = refine(snapOf(true));
		expect(moved(r)).toBeGreaterThan(Math.floor(CHURN_BUDGET * d.length));
		const now = themeOf(r);
		for (const topic of [0, 1, 2]) {
			const keys = new Set(d.filter((x) => x.topic === topic).map((x) => now.get(x.id)));
			expect(keys.size).toBe(1);
		}
	});
});
