export { ThemeEngine } from './engine';
export { refine } from './refine';
export { refineInBackground, stopRefineWorker, type BackgroundOptions } from './refine-async';
export {
	refineDue,
	REFINE_DEBOUNCE_MS,
	REFINE_MAX_WAIT_MS,
	REFINE_MIN_CHANGES,
	REFINE_GROWTH_SHARE,
	WORKER_MIN_INPUTS
} from './schedule';
export type { Theme, SeedTheme, InputText, EngineOptions, EngineState, RefineStats } from './types';
export type {
	RefineSnapshot,
	RefineResult,
	RefineCluster,
	SnapshotDoc,
	SnapshotTheme
} from './refine-types';
export type { Lang } from './language';
export { warmUp } from './warm-up';
