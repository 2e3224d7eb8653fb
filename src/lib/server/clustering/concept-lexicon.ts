import { SOURCES } from './lexicon/index';
import { termStem } from './word-knowledge';
import { fold } from './fold';
import { tokenize } from './tokenize';
import type { Lang } from './language';

// The bilingual concept lexicon (`lexicon/*.ts`): what organisations' bottlenecks are called in
// Bokmål and English, grouped into concepts ("Nedetid": nedetid, driftsstans, havari, stå
// stille, downtime, …) and concepts into topics ("Utstyr og vedlikehold"). Inputs that share no
// word meet through the concept or topic their words belong to.
//
// Source format, one line each:
//   @topic-id | Norwegian label | English label
//   concept-id | Norwegian label | English label | nb term, nb term, … | en term, en term, …
// Terms are base forms; multi-word terms ("stå stille", "i hodet til") match a run of words.

export interface Concept {
	id: string;
	topic: string;
	label: Record<Lang, string>;
}

export interface Topic {
	id: string;
	label: Record<Lang, string>;
}

/** Keys one typed word can match by: the word, its base forms, its stem, and without æøå. */
export interface WordKeys {
	word: string;
	lemmas: readonly string[];
	stem: string;
	lang: Lang;
}

interface Phrase {
	/** per position: the keys that match there (word and stem of the base form) */
	parts: string[][];
	concept: number;
}

export class ConceptLexicon {
	readonly concepts: Concept[] = [];
	readonly topics = new Map<string, Topic>();
	private readonly byId = new Map<string, number>();
	/** `w:word` (exact), `s:lang:stem`, `f:folded-stem` → concept indexes */
	private readonly keys = new Map<string, number[]>();
	/** phrases by the keys of their first word */
	private readonly phrases = new Map<string, Phrase[]>();
	termCount = 0;

	constructor(sources: readonly string[]) {
		for (const src of sources) this.parse(src);
	}

	concept(id: string): Concept | undefined {
		const i = this.byId.get(id);
		return i === undefined ? undefined : this.concepts[i];
	}

	/** Concepts a single word belongs to: by the exact word, a base form, the stem, then folded. */
	lookup(k: WordKeys): number[] {
		const exact = this.keys.get(`w:${k.word}`);
		if (exact) return exact;
		for (const l of k.lemmas) {
			const hit = this.keys.get(`w:${l}`);
			if (hit) return hit;
		}
		const byStem = this.keys.get(`s:${k.lang}:${k.stem}`);
		if (byStem) return byStem;
		// typed without æøå ("mote", "vaer", "paa"): only for words long enough to be unambiguous
		if (k.word.length >= 4 && !/[æøå]/u.test(k.word)) {
			const folded = this.keys.get(`f:${termStem(fold(k.word), 'nb')}`);
			if (folded) return folded;
		}
		return [];
	}

	/**
	 * Multi-word terms in a run of words: returns [start, end (exclusive), concept] for each
	 * match. One word may stand between the parts of a term ("står helt stille").
	 */
	matchPhrases(words: readonly WordKeys[]): [number, number, number][] {
		const out: [number, number, number][] = [];
		const keysOf = words.map(phraseKeys);
		for (let i = 0; i < words.length; i++) {
			const seen = new Set<Phrase>();
			for (const key of keysOf[i])
				for (const ph of this.phrases.get(key) ?? []) {
					if (seen.has(ph)) continue;
					seen.add(ph);
					const end = matchFrom(ph, keysOf, i);
					if (end > 0) out.push([i, end, ph.concept]);
				}
		}
		return out;
	}

	private parse(src: string): void {
		let topic: string | null = null;
		for (const raw of src.split('\n')) {
			const line = raw.trim();
			if (!line || line.startsWith('#') || line.startsWith('//')) continue;
			const cells = line.split('|').map((c) => c.trim());
			if (line.startsWith('@')) {
				topic = cells[0].slice(1).trim();
				this.topics.set(topic, { id: topic, label: { nb: cells[1], en: cells[2] } });
				continue;
			}
			if (topic === null || cells.length < 5) continue;
			const [id, nbLabel, enLabel, nbTerms, enTerms] = cells;
			let c = this.byId.get(id);
			if (c === undefined) {
				c = this.concepts.push({ id, topic, label: { nb: nbLabel, en: enLabel } }) - 1;
				this.byId.set(id, c);
			}
			this.addTerms(nbTerms, 'nb', c);
			this.addTerms(enTerms, 'en', c);
		}
	}

	private addTerms(list: string, lang: Lang, c: number): void {
		for (const raw of list.split(',')) {
			// read as an input is read: hyphens go within a word ("sign-on"), an apostrophe ends
			// one ("don't" is "don" "t"), so a term matches what is typed
			const words = tokenize(raw).map((t) => t.word);
			if (!words.length) continue;
			this.termCount++;
			if (words.length === 1) {
				const w = words[0].replace(/-/g, '');
				this.put(`w:${words[0]}`, c);
				if (w !== words[0]) this.put(`w:${w}`, c);
				this.put(`s:${lang}:${termStem(w, lang)}`, c);
				if (lang === 'nb') this.put(`f:${termStem(fold(w), 'nb')}`, c);
				continue;
			}
			const parts = words
				.map((w) => w.replace(/-/g, ''))
				.map((w) => [`w:${w}`, `s:${lang}:${termStem(w, lang)}`]);
			const phrase: Phrase = { parts, concept: c };
			for (const key of parts[0]) {
				const list = this.phrases.get(key) ?? [];
				list.push(phrase);
				this.phrases.set(key, list);
			}
		}
	}

	private put(key: string, c: number): void {
		const list = this.keys.get(key);
		if (!list) this.keys.set(key, [c]);
		else if (!list.includes(c)) list.push(c);
	}
}

function phraseKeys(k: WordKeys): string[] {
	return [`w:${k.word}`, ...k.lemmas.map((l) => `w:${l}`), `s:${k.lang}:${k.stem}`];
}

/** End index of a phrase matched from word i, or 0. */
function matchFrom(ph: Phrase, keysOf: readonly string[][], i: number): number {
	let at = i + 1;
	for (let p = 1; p < ph.parts.length; p++) {
		const fits = (j: number) => j < keysOf.length && keysOf[j].some((k) => ph.parts[p].includes(k));
		if (fits(at)) at++;
		else if (fits(at + 1)) at += 2;
		else return 0;
	}
	return at;
}

let shared: ConceptLexicon | null = null;

/** The lexicon of `lexicon/`, built once per process on first use. */
export function conceptLexicon(): ConceptLexicon {
	return (shared ??= new ConceptLexicon(SOURCES));
}
