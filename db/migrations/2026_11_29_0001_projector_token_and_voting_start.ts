import type { Kysely } from 'kysely';

/**
 * A read-only projector token of its own (hash only; null until the facilitator next signs in,
 * which derives it), and when voting last opened, so dots from identities made during voting
 * can be told apart.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshops').addColumn('projector_token_hash', 'text').execute();
	await db.schema.alterTable('workshops').addColumn('voting_opened_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshops').dropColumn('voting_opened_at').execute();
	await db.schema.alterTable('workshops').dropColumn('projector_token_hash').execute();
}
