import type { Kysely } from 'kysely';
import * as participants from '../db/participant.repository';
import * as votes from '../db/vote.repository';
import * as workshops from '../db/workshop.repository';
import type { Database, ParticipantRow } from '../db/schema';
import type { MyVotes, VoteTotals, WorkshopView } from '../../shared/types';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { questionOf, workshopView } from './questions';
import { themeKey } from './theme-key';
import { CastVote, ConfigureVoting, RetractVote } from '../../shared/schemas/index';
import { parse } from './parse';
import type { Themes } from './themes';

/** The vote's timer has run out. */
const timeIsUp = (endsAt: string | null) => endsAt !== null && Date.parse(endsAt) <= Date.now();

/**
 * Dot voting. Each dot is a row keyed by the id the phone generated, so a replayed tap is the same
 * dot; the budget check and the insert run in one transaction that holds the participant's lock,
 * so concurrent taps cannot overspend.
 */
export class VoteService {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly events: DomainEvents,
		/**
		 * The themes on the map: a dot keeps the theme id it was cast on, and counts for the theme
		 * that id stands for now, so dots follow a merge (and go back on its undo).
		 */
		private readonly themes: Pick<Themes, 'themeExists' | 'currentThemes'>
	) {}

	/** Each dot's theme as it stands now; dots on themes gone from the map count nowhere. */
	private async current<T extends { theme_id: string }>(key: string, rows: T[]) {
		const ids = [...new Set(rows.map((r) => r.theme_id))];
		const now = ids.length ? await this.themes.currentThemes(key, ids) : {};
		return rows.map((row) => ({ ...row, theme: now[row.theme_id] ?? null }));
	}

	private async workshop(code: string) {
		const row = await workshops.findWorkshop(this.db, code);
		if (!row) throw new DomainError('unknown_workshop', 'No workshop has that code.');
		return row;
	}

	async configure(code: string, payload: unknown): Promise<WorkshopView> {
		const body = parse(ConfigureVoting, payload);
		const config: Parameters<typeof workshops.updateVotingConfig>[2] = {};
		if (body.dots !== undefined) config.dots_per_participant = body.dots;
		for (const [field, column] of [
			['allowStacking', 'allow_stacking'],
			['hideResults', 'results_hidden'],
			['revealed', 'results_revealed']
		] as const) {
			const value = body[field];
			if (value !== undefined) config[column] = value ? 1 : 0;
		}
		const now = Date.now();
		if (body.timerSeconds !== undefined) {
			config.voting_ends_at =
				body.timerSeconds === null ? null : new Date(now + body.timerSeconds * 1000).toISOString();
		}
		if (body.revealTop !== undefined) {
			config.reveal_top = body.revealTop;
			config.revealed_count = 0;
		}
		if (body.revealNext) {
			const row = await this.workshop(code);
			const top = config.reveal_top !== undefined ? config.reveal_top : row.reveal_top;
			const shown = config.revealed_count ?? row.revealed_count;
			if (top !== null) config.revealed_count = Math.min(top, shown + 1);
		}
		await workshops.updateVotingConfig(this.db, code, config, new Date().toISOString());
		const workshop = await workshopView(this.db, await this.workshop(code));
		this.events.emit('workshop.updated', { code, workshop });
		this.events.emit('votes.changed', { code });
		return workshop;
	}

	/**
	 * Puts one dot on a theme. `register` stores the participant if this is its first write and
	 * returns it; `newVoter` is the caller's limit for participants who first appear while voting
	 * is open, run before their first dot (see docs/operations.md for the trade-off).
	 */
	async cast(
		code: string,
		participantId: string,
		payload: unknown,
		guard: { register?: () => Promise<ParticipantRow>; newVoter?: () => void } = {}
	): Promise<MyVotes> {
		const { id, themeId } = parse(CastVote, payload);
		const workshop = await this.workshop(code);
		// dots go to the question in the room
		const { question } = workshop;
		const key = themeKey(code, question);
		const closed = workshop.phase !== 'voting' || timeIsUp(workshop.voting_ends_at);
		if (closed && !(await votes.findVote(this.db, id))) {
			throw new DomainError('voting_closed', 'Voting is not open.');
		}
		if (!(await this.themes.themeExists(key, themeId))) {
			throw new DomainError('not_found', 'That theme no longer exists.');
		}
		const participant = await guard.register?.();
		if (
			participant &&
			guard.newVoter &&
			workshop.voting_opened_at !== null &&
			participant.created_at >= workshop.voting_opened_at &&
			!(await votes.findVote(this.db, id)) &&
			(await votes.participantVotes(this.db, code, question, participantId)).length === 0
		) {
			guard.newVoter();
		}
		// the ids that stand for the target theme now (a merged theme's old ids among them)
		const earlier = await votes.participantVotes(this.db, code, question, participantId);
		const onTarget = new Set(
			(await this.current(key, earlier)).filter((v) => v.theme === themeId).map((v) => v.theme_id)
		);
		onTarget.add(themeId);
		// Replay check, budget check and insert in one transaction, behind a lock on the participant:
		// concurrent taps queue up behind each other (on SQLite's single writer and on PostgreSQL
		// alike), so a replayed id is seen as the same dot and the budget cannot be overspent.
		const created = await this.db.transaction().execute(async (trx) => {
			await participants.lockParticipant(trx, code, participantId);
			const replay = await votes.findVote(trx, id);
			if (replay) {
				if (replay.participant_id !== participantId || replay.workshop_code !== code) {
					throw new DomainError('id_conflict', 'That id is already used.');
				}
				return false;
			}
			const mine = await votes.participantVotes(trx, code, question, participantId);
			if (mine.length >= workshop.dots_per_participant) {
				throw new DomainError('budget_exhausted', 'You have used all your dots.');
			}
			if (workshop.allow_stacking === 0 && mine.some((v) => onTarget.has(v.theme_id))) {
				throw new DomainError('already_voted', 'You have already put a dot on this theme.');
			}
			const stored = await votes.insertVoteOnce(trx, {
				id,
				workshop_code: code,
				question,
				participant_id: participantId,
				theme_id: themeId,
				created_at: new Date().toISOString()
			});
			// Taken meanwhile by another participant's transaction (the lock covers only ours).
			if (!stored) throw new DomainError('id_conflict', 'That id is already used.');
			return true;
		});
		if (!created) return this.mine(code, participantId);
		this.events.emit('votes.changed', { code });
		return this.mine(code, participantId);
	}

	/** Takes back the participant's latest dot on a theme. */
	async retract(code: string, participantId: string, payload: unknown): Promise<MyVotes> {
		const { themeId } = parse(RetractVote, payload);
		const workshop = await this.workshop(code);
		if (workshop.phase !== 'voting' || timeIsUp(workshop.voting_ends_at)) {
			throw new DomainError('voting_closed', 'Voting is not open.');
		}
		const mine = await this.current(
			themeKey(code, workshop.question),
			await votes.participantVotes(this.db, code, workshop.question, participantId)
		);
		const last = mine.filter((v) => v.theme === themeId).at(-1);
		if (!last) throw new DomainError('not_found', 'No dot on that theme.');
		await votes.deleteVote(this.db, last.id);
		this.events.emit('votes.changed', { code });
		return this.mine(code, participantId);
	}

	async mine(code: string, participantId: string): Promise<MyVotes> {
		const workshop = await this.workshop(code);
		const rows = await this.current(
			themeKey(code, workshop.question),
			await votes.participantVotes(this.db, code, workshop.question, participantId)
		);
		const byTheme: Record<string, number> = {};
		for (const { theme } of rows) if (theme) byTheme[theme] = (byTheme[theme] ?? 0) + 1;
		return { byTheme, left: Math.max(0, workshop.dots_per_participant - rows.length) };
	}

	/** Dots per theme of the room's question, or of another question when given. */
	async totals(code: string, number?: number): Promise<VoteTotals> {
		const row = await this.workshop(code);
		const question = number ?? row.question;
		const workshop = await questionOf(this.db, row, question);
		const { totals: byId, voters } = await votes.voteTotals(this.db, code, question);
		const now = await this.current(
			themeKey(code, question),
			Object.entries(byId).map(([theme_id, n]) => ({ theme_id, n }))
		);
		const totals: Record<string, number> = {};
		for (const { theme, n } of now) if (theme) totals[theme] = (totals[theme] ?? 0) + n;
		return {
			totals,
			voters,
			visible: workshop.results_hidden === 0 || workshop.results_revealed === 1
		};
	}
}
