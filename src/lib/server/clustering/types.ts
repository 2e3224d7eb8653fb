import type { Lang } from './language';

export interface InputText {
	id: string;
	text: string;
}

export interface Theme {
	id: string;
	label: string;
	labelLocked: boolean;
	/** distinctive words of the theme: why these inputs belong together */
	keywords: string[];
	inputIds: string[];
	/** the inputs that stand for the theme best (nearest its centre), best first */
	quotes: string[];
	seed: boolean;
}

export interface SeedTheme {
	label: string;
	keywords: string[];
}

export interface EngineOptions {
	/** language of the workshop; 'auto' follows what participants write */
	lang?: Lang | 'auto';
	/** exact number of themes (for comparisons); normally left to the data */
	k?: number;
	granularity?: number;
	/** seed for the deterministic PRNG */
	seed?: number;
	/** the question the workshop answers: its words describe every input, so they never name a theme */
	question?: string;
}

export interface RefineStats {
	/** share of inputs that had a theme before and now have another (or none) */
	churn: number;
	themes: number;
	unsorted: number;
	ms: number;
}

/** What the app stores to rebuild an engine after a restart (inputs are stored separately). */
export interface EngineState {
	version: 1;
	nextTheme: number;
	granularity: number;
	themes: {
		id: string;
		label: string;
		labelLocked: boolean;
		seed: boolean;
		seedKeywords: string[];
		inputIds: string[];
	}[];
	pinned: string[];
	moved: [inputId: string, themeId: string | null][];
	/** inputs kept together by a merge, with the theme they were merged into */
	mergedInto: [inputId: string, themeId: string][];
	/** retired theme id → the theme it was merged into */
	redirects: [from: string, to: string][];
	apart: [string, string][];
	hidden: string[];
	/** inputs in the unsorted tray when the state was exported (they stay there on restore) */
	unsorted?: string[];
}
