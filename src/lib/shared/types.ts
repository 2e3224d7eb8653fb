/** Types that the server and every client agree on. No server code may be imported here. */

export type Language = 'nb' | 'en';
export const LANGUAGES: readonly Language[] = ['nb', 'en'];

/**
 * A workshop moves through phases. Participants can add, edit and delete inputs only while it is
 * `collecting`; the later phases belong to grouping, dot voting and the board.
 */
export type Phase = 'collecting' | 'grouping' | 'voting' | 'closed';
export const PHASES: readonly Phase[] = ['collecting', 'grouping', 'voting', 'closed'];

export type Role = 'participant' | 'facilitator' | 'board';

export interface WorkshopView {
	code: string;
	title: string;
	prompt: string;
	language: Language;
	phase: Phase;
	createdAt: string;
}

export interface ParticipantView {
	id: string;
	name: string | null;
	organisation: string | null;
	createdAt: string;
}

export interface InputView {
	id: string;
	participantId: string;
	text: string;
	createdAt: string;
	updatedAt: string;
	hidden: boolean;
}

/** Every error a client can receive, as a stable code and a human sentence. */
export type ErrorCode =
	| 'invalid_payload'
	| 'invalid_id'
	| 'text_empty'
	| 'text_too_long'
	| 'text_not_string'
	| 'unknown_workshop'
	| 'unauthorized'
	| 'forbidden'
	| 'input_closed'
	| 'not_found'
	| 'id_conflict'
	| 'unknown_event'
	| 'rate_limited'
	| 'internal';

export interface ApiError {
	code: ErrorCode;
	message: string;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ApiError };

/** A theme as every view sees it. Ids are stable for the life of a workshop. */
export interface ThemeView {
	id: string;
	label: string;
	labelLocked: boolean;
	/** The words that hold the theme together ("why these belong together"). */
	keywords: string[];
	/** Visible inputs in the theme, oldest first. */
	inputIds: string[];
	seed: boolean;
}

/** The grouping of a workshop's visible inputs at one moment. */
export interface ThemesSnapshot {
	/** Grows with every change, so a client can ignore an older snapshot arriving late. */
	version: number;
	themes: ThemeView[];
	/** Visible inputs no theme has claimed yet. */
	unsorted: string[];
	/** Inputs the facilitator pinned to their theme. */
	pinned: string[];
	/** From -1 (fewer, broader themes) to 1 (more, narrower ones). */
	granularity: number;
	/** What undo and redo would act on next, by action type; null when there is nothing. */
	history: { undo: string | null; redo: string | null };
}

export const EMPTY_THEMES: ThemesSnapshot = {
	version: 0,
	themes: [],
	unsorted: [],
	pinned: [],
	granularity: 0,
	history: { undo: null, redo: null }
};
