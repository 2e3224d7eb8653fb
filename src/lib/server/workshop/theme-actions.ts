import type { ThemeEngine } from '../clustering/index';
import { ThemeAction as ThemeActionSchema, type ThemeAction } from '../../shared/schemas/index';
import { DomainError } from './errors';
import { parse } from './parse';

export type { ThemeAction, ThemeActionType } from '../../shared/schemas/index';
export { MAX_LABEL_LENGTH } from '../../shared/schemas/index';

/** Validates a raw payload from the control room into an action; refuses anything else. */
export function parseThemeAction(payload: unknown): ThemeAction {
	return parse(ThemeActionSchema, payload);
}

/** Checks the ids an action names against the engine, so a stale screen gets a clear refusal. */
export function checkTargets(engine: ThemeEngine, action: ThemeAction): void {
	const themes = new Set(engine.themes().map((t) => t.id));
	const requireTheme = (id: string) => {
		if (!themes.has(id)) throw new DomainError('not_found', 'That theme no longer exists.');
	};
	const requireInput = (id: string) => {
		if (engine.themeOf(id) === null && !engine.unsorted().includes(id) && action.type !== 'hide') {
			throw new DomainError('not_found', 'That input is not in the map.');
		}
	};
	switch (action.type) {
		case 'rename':
		case 'split':
			return requireTheme(action.themeId);
		case 'merge':
			return [...action.themeIds, action.intoId].forEach(requireTheme);
		case 'move':
			requireInput(action.inputId);
			if (action.themeId !== null) requireTheme(action.themeId);
			return;
		case 'pin':
			return requireInput(action.inputId);
		default:
			return;
	}
}

/** Applies an action to the engine (the database side of hiding is the caller's). */
export function applyThemeAction(engine: ThemeEngine, action: ThemeAction): void {
	switch (action.type) {
		case 'rename':
			return engine.rename(action.themeId, action.label, action.lock);
		case 'merge':
			return engine.merge(action.themeIds, action.intoId);
		case 'split':
			engine.split(action.themeId, action.groups);
			return;
		case 'move':
			return engine.move(action.inputId, action.themeId);
		case 'pin':
			return engine.pin(action.inputId, action.pinned);
		case 'hide':
			return engine.setHidden(action.inputId, action.hidden);
		case 'seed':
			engine.addSeed({ label: action.label, keywords: action.keywords });
			return;
		case 'granularity':
			return engine.setGranularity(action.value);
	}
}
