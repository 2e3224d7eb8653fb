import { tokenize } from './tokenize';
import { detectLanguage, type Lang } from './language';
import { isStopword } from './stopwords';
import { splitCompound, type KnownStem } from './compounds';
import { conceptLexicon, type WordKeys } from './concept-lexicon';
import { baseForms, specificity, termStem } from './word-knowledge';
import { ANALYSIS } from './params';

/** What the clustering needs to know about one input; plain data, so it can cross to a worker. */
export interface InputFeatures {
	lang: Lang;
	/** feature terms (stems, `~concept` and `^topic` keys, `a_b` bigrams) with accumulated weights */
	terms: string[];
	weights: number[];
	/**
	 * per term, how specific its word is in general language (1 for concepts, topics, bigrams and
	 * acronyms): applied as far as the workshop is one the lexicon speaks to (`lexiconTrust`)
	 */
	spec: number[];
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

export const conceptTerm = (id: string) => `~${id}`;
export const topicTerm = (id: string) => `^${id}`;
/** Feature terms that stand for meaning (a concept or topic), not for a typed word. */
export const isMeaningTerm = (t: string) => t.startsWith('~') || t.startsWith('^');

/** The feature term of a typed word: its stem, guarded by the dictionary (see `termStem`). */
export function wordTerm(word: string, lang: Lang): string {
	return termStem(word, lang);
}

export function wordKeys(word: string, lang: Lang): WordKeys {
	return { word, lemmas: baseForms(word, lang), stem: termStem(word, lang), lang };
}

/**
 * Text → weighted feature terms. Each content word gives its stem (weighted by how specific
 * the word is in general language: "tid" and "kommer" weigh little), and the concepts and
 * topics it belongs to in the concept lexicon, so inputs that mean the same meet even without
 * a shared word. Multi-word terms ("stå stille") are matched first; Norwegian compounds are
 * split and their parts looked up too.
 */
export function analyze(text: string, opts: AnalyzeOptions): InputFeatures {
	const tokens = tokenize(text);
	const lang = detectLanguage(tokens.map((t) => t.word)) ?? opts.fallbackLang;
	const lex = conceptLexicon();
	const weights = new Map<string, number>();
	const specs = new Map<string, number>();
	const surfaceTerms: string[] = [];
	const surfaces: string[] = [];
	const add = (term: string, w: number, surface: string, spec = 1) => {
		if (w <= 0) return;
		weights.set(term, (weights.get(term) ?? 0) + w);
		specs.set(term, Math.max(specs.get(term) ?? 0, spec));
		surfaceTerms.push(term);
		surfaces.push(surface);
	};
	const addConcepts = (concepts: readonly number[], w: number, surface: string) => {
		const share = w / Math.max(1, concepts.length);
		for (const c of concepts) {
			const concept = lex.concepts[c];
			add(conceptTerm(concept.id), share * ANALYSIS.concept, surface);
			add(topicTerm(concept.topic), share * ANALYSIS.topic, surface);
		}
	};

	const keys = tokens.map((t) => wordKeys(t.word.replace(/-/g, ''), lang));
	const inPhrase = new Uint8Array(tokens.length);
	for (const [start, end, c] of lex.matchPhrases(keys)) {
		addConcepts(
			[c],
			1,
			tokens
				.slice(start, end)
				.map((t) => t.word)
				.join(' ')
		);
		for (let i = start; i < end; i++) inPhrase[i] = 1;
	}

	let prev: { term: string; surface: string } | null = null;
	tokens.forEach(({ word, acronym }, i) => {
		if (!acronym && isStopword(word)) return;
		const whole = word.replace(/-/g, '');
		const term = acronym ? whole : wordTerm(whole, lang);
		add(term, 1, word, acronym ? 1 : specificity(whole, lang));
		const concepts = lex.lookup(keys[i]);
		if (concepts.length && !inPhrase[i]) addConcepts(concepts, 1, word);
		const hyphenParts = word.split('-').filter((p) => p.length >= 2 && !isStopword(p));
		const parts =
			hyphenParts.length > 1
				? hyphenParts
				: lang === 'nb' && !acronym && !concepts.length
					? splitCompound(whole, opts.known)
					: null;
		if (parts)
			parts.forEach((p, j) => {
				if (isStopword(p)) return;
				// the head of a compound (its last part) says what the thing is
				const w = j === parts.length - 1 ? ANALYSIS.head : ANALYSIS.part;
				add(wordTerm(p, lang), w, p, specificity(p, lang));
				const pc = lex.lookup(wordKeys(p, lang));
				if (pc.length) addConcepts(pc, w, p);
			});
		if (prev && prev.term !== term)
			add(`${prev.term}_${term}`, ANALYSIS.bigram, `${prev.surface} ${word}`);
		prev = { term, surface: word };
	});
	return {
		lang,
		terms: [...weights.keys()],
		weights: [...weights.values()],
		spec: [...weights.keys()].map((t) => specs.get(t) ?? 1),
		surfaceTerms,
		surfaces
	};
}
