import type { Kysely } from 'kysely';
import type { Database, ThemeActionRow, ThemeActionTable } from './schema';
import type { Insertable } from 'kysely';

export async function loadThemeState(db: Kysely<Database>, code: string): Promise<string | null> {
	const row = await db
		.selectFrom('theme_states')
		.select('state')
		.where('workshop_code', '=', code)
		.executeTakeFirst();
	return row?.state ?? null;
}

export async function saveThemeState(
	db: Kysely<Database>,
	code: string,
	state: string,
	now: string
): Promise<void> {
	await db
		.insertInto('theme_states')
		.values({ workshop_code: code, state, updated_at: now })
		.onConflict((oc) => oc.column('workshop_code').doUpdateSet({ state, updated_at: now }))
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
	code: string
): Promise<ThemeActionRow[]> {
	return db
		.selectFrom('theme_actions')
		.selectAll()
		.where('workshop_code', '=', code)
		.orderBy('id')
		.execute();
}
