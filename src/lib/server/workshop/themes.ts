import type { Phase, ThemesSnapshot } from '../../shared/types';

/**
 * What the rest of the server asks of a workshop's themes. One node answers from its own engines
 * (`ThemeService`); in a cluster the node that holds a workshop's lease answers for everyone.
 */
export interface Themes {
	snapshot(code: string): Promise<ThemesSnapshot>;
	themeExists(code: string, themeId: string): Promise<boolean>;
	representatives(code: string, themeIds: string[], n: number): Promise<string[]>;
	refine(code: string): Promise<ThemesSnapshot>;
	explain(code: string, payload: unknown): Promise<{ themeId: string | null; terms: string[] }>;
	act(code: string, payload: unknown): Promise<ThemesSnapshot>;
	undo(code: string): Promise<ThemesSnapshot>;
	redo(code: string): Promise<ThemesSnapshot>;
	/** The theme each id stands for now (a merged theme: the one it went into; null: gone). */
	currentThemes(code: string, themeIds: string[]): Promise<Record<string, string | null>>;
	/** Voting and after: the map people vote on holds still (see ThemeService.setPhase). */
	setPhase(code: string, phase: Phase): Promise<void>;
	close(): Promise<void>;
}

export type ThemeMethod = Exclude<keyof Themes, 'close'>;

export const THEME_METHODS: readonly ThemeMethod[] = [
	'snapshot',
	'themeExists',
	'representatives',
	'refine',
	'explain',
	'act',
	'undo',
	'redo',
	'currentThemes',
	'setPhase'
];
