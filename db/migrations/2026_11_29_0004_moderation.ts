import type { Kysely } from 'kysely';

/**
 * Moderation: a workshop may show inputs only after approval, and holds inputs that match its word
 * filter (null: the built-in Bokmål and English lists). A held input waits for the facilitator; an
 * input the facilitator corrected keeps what its author wrote.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('workshops')
		.addColumn('moderation', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('workshops').addColumn('word_filter', 'text').execute();
	await db.schema
		.alterTable('inputs')
		.addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('inputs').addColumn('original_text', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('inputs').dropColumn('original_text').execute();
	await db.schema.alterTable('inputs').dropColumn('held').execute();
	await db.schema.alterTable('workshops').dropColumn('word_filter').execute();
	await db.schema.alterTable('workshops').dropColumn('moderation').execute();
}
