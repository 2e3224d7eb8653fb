import type { Kysely, Transaction } from 'kysely';
import type { Database, NewVote, VoteRow } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function findVote(db: Db, id: string): Promise<VoteRow | undefined> {
	return db.selectFrom('votes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function participantVotes(
	db: Db,
	code: string,
	question: number,
	participantId: string
): Promise<VoteRow[]> {
	return db
		.selectFrom('votes')
		.selectAll()
		.where('workshop_code', '=', code)
		.where('question', '=', question)
		.where('participant_id', '=', participantId)
		.orderBy('created_at')
		.execute();
}

/** Stores the dot unless its id is taken already; true when this call stored it. */
export async function insertVoteOnce(db: Db, row: NewVote): Promise<boolean> {
	const result = await db
		.insertInto('votes')
		.values(row)
		.onConflict((oc) => oc.column('id').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteVote(db: Db, id: string): Promise<void> {
	await db.deleteFrom('votes').where('id', '=', id).execute();
}

export async function voteTotals(
	db: Db,
	code: string,
	question: number
): Promise<{ totals: Record<string, number>; voters: number }> {
	const rows = await db
		.selectFrom('votes')
		.select(['theme_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('workshop_code', '=', code)
		.where('question', '=', question)
		.groupBy('theme_id')
		.execute();
	const voters = await db
		.selectFrom('votes')
		.select((eb) => eb.fn.count<number>('participant_id').distinct().as('n'))
		.where('workshop_code', '=', code)
		.where('question', '=', question)
		.executeTakeFirst();
	return {
		totals: Object.fromEntries(rows.map((r) => [r.theme_id, Number(r.n)])),
		voters: Number(voters?.n ?? 0)
	};
}
