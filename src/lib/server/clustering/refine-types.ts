// The serialisable contract between the live engine and the refinement pass, so the pass can
// run in a worker thread: plain arrays and strings only.

export interface SnapshotDoc {
	id: string;
	terms: string[];
	weights: number[];
	/** general-language specificity per term (see `InputFeatures.spec`); 1 when absent */
	spec?: number[];
}

export interface SnapshotTheme {
	id: string;
	inputIds: string[];
	/** seed themes and themes with a locked label survive even when empty */
	persistent: boolean;
	/** seed keywords as feature terms; they pull matching inputs in */
	seedTerms?: string[];
}

/** A cluster centre as sparse terms, so it survives the term columns changing between passes. */
export interface Centre {
	terms: string[];
	weights: number[];
}

export interface RefineSnapshot {
	docs: SnapshotDoc[];
	themes: SnapshotTheme[];
	/** inputs the facilitator placed (pinned, moved, merged): theme id or null for unsorted */
	fixed: [inputId: string, themeId: string | null][];
	/** theme pairs that must not be merged automatically (a facilitator split them) */
	apart: [string, string][];
	/** exact number of themes wanted, or undefined to let the data decide */
	k?: number;
	granularity: number;
	/** true: start from scratch (batch); false: improve the current themes with little churn */
	cold: boolean;
	seed: number;
	/** the previous pass's fine clusters: a live pass starts from them, so its target is stable */
	centres?: Centre[];
	/** inputs placed by the live path since the last pass, not yet confirmed by one */
	fresh?: string[];
}

export interface RefineCluster {
	/** an existing theme id, or `new:<n>` for a theme the engine must create */
	key: string;
	inputIds: string[];
}

export interface RefineResult {
	clusters: RefineCluster[];
	unsorted: string[];
	/** the fine clusters of this pass, for the next one */
	centres?: Centre[];
	ms: number;
}
