import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('workshops')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('prompt', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('nb', 'en')`))
		.addColumn('phase', 'text', (c) => c.notNull().defaultTo('collecting'))
		.addColumn('facilitator_token_hash', 'text', (c) => c.notNull())
		.addColumn('board_token_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('participants')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('name', 'text')
		.addColumn('organisation', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('participants_workshop')
		.on('participants')
		.column('workshop_code')
		.execute();

	// The primary key is the id the phone generated, so a resubmission is the same row.
	await db.schema
		.createTable('inputs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		// A deleted input keeps its row as a tombstone, so an outbox resend cannot bring it back.
		.addColumn('deleted_at', 'text')
		.execute();
	await db.schema
		.createIndex('inputs_workshop_created')
		.on('inputs')
		.columns(['workshop_code', 'created_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('inputs').execute();
	await db.schema.dropTable('participants').execute();
	await db.schema.dropTable('workshops').execute();
}
