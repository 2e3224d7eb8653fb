import SQLite from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Connection } from '../../src/lib/server/db/connection';
import type { Database } from '../../src/lib/server/db/schema';

let connection: Connection | null = null;
let other: SQLite.Database | null = null;
afterEach(async () => {
	other?.close();
	other = null;
	await connection?.close();
	connection = null;
});

const workshop = (code: string) => {
	const now = new Date().toISOString();
	return {
		code,
		title: 'T',
		prompt: 'P',
		language: 'nb' as const,
		phase: 'collecting' as const,
		facilitator_token_hash: 'f',
		board_token_hash: 'b',
		created_at: now,
		updated_at: now
	};
};

describe('the SQLite write transaction of the submit path', () => {
	it('holds the write lock from its start, so a write of another process between its read and its write cannot break it', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'innspill-unit-')), 'db.sqlite');
		connection = openDatabase({ dialect: 'sqlite', path });
		await migrateToLatest(connection.db);
		other = new SQLite(path);
		other.pragma('busy_timeout = 0');
		const insertElsewhere = other.prepare(
			`insert into workshops (code, title, prompt, language, phase, facilitator_token_hash,
			board_token_hash, created_at, updated_at) values (?, 'T', 'P', 'nb', 'collecting', 'f', 'b', '', '')`
		);
		const readThenWrite = async (trx: Kysely<Database>, code: string) => {
			// a read first, as the submit path does (is the id taken? is input open?) …
			await trx.selectFrom('workshops').selectAll().execute();
			// … while another process tries to commit a write
			let elsewhere = 'stored';
			try {
				insertElsewhere.run(`X${code}`);
			} catch (err) {
				elsewhere = (err as Error).message;
			}
			await trx.insertInto('workshops').values(workshop(code)).execute();
			return elsewhere;
		};

		// a plain (deferred) transaction: the other write gets in, and ours then fails
		await expect(
			connection.db.transaction().execute((trx) => readThenWrite(trx, 'DEF234'))
		).rejects.toThrow('database is locked');
		// the write transaction: the other process waits (here: is refused at once), ours commits
		expect(await connection.writeTransaction((trx) => readThenWrite(trx, 'IMM234'))).toBe(
			'database is locked'
		);
		const codes = await connection.db.selectFrom('workshops').select('code').execute();
		expect(codes.map((r) => r.code).sort()).toEqual(['IMM234', 'XDEF234']);

		await expect(
			connection.writeTransaction(async (trx) => {
				await trx.updateTable('workshops').set({ title: 'changed' }).execute();
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		const titles = await connection.db.selectFrom('workshops').select('title').execute();
		expect(titles.map((r) => r.title)).toEqual(['T', 'T']);
	});
});
