import { enLemma, enPos, nbLemmas, zipf } from './lexical-data';
import type { Lang } from './language';
import { stem } from './stem';

// What the engine knows of single words from general-language resources (Norsk ordbank, WordNet,
// word frequency lists; see lexical-data.ts): their base forms, whether they are nouns, and how
// common they are in any text.

const SPEC_CACHE = new Map<string, number>();
const MAX_CACHE = 50_000;

/** Base forms of a typed word (none when the word is unknown). */
export function baseForms(word: string, lang: Lang): string[] {
	if (lang === 'nb')
		return [...new Set(nbLemmas(word).map((l) => l.lemma))].filter((l) => l !== word);
	const l = enLemma(word);
	return l && l !== word ? [l] : [];
}

/**
 * A word's stem, so inflected forms meet ("møtene", "møter"). A Norwegian stem that is another
 * dictionary word than this word's own base forms is no stem of it ("daglig" → dag, "ledelse" →
 * led, "ferdige" → ferd): such a word keeps its base form, its noun reading first ("leder",
 * "ledere" → leder), so "daglig leder" and "stått i tre dager" share nothing, and "ferdige skrog"
 * is no "ferdighet".
 */
export function termStem(word: string, lang: Lang): string {
	const s = stem(word, lang);
	if (lang !== 'nb' || s === word) return s;
	let t = TERM_CACHE.get(word);
	if (t === undefined) {
		t = guardedStem(word, s);
		if (TERM_CACHE.size >= MAX_CACHE) TERM_CACHE.clear();
		TERM_CACHE.set(word, t);
	}
	return t;
}
const TERM_CACHE = new Map<string, string>();

function guardedStem(word: string, s: string): string {
	const own = nbLemmas(word);
	if (!own.length || !nbLemmas(s).some((l) => l.lemma === s)) return s;
	const inflects = (lemma: string) => lemma === s || lemma === `${s}e` || lemma === `${s}a`;
	const noun = own.find((l) => l.pos === 'noun');
	if (noun) return inflects(noun.lemma) ? s : noun.lemma;
	return own.some((l) => inflects(l.lemma)) ? s : own[0].lemma;
}

/**
 * How much a word says about a topic, from its general-language frequency (Zipf scale): words
 * common in any text ("tid", "kommer", "everything") weigh little, rare and unknown words 1.
 */
export function specificity(word: string, lang: Lang): number {
	const key = `${lang}:${word}`;
	let s = SPEC_CACHE.get(key);
	if (s === undefined) {
		const z = zipf(word, lang);
		s = z <= SPEC_FULL ? 1 : Math.max(SPEC_MIN, 1 - (z - SPEC_FULL) / (SPEC_ZERO - SPEC_FULL));
		if (SPEC_CACHE.size >= MAX_CACHE) SPEC_CACHE.clear();
		SPEC_CACHE.set(key, s);
	}
	return s;
}
/** Zipf at and below which a word counts fully, and where its weight would reach zero */
const SPEC_FULL = 4;
const SPEC_ZERO = 6.5;
const SPEC_MIN = 0.1;

/**
 * The form a typed word or two-word phrase takes on a sticky note, or null when it cannot name
 * a theme: nouns in base form ("møtene" → "møte"; a typed plural such as "møter" is kept),
 * acronyms in capitals, and a phrase only when it ends in such a noun ("intern kommunikasjon").
 */
export function labelForm(
	surface: string,
	lang: Lang,
	acronyms: ReadonlySet<string>
): string | null {
	const words = surface.split(' ');
	if (words.length > 2) return null;
	const head = words[words.length - 1];
	let form: string | null;
	if (acronyms.has(head.toLowerCase()) || /^[\p{Lu}\p{N}]{2,6}$/u.test(head))
		form = head.toUpperCase();
	else form = nounForm(head.toLowerCase(), lang);
	if (!form) return null;
	if (words.length === 1) return form;
	const first = words[0].toLowerCase();
	// a phrase is typed as it stands; its head must already be in a base form
	if (form.toLowerCase() !== head.toLowerCase()) return null;
	if (acronyms.has(first)) return `${first.toUpperCase()} ${form}`;
	return `${first} ${form}`;
}

function nounForm(word: string, lang: Lang): string | null {
	if (lang === 'en') {
		const lemma = enLemma(word) ?? word;
		const pos = enPos(lemma);
		if (pos.size === 0) return word.length >= 5 ? word : null;
		return pos.has('noun') ? (word.endsWith('s') && lemma !== word ? word : lemma) : null;
	}
	const lemmas = nbLemmas(word);
	if (lemmas.length === 0) return word.length >= 5 ? word : null;
	const noun = nbNounLemma(word);
	if (!noun) return null;
	// a plural indefinite ("møter", "rutiner") is how sticky notes name things that come in
	// numbers; other inflections go back to the base form
	if (word === noun + 'r' || word === noun + 'er') return word;
	return noun;
}

const NOUN_ENDINGS = ['ene', 'ne', 'en', 'et', 'er', 'a', 'r', 'e'];

/**
 * The base form of a Norwegian noun. The dictionary data keeps one base form per form and part
 * of speech, so a form shared by two nouns may point at the rarer one ("bilen" → "bile"); the
 * form with a common ending taken off is a candidate too, and the more frequent noun wins.
 */
export function nbNounLemma(word: string): string | null {
	const candidates = new Set<string>();
	for (const l of nbLemmas(word)) if (l.pos === 'noun') candidates.add(l.lemma);
	if (!candidates.size) return null;
	for (const e of NOUN_ENDINGS)
		if (word.endsWith(e) && word.length - e.length >= 3) {
			const stemForm = word.slice(0, -e.length);
			if (nbLemmas(stemForm).some((l) => l.pos === 'noun' && l.lemma === stemForm))
				candidates.add(stemForm);
		}
	return [...candidates].sort((a, b) => zipf(b, 'nb') - zipf(a, 'nb') || a.localeCompare(b))[0];
}
