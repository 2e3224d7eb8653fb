import type { Kysely } from 'kysely';
import type { Database, ThemeActionRow, ThemeActionTable } from './schema';
import type { Insertable } from 'kysely';

export async function loadThemeState(
	db: Kysely<Database>,
	code: string,
	question: number
): Promise<string | null> {
	const row = await db
		.selectFrom('theme_states')
		.select('state')
		.where('workshop_code', '=', code)
		.where('question', '=', question)
		.executeTakeFirst();
	return row?.state ?? null;
}

export async function saveThemeState(
	db: Kysely<Database>,
	code: string,
	question: number,
	state: string,
	now: string
): Promise<void> {
	await db
		.insertInto('theme_states')
		.values({ workshop_code: code, question, state, updated_at: now })
		.onConflict((oc) =>
			oc.columns(['workshop_code', 'question']).doUpdateSet({ state, updated_at: now })
		)
		.execute();
}

export async function appendThemeAction(
	db: Kysely<Database>,
	row: Insertable<ThemeActionTable>
): Promise<number> {
	// RETURNING rather than the driver's last insert id, which PostgreSQL does not report.
	const { id } = await db
		.insertInto('theme_actions')
		.values(row)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function listThemeActions(
	db: Kysely<Database>,
	code: string,
	question: number
): Promise<ThemeActionRow[]> {
	return db
		.selectFrom('theme_actions')
		.selectAll()
		.where('workshop_code', '=', code)
		.where('question', '=', question)
		.orderBy('id')
		.execute();
}
