import type { InputFeatures } from './analyze';
import type { Lang } from './language';

export interface ThemeLabel {
	label: string;
	keywords: string[];
}

const KEYWORDS = 5;
/** a two-word phrase replaces the top word when it is nearly as distinctive and typed twice */
const PHRASE_RATIO = 0.6;

/**
 * Class-based TF-IDF: a term names a theme when it is frequent inside the theme and rare in
 * the workshop as a whole (`df` over all inputs). Shown as the word people typed: the most
 * frequent surface form of the stem, preferring the workshop's language.
 */
export function labelTheme(
	members: readonly InputFeatures[],
	df: (term: string) => number,
	docs: number,
	lang: Lang
): ThemeLabel {
	const tf = new Map<string, number>();
	const inputs = new Map<string, number>();
	const surfaces = new Map<string, Map<string, number>>();
	for (const f of members) {
		f.terms.forEach((t, i) => {
			tf.set(t, (tf.get(t) ?? 0) + f.weights[i]);
			inputs.set(t, (inputs.get(t) ?? 0) + 1);
		});
		const bias = f.lang === lang ? 1 : 0.25;
		f.surfaceTerms.forEach((t, i) => {
			let m = surfaces.get(t);
			if (!m) surfaces.set(t, (m = new Map()));
			m.set(f.surfaces[i], (m.get(f.surfaces[i]) ?? 0) + bias);
		});
	}
	const score = (t: string) =>
		((tf.get(t) ?? 0) / members.length) * Math.log(1 + docs / Math.max(1, df(t)));
	const ranked = (bigram: boolean) =>
		[...tf.keys()]
			.filter(
				(t) =>
					t.includes('_') === bigram && (members.length < 3 || (inputs.get(t) ?? 0) >= 2 || !bigram)
			)
			.sort((a, b) => score(b) - score(a) || a.localeCompare(b));
	const surface = (t: string) => {
		const m = surfaces.get(t);
		if (!m) return t.replace(/^~/, '');
		return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
	};

	const words = ranked(false);
	const keywords: string[] = [];
	for (const t of words) {
		const s = surface(t);
		if (!keywords.includes(s)) keywords.push(s);
		if (keywords.length >= KEYWORDS) break;
	}
	if (!words.length) return { label: '', keywords };
	let label = surface(words[0]);
	const phrase = ranked(true).find((b) => b.split('_').includes(words[0]));
	if (phrase && (inputs.get(phrase) ?? 0) >= 2 && score(phrase) >= PHRASE_RATIO * score(words[0]))
		label = surface(phrase);
	return { label: label.charAt(0).toUpperCase() + label.slice(1), keywords };
}

/** The input's own words for the terms it shares with the rest of its theme. */
export function sharedTerms(input: InputFeatures, others: readonly InputFeatures[]): string[] {
	const count = new Map<string, number>();
	for (const f of others) for (const t of f.terms) count.set(t, (count.get(t) ?? 0) + 1);
	const out: string[] = [];
	const seen = new Set<string>();
	const ranked = [...new Set(input.terms)]
		.filter((t) => count.has(t) && !t.includes('_'))
		.sort((a, b) => count.get(b)! - count.get(a)!);
	for (const t of ranked) {
		const i = input.surfaceTerms.indexOf(t);
		const s = i >= 0 ? input.surfaces[i] : t.replace(/^~/, '');
		if (!seen.has(s)) out.push(s);
		seen.add(s);
	}
	return out;
}
