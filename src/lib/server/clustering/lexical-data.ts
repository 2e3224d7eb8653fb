// Word knowledge from licensed lexical resources (see THIRD-PARTY.md): Bokmål base forms and parts
// of speech, English lemmas and parts of speech, and word frequencies in both languages.
// The data live in ./data/ as modules that each export one string (written by scripts/lexicon/);
// each group is parsed once, on first use. Pure: no I/O.
import nbMorphData from './data/nb-morph';
import enLemmaData from './data/en-lemmas';
import freqNbData from './data/freq-nb';
import freqEnData from './data/freq-en';

export type NbPos = 'noun' | 'verb' | 'adj' | 'other';
export type EnPos = 'noun' | 'verb' | 'adj' | 'adv';
export type LexLang = 'nb' | 'en';

export interface NbLemma {
	readonly lemma: string;
	readonly pos: NbPos;
}

const NONE: readonly never[] = Object.freeze([]);

/** Value of a base-36 digit given as a character code. */
function digit36(c: number): number {
	return c <= 57 ? c - 48 : c - 87;
}

/** Parses the base-36 number in `text` from `i` up to (not including) `end`. */
function base36(text: string, i: number, end: number): number {
	let n = 0;
	for (; i < end; i++) n = n * 36 + digit36(text.charCodeAt(i));
	return n;
}

/**
 * Walks the lines of a front-coded list held in `text` from offset `from` to `to` (each line: one
 * base-36 digit giving how many characters the word shares with the previous one, the rest of the
 * word, then a tab and data up to the line's end). Works on offsets, without splitting the text.
 */
function eachFrontCoded(
	text: string,
	from: number,
	to: number,
	visit: (word: string, tab: number, end: number) => void
): void {
	let prev = '';
	for (let start = from; start < to;) {
		let end = text.indexOf('\n', start);
		if (end < 0 || end > to) end = to;
		let tab = text.indexOf('\t', start);
		if (tab < 0 || tab > end) tab = end;
		const shared = digit36(text.charCodeAt(start));
		const rest = text.slice(start + 1, tab);
		const word = shared === 0 ? rest : prev.slice(0, shared) + rest;
		prev = word;
		visit(word, tab, end);
		start = end + 1;
	}
}

// ---- Bokmål morphology -------------------------------------------------------------------------

interface NbMorph {
	/** lemma → entries, each `paradigm * 4 + pos code` */
	lemmas: Map<string, number | number[]>;
	/** rule number → removed ending */
	removed: string[];
	/** added ending → rule numbers */
	byAdded: Map<string, number[]>;
	/** paradigm number → its rule numbers */
	paradigms: Uint16Array[];
}

const NB_POS: readonly NbPos[] = ['noun', 'verb', 'adj', 'other'];
const NB_POS_CODE: Record<string, number> = { n: 0, v: 1, a: 2, o: 3 };

let nbMorph: NbMorph | null = null;

function loadNbMorph(): NbMorph {
	const text = nbMorphData;
	const line1 = text.indexOf('\n');
	const line2 = text.indexOf('\n', line1 + 1);
	const removed: string[] = [];
	const byAdded = new Map<string, number[]>();
	text
		.slice(0, line1)
		.split('|')
		.forEach((rule, id) => {
			let rem = '';
			let add = '';
			if (rule !== '=') {
				const gt = rule.indexOf('>');
				if (gt < 0) add = rule;
				else [rem, add] = [rule.slice(0, gt), rule.slice(gt + 1)];
			}
			removed.push(rem);
			const list = byAdded.get(add);
			if (list) list.push(id);
			else byAdded.set(add, [id]);
		});
	const paradigms = text
		.slice(line1 + 1, line2)
		.split('|')
		.map((p) => Uint16Array.from(p.split(','), (id) => parseInt(id, 36)));
	const lemmas = new Map<string, number | number[]>();
	eachFrontCoded(text, line2 + 1, text.length, (word, tab, end) => {
		let codes: number | number[] | undefined;
		for (let i = tab + 1; i < end;) {
			let next = text.indexOf('\t', i);
			if (next < 0 || next > end) next = end;
			const code = base36(text, i + 1, next) * 4 + NB_POS_CODE[text[i]];
			if (codes === undefined) codes = code;
			else if (typeof codes === 'number') codes = [codes, code];
			else codes.push(code);
			i = next + 1;
		}
		if (codes !== undefined) lemmas.set(word, codes);
	});
	return { lemmas, removed, byAdded, paradigms };
}

