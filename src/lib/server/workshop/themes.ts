import type { ThemesSnapshot } from '../../shared/types';

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
	'redo'
];
