/** Types that the server and every client agree on. No server code may be imported here. */

export type Language = 'nb' | 'en';
export const LANGUAGES: readonly Language[] = ['nb', 'en'];

/**
 * A workshop moves through phases. Participants can add, edit and delete inputs only while it is
 * `collecting`; the later phases belong to grouping, dot voting and the board.
 */
export type Phase = 'collecting' | 'grouping' | 'voting' | 'closed';
export const PHASES: readonly Phase[] = ['collecting', 'grouping', 'voting', 'closed'];

/** The projector only watches: it sees what the room sees, and can change nothing. */
export type Role = 'participant' | 'facilitator' | 'board' | 'projector';

export interface VotingConfig {
	/** Dots each participant may place. */
	dots: number;
	/** Whether several dots may go on one theme. */
	allowStacking: boolean;
	/** Results stay off the projector and phones until the facilitator reveals them. */
	hideResults: boolean;
	revealed: boolean;
	/** When the vote ends (ISO time), if a timer is set; later dots are refused. */
	endsAt: string | null;
	/** The results reveal the top N one place at a time, from N up to 1 (null: all at once). */
	revealTop: number | null;
	/** How many of the top N are revealed so far. */
	revealedCount: number;
}

export interface WorkshopView {
	code: string;
	title: string;
	prompt: string;
	language: Language;
	phase: Phase;
	createdAt: string;
	voting: VotingConfig;
	/** Inputs reach the screens only after the facilitator approved them. */
	moderation: boolean;
	/** The question in the other language (Bokmål or English), if the facilitator gave it. */
	promptOther: string | null;
	/** Which of the questions the room answers now (`prompt` and `phase` are its own). */
	question: number;
	/** Every question of the workshop, in order, the one in the room among them. */
	questions: QuestionSummary[];
}

/** One of a workshop's questions, as the control room lists them. */
export interface QuestionSummary {
	number: number;
	prompt: string;
	promptOther: string | null;
	phase: Phase;
}

/** The workshop's question in a language: its own, or the other one when given. */
export function promptIn(
	workshop: Pick<WorkshopView, 'prompt' | 'promptOther' | 'language'>,
	language: Language
): string {
	return language === workshop.language
		? workshop.prompt
		: (workshop.promptOther ?? workshop.prompt);
}

/** Dots per theme; `visible` is false while results are hidden from the room. */
export interface VoteTotals {
	totals: Record<string, number>;
	voters: number;
	visible: boolean;
}

/** A participant's own dots by theme, and how many are left. */
export interface MyVotes {
	byTheme: Record<string, number>;
	left: number;
}

export interface MandateView {
	purpose: string;
	scope: string;
	yearTheme: string;
	updatedAt: string | null;
	updatedBy: string | null;
}

export const SCORE_CRITERIA = ['impact', 'feasibility', 'relevance'] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];

export interface FocusAreaView {
	id: string;
	title: string;
	description: string;
	rationale: string;
	themeIds: string[];
	/** Input ids chosen as representative quotes. */
	quoteIds: string[];
	/** The board's own 1–5 scores, kept apart from participants' votes. */
	scores: Partial<Record<ScoreCriterion, number>>;
	owner: string;
	position: number;
	updatedAt: string;
	updatedBy: string | null;
}

export const ACTIVITY_TYPES = [
	'company_visit',
	'breakfast_meeting',
	'workshop',
	'course',
	'seminar',
	'network_meeting',
	'other'
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface ActivityView {
	id: string;
	title: string;
	type: ActivityType;
	/** 1–12, or null when only the quarter is known. */
	month: number | null;
	quarter: number | null;
	/** Null for activities planned before the plan had years. */
	year: number | null;
	/** yyyy-mm-dd when the day is fixed (see shared/activity-when.ts). */
	date: string | null;
	host: string;
	responsible: string;
	focusAreaId: string | null;
	updatedAt: string;
	updatedBy: string | null;
}

export interface BoardState {
	mandate: MandateView;
	focusAreas: FocusAreaView[];
	activities: ActivityView[];
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
	/** The number of the question it answers. */
	question: number;
	text: string;
	createdAt: string;
	updatedAt: string;
	hidden: boolean;
	/** Waiting for the facilitator's approval (moderation, or the word filter). */
	held: boolean;
	/** What the author wrote, when the facilitator corrected it (staff only). */
	originalText?: string | null;
}

/** An input as the projector sees it: whose it is stays off the room's screen. */
export type ScreenInput = Omit<InputView, 'participantId' | 'originalText'>;

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
	| 'too_large'
	| 'voting_closed'
	| 'budget_exhausted'
	| 'already_voted'
	| 'unavailable'
	| 'edit_conflict'
	| 'limit_reached'
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
	/** The inputs that stand for the theme best (nearest its centre), best first. */
	quotes: string[];
	/** The text of the first two of them (phones have no other inputs than their own). */
	examples?: string[];
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