function nb(): NbMorph {
	return (nbMorph ??= loadNbMorph());
}

function codesOf(m: NbMorph, lemma: string): readonly number[] {
	const c = m.lemmas.get(lemma);
	return c === undefined ? NONE : typeof c === 'number' ? [c] : c;
}

/**
 * Bokmål base forms of a full form ("møtene" → møte, noun), each with its part of speech. Empty
 * when the word is unknown. Norsk ordbank's adjective paradigms of participles are filed under
 * their verbs ("ansatte" → ansette, verb).
 */
export function nbLemmas(form: string): readonly NbLemma[] {
	const w = form.toLowerCase();
	const known = lemmaCache.get(w);
	if (known) return known;
	const found = findNbLemmas(w);
	// a bound, not an eviction policy: a workshop's vocabulary is a few thousand forms
	if (lemmaCache.size >= LEMMA_CACHE_MAX) lemmaCache.clear();
	lemmaCache.set(w, found);
	return found;
}

/**
 * Forms already looked up: every refinement relabels every theme, and looking a form up walks
 * all its possible endings, so the same words were taken apart again and again on the event loop.
 */
const lemmaCache = new Map<string, readonly NbLemma[]>();
const LEMMA_CACHE_MAX = 50_000;

function findNbLemmas(w: string): readonly NbLemma[] {
	const m = nb();
	const out: NbLemma[] = [];
	for (let k = 0; k <= w.length; k++) {
		const rules = m.byAdded.get(w.slice(w.length - k));
		if (!rules) continue;
		const stem = w.slice(0, w.length - k);
		for (const rule of rules) {
			const lemma = stem + m.removed[rule];
			for (const code of codesOf(m, lemma)) {
				if (!m.paradigms[code >> 2].includes(rule)) continue;
				const pos = NB_POS[code & 3];
				if (!out.some((e) => e.lemma === lemma && e.pos === pos)) out.push({ lemma, pos });
			}
		}
	}
	return out.length ? out : NONE;
}

/** Whether a Bokmål base form is a noun lemma ("traverskran", "møte"). */
export function nbIsNoun(lemma: string): boolean {
	return codesOf(nb(), lemma.toLowerCase()).some((c) => (c & 3) === 0);
}

// ---- English lemmas ----------------------------------------------------------------------------

interface EnLex {
	/** lemma → its number */
	index: Map<string, number>;
	/** lemma number → lemma */
	lemmas: string[];
	/** lemma number → part-of-speech bits (1 noun, 2 verb, 4 adjective, 8 adverb) */
	pos: Uint8Array;
	/** senses of lemma i: senses[senseStart[i]] … senses[senseStart[i + 1] - 1], in WordNet's order */
	senseStart: Int32Array;
	senses: Int32Array;
	/** `form pos-bit` → base forms */
	exceptions: Map<string, string[]>;
}

const EN_POS: readonly EnPos[] = ['noun', 'verb', 'adj', 'adv'];
const EN_BIT: Record<string, number> = { n: 1, v: 2, a: 4, r: 8 };

// WordNet's detachment rules (morphy), per part of speech: [ending, replacement].
const DETACH: readonly (readonly [string, string])[][] = [
	[
		['s', ''],
		['ses', 's'],
		['xes', 'x'],
		['zes', 'z'],
		['ches', 'ch'],
		['shes', 'sh'],
		['men', 'man'],
		['ies', 'y']
	],
	[
		['s', ''],
		['ies', 'y'],
		['es', 'e'],
		['es', ''],
		['ed', 'e'],
		['ed', ''],
		['ing', 'e'],
		['ing', '']
	],
	[
		['er', ''],
		['est', ''],
		['er', 'e'],
		['est', 'e']
	],
	[]
];

let enLex: EnLex | null = null;

