import type { Lang } from './language';
import type { Constraints } from './constraints';
import type { ThemeRec, ThemeStore } from './theme-store';
import type { EngineOptions } from './types';

export type EngineSettings = Required<Omit<EngineOptions, 'k' | 'question'>> & {
	k?: number;
	question?: string;
};

/**
 * What the engine's helpers (edits, read views, refinement mapping, persistence) see of a
 * `ThemeEngine`. They depend on this interface, never on the class, so imports run one way:
 * engine → helpers → core.
 */
export interface EngineCore {
	readonly store: ThemeStore;
	readonly constraints: Constraints;
	readonly opts: EngineSettings;
	/** the workshop's language */
	readonly lang: Lang;
	isPersistent(t: ThemeRec): boolean;
}
