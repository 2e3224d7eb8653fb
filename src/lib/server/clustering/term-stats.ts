// Document frequencies kept incrementally: an insert touches only its own terms, never the
// rest of the workshop.
export class TermStats {
	private readonly ids = new Map<string, number>();
	readonly names: string[] = [];
	readonly df: number[] = [];
	docs = 0;

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
		for (const t of terms) this.df[this.id(t)]++;
	}

	removeDoc(terms: readonly string[]): void {
		this.docs--;
		for (const t of terms) this.df[this.id(t)]--;
	}

	/** Smoothed idf; a term only one input uses cannot relate two inputs, so it weighs nothing. */
	idf(id: number): number {
		return idf(this.names[id] ?? '', this.df[id] ?? 0, this.docs);
	}
}

/**
 * Inverse document frequency of a term used by `df` of `docs` inputs. Words get the smoothed
 * form. A concept or topic (`~`, `^`) gets the plain one, which reaches zero when every input
 * carries it: where a whole workshop is about one field (every input about bank cards, say),
 * its concepts tell nothing apart and must not pull distinct themes together.
 */
export function idf(term: string, df: number, docs: number): number {
	if (df < 2) return 0;
	const c = term.charCodeAt(0);
	if (c === 126 || c === 94) return Math.max(0, Math.log(docs / df));
	return Math.log((1 + docs) / (1 + df)) + 1;
}
