import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

// The exported theme map (src/lib/viz/map-svg.ts) read back: title and legend are the first two
// <text>s, then a layer of circles and a layer of labels.

interface Tspan {
	'#text'?: string;
	x: string;
	y: string;
	'font-size'?: string;
}
interface Text {
	tspan?: Tspan[];
	'#text'?: string;
	'font-size'?: string;
	fill?: string;
}
export interface Svg {
	width: string;
	height: string;
	viewBox: string;
	title: { '#text': string };
	rect: { fill: string };
	text: Text[];
	g: ({ circle?: { fill: string; r: string }[]; text?: Text[] } | '')[];
}

/** Parses the picture, failing on anything that is not well-formed XML. */
export function parseSvg(svg: string): Svg {
	expect(XMLValidator.validate(svg)).toBe(true);
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		isArray: (name) => ['text', 'tspan', 'circle', 'g'].includes(name)
	});
	return parser.parse(svg).svg as Svg;
}

/** Each bubble's label as its lines read, joined by spaces, and the count line under it. */
export function bubbles(svg: Svg): { label: string; lines: string[]; count: string }[] {
	const layer = svg.g[1];
	if (!layer || !layer.text) return [];
	return layer.text.map((t) => {
		const lines = t.tspan!.map((s) => s['#text'] ?? '');
		return { label: lines.slice(0, -1).join(' '), lines: lines.slice(0, -1), count: lines.at(-1)! };
	});
}
