import type { Kysely } from 'kysely';

/** The workshop's question in the other language (Bokmål or English), for phones and screens in it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshops').addColumn('prompt_other', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshops').dropColumn('prompt_other').execute();
}
