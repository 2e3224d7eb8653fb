import { stem } from './stem';
import { nbLemmas } from './lexical-data';

// Norwegian writes compounds as one word (prosjektledelse, ledelsesnivå, traverskran). Splitting
// them lets "prosjektledelse" meet "ledelse" and "prosjekt". A split is only accepted when both
// halves are known words: Norwegian words of Norsk ordbank, a small list of workplace morphemes,
// or words the workshop itself has used on their own.
const EXTRA_PARTS = `
arbeid arbeids nivå styring flyt kontroll linje bruk behov rom tid tids plan system verktøy
data rutine prosess ordre lager kunde salg drift drifts tavle liste skjema papir vakt team
leder leders ledelse møte prosjekt økonomi faktura rapport ansvar kompetanse opplæring
kvalitet vedlikehold produksjon informasjon kommunikasjon oppfølging innkjøp avdeling
program løsning løsninger oversikt tilgang samarbeid utvikling endring frist sjef
`;

const LEXICON_STEMS = new Set<string>();
for (const w of EXTRA_PARTS.trim().split(/\s+/)) LEXICON_STEMS.add(stem(w, 'nb'));

export type KnownStem = (stem: string) => boolean;

const MIN_COMPOUND = 7;
const MIN_PART = 3;
const LINKS = ['s', 'e'];

function partKnown(part: string, known: KnownStem, dictionaryOk = true): boolean {
	if (part.length < MIN_PART) return false;
	const s = stem(part, 'nb');
	if (LEXICON_STEMS.has(s) || LEXICON_STEMS.has(part)) return true;
	// Short parts produce false splits ("kon|troll"): a dictionary or workshop word of four
	// letters or more, and from the dictionary only words that can stand in a compound
	if (part.length < 4) return false;
	if (known(s)) return true;
	return dictionaryOk && nbLemmas(part).some((l) => l.pos === 'noun' || l.pos === 'verb');
}

/**
 * Splits a Norwegian compound into its parts, head last, or returns null. The split that keeps
 * both parts longest wins; the left part is split again so three-part compounds come apart.
 */
export function splitCompound(word: string, known: KnownStem, depth = 0): string[] | null {
	if (word.length < MIN_COMPOUND || depth > 2) return null;
	// A word of the dictionary ("kontroll", "planlegging") is split only where its head is a
	// workplace word or one the workshop typed on its own ("produksjonsplan"), never on a
	// dictionary word alone ("kont|roll", "plan|legging").
	const dictionaryHead = nbLemmas(word).length === 0;
	let best: [string, string] | null = null;
	let bestScore = 0;
	for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
		const right = word.slice(i);
		if (!partKnown(right, known, dictionaryHead)) continue;
		const left = word.slice(0, i);
		const candidates = [left];
		for (const l of LINKS)
			if (left.endsWith(l) && left.length > MIN_PART + 1) candidates.push(left.slice(0, -1));
		for (const cand of candidates) {
			if (!partKnown(cand, known) && splitCompound(cand, known, depth + 1) === null) continue;
			// A linking s/e belongs to the joint, not to the word: prefer the stripped form.
			const score =
				Math.min(left.length, right.length) +
				(partKnown(cand, known) ? 0.5 : 0) +
				(cand !== left && left.endsWith('s') ? 0.25 : cand !== left ? -0.25 : 0);
			if (score > bestScore) {
				bestScore = score;
				best = [cand, right];
			}
		}
	}
	if (!best) return null;
	const leftParts = partKnown(best[0], known)
		? [best[0]]
		: (splitCompound(best[0], known, depth + 1) ?? [best[0]]);
	return [...leftParts, best[1]];
}
