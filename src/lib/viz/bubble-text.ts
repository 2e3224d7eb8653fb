import type { ThemeView } from '../shared/types';
import { textWidth } from './text-width';

/** Line height of a bubble's label, in ems. */
const LEADING = 1.1;
/** How far a line's letters reach above its baseline (capitals, accents) and below it, in ems. */
const ASCENT = 0.76;
const DESCENT = 0.24;
/** Of the circle's width at a line, how much the line may take: letters never touch the edge. */
const FILL = 0.8;
const MIN_FONT = 12;
const MIN_COUNT_FONT = 8;

/** The largest type a bubble of radius r gets; a label that does not fit is set smaller. */
export const maxFontSize = (r: number) => Math.max(18, Math.min(46, r / 3.6));

/** What a bubble's area shows: its inputs and, once they are shown, its dots. */
export function bubbleWeight(theme: ThemeView, votes: Readonly<Record<string, number>>): number {
	return theme.inputIds.length + (votes[theme.id] ?? 0);
}

export interface BubbleText {
	/** Font size of the label. */
	size: number;
	/** The label's lines, each with its baseline measured from the bubble's centre. */
	lines: { text: string; y: number }[];
	/** "3 prikker · 5 innspill" under the label, smaller. */
	count: { text: string; y: number; size: number };
}

/**
 * Everything written inside one bubble, placed around its centre: the whole label wrapped to fit
 * (fitLabel), then the count. The projector's map and the exported picture both draw this, so
 * they read alike.
 */
export function bubbleText(
	theme: ThemeView,
	r: number,
	votes: Readonly<Record<string, number>>,
	countLabel: (n: number) => string,
	dotsLabel: (n: number) => string
): BubbleText {
	const { lines, size } = fitLabel(theme.label, r);
	const dots = votes[theme.id];
	const count = `${dots ? `${dotsLabel(dots)} · ` : ''}${countLabel(theme.inputIds.length)}`;
	const countY = ((lines.length + 1) / 2) * size * LEADING;
	// the count's size is known only after this, so its lowest point is reckoned at the largest
	const countSize = Math.min(
		size * 0.6,
		width(r, countY + size * 0.6 * DESCENT) / textWidth(count)
	);
	return {
		size,
		lines: lines.map((text, i) => ({ text, y: baseline(i, lines.length, size) })),
		count: { text: count, y: countY, size: Math.max(MIN_COUNT_FONT, countSize) }
	};
}

/**
 * A theme's whole label inside its bubble: the words wrapped into at most three lines, set as
 * large as fits, each line measured against the circle's width where it stands. Never cut short:
 * two themes must not read alike. A small bubble whose label does not fit even at the smallest
 * size shows it whole at that size, reaching past its edge.
 */
export function fitLabel(
	label: string,
	r: number,
	maxLines = 3
): { lines: string[]; size: number } {
	const words = label.split(/\s+/).filter(Boolean);
	for (let size = maxFontSize(r); size >= MIN_FONT; size -= 0.5) {
		for (let n = 1; n <= maxLines; n++) {
			// n lines: the outermost sets the width for all; fewer lines sit nearer the middle
			const ems = lineWidth(r, size, n);
			if (words.some((w) => textWidth(w) > ems)) continue;
			const lines = wrapWords(words, ems, textWidth);
			if (lines.length <= n) return { lines, size };
		}
	}
	return { lines: wrapWords(words, (r * FILL * 2) / MIN_FONT, textWidth), size: MIN_FONT };
}

/** Line i of n: centred on the middle line, lifted a little so the count fits beneath. */
function baseline(i: number, n: number, size: number): number {
	return (i - (n - 1) / 2) * size * LEADING - size * 0.2;
}

/** The room, in ems, for each line of an n-line label: the circle's width at its outermost line. */
function lineWidth(r: number, size: number, n: number): number {
	const top = -baseline(0, n, size) + ASCENT * size;
	const bottom = baseline(n - 1, n, size) + DESCENT * size;
	return width(r, Math.max(top, bottom)) / size;
}

/** The width text may take at `y` from the centre of a circle of radius r. */
function width(r: number, y: number): number {
	return 2 * FILL * Math.sqrt(Math.max(0, r * r - y * y));
}

/** Words into lines at most `width` wide (by `measure`); a longer word gets a line of its own. */
export function wrapWords(
	words: readonly string[],
	width: number,
	measure: (text: string) => number = (text) => text.length
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line ? `${line} ${word}` : word;
		if (measure(next) <= width || !line) line = next;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	return lines;
}
