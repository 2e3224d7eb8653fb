import { describe, expect, it } from 'vitest';
import { CHAR_WIDTH, fitLabel, layoutBubbles, maxFontSize } from '../../src/lib/viz/bubble-layout';

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

	it('is empty for no themes', () => {
		expect(layoutBubbles([], 100, 100)).toEqual([]);
	});
});

describe('fitLabel: the whole label inside its bubble', () => {
	it.each([
		['Prosjektledelse', 100],
		['Digitalisering', 170],
		['Styringsverktøy og ERP', 150],
		['intern kommunikasjon mellom avdelinger', 90],
		['Kommunikasjon og informasjonsflyt', 80],
		['Leverandører og innkjøp', 60]
	])('%j in a bubble of radius %i', (label, r) => {
		const { lines, size } = fitLabel(label, r);
		// every word is there, whole and in order, and no line is cut short
		expect(lines.join(' ')).toBe(label);
		expect(lines.join('')).not.toContain('…');
		expect(lines.length).toBeLessThanOrEqual(3);
		expect(size).toBeLessThanOrEqual(maxFontSize(r));
		// each line fits the bubble's width at that size
		for (const line of lines)
			expect(line.length * size * CHAR_WIDTH).toBeLessThanOrEqual(r * 1.6 + 1);
	});

	it('keeps every word whole in a bubble too small for it, at the smallest size', () => {
		const { lines, size } = fitLabel('Produksjonsplanleggingsverktøy og Kommunikasjon', 30);
		expect(size).toBe(12);
		expect(lines.join(' ')).toBe('Produksjonsplanleggingsverktøy og Kommunikasjon');
	});
});
