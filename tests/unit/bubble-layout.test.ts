import { describe, expect, it } from 'vitest';
import { assignColours, layoutBubbles } from '../../src/lib/viz/bubble-layout';

const overlap = (a: { x: number; y: number; r: number }, b: { x: number; y: number; r: number }) =>
	Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1;

describe('layoutBubbles', () => {
	const items = Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, weight: 1 + ((i * 7) % 9) }));

	it('keeps every bubble inside the box, without overlaps, bigger for more weight', () => {
		const bubbles = layoutBubbles(items, 1200, 800);
		expect(bubbles).toHaveLength(items.length);
		for (const b of bubbles) {
			expect(b.x - b.r).toBeGreaterThanOrEqual(-0.01);
			expect(b.x + b.r).toBeLessThanOrEqual(1200.01);
			expect(b.y - b.r).toBeGreaterThanOrEqual(-0.01);
			expect(b.y + b.r).toBeLessThanOrEqual(800.01);
		}
		for (let i = 0; i < bubbles.length; i++)
			for (let j = i + 1; j < bubbles.length; j++)
				expect(overlap(bubbles[i], bubbles[j])).toBe(false);
		const r = new Map(bubbles.map((b) => [b.id, b.r]));
		expect(r.get('t4')!).toBeGreaterThan(r.get('t0')!); // weight 2 vs 1 → 29/9 … weights 1 and 2
	});

	it('moves existing bubbles only a little when a theme is added or grows', () => {
		const before = layoutBubbles(items, 1200, 800);
		const previous = new Map(before.map((b) => [b.id, { x: b.x, y: b.y }]));
		const grown = items.map((it) => (it.id === 't3' ? { ...it, weight: it.weight + 1 } : it));
		const after = layoutBubbles([...grown, { id: 'new', weight: 2 }], 1200, 800, previous);
		const moved = after
			.filter((b) => b.id !== 'new')
			.map((b) => Math.hypot(b.x - previous.get(b.id)!.x, b.y - previous.get(b.id)!.y));
		const meanMove = moved.reduce((a, b) => a + b, 0) / moved.length;
		expect(meanMove).toBeLessThan(60);
	});

	it('draws a bubble no smaller than the room its label needs', () => {
		const withMin = items.map((it) => (it.id === 't0' ? { ...it, minR: 120 } : it));
		const bubbles = layoutBubbles(withMin, 1200, 800);
		const r = new Map(bubbles.map((b) => [b.id, b.r]));
		expect(r.get('t0')).toBe(120);
		expect(layoutBubbles(items, 1200, 800).find((b) => b.id === 't0')!.r).toBeLessThan(120);
	});

	it('is empty for no themes', () => {
		expect(layoutBubbles([], 100, 100)).toEqual([]);
	});
});

describe('assignColours: neighbours differ, colours stay', () => {
	// bubbles sit `padding` (10 px) apart: neighbours are those within a few paddings
	const near = (a: { x: number; y: number; r: number }, b: { x: number; y: number; r: number }) =>
		Math.hypot(a.x - b.x, a.y - b.y) <= a.r + b.r + 30;
	// theme ids as a long session leaves them: merges and splits retire ids, so colours taken
	// from the id (id mod 10, as before) gave neighbours the same colour
	const ids = ['t3', 't13', 't23', 't33', 't43', 't7', 't17', 't27', 't8', 't18', 't28', 't5'];
	const items = ids.map((id, i) => ({ id, weight: 3 + ((i * 5) % 9) }));

	it('gives no two neighbouring bubbles the same colour', () => {
		const bubbles = layoutBubbles(items, 1600, 800);
		const byId = (id: string) => Number(id.slice(1)) % 10;
		const clashes = (colour: (id: string) => number | undefined) =>
			bubbles.flatMap((a) =>
				bubbles.filter((b) => a.id < b.id && near(a, b) && colour(a.id) === colour(b.id))
			).length;
		expect(clashes(byId)).toBeGreaterThan(0);
		const colours = assignColours(bubbles, new Map(), 10);
		expect(clashes((id) => colours.get(id))).toBe(0);
	});

	it('keeps every theme its colour as others come and go', () => {
		const before = layoutBubbles(items.slice(0, 6), 1600, 800);
		const first = assignColours(before, new Map(), 10);
		const after = layoutBubbles(items, 1600, 800, new Map(before.map((b) => [b.id, b])));
		const second = assignColours(after, first, 10);
		for (const [id, c] of first) expect(second.get(id)).toBe(c);
	});
});
