import type { Kysely } from 'kysely';
import type { Database, NewParticipant, ParticipantRow } from './schema';

export async function insertParticipant(db: Kysely<Database>, row: NewParticipant): Promise<void> {
	await db.insertInto('participants').values(row).execute();
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
