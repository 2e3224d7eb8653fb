import type { ThemeEngine } from '../clustering/index';
import { DomainError } from './errors';
import { assertStorable, charLength, parseId, requireObject } from './validation';

/** What the facilitator can do to the themes. Each is persisted, undoable and kept by refinement. */
export type ThemeAction =
	| { type: 'rename'; themeId: string; label: string; lock: boolean }
	| { type: 'merge'; themeIds: string[]; intoId: string }
	| { type: 'split'; themeId: string; groups?: string[][] }
	| { type: 'move'; inputId: string; themeId: string | null }
	| { type: 'pin'; inputId: string; pinned: boolean }
	| { type: 'hide'; inputId: string; hidden: boolean }
	| { type: 'seed'; label: string; keywords: string[] }
	| { type: 'granularity'; value: number };

export type ThemeActionType = ThemeAction['type'];

const THEME_ID = /^t\d{1,9}$/;
export const MAX_LABEL_LENGTH = 60;
const MAX_KEYWORDS = 12;
const MAX_KEYWORD_LENGTH = 40;

function themeId(value: unknown): string {
	if (typeof value !== 'string' || !THEME_ID.test(value)) {
		throw new DomainError('invalid_payload', 'Unknown theme id.');
	}
	return value;
}

/**
 * Direction controls (embeddings, overrides, isolates) have no place in a theme's name: one
 * right-to-left override turned a label around on the projector and in the control room.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

function label(value: unknown): string {
	const text =
		typeof value === 'string'
			? value.replace(DIRECTION_CONTROLS, '').trim().replace(/\s+/g, ' ')
			: '';
	if (text === '') {
		throw new DomainError('invalid_payload', 'A label is required.');
	}
	assertStorable(text);
	if (charLength(text) > MAX_LABEL_LENGTH) {
		throw new DomainError(
			'invalid_payload',
			`A label can be at most ${MAX_LABEL_LENGTH} characters.`
		);
	}
	return text;
}

function bool(value: unknown, field: string): boolean {
	if (typeof value !== 'boolean')
		throw new DomainError('invalid_payload', `${field} must be true or false.`);
	return value;
}

function list<T>(value: unknown, max: number, item: (v: unknown) => T): T[] {
	if (!Array.isArray(value) || value.length === 0 || value.length > max) {
		throw new DomainError('invalid_payload', `Expected a list of 1 to ${max} items.`);
	}
	return value.map(item);
}

/** Validates a raw payload from the control room into an action; refuses anything else. */
export function parseThemeAction(payload: unknown): ThemeAction {
	const body = requireObject(payload);
	switch (body.type) {
		case 'rename':
			return {
				type: 'rename',
				themeId: themeId(body.themeId),
				label: label(body.label),
				lock: body.lock === undefined ? true : bool(body.lock, 'lock')
			};
		case 'merge': {
			const themeIds = [...new Set(list(body.themeIds, 50, themeId))];
			const intoId = themeId(body.intoId);
			if (!themeIds.some((id) => id !== intoId)) {
				throw new DomainError('invalid_payload', 'Merging needs at least two themes.');
			}
			return { type: 'merge', themeIds, intoId };
		}
		case 'split':
			return {
				type: 'split',
				themeId: themeId(body.themeId),
				groups:
					body.groups === undefined
						? undefined
						: list(body.groups, 20, (g) => list(g, 5000, parseId))
			};
		case 'move':
			return {
				type: 'move',
				inputId: parseId(body.inputId),
				themeId: body.themeId === null ? null : themeId(body.themeId)
			};
		case 'pin':
			return { type: 'pin', inputId: parseId(body.inputId), pinned: bool(body.pinned, 'pinned') };
		case 'hide':
			return { type: 'hide', inputId: parseId(body.inputId), hidden: bool(body.hidden, 'hidden') };
		case 'seed':
			return {
				type: 'seed',
				label: label(body.label),
				keywords:
					body.keywords === undefined
						? []
						: list(body.keywords, MAX_KEYWORDS, (k) => {
								const word = typeof k === 'string' ? k.replace(DIRECTION_CONTROLS, '').trim() : '';
								if (word === '' || charLength(word) > MAX_KEYWORD_LENGTH) {
									throw new DomainError('invalid_payload', 'Keywords must be short words.');
								}
								assertStorable(word);
								return word;
							})
			};
		case 'granularity': {
			const value = body.value;
			if (typeof value !== 'number' || !Number.isFinite(value) || value < -1 || value > 1) {
				throw new DomainError('invalid_payload', 'Granularity is a number from -1 to 1.');
			}
			return { type: 'granularity', value };
		}
		default:
			throw new DomainError('invalid_payload', 'Unknown theme action.');
	}
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
