import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../src/lib/server/db/connection';
import { migrationProvider } from '../../src/lib/server/db/migrations';

let connection: Connection;
afterEach(async () => {
	await connection?.close();
});

describe('the several-questions migration', () => {
	it('keeps a workshop stored before it: its inputs, dots, themes and log belong to question 1', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'innspill-unit-')), 'db.sqlite');
		connection = openDatabase({ dialect: 'sqlite', path });
		const db = connection.db;
		const migrator = new Migrator({ db, provider: migrationProvider });
		expect((await migrator.migrateTo('2026_11_29_0006_activity_year_and_date')).error).toBe(
			undefined
		);
		const now = '2026-11-29T08:00:00.000Z';
		await sql`insert into workshops (code, title, prompt, language, phase, facilitator_token_hash,
			board_token_hash, created_at, updated_at) values ('ABC234', 'Før', 'Hva?', 'nb', 'voting',
			'f', 'b', ${now}, ${now})`.execute(db);
		await sql`insert into participants (id, workshop_code, created_at)
			values ('p1', 'ABC234', ${now})`.execute(db);
		await sql`insert into inputs (id, workshop_code, participant_id, text, hidden, created_at,
			updated_at) values ('i1', 'ABC234', 'p1', 'Møter', 0, ${now}, ${now})`.execute(db);
		await sql`insert into votes (id, workshop_code, participant_id, theme_id, created_at)
			values ('v1', 'ABC234', 'p1', 't1', ${now})`.execute(db);
		await sql`insert into theme_states (workshop_code, state, updated_at)
			values ('ABC234', '{"version":1}', ${now})`.execute(db);
		await sql`insert into theme_actions (workshop_code, kind, payload, created_at)
			values ('ABC234', 'rename', '{}', ${now})`.execute(db);
		await sql`insert into engine_leases (workshop_code, node_id, expires_at)
			values ('ABC234', 'a', 1)`.execute(db);

		expect((await migrator.migrateToLatest()).error).toBe(undefined);
		const one = async (query: ReturnType<typeof sql>) =>
			(await query.execute(db)).rows[0] as Record<string, unknown>;
		expect(await one(sql`select question, phase from workshops`)).toEqual({
			question: 1,
			phase: 'voting'
		});
		expect(await one(sql`select question from inputs`)).toEqual({ question: 1 });
		expect(await one(sql`select question from votes`)).toEqual({ question: 1 });
		expect(await one(sql`select question from theme_actions`)).toEqual({ question: 1 });
		expect(await one(sql`select workshop_code, question, state from theme_states`)).toEqual({
			workshop_code: 'ABC234',
			question: 1,
			state: '{"version":1}'
		});
		// a second question's state sits beside the first one's
		await sql`insert into theme_states (workshop_code, question, state, updated_at)
			values ('ABC234', 2, '{}', ${now})`.execute(db);
		expect(await one(sql`select count(*) as n from theme_states`)).toEqual({ n: 2 });

		// and back down: the first question's state is what remains
		expect((await migrator.migrateTo('2026_11_29_0006_activity_year_and_date')).error).toBe(
			undefined
		);
		expect(await one(sql`select workshop_code, state from theme_states`)).toEqual({
			workshop_code: 'ABC234',
			state: '{"version":1}'
		});
	});
});
