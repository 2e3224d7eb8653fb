import type { Kysely } from 'kysely';
import { forUpdate } from './dialect';
import type { Database, NewParticipant, ParticipantRow } from './schema';

export async function insertParticipant(db: Kysely<Database>, row: NewParticipant): Promise<void> {
	await db.insertInto('participants').values(row).execute();
}

/** Inserts the participant unless the id is already stored; true when this call stored it. */
export async function insertParticipantOnce(
	db: Kysely<Database>,
	row: NewParticipant
): Promise<boolean> {
	const result = await db
		.insertInto('participants')
		.values(row)
		.onConflict((oc) => oc.column('id').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findParticipant(
	db: Kysely<Database>,
	workshopCode: string,
	id: string
): Promise<ParticipantRow | undefined> {
	return db
		.selectFrom('participants')
		.selectAll()
		.where('id', '=', id)
		.where('workshop_code', '=', workshopCode)
		.executeTakeFirst();
}

export async function updateParticipantProfile(
	db: Kysely<Database>,
	id: string,
	profile: { name: string | null; organisation: string | null }
): Promise<void> {
	await db.updateTable('participants').set(profile).where('id', '=', id).execute();
}

export async function listParticipants(
	db: Kysely<Database>,
	workshopCode: string
): Promise<ParticipantRow[]> {
	return db
		.selectFrom('participants')
		.selectAll()
		.where('workshop_code', '=', workshopCode)
		.orderBy('created_at')
		.execute();
}

/**
 * Inside a transaction: makes every other transaction that locks the same participant wait until
 * this one ends, so a check of the participant's rows and the write that follows cannot interleave.
 */
export async function lockParticipant(
	db: Kysely<Database>,
	workshopCode: string,
	id: string
): Promise<void> {
	await forUpdate(
		db,
		db
			.selectFrom('participants')
			.select('id')
			.where('id', '=', id)
			.where('workshop_code', '=', workshopCode)
	).execute();
}
