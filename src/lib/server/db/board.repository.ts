import type { Kysely, Updateable } from 'kysely';
import type {
	ActivityRow,
	ActivityTable,
	Database,
	FocusAreaRow,
	FocusAreaTable,
	MandateRow,
	MandateTable
} from './schema';

export async function findMandate(
	db: Kysely<Database>,
	code: string
): Promise<MandateRow | undefined> {
	return db.selectFrom('mandates').selectAll().where('workshop_code', '=', code).executeTakeFirst();
}

export async function saveMandate(
	db: Kysely<Database>,
	code: string,
	fields: Updateable<MandateTable>,
	now: string
): Promise<void> {
	await db
		.insertInto('mandates')
		.values({
			workshop_code: code,
			purpose: '',
			scope: '',
			year_theme: '',
			...fields,
			updated_at: now
		})
		.onConflict((oc) => oc.column('workshop_code').doUpdateSet({ ...fields, updated_at: now }))
		.execute();
}

export async function listFocusAreas(db: Kysely<Database>, code: string): Promise<FocusAreaRow[]> {
	return db
		.selectFrom('focus_areas')
		.selectAll()
		.where('workshop_code', '=', code)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function findFocusArea(
	db: Kysely<Database>,
	id: string
): Promise<FocusAreaRow | undefined> {
	return db.selectFrom('focus_areas').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertFocusArea(db: Kysely<Database>, row: FocusAreaTable): Promise<void> {
	await db.insertInto('focus_areas').values(row).execute();
}

export async function updateFocusArea(
	db: Kysely<Database>,
	id: string,
	fields: Updateable<FocusAreaTable>
): Promise<void> {
	await db.updateTable('focus_areas').set(fields).where('id', '=', id).execute();
}

export async function deleteFocusArea(db: Kysely<Database>, id: string): Promise<void> {
	await db
		.updateTable('activities')
		.set({ focus_area_id: null })
		.where('focus_area_id', '=', id)
		.execute();
	await db.deleteFrom('focus_areas').where('id', '=', id).execute();
}

export async function listActivities(db: Kysely<Database>, code: string): Promise<ActivityRow[]> {
	// Undated activities first: SQLite sorts nulls first by default, PostgreSQL last, so say it.
	return db
		.selectFrom('activities')
		.selectAll()
		.where('workshop_code', '=', code)
		.orderBy('year', (ob) => ob.asc().nullsFirst())
		.orderBy('month', (ob) => ob.asc().nullsFirst())
		.orderBy('quarter', (ob) => ob.asc().nullsFirst())
		.orderBy('date', (ob) => ob.asc().nullsFirst())
		.orderBy('title')
		.execute();
}

export async function findActivity(
	db: Kysely<Database>,
	id: string
): Promise<ActivityRow | undefined> {
	return db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertActivity(db: Kysely<Database>, row: ActivityTable): Promise<void> {
	await db.insertInto('activities').values(row).execute();
}

export async function updateActivity(
	db: Kysely<Database>,
	id: string,
	fields: Updateable<ActivityTable>
): Promise<void> {
	await db.updateTable('activities').set(fields).where('id', '=', id).execute();
}

export async function deleteActivity(db: Kysely<Database>, id: string): Promise<void> {
	await db.deleteFrom('activities').where('id', '=', id).execute();
}
