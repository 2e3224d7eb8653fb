import { tokenize } from './tokenize';
import { detectLanguage, type Lang } from './language';
import { isStopword } from './stopwords';
import { stem } from './stem';
import { conceptOf } from './concepts';
import { splitCompound, type KnownStem } from './compounds';

/** What the clustering needs to know about one input; plain data, so it can cross to a worker. */
export interface InputFeatures {
	lang: Lang;
	/** feature terms (stems, `~concept` keys, `a_b` bigrams) with accumulated weights */
	terms: string[];
	weights: number[];
	/** surface form typed for each term occurrence, aligned with `surfaceTerms` */
	surfaceTerms: string[];
	surfaces: string[];
}

export interface AnalyzeOptions {
	/** language when the input itself gives no evidence */
	fallbackLang: Lang;
	/** stems the workshop has used as words of their own, for compound splitting */
	known: KnownStem;
}

// Parts of a compound and bigrams are weaker evidence than a whole word typed on its own.
const PART_WEIGHT = 0.5;
const BIGRAM_WEIGHT = 0.5;

export function wordTerm(word: string, lang: Lang): string {
	const s = stem(word, lang);
	return conceptOf(word, s, lang) ?? s;
}

export function analyze(text: string, opts: AnalyzeOptions): InputFeatures {
	const tokens = tokenize(text);
	const lang = detectLanguage(tokens.map((t) => t.word)) ?? opts.fallbackLang;
	const weights = new Map<string, number>();
	const surfaceTerms: string[] = [];
	const surfaces: string[] = [];
	const add = (term: string, w: number, surface: string) => {
		weights.set(term, (weights.get(term) ?? 0) + w);
		surfaceTerms.push(term);
		surfaces.push(surface);
	};

	let prev: { term: string; surface: string } | null = null;
	for (const { word, acronym } of tokens) {
		if (!acronym && isStopword(word)) continue;
		const hyphenParts = word.split('-').filter((p) => p.length >= 2 && !isStopword(p));
		const whole = word.replace(/-/g, '');
		const term = acronym ? whole : wordTerm(whole, lang);
		add(term, 1, word);
		const parts =
			hyphenParts.length > 1
				? hyphenParts
				: lang === 'nb' && !term.startsWith('~')
					? splitCompound(whole, opts.known)
					: null;
		if (parts) for (const p of parts) if (!isStopword(p)) add(wordTerm(p, lang), PART_WEIGHT, p);
		if (prev && prev.term !== term)
			add(`${prev.term}_${term}`, BIGRAM_WEIGHT, `${prev.surface} ${word}`);
		prev = { term, surface: word };
	}
	return {
		lang,
		terms: [...weights.keys()],
		weights: [...weights.values()],
		surfaceTerms,
		surfaces
	};
}
