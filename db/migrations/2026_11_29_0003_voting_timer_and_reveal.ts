import type { Kysely } from 'kysely';

/**
 * Voting that reads like a result: an optional end time for the vote, and a top-N reveal, one
 * place at a time (reveal_top null: every theme at once).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshops').addColumn('voting_ends_at', 'text').execute();
	await db.schema.alterTable('workshops').addColumn('reveal_top', 'integer').execute();
	await db.schema
		.alterTable('workshops')
		.addColumn('revealed_count', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const column of ['revealed_count', 'reveal_top', 'voting_ends_at']) {
		await db.schema.alterTable('workshops').dropColumn(column).execute();
	}
}
