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
		const df = this.df[id] ?? 0;
		return df < 2 ? 0 : Math.log((1 + this.docs) / (1 + df)) + 1;
	}
}
