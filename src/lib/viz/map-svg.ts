import { color, interpolateRgb, schemeTableau10 } from 'd3';
import type { ThemeView } from '../shared/types';
import { xmlText } from '../shared/xml';
import { assignColours, layoutBubbles } from './bubble-layout';
import { bubbleText, bubbleWeight, countText, labelRadius, wrapWords } from './bubble-text';
import { textWidth } from './text-width';

export interface MapSvgOptions {
	/** The workshop's question: the picture's title. */
	title: string;
	/** What the picture is, for screen readers and file lists ("Temakart"). */
	label: string;
	/** "5 innspill" */
	countLabel: (n: number) => string;
	/** "3 prikker" */
	dotsLabel: (n: number) => string;
	/** Shown where the bubbles would be while there are no themes. */
	empty?: string;
	width?: number;
	height?: number;
}

/** The font the PNG is drawn with (server/export/fonts); the labels are fitted for it. */
export const MAP_FONT = 'DejaVu Sans';
// A viewer without DejaVu Sans takes a narrower face, so the labels fit there too.
const FONT_FAMILY = `'${MAP_FONT}', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;
const PAPER = '#ffffff';
const INK = '#0f1c2b';
const MUTED = '#3d4b59';
const LABEL_INK = '#0b1722';
const MARGIN = 64;
/**
 * The projector's palette, lightened: on paper and slides dark text then stands out from every
 * bubble (at least 4.5:1) even at the smallest label size.
 */
export const MAP_FILLS = schemeTableau10.map((c) =>
	color(interpolateRgb(c, PAPER)(0.35))!.formatHex()
);

const px = (v: number) => String(Math.round(v * 10) / 10);

/**
 * The theme map as a standalone SVG picture for slides, documents and the PNG export: the
 * workshop's question as its title, a legend, and the projector's bubbles (same layout, colours
 * and whole labels) on white. Pure: a string out, styles inline, every user text escaped.
 */
export function mapSvg(
	themes: readonly ThemeView[],
	votes: Readonly<Record<string, number>>,
	options: MapSvgOptions
): string {
	const { width = 1920, height = 1080, countLabel, dotsLabel } = options;
	const title = fitTitle(options.title, width - 2 * MARGIN);
	const inputs = themes.reduce((n, t) => n + t.inputIds.length, 0);
	const dots = themes.reduce((n, t) => n + (votes[t.id] ?? 0), 0);
	const legend = `${countLabel(inputs)}${dots > 0 ? ` · ${dotsLabel(dots)}` : ''}`;
	const baseline = (i: number) => MARGIN + (i + 0.8) * title.size * 1.2;
	const legendY = baseline(title.lines.length - 1) + 58;
	const box = { x: MARGIN, y: legendY + 36, w: width - 2 * MARGIN, h: 0 };
	box.h = height - MARGIN / 2 - box.y;

	const out: string[] = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc" font-family="${FONT_FAMILY}" font-weight="700">`,
		`<title id="map-title">${xmlText(`${options.label}: ${options.title}`)}</title>`,
		`<desc id="map-desc">${xmlText(legend)}</desc>`,
		`<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
		`<text x="${MARGIN}" font-size="${px(title.size)}" fill="${INK}">${title.lines
			.map((line, i) => `<tspan x="${MARGIN}" y="${px(baseline(i))}">${xmlText(line)}</tspan>`)
			.join('')}</text>`,
		`<text x="${MARGIN}" y="${px(legendY)}" font-size="30" fill="${MUTED}">${xmlText(legend)}</text>`
	];

	const bubbles = layoutBubbles(
		themes.map((t) => ({
			id: t.id,
			weight: bubbleWeight(t, votes),
			minR: labelRadius(t.label, countText(t, votes, countLabel, dotsLabel))
		})),
		box.w,
		box.h
	);
	if (bubbles.length === 0 && options.empty) {
		out.push(
			`<text x="${px(width / 2)}" y="${px(box.y + box.h / 2)}" text-anchor="middle" font-size="36" fill="${MUTED}">${xmlText(options.empty)}</text>`
		);
	}
	const colours = assignColours(bubbles, new Map(), MAP_FILLS.length);
	const byId = new Map(themes.map((t) => [t.id, t]));
	// Every circle first, then every label: a label reaching past a small bubble stays on top.
	const circles: string[] = [];
	const labels: string[] = [];
	for (const b of bubbles) {
		const theme = byId.get(b.id)!;
		const x = box.x + b.x;
		const y = box.y + b.y;
		const fill = MAP_FILLS[colours.get(b.id) ?? 0];
		circles.push(
			`<circle cx="${px(x)}" cy="${px(y)}" r="${px(b.r)}" fill="${fill}" stroke="#000000" stroke-opacity="0.3" stroke-width="2"/>`
		);
		const text = bubbleText(theme, b.r, votes, countLabel, dotsLabel);
		const line = (t: string, dy: number, size?: number) =>
			`<tspan x="${px(x)}" y="${px(y + dy)}"${size ? ` font-size="${px(size)}"` : ''}>${xmlText(t)}</tspan>`;
		labels.push(
			`<text text-anchor="middle" font-size="${px(text.size)}" fill="${LABEL_INK}">${text.lines
				.map((l) => line(l.text, l.y))
				.join('')}${line(text.count.text, text.count.y, text.count.size)}</text>`
		);
	}
	out.push(`<g>${circles.join('')}</g>`, `<g>${labels.join('')}</g>`, '</svg>');
	return out.join('\n');
}

/** The question as large as fits in at most three lines; a long one gets more, smaller. */
function fitTitle(text: string, maxWidth: number): { lines: string[]; size: number } {
	const words = text.split(/\s+/).filter(Boolean);
	const wrap = (size: number) =>
		wrapWords(
			words.flatMap((w) => breakWord(w, maxWidth / size)),
			maxWidth / size,
			textWidth
		);
	for (let size = 56; size > 32; size -= 2) {
		const lines = wrap(size);
		if (lines.length <= 3) return { lines, size };
	}
	return { lines: wrap(32), size: 32 };
}

/** A word wider than the picture (a link) in pieces that fit, so nothing runs off its edge. */
function breakWord(word: string, width: number): string[] {
	const pieces = [''];
	for (const ch of word) {
		const last = pieces[pieces.length - 1];
		if (last && textWidth(last + ch) > width) pieces.push(ch);
		else pieces[pieces.length - 1] = last + ch;
	}
	return pieces;
}
