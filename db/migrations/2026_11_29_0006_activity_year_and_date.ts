import { sql, type Kysely } from 'kysely';

/**
 * The annual plan learns the year and, when it is fixed, the day: `year` beside month and quarter,
 * and `date` as yyyy-mm-dd (text, so it reads the same in every database and export). Activities
 * planned before keep a null year: which year they meant was never said.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('activities')
		.addColumn('year', 'integer', (c) => c.check(sql`year between 2000 and 2100`))
		.execute();
	await db.schema.alterTable('activities').addColumn('date', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('activities').dropColumn('date').execute();
	await db.schema.alterTable('activities').dropColumn('year').execute();
}
