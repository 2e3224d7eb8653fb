import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as inputs from '../db/input.repository';
import * as participants from '../db/participant.repository';
import * as workshops from '../db/workshop.repository';
import { GROUP_COMMIT_DEFAULTS, type Transact, type GroupCommitOptions } from '../db/group-commit';
import type { Database, ParticipantRow, WorkshopRow } from '../db/schema';
import type { InputView, ParticipantView, WorkshopView } from '../../shared/types';
import type { StaffRole } from './cookies';
import { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { InputWriter, requireOpen } from './input-writer';
import { toInputView, toParticipantView } from './mappers';
import { workshopView } from './questions';
import { ensureParticipant } from './participants';
import {
	generateJoinCode,
	generateToken,
	hashToken,
	projectorTokenFor,
	tokenMatches
} from './tokens';
import {
	DeleteInput,
	EditInput,
	NewWorkshop,
	Profile,
	SetPhase,
	SubmitInput
} from '../../shared/schemas/index';
import { parse } from './parse';
import { mustWait } from './word-filter';
import { questionOf } from './questions';
import { themeKey } from './theme-key';
import { defaultPrompt, parseId, parseJoinCode } from './validation';

export interface CreatedWorkshop {
	workshop: WorkshopView;
	facilitatorToken: string;
	boardToken: string;
	/** Read-only: the projector link's token. */
	projectorToken: string;
}

export interface WorkshopExport {
	workshop: WorkshopView;
	participants: ParticipantView[];
	inputs: InputView[];
	exportedAt: string;
}

/**
 * The rules of a workshop: who may do what, and what is stored. Socket handlers and form actions
 * both call this; nothing else writes to the database. Every method validates its raw payload, so
 * callers pass on what the client sent.
 */
export class WorkshopService {
	/** Commits submitted inputs in batches; see input-writer.ts. */
	readonly writer: InputWriter;

	constructor(
		private readonly db: Kysely<Database>,
		readonly events: DomainEvents = new DomainEvents(),
		private readonly now: () => Date = () => new Date(),
		writeBatch: GroupCommitOptions = GROUP_COMMIT_DEFAULTS,
		/** How input batches are committed (the connection's write transaction); plain ones by default. */
		transact?: Transact<Database>
	) {
		this.writer = new InputWriter(db, events, writeBatch, transact);
	}

	/** Commits the inputs still waiting for their batch; call before the database closes. */
	close(): Promise<void> {
		return this.writer.close();
	}

	private timestamp(): string {
		return this.now().toISOString();
	}

	async createWorkshop(payload: unknown): Promise<CreatedWorkshop> {
		const fields = parse(NewWorkshop, payload);
		const other = fields.language === 'nb' ? 'en' : 'nb';
		const input = {
			...fields,
			prompt: fields.prompt ?? defaultPrompt(fields.language),
			// the standard question comes in both languages; a question of one's own as given
			promptOther: fields.promptOther ?? (fields.prompt ? null : defaultPrompt(other))
		};
		const facilitatorToken = generateToken();
		const boardToken = generateToken();
		const projectorToken = projectorTokenFor(facilitatorToken);
		const now = this.timestamp();
		for (let attempt = 0; attempt < 20; attempt++) {
			const code = generateJoinCode();
			if (await workshops.workshopCodeExists(this.db, code)) continue;
			await workshops.insertWorkshop(this.db, {
				code,
				title: input.title,
				prompt: input.prompt,
				prompt_other: input.promptOther,
				language: input.language,
				phase: 'collecting',
				facilitator_token_hash: hashToken(facilitatorToken),
				board_token_hash: hashToken(boardToken),
				projector_token_hash: hashToken(projectorToken),
				created_at: now,
				updated_at: now
			});
			const row = await this.requireWorkshopRow(code);
			return {
				workshop: await workshopView(this.db, row),
				facilitatorToken,
				boardToken,
				projectorToken
			};
		}
		throw new Error('could not find a free join code');
	}

	private async requireWorkshopRow(rawCode: unknown): Promise<WorkshopRow> {
		const code = parseJoinCode(rawCode);
		const row = await workshops.findWorkshop(this.db, code);
		if (!row) throw new DomainError('unknown_workshop', 'No workshop has that code.');
		return row;
	}

	/** The key of the themes the room works on now: its current question's. */
	async roomThemeKey(rawCode: unknown): Promise<string> {
		const row = await this.requireWorkshopRow(rawCode);
		return themeKey(row.code, row.question);
	}

	async getWorkshop(rawCode: unknown): Promise<WorkshopView> {
		return workshopView(this.db, await this.requireWorkshopRow(rawCode));
	}

	/**
	 * The role a token grants in a workshop; throws unauthorized (no token) or forbidden (wrong
	 * one). A facilitator's sign-in also stores the projector token derived from it, so workshops
	 * made before projector links existed get one.
	 */
	async authenticate(rawCode: unknown, token: unknown): Promise<StaffRole> {
		const row = await this.requireWorkshopRow(rawCode);
		if (typeof token !== 'string' || token === '') {
			throw new DomainError('unauthorized', 'A facilitator or board token is required.');
		}
		if (token.length <= 200) {
			if (tokenMatches(token, row.facilitator_token_hash)) {
				if (row.projector_token_hash === null) {
					const hash = hashToken(projectorTokenFor(token));
					await workshops.setProjectorTokenHash(this.db, row.code, hash);
				}
				return 'facilitator';
			}
			if (tokenMatches(token, row.board_token_hash)) return 'board';
			if (row.projector_token_hash && tokenMatches(token, row.projector_token_hash)) {
				return 'projector';
			}
		}
		throw new DomainError('forbidden', 'That token does not open this workshop.');
	}

	/** The participant a phone remembers, if this workshop knows it; registers no one. */
	async findParticipant(
		rawCode: unknown,
		rawParticipantId: unknown
	): Promise<ParticipantView | null> {
		const row = await this.requireWorkshopRow(rawCode);
		if (typeof rawParticipantId !== 'string') return null;
		try {
			const found = await participants.findParticipant(
				this.db,
				row.code,
				parseId(rawParticipantId)
			);
			return found ? toParticipantView(found) : null;
		} catch (err) {
			if (err instanceof DomainError) return null;
			throw err;
		}
	}

	/**
	 * Who a connecting phone is: the participant it remembers, if this workshop knows it, or a
	 * fresh id that is stored only with the phone's first write. An id the workshop does not know
	 * (another workshop's, or a malformed one) is never trusted.
	 */
	async identify(rawCode: unknown, rawParticipantId?: unknown): Promise<ParticipantView> {
		const known = await this.findParticipant(rawCode, rawParticipantId);
		return (
			known ?? { id: randomUUID(), name: null, organisation: null, createdAt: this.timestamp() }
		);
	}

	/**
	 * Stores the participant on its first write. `beforeCreate` runs only when the row is new (the
	 * caller's limit on new identities); returns whether this call created it.
	 */
	async ensureParticipant(
		code: string,
		participantId: string,
		beforeCreate: () => void = () => {}
	): Promise<{ participant: ParticipantRow; created: boolean }> {
		return ensureParticipant(this.db, code, participantId, this.timestamp(), beforeCreate);
	}

	/** Finds the participant a phone remembers, or stores a new one (form posts: they write). */
	async joinParticipant(
		rawCode: unknown,
		rawParticipantId?: unknown,
		beforeCreate?: () => void
	): Promise<ParticipantView> {
		const code = (await this.requireWorkshopRow(rawCode)).code;
		const { id } = await this.identify(code, rawParticipantId);
		return toParticipantView((await this.ensureParticipant(code, id, beforeCreate)).participant);
	}

	/** Sets the name and organisation a participant chose to give; stores the participant if new. */
	async updateProfile(
		code: string,
		participantId: string,
		payload: unknown,
		beforeCreate?: () => void
	): Promise<ParticipantView> {
		const profile = parse(Profile, payload);
		const { participant } = await this.ensureParticipant(code, participantId, beforeCreate);
		await participants.updateParticipantProfile(this.db, participantId, profile);
		return toParticipantView({ ...participant, ...profile });
	}

	/**
	 * Stores an input under the id the phone generated. Resolves only after the row is committed
	 * (with the inputs that arrived alongside it, in one transaction); a repeated id returns the
	 * row first stored and announces nothing new. `beforeCreate` is the caller's limit on new
	 * participants, run only when this is the phone's first write.
	 */
	async submitInput(
		code: string,
		participantId: string,
		payload: unknown,
		beforeCreate?: () => void
	): Promise<InputView> {
		const { id, text, question } = parse(SubmitInput, payload);
		const now = this.timestamp();
		return this.writer.submit({ code, participantId, id, text, question, now, beforeCreate });
	}

	private async requireOwnInput(code: string, participantId: string, id: string) {
		const row = await inputs.findInputById(this.db, id);
		if (!row || row.workshop_code !== code || row.deleted_at !== null) {
			throw new DomainError('not_found', 'No such input.');
		}
		if (row.participant_id !== participantId) {
			throw new DomainError('forbidden', 'You can only change your own inputs.');
		}
		return row;
	}

	async editInput(code: string, participantId: string, payload: unknown): Promise<InputView> {
		const { id, text } = parse(EditInput, payload);
		const row = await this.requireOwnInput(code, participantId, id);
		const workshop = await this.requireWorkshopRow(code);
		requireOpen(await questionOf(this.db, workshop, row.question));
		if (row.text === text) return toInputView(row);
		const now = this.timestamp();
		// a changed text is checked again: with moderation on, it waits for approval once more
		const held = mustWait(workshop, text) || row.held === 1;
		await inputs.updateInputText(this.db, row.id, text, now, held);
		const input = toInputView({ ...row, text, updated_at: now, held: held ? 1 : 0 });
		this.events.emit('input.updated', { code, input });
		return input;
	}

	async deleteInput(code: string, participantId: string, payload: unknown): Promise<string> {
		const { id } = parse(DeleteInput, payload);
		const row = await this.requireOwnInput(code, participantId, id);
		requireOpen(await questionOf(this.db, await this.requireWorkshopRow(code), row.question));
		await inputs.markInputDeleted(this.db, row.id, this.timestamp());
		this.events.emit('input.deleted', {
			code,
			id: row.id,
			participantId: row.participant_id,
			question: row.question
		});
		return row.id;
	}

	/** Moderation: a hidden input leaves the projector and phones but is kept and can return. */
	async setInputHidden(code: string, inputId: string, hidden: boolean): Promise<InputView> {
		const row = await inputs.findInputById(this.db, inputId);
		if (!row || row.workshop_code !== code || row.deleted_at !== null) {
			throw new DomainError('not_found', 'No such input.');
		}
		if ((row.hidden === 1) === hidden) return toInputView(row);
		const now = this.timestamp();
		await inputs.setInputHidden(this.db, inputId, hidden, now);
		const input = toInputView({ ...row, hidden: hidden ? 1 : 0, updated_at: now });
		this.events.emit('input.updated', { code, input });
		return input;
	}

	async setPhase(code: string, payload: unknown): Promise<WorkshopView> {
		const { phase } = parse(SetPhase, payload);
		const row = await this.requireWorkshopRow(code);
		if (row.phase === phase) return workshopView(this.db, row);
		await workshops.updateWorkshopPhase(this.db, code, phase, this.timestamp());
		const workshop = await workshopView(this.db, { ...row, phase });
		this.events.emit('workshop.updated', { code, workshop });
		return workshop;
	}

	/** A participant's own inputs, to every question (the phone shows those of the room's). */
	async participantInputs(code: string, participantId: string): Promise<InputView[]> {
		const rows = await inputs.listInputs(this.db, code, { participantId, includeHidden: false });
		return rows.map(toInputView);
	}

	/** Every input, hidden and held ones too; of one question when given. */
	async allInputs(code: string, question?: number): Promise<InputView[]> {
		const rows = await inputs.listInputs(this.db, code, { includeHidden: true, question });
		return rows.map(toInputView);
	}

	async exportWorkshop(rawCode: unknown): Promise<WorkshopExport> {
		const row = await this.requireWorkshopRow(rawCode);
		const [people, all] = await Promise.all([
			participants.listParticipants(this.db, row.code),
			this.allInputs(row.code)
		]);
		return {
			workshop: await workshopView(this.db, row),
			participants: people.map(toParticipantView),
			inputs: all,
			exportedAt: this.timestamp()
		};
	}
}
