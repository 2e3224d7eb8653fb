// Document frequencies kept incrementally: an insert touches only its own terms, never the
// rest of the workshop.
export class TermStats {
	private readonly ids = new Map<string, number>();
	readonly names: string[] = [];
	readonly df: number[] = [];
	docs = 0;
	/** inputs with at least one concept or topic: how much of the workshop the lexicon speaks to */
	meaningDocs = 0;

	id(term: string): number {
		let id = this.ids.get(term);
		if (id === undefined) {
			id = this.names.length;
			this.ids.set(term, id);
			this.names.push(term);
			this.df.push(0);
		}
		return id;
	}

	get(term: string): number | undefined {
		return this.ids.get(term);
	}

	addDoc(terms: readonly string[]): void {
		this.docs++;
		if (terms.some(isMeaning)) this.meaningDocs++;
		for (const t of terms) this.df[this.id(t)]++;
	}

	removeDoc(terms: readonly string[]): void {
		this.docs--;
		if (terms.some(isMeaning)) this.meaningDocs--;
		for (const t of terms) this.df[this.id(t)]--;
	}

	/** Smoothed idf; a term only one input uses cannot relate two inputs, so it weighs nothing. */
	idf(id: number): number {
		return idf(this.names[id] ?? '', this.df[id] ?? 0, this.docs, this.meaningDocs);
	}

	/** How far the lexicon (and general-language specificity) applies here: `lexiconTrust`. */
	trust(): number {
		return lexiconTrust(this.meaningDocs, this.docs);
	}
}

/**
 * Inverse document frequency of a term used by `df` of `docs` inputs, `meaningDocs` of which
 * carry a concept or topic. Words get the smoothed form. A concept or topic (`~`, `^`) gets the
 * plain one, which reaches zero when every input carries it (where a whole set is about one
 * field, its concepts tell nothing apart), times `lexiconTrust`.
 */
export function idf(term: string, df: number, docs: number, meaningDocs: number): number {
	if (df < 2) return 0;
	if (isMeaning(term)) return Math.max(0, Math.log(docs / df)) * lexiconTrust(meaningDocs, docs);
	return Math.log((1 + docs) / (1 + df)) + 1;
}

/**
 * A word's weight from its general-language specificity, as far as the workshop is one the
 * lexicon speaks to: in workshop answers words common in any text ("tid", "kommer") are filler
 * around what matters; in other short texts (a voice assistant's commands: "play", "set",
 * "what time") they are what matters.
 */
export function specWeight(spec: number, trust: number): number {
	return trust >= 1 ? spec : Math.pow(spec, trust);
}

/**
 * How far to trust the concept lexicon in a workshop: fully where it recognises most inputs (a
 * workshop about organisational life: 80-90 % of inputs), not at all where it recognises fewer
 * than half (another field: a voice assistant's commands, where the few workplace words it
 * finds are noise), linearly between.
 */
export function lexiconTrust(meaningDocs: number, docs: number): number {
	if (docs <= 0) return 1;
	const coverage = meaningDocs / docs;
	return Math.min(1, Math.max(0, (coverage - TRUST_NONE) / (TRUST_FULL - TRUST_NONE)));
}
const TRUST_NONE = 0.45;
const TRUST_FULL = 0.75;

function isMeaning(t: string): boolean {
	const c = t.charCodeAt(0);
	return c === 126 || c === 94;
}
