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
/** The smallest label type a projector bubble is drawn with: read from the back of a room. */
export const READABLE_FONT = 18;
/** Likewise for the count beneath it ("3 innspill"). */
export const READABLE_COUNT = 13;

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
	const count = countText(theme, votes, countLabel, dotsLabel);
	return {
		size,
		lines: lines.map((text, i) => ({ text, y: baseline(i, lines.length, size) })),
		count: {
			text: count,
			y: countY(lines.length, size),
			size: Math.max(MIN_COUNT_FONT, countSize(r, lines.length, size, count))
		}
	};
}

/** "3 prikker · 5 innspill": what a bubble writes beneath its label. */
export function countText(
	theme: ThemeView,
	votes: Readonly<Record<string, number>>,
	countLabel: (n: number) => string,
	dotsLabel: (n: number) => string
): string {
	const dots = votes[theme.id];
	return `${dots ? `${dotsLabel(dots)} · ` : ''}${countLabel(theme.inputIds.length)}`;
}

/** The count's baseline, beneath a label of n lines. */
const countY = (n: number, size: number) => ((n + 1) / 2) * size * LEADING;

/**
 * The count's type: six tenths of the label's, never under `READABLE_COUNT` where the circle has
 * room, smaller where it narrows beneath the label (its lowest point reckoned at the largest).
 */
function countSize(r: number, n: number, size: number, count: string): number {
	const y = countY(n, size);
	const target = Math.max(size * 0.6, READABLE_COUNT);
	return Math.min(target, width(r, y + target * DESCENT) / textWidth(count));
}

/**
 * A theme's whole label inside its bubble: the words wrapped into at most three lines, set as
 * large as fits, each line measured against the circle's width where it stands. Never cut short:
 * two themes must not read alike. Where a long word ("Programvareutvikling") does not fit at a
 * readable size, it is divided with a hyphen, as a compound is on paper ("Programvare-",
 * "utvikling"). A small bubble whose label does not fit even at the smallest size shows it whole
 * at that size, reaching past its edge.
 */
export function fitLabel(
	label: string,
	r: number,
	maxLines = 3
): { lines: string[]; size: number } {
	const words = label.split(/\s+/).filter(Boolean);
	const divided = words.flatMap(divide);
	const tryFit = (parts: readonly string[], from: number, to: number) => {
		for (let size = from; size >= to; size -= 0.5) {
			for (let n = 1; n <= maxLines; n++) {
				// n lines: the outermost sets the width for all; fewer lines sit nearer the middle
				const ems = lineWidth(r, size, n);
				if (parts.some((w) => textWidth(w) > ems)) continue;
				const lines = joinDivided(wrapWords(parts, ems, textWidth));
				if (lines.length <= n) return { lines, size };
			}
		}
		return null;
	};
	const whole = tryFit(words, maxFontSize(r), READABLE_FONT);
	if (whole) return whole;
	const parts = divided.length > words.length ? tryFit(divided, maxFontSize(r), MIN_FONT) : null;
	return (
		parts ??
		tryFit(words, READABLE_FONT - 0.5, MIN_FONT) ?? {
			lines: wrapWords(words, (r * FILL * 2) / MIN_FONT, textWidth),
			size: MIN_FONT
		}
	);
}

/** Words this long may be divided over two lines. */
const DIVIDE_FROM = 12;
const VOWELS = /[aeiouyæøåéèê]/i;
const DIPHTHONGS = new Set(['ei', 'ai', 'au', 'øy', 'oi', 'ui', 'ou', 'ea', 'ee', 'oo', 'ie']);

/**
 * A long word as two parts, the first ending in a hyphen, divided where a compound most likely
 * joins: between two vowels that make no diphthong ("programvare|utvikling"), or after a linking
 * s that follows a consonant, before a consonant ("produksjons|planlegging", "arbeids|miljø"). The
 * place nearest the middle wins, leaving at least five letters on each side; a word without such
 * a place stays whole.
 */
function divide(word: string): string[] {
	if (word.length < DIVIDE_FROM || word.includes('-') || word === word.toUpperCase()) return [word];
	const vowel = (c: string | undefined) => c !== undefined && VOWELS.test(c);
	let best = -1;
	for (let i = 5; i <= word.length - 5; i++) {
		const a = word[i - 1];
		const b = word[i];
		const join =
			(vowel(a) && vowel(b) && !DIPHTHONGS.has((a + b).toLowerCase())) ||
			(a === 's' && !vowel(b) && !vowel(word[i - 2]));
		if (join && (best < 0 || Math.abs(i - word.length / 2) < Math.abs(best - word.length / 2)))
			best = i;
	}
	return best < 0 ? [word] : [`${word.slice(0, best)}${SOFT_HYPHEN}`, word.slice(best)];
}

/** Ends the first part of a divided word until the lines are known. */
const SOFT_HYPHEN = '\u00ad';

/**
 * A divided word's parts on one line join again; a part that ends a line ends in a hyphen.
 */
function joinDivided(lines: string[]): string[] {
	return lines.map((line) => line.split(`${SOFT_HYPHEN} `).join('').replace(SOFT_HYPHEN, '-'));
}

/**
 * The smallest radius at which a bubble shows its whole label at `READABLE_FONT` or larger, and
 * its count (`count`, as long as it will be written) at `READABLE_COUNT`: a small theme with a
 * long name ("Programvareutvikling", 2 inputs) is drawn that large, so its name is never cut at
 * the bubble's edge or set too small to read.
 */
export function labelRadius(label: string, count = '99 innspill'): number {
	const key = `${label}\u0000${count}`;
	const cached = RADIUS_CACHE.get(key);
	if (cached !== undefined) return cached;
	let r = 0;
	const fits = (r: number) => {
		const { lines, size } = fitLabel(label, r);
		return size >= READABLE_FONT && countSize(r, lines.length, size, count) >= READABLE_COUNT;
	};
	while (r < MAX_LABEL_RADIUS && !fits(r)) r += 2;
	if (RADIUS_CACHE.size >= 500) RADIUS_CACHE.clear();
	RADIUS_CACHE.set(key, r);
	return r;
}
const MAX_LABEL_RADIUS = 240;
const RADIUS_CACHE = new Map<string, number>();

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
