import stemmerNo from 'natural/lib/natural/stemmers/porter_stemmer_no.js';
import stemmerEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Lang } from './language';

// Stemming is the hot spot of the text pipeline and a workshop repeats its words, so results
// are memoised; the caches are bounded so a long-running server cannot grow them without end.
const MAX_CACHE = 50_000;
const caches: Record<Lang, Map<string, string>> = { nb: new Map(), en: new Map() };

export function stem(word: string, lang: Lang): string {
	const cache = caches[lang];
	let s = cache.get(word);
	if (s === undefined) {
		s = lang === 'nb' ? stemmerNo.stem(word) : stemmerEn.stem(word);
		if (s.length < 2) s = word;
		if (cache.size >= MAX_CACHE) cache.clear();
		cache.set(word, s);
	}
	return s;
}
