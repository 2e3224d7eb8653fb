import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Language, Phase } from '../../shared/types';

/** The one typed view of the schema that db/migrations builds, on SQLite and PostgreSQL alike. */
export interface Database {
	workshops: WorkshopTable;
	participants: ParticipantTable;
	inputs: InputTable;
	theme_states: ThemeStateTable;
	theme_actions: ThemeActionTable;
	votes: VoteTable;
	mandates: MandateTable;
	focus_areas: FocusAreaTable;
	activities: ActivityTable;
	engine_leases: EngineLeaseTable;
	questions: QuestionTable;
}

/** Which node runs a workshop's theme engine, until when (ms since the epoch). */
export interface EngineLeaseTable {
	workshop_code: string;
	question: number;
	node_id: string;
	expires_at: number;
}

export interface WorkshopTable {
	code: string;
	title: string;
	prompt: string;
	language: Language;
	phase: Phase;
	facilitator_token_hash: string;
	board_token_hash: string;
	created_at: string;
	updated_at: string;
	dots_per_participant: Generated<number>;
	allow_stacking: Generated<number>;
	results_hidden: Generated<number>;
	results_revealed: Generated<number>;
	/** null until derived from the facilitator token at the facilitator's next sign-in */
	projector_token_hash: string | null;
	/** when voting last opened */
	voting_opened_at: string | null;
	/** when the vote ends (the timer), if the facilitator set one */
	voting_ends_at: string | null;
	/** how many top themes the results reveal one by one (null: all at once) */
	reveal_top: number | null;
	/** how many of those are revealed so far, from the last place up */
	revealed_count: Generated<number>;
	/** 1: inputs reach the screens only after the facilitator approved them */
	moderation: Generated<number>;
	/** JSON list of words that hold an input for review; null: the built-in lists */
	word_filter: string | null;
	/** the question in the other language, if given */
	prompt_other: string | null;
	/** which of the workshop's questions is in the room now (its text and phase are the above) */
	question: Generated<number>;
}

/**
 * A question of the workshop that is not in the room now: the same fields the workshop row holds
 * for the one that is, kept until the facilitator brings it back.
 */
export interface QuestionTable {
	workshop_code: string;
	number: number;
	prompt: string;
	prompt_other: string | null;
	phase: Phase;
	dots_per_participant: number;
	allow_stacking: number;
	results_hidden: number;
	results_revealed: number;
	voting_opened_at: string | null;
	voting_ends_at: string | null;
	reveal_top: number | null;
	revealed_count: number;
}

export interface ParticipantTable {
	id: string;
	workshop_code: string;
	name: string | null;
	organisation: string | null;
	created_at: string;
}

export interface InputTable {
	id: string;
	workshop_code: string;
	participant_id: string;
	/** the question it answers */
	question: Generated<number>;
	text: string;
	hidden: number;
	/** 1: waiting for the facilitator's approval; on no screen, in no theme */
	held: Generated<number>;
	/** what the author wrote, once the facilitator corrected the text */
	original_text: string | null;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
}

export interface ThemeStateTable {
	workshop_code: string;
	question: number;
	/** JSON of the engine's exported state. */
	state: string;
	updated_at: string;
}

export interface ThemeActionTable {
	id: Generated<number>;
	workshop_code: string;
	question: Generated<number>;
	/** A facilitator action (rename, merge, …), or 'undo' / 'redo' of an earlier entry. */
	kind: string;
	/** For undo and redo: the action entry they apply to. */
	target_id: number | null;
	payload: string;
	state_before: string | null;
	state_after: string | null;
	created_at: string;
}

export interface VoteTable {
	id: string;
	workshop_code: string;
	question: Generated<number>;
	participant_id: string;
	theme_id: string;
	created_at: string;
}

export interface MandateTable {
	workshop_code: string;
	purpose: string;
	scope: string;
	year_theme: string;
	updated_at: string;
	updated_by: string | null;
}

export interface FocusAreaTable {
	id: string;
	workshop_code: string;
	title: string;
	description: string;
	rationale: string;
	/** JSON list of theme ids. */
	theme_ids: string;
	/** JSON list of input ids chosen as representative quotes. */
	quote_ids: string;
	/** JSON object of the board's own 1–5 scores by criterion. */
	scores: string;
	owner: string;
	position: number;
	updated_at: string;
	updated_by: string | null;
}

export interface ActivityTable {
	id: string;
	workshop_code: string;
	title: string;
	type: string;
	month: number | null;
	quarter: number | null;
	year: number | null;
	/** yyyy-mm-dd, when the day is fixed; month, quarter and year then follow from it. */
	date: string | null;
	host: string;
	responsible: string;
	focus_area_id: string | null;
	updated_at: string;
	updated_by: string | null;
}

export type WorkshopRow = Selectable<WorkshopTable>;
export type NewWorkshop = Insertable<WorkshopTable>;
export type WorkshopUpdate = Updateable<WorkshopTable>;
export type ParticipantRow = Selectable<ParticipantTable>;
export type NewParticipant = Insertable<ParticipantTable>;
export type InputRow = Selectable<InputTable>;
export type NewInput = Insertable<InputTable>;
export type ThemeActionRow = Selectable<ThemeActionTable>;
export type VoteRow = Selectable<VoteTable>;
export type NewVote = Insertable<VoteTable>;
export type MandateRow = Selectable<MandateTable>;
export type FocusAreaRow = Selectable<FocusAreaTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type QuestionRow = Selectable<QuestionTable>;
