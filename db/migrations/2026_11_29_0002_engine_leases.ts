import type { Kysely } from 'kysely';

/**
 * Which node runs a workshop's theme engine when several share the database: one row per
 * workshop, held by a node until `expires_at` (milliseconds since the epoch) unless renewed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('engine_leases')
		.addColumn('workshop_code', 'text', (c) =>
			c.primaryKey().references('workshops.code').onDelete('cascade')
		)
		.addColumn('node_id', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('engine_leases').execute();
}
