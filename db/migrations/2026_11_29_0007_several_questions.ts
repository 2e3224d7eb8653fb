import { sql, type Kysely } from 'kysely';

/**
 * Several questions in one workshop. The question in the room now stays on the workshop row (its
 * text, phase and voting settings, as before), numbered by `question`; the others wait in
 * `questions` with the same fields until the facilitator brings one back. Inputs, dots, theme
 * states, the action log and engine leases say which question they belong to; everything stored
 * before belongs to question 1.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('workshops')
		.addColumn('question', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('questions')
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('prompt', 'text', (c) => c.notNull())
		.addColumn('prompt_other', 'text')
		.addColumn('phase', 'text', (c) => c.notNull())
		.addColumn('dots_per_participant', 'integer', (c) => c.notNull())
		.addColumn('allow_stacking', 'integer', (c) => c.notNull())
		.addColumn('results_hidden', 'integer', (c) => c.notNull())
		.addColumn('results_revealed', 'integer', (c) => c.notNull())
		.addColumn('voting_opened_at', 'text')
		.addColumn('voting_ends_at', 'text')
		.addColumn('reveal_top', 'integer')
		.addColumn('revealed_count', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('questions_pkey', ['workshop_code', 'number'])
		.execute();

	for (const table of ['inputs', 'votes', 'theme_actions']) {
		await db.schema
			.alterTable(table)
			.addColumn('question', 'integer', (c) => c.notNull().defaultTo(1))
			.execute();
	}
	await db.schema
		.createIndex('inputs_question')
		.on('inputs')
		.columns(['workshop_code', 'question', 'created_at'])
		.execute();

	// one state per question: the key grows a column, so the table is built again with it
	await db.schema
		.createTable('question_theme_states')
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('question', 'integer', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('theme_states_question_pkey', ['workshop_code', 'question'])
		.execute();
	await sql`insert into question_theme_states (workshop_code, question, state, updated_at)
		select workshop_code, 1, state, updated_at from theme_states`.execute(db);
	await db.schema.dropTable('theme_states').execute();
	await db.schema.alterTable('question_theme_states').renameTo('theme_states').execute();

	// leases last seconds: nothing to carry over
	await db.schema.dropTable('engine_leases').execute();
	await db.schema
		.createTable('engine_leases')
		.addColumn('workshop_code', 'text', (c) =>
			c.notNull().references('workshops.code').onDelete('cascade')
		)
		.addColumn('question', 'integer', (c) => c.notNull())
		.addColumn('node_id', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('engine_leases_question_pkey', ['workshop_code', 'question'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('engine_leases').execute();
	await db.schema
		.createTable('engine_leases')
		.addColumn('workshop_code', 'text', (c) =>
			c.primaryKey().references('workshops.code').onDelete('cascade')
		)
		.addColumn('node_id', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('first_theme_states')
		.addColumn('workshop_code', 'text', (c) =>
			c.primaryKey().references('workshops.code').onDelete('cascade')
		)
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await sql`insert into first_theme_states (workshop_code, state, updated_at)
		select workshop_code, state, updated_at from theme_states where question = 1`.execute(db);
	await db.schema.dropTable('theme_states').execute();
	await db.schema.alterTable('first_theme_states').renameTo('theme_states').execute();
	await db.schema.dropIndex('inputs_question').execute();
	for (const table of ['theme_actions', 'votes', 'inputs']) {
		await db.schema.alterTable(table).dropColumn('question').execute();
	}
	await db.schema.dropTable('questions').execute();
	await db.schema.alterTable('workshops').dropColumn('question').execute();
}
