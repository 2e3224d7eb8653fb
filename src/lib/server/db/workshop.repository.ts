import type { Kysely } from 'kysely';
import type { Phase } from '../../shared/types';
import type { Database, NewWorkshop, WorkshopRow } from './schema';

export async function insertWorkshop(db: Kysely<Database>, row: NewWorkshop): Promise<void> {
	await db.insertInto('workshops').values(row).execute();
}

export async function findWorkshop(
	db: Kysely<Database>,
	code: string
): Promise<WorkshopRow | undefined> {
	return db.selectFrom('workshops').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function workshopCodeExists(db: Kysely<Database>, code: string): Promise<boolean> {
	const row = await db
		.selectFrom('workshops')
		.select('code')
		.where('code', '=', code)
		.executeTakeFirst();
	return row !== undefined;
}

export async function updateWorkshopPhase(
	db: Kysely<Database>,
	code: string,
	phase: Phase,
	now: string
): Promise<void> {
	await db
		.updateTable('workshops')
		.set(
			phase === 'voting'
				? // a timer that ran out in an earlier round does not close the new one
					{ phase, updated_at: now, voting_opened_at: now, voting_ends_at: null }
				: { phase, updated_at: now }
		)
		.where('code', '=', code)
		.execute();
}

export async function updateModeration(
	db: Kysely<Database>,
	code: string,
	change: { moderation?: number; word_filter?: string | null },
	now: string
): Promise<void> {
	await db
		.updateTable('workshops')
		.set({ ...change, updated_at: now })
		.where('code', '=', code)
		.execute();
}

export async function setProjectorTokenHash(
	db: Kysely<Database>,
	code: string,
	hash: string
): Promise<void> {
	await db
		.updateTable('workshops')
		.set({ projector_token_hash: hash })
		.where('code', '=', code)
		.execute();
}

export async function updateVotingConfig(
	db: Kysely<Database>,
	code: string,
	config: {
		dots_per_participant?: number;
		allow_stacking?: number;
		results_hidden?: number;
		results_revealed?: number;
		voting_ends_at?: string | null;
		reveal_top?: number | null;
		revealed_count?: number;
	},
	now: string
): Promise<void> {
	await db
		.updateTable('workshops')
		.set({ ...config, updated_at: now })
		.where('code', '=', code)
		.execute();
}
