/**
 * The facilitator's edits. Refinement reads them through `fixedEntries` and never overrides
 * them; they are also what the app stores to rebuild an engine after a restart.
 */
export class Constraints {
	readonly pinned = new Map<string, string | null>();
	readonly moved = new Map<string, string | null>();
	readonly mergedInto = new Map<string, string>();
	readonly redirects = new Map<string, string>();
	readonly apart: [string, string][] = [];
	readonly hidden = new Set<string>();

	/** A retired (merged) theme id leads to the theme it was merged into. */
	resolve(themeId: string): string {
		let id = themeId;
		for (let guard = 0; this.redirects.has(id) && guard < 1000; guard++)
			id = this.redirects.get(id)!;
		return id;
	}

	/** Where the facilitator wants an input: a theme, null (unsorted), or undefined (free). */
	fixedTarget(inputId: string): string | null | undefined {
		const t = this.moved.has(inputId)
			? this.moved.get(inputId)
			: this.pinned.has(inputId)
				? this.pinned.get(inputId)
				: this.mergedInto.get(inputId);
		return t === undefined || t === null ? t : this.resolve(t);
	}

	pin(inputId: string, themeId: string | null | undefined): void {
		if (themeId === undefined) this.pinned.delete(inputId);
		else this.pinned.set(inputId, themeId);
	}

	move(inputId: string, themeId: string | null): void {
		this.moved.set(inputId, themeId);
		this.pinned.delete(inputId);
	}

	retire(from: string, into: string): void {
		this.redirects.set(from, into);
	}

	keepTogether(inputIds: string[], themeId: string): void {
		for (const id of inputIds) this.mergedInto.set(id, themeId);
	}

	keepApart(themeIds: string[]): void {
		for (let i = 0; i < themeIds.length; i++)
			for (let j = i + 1; j < themeIds.length; j++) this.apart.push([themeIds[i], themeIds[j]]);
	}

	setHidden(inputId: string, hidden: boolean): void {
		if (hidden) this.hidden.add(inputId);
		else this.hidden.delete(inputId);
	}

	forgetInput(inputId: string): void {
		this.pinned.delete(inputId);
		this.moved.delete(inputId);
		this.mergedInto.delete(inputId);
		this.hidden.delete(inputId);
	}

	fixedEntries(): [string, string | null][] {
		const ids = new Set([...this.mergedInto.keys(), ...this.pinned.keys(), ...this.moved.keys()]);
		return [...ids].map((id) => [id, this.fixedTarget(id)!]);
	}
}
