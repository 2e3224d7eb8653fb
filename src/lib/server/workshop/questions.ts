import type { Kysely, Transaction } from 'kysely';
import * as questions from '../db/question.repository';
import * as workshops from '../db/workshop.repository';
import type { Database, QuestionRow, WorkshopRow } from '../db/schema';
import type { WorkshopView } from '../../shared/types';
import { AddQuestion, MAX_QUESTIONS, SwitchQuestion } from '../../shared/schemas/index';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { toWorkshopView } from './mappers';
import { parse } from './parse';
import { parseJoinCode } from './validation';

type Db = Kysely<Database> | Transaction<Database>;

/** What belongs to one question: its text, its phase and its vote. */
type QuestionFields = Omit<QuestionRow, 'workshop_code' | 'number'>;

/** The question fields as the workshop row holds them for the room's question. */
function fieldsOf(row: WorkshopRow): QuestionFields {
	return {
		prompt: row.prompt,
		prompt_other: row.prompt_other,
		phase: row.phase,
		dots_per_participant: row.dots_per_participant,
		allow_stacking: row.allow_stacking,
		results_hidden: row.results_hidden,
		results_revealed: row.results_revealed,
		voting_opened_at: row.voting_opened_at,
		voting_ends_at: row.voting_ends_at,
		reveal_top: row.reveal_top,
		revealed_count: row.revealed_count
	};
}

/** A workshop's question by number, wherever it is kept; throws not_found for one it lacks. */
export async function questionOf(
	db: Db,
	workshop: WorkshopRow,
	number: number
): Promise<QuestionFields> {
	if (number === workshop.question) return fieldsOf(workshop);
	const parked = await questions.findParkedQuestion(db, workshop.code, number);
	if (!parked) throw new DomainError('not_found', 'The workshop has no such question.');
	return parked;
}

/** The workshop as clients see it, every question listed. */
export async function workshopView(db: Db, row: WorkshopRow): Promise<WorkshopView> {
	return toWorkshopView(row, await questions.listParkedQuestions(db, row.code));
}

/**
 * The workshop's questions: a kickoff asks "what holds you back?" and then "what should the group
 * do first?". Each question has its own inputs, themes and vote; the room answers one at a time,
 * and phones, projector and control room follow when the facilitator switches.
 */
export class QuestionService {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly events: DomainEvents,
		private readonly now: () => Date = () => new Date()
	) {}

	private async workshop(db: Db, rawCode: unknown): Promise<WorkshopRow> {
		const row = await workshops.findWorkshop(db, parseJoinCode(rawCode));
		if (!row) throw new DomainError('unknown_workshop', 'No workshop has that code.');
		return row;
	}

	/** Adds a question after the last one; with `activate`, the room answers it at once. */
	async add(code: string, payload: unknown): Promise<WorkshopView> {
		const body = parse(AddQuestion, payload);
		const number = await this.db.transaction().execute(async (trx) => {
			const row = await this.workshop(trx, code);
			const parked = await questions.listParkedQuestions(trx, row.code);
			const numbers = [row.question, ...parked.map((q) => q.number)];
			if (numbers.length >= MAX_QUESTIONS) {
				throw new DomainError(
					'limit_reached',
					`A workshop asks at most ${MAX_QUESTIONS} questions.`
				);
			}
			const next = Math.max(...numbers) + 1;
			await questions.parkQuestion(trx, {
				workshop_code: row.code,
				number: next,
				prompt: body.prompt,
				prompt_other: body.promptOther ?? null,
				phase: 'collecting',
				dots_per_participant: row.dots_per_participant,
				allow_stacking: row.allow_stacking,
				results_hidden: row.results_hidden,
				results_revealed: 0,
				voting_opened_at: null,
				voting_ends_at: null,
				reveal_top: row.reveal_top,
				revealed_count: 0
			});
			return next;
		});
		if (body.activate) return this.switchTo(code, { number });
		return this.announce(code);
	}

	/**
	 * Puts another question in the room: the one there now keeps its phase and vote for later,
	 * the other one's take its place on the workshop row, in one transaction.
	 */
	async switchTo(code: string, payload: unknown): Promise<WorkshopView> {
		const { number } = parse(SwitchQuestion, payload);
		const changed = await this.db.transaction().execute(async (trx) => {
			const row = await this.workshop(trx, code);
			if (row.question === number) return false;
			const target = await questions.findParkedQuestion(trx, row.code, number);
			if (!target) throw new DomainError('not_found', 'The workshop has no such question.');
			await questions.parkQuestion(trx, {
				workshop_code: row.code,
				number: row.question,
				...fieldsOf(row)
			});
			await questions.unparkQuestion(trx, row.code, number);
			const { workshop_code: _code, number: _number, ...fields } = target;
			await questions.setRoomQuestion(trx, row.code, {
				...fields,
				question: number,
				updated_at: this.now().toISOString()
			});
			return true;
		});
		return changed
			? this.announce(code)
			: workshopView(this.db, await this.workshop(this.db, code));
	}

	/** Tells everyone: phones, projector and control room bring themselves to the new question. */
	private async announce(code: string): Promise<WorkshopView> {
		const workshop = await workshopView(this.db, await this.workshop(this.db, code));
		this.events.emit('workshop.updated', { code: workshop.code, workshop });
		this.events.emit('themes.changed', { code: workshop.code, question: workshop.question });
		this.events.emit('votes.changed', { code: workshop.code });
		return workshop;
	}
}
