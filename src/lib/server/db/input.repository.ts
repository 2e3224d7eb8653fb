import type { Kysely } from 'kysely';
import type { Database, InputRow, NewInput } from './schema';

/**
 * Inserts the input unless a row with its id exists already; returns the stored row either way,
 * so that a resubmitted id is answered with what was first committed.
 */
export async function insertInputOnce(
	db: Kysely<Database>,
	row: NewInput
): Promise<{ row: InputRow; created: boolean }> {
	// RETURNING gives the new row in the same statement; a conflict returns nothing.
	const inserted = await db
		.insertInto('inputs')
		.values(row)
		.onConflict((oc) => oc.column('id').doNothing())
		.returningAll()
		.executeTakeFirst();
	if (inserted) return { row: inserted, created: true };
	const stored = await findInputById(db, row.id);
	if (!stored) throw new Error(`input ${row.id} vanished after insert`);
	return { row: stored, created: false };
}

export async function findInputById(
	db: Kysely<Database>,
	id: string
): Promise<InputRow | undefined> {
	return db.selectFrom('inputs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateInputText(
	db: Kysely<Database>,
	id: string,
	text: string,
	now: string,
	held?: boolean
): Promise<void> {
	await db
		.updateTable('inputs')
		.set(
			held === undefined ? { text, updated_at: now } : { text, updated_at: now, held: held ? 1 : 0 }
		)
		.where('id', '=', id)
		.execute();
}

/** The facilitator's moderation of one input: let through, hide, or correct the text. */
export async function moderateInput(
	db: Kysely<Database>,
	id: string,
	change: { held?: number; hidden?: number; text?: string; original_text?: string | null },
	now: string
): Promise<void> {
	await db
		.updateTable('inputs')
		.set({ ...change, updated_at: now })
		.where('id', '=', id)
		.execute();
}

export async function markInputDeleted(
	db: Kysely<Database>,
	id: string,
	now: string
): Promise<void> {
	await db
		.updateTable('inputs')
		.set({ deleted_at: now, updated_at: now })
		.where('id', '=', id)
		.execute();
}

export async function setInputHidden(
	db: Kysely<Database>,
	id: string,
	hidden: boolean,
	now: string
): Promise<void> {
	await db
		.updateTable('inputs')
		.set({ hidden: hidden ? 1 : 0, updated_at: now })
		.where('id', '=', id)
		.execute();
}

/** Live inputs of a workshop (not deleted), oldest first; optionally of one question or participant. */
export async function listInputs(
	db: Kysely<Database>,
	workshopCode: string,
	options: { participantId?: string; includeHidden?: boolean; question?: number } = {}
): Promise<InputRow[]> {
	let query = db
		.selectFrom('inputs')
		.selectAll()
		.where('workshop_code', '=', workshopCode)
		.where('deleted_at', 'is', null);
	if (options.question !== undefined) query = query.where('question', '=', options.question);
	if (options.participantId) query = query.where('participant_id', '=', options.participantId);
	if (!options.includeHidden) query = query.where('hidden', '=', 0);
	return query.orderBy('created_at').orderBy('id').execute();
}
