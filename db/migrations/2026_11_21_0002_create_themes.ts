import { PostgresAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// The theme engine's state (themes, labels, the facilitator's constraints), so a restart brings
	// back the same themes with the same ids instead of re-clustering from scratch.
	await db.schema
		.createTable('theme_states')
		.addColumn('workshop_code', 'text', (c) =>
			c.primaryKey().references('workshops.code').onDelete('cascade')
		)
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	// Append-only log of facilitator actions. Undo and redo are entries too; each action keeps the
	// engine state before and after it, so undoing a merge is exact. Ids count up in the order the
	// actions were taken: SQLite says so with AUTOINCREMENT, PostgreSQL with an identity column.
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	await db.schema
		.createTable('theme_actions')
		.addColumn('id', 'integer', (c) =>
			postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()
		)
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('target_id', 'integer')
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('state_before', 'text')
		.addColumn('state_after', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('theme_actions_workshop')
		.on('theme_actions')
		.columns(['workshop_code', 'id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('theme_actions').execute();
	await db.schema.dropTable('theme_states').execute();
}
