import type { InputRow, ParticipantRow, QuestionRow, WorkshopRow } from '../db/schema';
import type { InputView, ParticipantView, ScreenInput, WorkshopView } from '../../shared/types';

/** What the projector is sent of an input: no participant id. */
export function toScreenInput(input: InputView): ScreenInput {
	return {
		id: input.id,
		question: input.question,
		text: input.text,
		createdAt: input.createdAt,
		updatedAt: input.updatedAt,
		hidden: input.hidden,
		held: input.held
	};
}

/** The workshop as clients see it; `parked` are its questions not in the room now. */
export function toWorkshopView(row: WorkshopRow, parked: QuestionRow[]): WorkshopView {
	const questions = [
		...parked.map((q) => ({
			number: q.number,
			prompt: q.prompt,
			promptOther: q.prompt_other,
			phase: q.phase
		})),
		{ number: row.question, prompt: row.prompt, promptOther: row.prompt_other, phase: row.phase }
	].sort((a, b) => a.number - b.number);
	return {
		code: row.code,
		title: row.title,
		prompt: row.prompt,
		language: row.language,
		phase: row.phase,
		createdAt: row.created_at,
		voting: {
			dots: row.dots_per_participant,
			allowStacking: row.allow_stacking === 1,
			hideResults: row.results_hidden === 1,
			revealed: row.results_revealed === 1,
			endsAt: row.voting_ends_at,
			revealTop: row.reveal_top,
			revealedCount: row.revealed_count
		},
		moderation: row.moderation === 1,
		promptOther: row.prompt_other,
		question: row.question,
		questions
	};
}

export function toParticipantView(row: ParticipantRow): ParticipantView {
	return { id: row.id, name: row.name, organisation: row.organisation, createdAt: row.created_at };
}

export function toInputView(row: InputRow): InputView {
	return {
		id: row.id,
		participantId: row.participant_id,
		question: row.question,
		text: row.text,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		hidden: row.hidden === 1,
		held: row.held === 1,
		originalText: row.original_text
	};
}
