import { tokenize } from './tokenize';
import { isStopword } from './stopwords';
import { termStem } from './word-knowledge';
import type { InputFeatures } from './analyze';

/**
 * Which seed theme an input names. A facilitator who seeds "Lean og 5S" with "lean, 5S,
 * standardisering" expects every input that says "5S-tavla" or "leanprosjektet" there: an input
 * naming a seed's label or one of its keywords (as a word, through its stem, as a part of a
 * compound or a hyphenated word, or as an acronym) belongs to that seed unless the facilitator
 * placed it elsewhere. A keyword of several words is named only when all of them are there.
 */
export class SeedNames {
	/** theme → its names */
	private readonly names = new Map<string, Name[]>();

	get size(): number {
		return this.names.size;
	}

	set(themeId: string, phrases: readonly string[]): void {
		const list: Name[] = [];
		for (const phrase of phrases) {
			const tokens = tokenize(phrase);
			// a keyword that is one short function word ("IT", typed in lower case in a list) is
			// an acronym: only a word typed in capitals names it
			const acronym =
				tokens.length === 1 && tokens[0].word.length <= 4 && isStopword(tokens[0].word);
			const words = tokens.filter((t) => acronym || t.acronym || !isStopword(t.word));
			if (!words.length) continue;
			list.push({
				words: words.map(({ word, acronym: caps }) => {
					const whole = word.replace(/-/g, '');
					return caps || acronym
						? new Set([whole])
						: new Set([whole, termStem(whole, 'nb'), termStem(whole, 'en')]);
				}),
				part:
					words.length === 1 && !acronym && !words[0].acronym && words[0].word.length >= 4
						? words[0].word.replace(/-/g, '')
						: null
			});
		}
		if (list.length) this.names.set(themeId, list);
		else this.names.delete(themeId);
	}

	delete(themeId: string): void {
		this.names.delete(themeId);
	}

	/** The seed an input names most often; null when it names none, or two equally. */
	named(f: InputFeatures): string | null {
		if (!this.names.size) return null;
		const terms = new Set(f.terms);
		const typed = f.surfaces.filter((w) => !w.includes(' ')).map((w) => w.replace(/-/g, ''));
		const names = (n: Name) =>
			n.words.every((alts) => [...alts].some((a) => terms.has(a))) ||
			(n.part !== null && typed.some((w) => compoundOf(w, n.part!)));
		let best: string | null = null;
		let bestCount = 0;
		let tie = false;
		for (const [theme, list] of this.names) {
			let count = 0;
			for (const name of list) if (names(name)) count++;
			if (count > bestCount) {
				best = theme;
				bestCount = count;
				tie = false;
			} else if (count > 0 && count === bestCount) tie = true;
		}
		return tie ? null : best;
	}
}

/** One name of a seed theme: its words (each a set of matching terms), and for a single word
 * the word itself, which also names the seed as the first or last part of a compound typed
 * ("tollpapirene" for "toll", "reachtruck" for "truck"). */
interface Name {
	words: Set<string>[];
	part: string | null;
}

/** Norwegian inflection endings a compound's head may carry ("reachtrucken", "tollpapirene"). */
const ENDINGS = ['', 'e', 'en', 'et', 'a', 'er', 'ene', 'ne', 's'];

/** True when `word` is a compound with `part` as its first part or (inflected) last part. */
export function compoundOf(word: string, part: string): boolean {
	if (word.length < part.length + 3) return false;
	if (word.startsWith(part)) return true;
	return ENDINGS.some((e) => word.endsWith(part + e) && word.length >= part.length + e.length + 3);
}
