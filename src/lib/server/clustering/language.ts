// Per-input language guess between Norwegian Bokmål and English. Inputs are a handful of words,
// so the guess leans on high-frequency function words and spelling, and says "unknown" rather
// than guessing when the evidence is even.

export type Lang = 'nb' | 'en';

const NB_HINTS = new Set(
	(
		'og jeg det ikke er som på til med av for å vi har kan må skal blir ble får mye mange ' +
		'hos mellom når hva hvordan hvor eller også noe noen den dette disse vår våre vårt oss ' +
		'seg sin sitt sine deg meg min mitt mine dere fra etter uten mot under over ved hele ' +
		'mer mest litt lite veldig godt bra dårlig trenger mangler alle bare enn fordi slik'
	).split(' ')
);
const EN_HINTS = new Set(
	(
		'the and of to is are we our with not it this that be have has for on at by from ' +
		'an a too lack need many much more most no all between what how when where which ' +
		'my me you your can could would should will do does did there their they them been ' +
		'being was were i am very poor bad good'
	).split(' ')
);
// "for", "i", "a" and a few others appear in both languages; they are not counted.
const SHARED = new Set(['for', 'i', 'a', 'under', 'over', 'man', 'at', 'on', 'bad']);

const NB_SUFFIX = /(?:sjon|sjonen|heten|heter|ene|ingen|ingene|elsen|ninga|lig|lige|ert)$/u;
const EN_SUFFIX = /(?:tion|tions|ness|ment|ments|ed|ly|ity|ies)$/u;

export function detectLanguage(words: readonly string[]): Lang | null {
	let score = 0; // > 0 means Norwegian
	for (const w of words) {
		if (/[æøå]/u.test(w)) score += 2;
		if (SHARED.has(w)) continue;
		if (NB_HINTS.has(w)) score += 1;
		if (EN_HINTS.has(w)) score -= 1;
		if (w.length > 4) {
			if (w.includes('th') || w.includes('w')) score -= 0.5;
			if (NB_SUFFIX.test(w)) score += 0.5;
			else if (EN_SUFFIX.test(w)) score -= 0.5;
		}
	}
	if (score > 0) return 'nb';
	if (score < 0) return 'en';
	return null;
}
