import type { Kysely, Transaction } from 'kysely';
import type { Database, QuestionRow, WorkshopUpdate } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The workshop's questions that are not in the room now, in order. */
export async function listParkedQuestions(db: Db, code: string): Promise<QuestionRow[]> {
	return db
		.selectFrom('questions')
		.selectAll()
		.where('workshop_code', '=', code)
		.orderBy('number')
		.execute();
}

export async function findParkedQuestion(
	db: Db,
	code: string,
	number: number
): Promise<QuestionRow | undefined> {
	return db
		.selectFrom('questions')
		.selectAll()
		.where('workshop_code', '=', code)
		.where('number', '=', number)
		.executeTakeFirst();
}

export async function parkQuestion(db: Db, row: QuestionRow): Promise<void> {
	await db.insertInto('questions').values(row).execute();
}

export async function unparkQuestion(db: Db, code: string, number: number): Promise<void> {
	await db
		.deleteFrom('questions')
		.where('workshop_code', '=', code)
		.where('number', '=', number)
		.execute();
}

/** Puts a question's fields on the workshop row: it is the room's question from now on. */
export async function setRoomQuestion(db: Db, code: string, fields: WorkshopUpdate): Promise<void> {
	await db.updateTable('workshops').set(fields).where('code', '=', code).execute();
}
