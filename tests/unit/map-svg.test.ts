import { describe, expect, it } from 'vitest';
import type { ThemeView } from '../../src/lib/shared/types';
import { mapSvg, type MapSvgOptions } from '../../src/lib/viz/map-svg';
import { textWidth } from '../../src/lib/viz/text-width';
import { bubbles, parseSvg as parse } from '../helpers/svg';

const theme = (id: string, label: string, inputs: number): ThemeView => ({
	id,
	label,
	labelLocked: false,
	keywords: [],
	inputIds: Array.from({ length: inputs }, (_, i) => `${id}-${i}`),
	quotes: [],
	seed: false
});

const options: MapSvgOptions = {
	title: 'Hva er de viktigste utfordringene for bedriftene neste år?',
	label: 'Temakart',
	countLabel: (n) => `${n} innspill`,
	dotsLabel: (n) => (n === 1 ? '1 prikk' : `${n} prikker`),
	empty: 'Ingen temaer ennå.'
};

const THEMES = [
	theme('a', 'Prosjektledelse og prosjektstyring', 9),
	theme('b', 'Digitalisering', 7),
	theme('c', 'Møter og beslutninger', 6),
	theme('d', 'Styringsverktøy og ERP', 4),
	theme('e', 'Kommunikasjon og informasjonsflyt mellom avdelingene', 3),
	theme('f', 'Leverandører og innkjøp', 2),
	theme('g', 'HMS', 1),
	theme('h', 'Lean og 5S i produksjonen', 5),
	theme('i', 'Kompetanse og opplæring', 2),
	theme('j', 'Ærlig øving på små ting', 1),
	theme('k', '2026', 1)
];

describe('mapSvg: the theme map as a picture', () => {
	it('is a well-formed 1920×1080 SVG with the question as its title and the legend', () => {
		const svg = parse(mapSvg(THEMES, { a: 12, b: 8, c: 3 }, options));
		expect([svg.width, svg.height, svg.viewBox]).toEqual(['1920', '1080', '0 0 1920 1080']);
		expect(svg.title['#text']).toBe(`Temakart: ${options.title}`);
		const [title, legend] = svg.text;
		expect(title.tspan!.map((s) => s['#text']).join(' ')).toBe(options.title);
		expect(legend['#text']).toBe('41 innspill · 23 prikker');
		expect(svg.rect.fill).toBe('#ffffff');
		expect(svg.g[0] && svg.g[0].circle).toHaveLength(THEMES.length);
	});

	it('shows every theme label whole, wrapped, with its count', () => {
		const drawn = bubbles(parse(mapSvg(THEMES, { a: 12 }, options)));
		expect(drawn.map((b) => b.label).sort()).toEqual(THEMES.map((t) => t.label).sort());
		for (const b of drawn) {
			expect(b.lines.length).toBeLessThanOrEqual(3);
			expect(b.lines.join('')).not.toContain('…');
		}
		expect(drawn.find((b) => b.label.startsWith('Prosjekt'))!.count).toBe(
			'12 prikker · 9 innspill'
		);
		expect(drawn.find((b) => b.label === 'Digitalisering')!.count).toBe('7 innspill');
	});

	it('leaves the dots out of the legend when there are none to show', () => {
		const svg = parse(mapSvg(THEMES, {}, options));
		expect(svg.text[1]['#text']).toBe('41 innspill');
		expect(bubbles(svg).every((b) => !b.count.includes('prikk'))).toBe(true);
	});

	it('keeps participant text as text: <script>, & and quotes are escaped, not markup', () => {
		const hostile = [
			theme('x', '<script>alert("x")</script> & co', 3),
			theme('y', 'Tom & Jerry\'s "verktøy" </text><image href="x"/>', 2),
			theme('z', 'Kontroll\u0001tegn\uFFFF', 1)
		];
		const raw = mapSvg(hostile, {}, { ...options, title: 'Hva <b>nå</b> & så?' });
		expect(raw).not.toMatch(/<script|<image|<b>/);
		expect(raw).toContain('&lt;script&gt;');
		expect(raw).toContain('&amp; co');
		const svg = parse(raw);
		const labels = bubbles(svg).map((b) => b.label);
		expect(labels).toContain('<script>alert("x")</script> & co');
		expect(labels).toContain('Tom & Jerry\'s "verktøy" </text><image href="x"/>');
		// characters XML cannot hold are dropped, the rest of the label stays
		expect(labels).toContain('Kontrolltegn');
		expect(svg.text[0].tspan!.map((s) => s['#text']).join(' ')).toBe('Hva <b>nå</b> & så?');
	});

	it('draws an empty map: title, legend and a note, no bubbles', () => {
		const svg = parse(mapSvg([], {}, options));
		expect(svg.text.map((t) => t['#text'] ?? '')).toContain('Ingen temaer ennå.');
		expect(svg.text[1]['#text']).toBe('0 innspill');
		expect(svg.g.flatMap((g) => (g && g.circle) || [])).toHaveLength(0);
	});

	it('gives dark labels at least 4.5:1 against every bubble colour', () => {
		const svg = parse(mapSvg(THEMES, {}, options));
		const ink = svg.g[1] && svg.g[1].text![0].fill;
		const fills = new Set((svg.g[0] && svg.g[0].circle!.map((c) => c.fill)) || []);
		expect(fills.size).toBeGreaterThan(5);
		for (const fill of fills) expect(contrast(fill, ink!), fill).toBeGreaterThanOrEqual(4.5);
	});

	it('wraps a long question, and breaks a link too wide for the picture', () => {
		const long = `${'Hvordan kan bedriftene i nettverket samarbeide bedre om kompetanse, '.repeat(6)}https://example.org/${'a'.repeat(150)}`;
		const svg = parse(mapSvg(THEMES, {}, { ...options, title: long }));
		const title = svg.text[0];
		const size = Number(title['font-size']);
		const lines = title.tspan!.map((s) => s['#text'] ?? '');
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(textWidth(line) * size).toBeLessThanOrEqual(1920 - 2 * 64);
		expect(lines.join('').replace(/\s+/g, '')).toBe(long.replace(/\s+/g, ''));
		// the map still gets the rest of the picture
		const circles = (svg.g[0] && svg.g[0].circle) || [];
		expect(circles).toHaveLength(THEMES.length);
	});
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, bl] = [1, 3, 5].map((i) => {
			const c = parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
