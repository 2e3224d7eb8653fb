import { adjustedRand } from './ari.ts';
import { compoundOf } from '../../src/lib/server/clustering/seed-names.ts';
import type { TracePoint } from './run-cluster.ts';
import type { GoldTheme, Session } from './workshops.ts';

// What a facilitator would notice about a live session's themes, measured against the room's
// own grouping: how well inputs are grouped, how many themes, how many wait unsorted, whether
// labels name the theme, and whether they stay put on the projector.

export interface SessionScores {
	ari: number;
	themes: number;
	goldThemes: number;
	unsorted: number;
	/** share of gold themes whose best-matching theme carries an acceptable label word */
	labelHits: number;
	/** label changes per theme over the session (facilitator-locked labels excluded) */
	labelChanges: number;
	/** themes relabelled two times or more */
	relabelledTwice: number;
	/** themes that went back to a label they had before */
	returned: number;
	/** labels that are a word of the workshop's question */
	questionWords: number;
}

/** `rows[i]` is the theme id of input i, or null when it is unsorted. */
export function scoreSession(
	session: Session,
	rows: readonly (string | null)[],
	labels: ReadonlyMap<string, string>,
	trace: readonly TracePoint[],
	locked: ReadonlySet<string> = new Set()
): SessionScores {
	const gold = session.inputs.map((i) => i.theme);
	const hits = session.themes.filter((g) => {
		const best = bestMatch(g.id, gold, rows);
		return best !== null && labelNames(labels.get(best) ?? '', g);
	}).length;
	const changes = labelHistory(trace, locked);
	const question = questionWords(session);
	return {
		ari: adjustedRand(gold, rows),
		themes: labels.size,
		goldThemes: session.themes.length,
		unsorted: rows.filter((r) => r === null).length / rows.length,
		labelHits: hits / session.themes.length,
		labelChanges: changes.perTheme,
		relabelledTwice: changes.twice,
		returned: changes.returned,
		questionWords: [...labels.values()].filter((l) => {
			const lw = words(l).filter((w) => w !== 'og' && w !== 'and');
			return lw.length > 0 && lw.every((w) => question.has(w));
		}).length
	};
}

/** The predicted theme holding most of a gold theme's inputs (ties: the first seen). */
export function bestMatch(
	goldId: string,
	gold: readonly (string | null)[],
	rows: readonly (string | null)[]
): string | null {
	const count = new Map<string, number>();
	gold.forEach((g, i) => {
		const r = rows[i];
		if (g === goldId && r !== null) count.set(r, (count.get(r) ?? 0) + 1);
	});
	let best: string | null = null;
	for (const [id, n] of count) if (best === null || n > count.get(best)!) best = id;
	return best;
}

const words = (s: string) =>
	s
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

/**
 * Whether a label names a gold theme: one of its words is an accepted word or a word of the gold
 * label, in that form or its indefinite plural (a sticky note says "Møter", "Leverandører",
 * "Meetings"), or a compound of it with at least three more letters ("vedlikeholdsplan",
 * "maskinstans"); an accepted phrase must appear whole. A definite form ("møtene" for "møte")
 * does not count.
 */
export function labelNames(label: string, theme: GoldTheme): boolean {
	const lw = words(label);
	const text = lw.join(' ');
	const own = words(theme.label).filter((w) => w.length >= 3 && !LINK_WORDS.has(w));
	return [...theme.accept, ...own].some((raw) => {
		const a = raw.toLowerCase().trim();
		if (!a) return false;
		if (/\s/.test(a)) return ` ${text} `.includes(` ${words(a).join(' ')} `);
		return lw.some(
			(w) =>
				w === a ||
				plurals(a).includes(w) ||
				(a.length >= 3 && w.length >= a.length + 3 && (w.startsWith(a) || w.endsWith(a)))
		);
	});
}

/** Words that join the parts of a gold label ("Rutiner og ansvar", "Samhandling på tvers"). */
const LINK_WORDS = new Set([
	'og',
	'and',
	'på',
	'av',
	'med',
	'mellom',
	'etter',
	'for',
	'til',
	'the',
	'of',
	'on'
]);

/** Indefinite plurals of a noun in Bokmål and English. */
function plurals(a: string): string[] {
	const out = [`${a}er`, `${a}s`, `${a}es`];
	if (a.endsWith('e')) out.push(`${a}r`);
	if (a.endsWith('y')) out.push(`${a.slice(0, -1)}ies`);
	return out;
}

/** Label changes per theme over the trace, and the themes relabelled twice or sent back. */
export function labelHistory(
	trace: readonly TracePoint[],
	locked: ReadonlySet<string> = new Set()
): { perTheme: number; twice: number; returned: number } {
	const history = new Map<string, string[]>();
	for (const point of trace)
		for (const t of point.themes) {
			if (locked.has(t.id)) continue;
			const h = history.get(t.id) ?? [];
			if (h[h.length - 1] !== t.label) h.push(t.label);
			history.set(t.id, h);
		}
	let changes = 0;
	let twice = 0;
	let returned = 0;
	for (const h of history.values()) {
		changes += h.length - 1;
		if (h.length - 1 >= 2) twice++;
		if (new Set(h).size < h.length) returned++;
	}
	return { perTheme: history.size ? changes / history.size : 0, twice, returned };
}

function questionWords(session: Session): Set<string> {
	return new Set([...words(session.question.nb), ...words(session.question.en)]);
}

/**
 * Inputs that name exactly one seed theme (its label or a keyword, as a word, the start or the
 * end of a compound, case-insensitive), with that seed's index. Independent of the engine's own
 * text analysis, so it measures whether seeds pull, not whether the engine agrees with itself.
 */
export function namingInputs(
	texts: readonly string[],
	seeds: readonly { label: string; keywords: string[] }[]
): { input: number; seed: number }[] {
	const names = seeds.map((s) =>
		[s.label, ...s.keywords].map((k) => words(k).join(' ')).filter((k) => k.length >= 2)
	);
	const out: { input: number; seed: number }[] = [];
	texts.forEach((text, i) => {
		// a name of two letters ("IT") is named only in capitals, not by the English pronoun
		const caps = new Set(
			text
				.split(/[^\p{L}\p{N}]+/u)
				.filter((w) => w.length <= 3 && w === w.toUpperCase())
				.map((w) => w.toLowerCase())
		);
		const tw = words(text).filter((w) => w.length > 2 || caps.has(w));
		const joined = ` ${tw.join(' ')} `;
		const named = new Set<number>();
		names.forEach((list, s) => {
			for (const k of list) {
				const hit = k.includes(' ')
					? joined.includes(` ${k} `)
					: tw.some((w) => w === k || (k.length >= 4 && compoundOf(w, k)));
				if (hit) named.add(s);
			}
		});
		if (named.size === 1) out.push({ input: i, seed: [...named][0] });
	});
	return out;
}