function loadEn(): EnLex {
	const text = enLemmaData;
	const hash = text.indexOf('\n#\n');
	const count = text.slice(0, hash).split('\n').length;
	const index = new Map<string, number>();
	const lemmas: string[] = new Array(count);
	const pos = new Uint8Array(count);
	const senseStart = new Int32Array(count + 1);
	const senseList: number[] = [];
	let n = 0;
	eachFrontCoded(text, 0, hash, (word, tab, end) => {
		index.set(word, n);
		lemmas[n] = word;
		pos[n] = digit36(text.charCodeAt(tab + 1));
		senseStart[n] = senseList.length;
		for (let i = tab + 3; i < end;) {
			let next = text.indexOf(',', i);
			if (next < 0 || next > end) next = end;
			senseList.push(base36(text, i, next));
			i = next + 1;
		}
		n++;
	});
	senseStart[n] = senseList.length;
	const exceptions = new Map<string, string[]>();
	for (const line of text.slice(hash + 3).split('\n')) {
		const [form, p, base] = line.split('\t');
		const key = `${form} ${EN_BIT[p]}`;
		const list = exceptions.get(key);
		if (list) list.push(base);
		else exceptions.set(key, [base]);
	}
	return { index, lemmas, pos, senseStart, senses: Int32Array.from(senseList), exceptions };
}

function en(): EnLex {
	return (enLex ??= loadEn());
}

/** Base forms of an English word for one part of speech (index 0 noun … 3 adverb), as morphy finds them. */
function posBits(lex: EnLex, w: string): number {
	const i = lex.index.get(w);
	return i === undefined ? 0 : lex.pos[i];
}

function enBases(lex: EnLex, w: string, p: number): string[] {
	const bit = 1 << p;
	const out: string[] = [];
	if ((posBits(lex, w) & bit) !== 0) out.push(w);
	for (const base of lex.exceptions.get(`${w} ${bit}`) ?? [])
		if (!out.includes(base)) out.push(base);
	for (const [ending, repl] of DETACH[p]) {
		if (!w.endsWith(ending) || w.length <= ending.length) continue;
		const base = w.slice(0, w.length - ending.length) + repl;
		if ((posBits(lex, base) & bit) !== 0 && !out.includes(base)) out.push(base);
	}
	return out;
}

/**
 * Parts of speech WordNet gives an English word, as a lemma or as an inflected form of one
 * ("meetings" → noun; "ran" → verb). Empty when unknown.
 */
export function enPos(word: string): ReadonlySet<EnPos> {
	const lex = en();
	const w = word.toLowerCase();
	const out = new Set<EnPos>();
	for (let p = 0; p < 4; p++) if (enBases(lex, w, p).length) out.add(EN_POS[p]);
	return out;
}

/**
 * The English base form of a word ("ran" → "run", "meetings" → "meeting", "children" → "child"),
 * trying noun, verb, adjective and adverb in that order; the (lower-cased) word itself when it is
 * a lemma or nothing is known.
 */
export function enLemma(form: string): string {
	const lex = en();
	const w = form.toLowerCase();
	for (let p = 0; p < 4; p++) {
		const bases = enBases(lex, w, p);
		if (bases.length) return bases[0];
	}
	return w;
}

// ---- Frequencies -------------------------------------------------------------------------------

const freq: Partial<Record<LexLang, Map<string, number>>> = {};

function loadFreq(data: string): Map<string, number> {
	const map = new Map<string, number>();
	for (const line of data.split('\n')) {
		const tab = line.indexOf('\t');
		const z = parseInt(line.slice(0, tab), 10) / 100;
		for (const w of line.slice(tab + 1).split(' ')) if (!map.has(w)) map.set(w, z);
	}
	return map;
}

/**
 * How common a word form is in general language, on the Zipf scale (log10 of occurrences per
 * billion words: about 7 for "og"/"the", 4 for everyday content words, under 3 for rare ones);
 * 0 when the word is not among the known ones (Bokmål: the 100,000 most frequent forms).
 */
export function zipf(word: string, lang: LexLang): number {
	const map = (freq[lang] ??= loadFreq(lang === 'nb' ? freqNbData : freqEnData));
	return map.get(word.toLowerCase()) ?? 0;
}
