import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('workshops')
		.addColumn('dots_per_participant', 'integer', (c) => c.notNull().defaultTo(3))
		.execute();
	await db.schema
		.alterTable('workshops')
		.addColumn('allow_stacking', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.alterTable('workshops')
		.addColumn('results_hidden', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('workshops')
		.addColumn('results_revealed', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	// One row per dot. The id comes from the phone, so a replayed tap is the same dot.
	await db.schema
		.createTable('votes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
		.addColumn('theme_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('votes_participant')
		.on('votes')
		.columns(['workshop_code', 'participant_id'])
		.execute();

	await db.schema
		.createTable('mandates')
		.addColumn('workshop_code', 'text', (c) =>
			c.primaryKey().references('workshops.code').onDelete('cascade')
		)
		.addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('year_theme', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text')
		.execute();

	await db.schema
		.createTable('focus_areas')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('theme_ids', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('quote_ids', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('scores', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text')
		.execute();

	await db.schema
		.createTable('activities')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('month', 'integer', (c) => c.check(sql`month between 1 and 12`))
		.addColumn('quarter', 'integer', (c) => c.check(sql`quarter between 1 and 4`))
		.addColumn('host', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('responsible', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('focus_area_id', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('activities').execute();
	await db.schema.dropTable('focus_areas').execute();
	await db.schema.dropTable('mandates').execute();
	await db.schema.dropTable('votes').execute();
	for (const column of [
		'results_revealed',
		'results_hidden',
		'allow_stacking',
		'dots_per_participant'
	]) {
		await db.schema.alterTable('workshops').dropColumn(column).execute();
	}
}
