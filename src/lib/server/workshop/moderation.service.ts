import type { Kysely } from 'kysely';
import { ConfigureModeration, ModerateInput } from '../../shared/schemas/index';
import type { InputView, WorkshopView } from '../../shared/types';
import * as inputs from '../db/input.repository';
import type { Database } from '../db/schema';
import * as workshops from '../db/workshop.repository';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { toInputView } from './mappers';
import { workshopView } from './questions';
import { parse } from './parse';
import { wordList } from './word-filter';

/**
 * The facilitator's review of what participants write: whether inputs wait for approval, the
 * words that hold one for review, and the decision on each held input. Held inputs reach no
 * screen, no theme and no export's main body until they are approved.
 */
export class ModerationService {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly events: DomainEvents
	) {}

	private async workshop(code: string) {
		const row = await workshops.findWorkshop(this.db, code);
		if (!row) throw new DomainError('unknown_workshop', 'No workshop has that code.');
		return row;
	}

	/** The words that hold an input for review in this workshop. */
	async words(code: string): Promise<string[]> {
		return wordList((await this.workshop(code)).word_filter);
	}

	async configure(
		code: string,
		payload: unknown
	): Promise<{ workshop: WorkshopView; words: string[] }> {
		const body = parse(ConfigureModeration, payload);
		const change: Parameters<typeof workshops.updateModeration>[2] = {};
		if (body.enabled !== undefined) change.moderation = body.enabled ? 1 : 0;
		if (body.words !== undefined) {
			change.word_filter = body.words === null ? null : JSON.stringify([...new Set(body.words)]);
		}
		await workshops.updateModeration(this.db, code, change, new Date().toISOString());
		const row = await this.workshop(code);
		const workshop = await workshopView(this.db, row);
		this.events.emit('workshop.updated', { code, workshop });
		return { workshop, words: wordList(row.word_filter) };
	}

	/**
	 * Approves, hides or corrects one input. A correction keeps the author's own text the first
	 * time (later corrections keep that same original), and leaves the input held or shown as it was.
	 */
	async moderate(code: string, payload: unknown): Promise<InputView> {
		const { inputId, action, text } = parse(ModerateInput, payload);
		const row = await inputs.findInputById(this.db, inputId);
		if (!row || row.workshop_code !== code || row.deleted_at !== null) {
			throw new DomainError('not_found', 'No such input.');
		}
		const change: Parameters<typeof inputs.moderateInput>[2] =
			action === 'approve'
				? { held: 0, hidden: 0 }
				: action === 'hide'
					? { held: 0, hidden: 1 }
					: { text: requireText(text), original_text: row.original_text ?? row.text };
		if (action === 'edit' && change.text === row.text) return toInputView(row);
		const now = new Date().toISOString();
		await inputs.moderateInput(this.db, row.id, change, now);
		const input = toInputView({ ...row, ...change, updated_at: now });
		this.events.emit('input.updated', { code, input });
		return input;
	}
}

function requireText(text: string | undefined): string {
	if (text === undefined) throw new DomainError('text_not_string', 'A corrected text is required.');
	return text;
}
