import type { Kysely } from 'kysely';
import {
	GroupCommit,
	GROUP_COMMIT_DEFAULTS,
	type GroupCommitOptions,
	type Transact
} from '../db/group-commit';
import * as inputs from '../db/input.repository';
import * as workshops from '../db/workshop.repository';
import type { Database, InputRow, WorkshopRow } from '../db/schema';
import type { InputView } from '../../shared/types';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { toInputView } from './mappers';
import { ensureParticipant } from './participants';
import { mustWait } from './word-filter';
import { questionOf } from './questions';

/** One `input:submit`, already parsed: the id the phone generated and its text. */
export interface InputSubmission {
	code: string;
	participantId: string;
	id: string;
	text: string;
	/** The question the phone showed; the room's question when not given. */
	question?: number;
	/** When it arrived; the stored `created_at`, so arrival order and commit order agree. */
	now: string;
	/** The caller's limit on new participants, run only when this is the phone's first write. */
	beforeCreate?: () => void;
}

interface Stored {
	input: InputView;
	created: boolean;
}

export function requireOpen(question: Pick<WorkshopRow, 'phase'>): void {
	if (question.phase !== 'collecting') {
		throw new DomainError('input_closed', 'Input is closed for this workshop.');
	}
}

/** A repeated id is answered with the stored row, but only to the phone that stored it. */
function sameInput(row: InputRow, submission: InputSubmission): InputView {
	if (row.workshop_code !== submission.code || row.participant_id !== submission.participantId) {
		throw new DomainError('id_conflict', 'That id is already used by another input.');
	}
	return toInputView(row);
}

/**
 * One input inside its batch's transaction. Every check reads inside the transaction, so an
 * earlier input of the same batch counts (a repeated id finds the first one) and a phase change
 * can never slip between the check and the commit. Refusals come before anything is written.
 */
async function storeInput(db: Kysely<Database>, submission: InputSubmission): Promise<Stored> {
	const { code, participantId, id, text, now } = submission;
	const previous = await inputs.findInputById(db, id);
	if (previous) return { input: sameInput(previous, submission), created: false };
	const workshop = await workshops.findWorkshop(db, code);
	if (!workshop) throw new DomainError('unknown_workshop', 'No workshop has that code.');
	// an input answers the question the phone showed, even if the room has moved on since
	const question = submission.question ?? workshop.question;
	requireOpen(await questionOf(db, workshop, question));
	// with moderation on, or a word of the filter, it waits for the facilitator's approval
	const held = mustWait(workshop, text);
	// the first input is what makes a phone a participant
	await ensureParticipant(db, code, participantId, now, submission.beforeCreate);
	const { row, created } = await inputs.insertInputOnce(db, {
		id,
		workshop_code: code,
		participant_id: participantId,
		question,
		text,
		hidden: 0,
		held: held ? 1 : 0,
		created_at: now,
		updated_at: now
	});
	return { input: created ? toInputView(row) : sameInput(row, submission), created };
}

/**
 * Where submitted inputs are committed: those arriving within a couple of milliseconds share one
 * transaction (one disk flush), each phone hears back only once its input is committed, and a
 * refused input fails alone. New inputs are announced after the commit, in commit order, once.
 */
export class InputWriter {
	private readonly batches: GroupCommit<Database, InputSubmission, Stored>;

	constructor(
		db: Kysely<Database>,
		events: DomainEvents,
		options: GroupCommitOptions = GROUP_COMMIT_DEFAULTS,
		transact?: Transact<Database>
	) {
		this.batches = new GroupCommit(
			db,
			{
				apply: storeInput,
				isRefusal: (err) => err instanceof DomainError,
				committed: ({ code }, { input, created }) => {
					if (created) events.emit('input.created', { code, input });
				}
			},
			options,
			transact
		);
	}

	async submit(submission: InputSubmission): Promise<InputView> {
		return (await this.batches.submit(submission)).input;
	}

	/** Transactions committed so far. */
	get commits(): number {
		return this.batches.commits;
	}

	/** Commits every pending input and refuses new ones: before the database closes. */
	close(): Promise<void> {
		return this.batches.close();
	}
}
