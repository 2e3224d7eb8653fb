import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { ThemeView } from '../../src/lib/shared/types';
import {
	READABLE_COUNT,
	READABLE_FONT,
	bubbleText,
	bubbleWeight,
	fitLabel,
	labelRadius,
	maxFontSize
} from '../../src/lib/viz/bubble-text';
import { textWidth } from '../../src/lib/viz/text-width';

const theme = (label: string, inputs = 3): ThemeView =>
	({ id: 't1', label, inputIds: Array.from({ length: inputs }, (_, i) => `i${i}`) }) as ThemeView;
const count = (n: number) => `${n} innspill`;
const dots = (n: number) => `${n} prikker`;

describe('fitLabel: the whole label inside its bubble', () => {
	it.each([
		['Prosjektledelse', 100],
		['Digitalisering', 170],
		['Styringsverktøy og ERP', 150],
		['intern kommunikasjon mellom avdelinger', 90],
		['Kommunikasjon og informasjonsflyt', 80],
		['Leverandører og innkjøp', 60],
		['HMS og ISO 9001', 70]
	])('%j in a bubble of radius %i', (label, r) => {
		const { lines, size } = fitLabel(label, r);
		// every word is there, whole and in order, and no line is cut short
		expect(lines.join(' ')).toBe(label);
		expect(lines.join('')).not.toContain('…');
		expect(lines.length).toBeLessThanOrEqual(3);
		expect(size).toBeLessThanOrEqual(maxFontSize(r));
		// each line fits the bubble's width at that size
		for (const line of lines) expect(textWidth(line) * size).toBeLessThanOrEqual(r * 1.6 + 1);
	});

	it('keeps every word whole in a bubble too small for it, at the smallest size', () => {
		const { lines, size } = fitLabel('Produksjonsplanleggingsverktøy og Kommunikasjon', 30);
		expect(size).toBe(12);
		expect(lines.join(' ')).toBe('Produksjonsplanleggingsverktøy og Kommunikasjon');
	});

	it('measures letters, not characters: capitals take more room than small letters', () => {
		expect(textWidth('HMS OG ERP')).toBeGreaterThan(textWidth('hms og erp') * 1.1);
		expect(textWidth('æøå')).toBeGreaterThan(textWidth('aoa'));
		expect(fitLabel('KVALITETSSYSTEM', 100).size).toBeLessThan(
			fitLabel('kvalitetssystem', 100).size
		);
	});
});

describe('labelRadius: room for the whole label at a readable size', () => {
	// the projector once showed "gramvareutvikl" in a two-input bubble, at 12 px
	it.each([
		'Programvareutvikling',
		'Gulv',
		'Leverandører og innkjøp',
		'IT-infrastruktur',
		'Produksjonsplanlegging og kommunikasjon',
		'HMS og ISO 9001'
	])('%j', (label) => {
		const r = labelRadius(label);
		const { lines, size } = fitLabel(label, r);
		expect(size).toBeGreaterThanOrEqual(READABLE_FONT);
		for (const line of lines) expect(textWidth(line) * size).toBeLessThanOrEqual(r * 1.6 + 1);
		// whole: the words in order, a divided one ending its first line in a hyphen
		expect(lines.join(' ').replace(/- /g, '')).toBe(label);
	});

	it('leaves room for the count beneath the label at a readable size', () => {
		for (const label of ['Gulv', 'HMS', 'Programvareutvikling']) {
			const r = labelRadius(label, '3 innspill');
			expect(bubbleText(theme(label, 3), r, {}, count, dots).count.size).toBeGreaterThanOrEqual(
				READABLE_COUNT
			);
		}
	});

	it('divides a long compound where its parts join, to keep the bubble small', () => {
		const r = labelRadius('Programvareutvikling');
		expect(fitLabel('Programvareutvikling', r).lines).toEqual(['Programvare-', 'utvikling']);
		expect(fitLabel('Produksjonsplanlegging', 90).lines).toEqual(['Produksjons-', 'planlegging']);
		expect(fitLabel('Arbeidsmiljø', 62).lines).toEqual(['Arbeids-', 'miljø']);
		// the whole word where it fits readably
		expect(fitLabel('Programvareutvikling', 200).lines).toEqual(['Programvareutvikling']);
	});

	it('never divides a word without a compound joint, nor a word typed with a hyphen', () => {
		for (const label of ['Leverandører og innkjøp', 'IT-infrastruktur', 'HR- og IT-systemer'])
			for (const r of [40, 60, 80, 120]) expect(fitLabel(label, r).lines.join(' ')).toBe(label);
	});
});

describe('bubbleText: label and count', () => {
	it('adds the dots to the count and to the weight only when there are any', () => {
		expect(bubbleText(theme('Møter', 5), 100, {}, count, dots).count.text).toBe('5 innspill');
		expect(bubbleText(theme('Møter', 5), 100, { t1: 3 }, count, dots).count.text).toBe(
			'3 prikker · 5 innspill'
		);
		expect(bubbleWeight(theme('Møter', 5), {})).toBe(5);
		expect(bubbleWeight(theme('Møter', 5), { t1: 3 })).toBe(8);
	});

	it('sets the count smaller where the circle narrows beneath a label', () => {
		const short = bubbleText(theme('HMS'), 60, { t1: 12 }, count, dots);
		expect(short.count.size).toBeLessThan(short.size * 0.6);
		const roomy = bubbleText(theme('HMS'), 200, {}, count, dots);
		expect(roomy.count.size).toBeCloseTo(roomy.size * 0.6);
	});
});

/**
 * Drawn with the exported picture's font (resvg, the bundled DejaVu Sans Bold only), every line
 * of label and count lies inside its circle: the ink's bounding box, corners and all. Only the
 * smallest sizes, where a label or count is shown whole past its bubble's edge, are left out.
 */
describe('with the real font, the words stay inside their bubble', () => {
	const font = {
		fontFiles: ['src/lib/server/export/fonts/DejaVuSans-Bold.ttf'],
		loadSystemFonts: false,
		defaultFontFamily: 'DejaVu Sans'
	};
	const ink = (text: string, y: number, size: number) => {
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000"><text x="500" y="${500 + y}" font-size="${size}" font-family="DejaVu Sans" font-weight="700" text-anchor="middle">${text}</text></svg>`;
		return new Resvg(svg, { font }).getBBox()!;
	};
	const labels = [
		'Prosjektledelse',
		'Styringsverktøy og ERP',
		'Kommunikasjon og informasjonsflyt',
		'HMS',
		'HMS og ISO 9001',
		'KPI-er og mål',
		'ERP, MES og WMS',
		'Økonomi og årsregnskap',
		'Bærekraft og miljø',
		'WWW og MMM'
	];
	it.each(labels)('%j', (label) => {
		let checked = 0;
		for (const r of [40, 60, 80, 120, 180, 260]) {
			for (const votes of [{}, { t1: 12 }] as Record<string, number>[]) {
				const text = bubbleText(theme(label), r, votes, count, dots);
				const lines = text.size > 12 ? text.lines.map((l) => ({ ...l, size: text.size })) : [];
				if (text.count.size > 8) lines.push(text.count);
				for (const line of lines) {
					const box = ink(line.text, line.y, line.size);
					expect(box, `${line.text} (r ${r})`).toBeDefined();
					for (const [x, y] of [
						[box.x, box.y],
						[box.x + box.width, box.y],
						[box.x, box.y + box.height],
						[box.x + box.width, box.y + box.height]
					])
						expect(Math.hypot(x - 500, y - 500), `${line.text} (r ${r})`).toBeLessThanOrEqual(r);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(12);
	});
});
