import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Connection } from '../../src/lib/server/db/connection';
import { WalSync } from '../../src/lib/server/db/wal-sync';

let connection: Connection | null = null;
afterEach(async () => {
	await connection?.close();
	connection = null;
});

const dir = () => mkdtempSync(join(tmpdir(), 'innspill-unit-'));
const synchronous = async (c: Connection) =>
	(await sql<{ synchronous: number }>`pragma synchronous`.execute(c.db)).rows[0].synchronous;

describe('SQLite input batches flushed off the event loop', () => {
	it('commits the work, and every other write still commits with a full flush', async () => {
		connection = openDatabase({ dialect: 'sqlite', path: join(dir(), 'db.sqlite') });
		await migrateToLatest(connection.db);
		const FULL = 2;
		expect(await synchronous(connection)).toBe(FULL);
		const now = new Date().toISOString();
		const { transact, sync } = connection.batchCommits;
		await transact(async (trx) => {
			await trx
				.insertInto('workshops')
				.values({
					code: 'ABC234',
					title: 'T',
					prompt: 'P',
					language: 'nb',
					phase: 'collecting',
					facilitator_token_hash: 'f',
					board_token_hash: 'b',
					created_at: now,
					updated_at: now
				})
				.execute();
		});
		await sync!();
		expect(await synchronous(connection)).toBe(FULL);
		await expect(
			transact(async (trx) => {
				await trx.updateTable('workshops').set({ title: 'changed' }).execute();
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect(await synchronous(connection)).toBe(FULL);
		const rows = await connection.db.selectFrom('workshops').select('title').execute();
		expect(rows).toEqual([{ title: 'T' }]);
	});

	it('flushes the file at the path, also after it was replaced', async () => {
		const path = join(dir(), 'x-wal');
		writeFileSync(path, 'one');
		const wal = new WalSync(path);
		await wal.sync();
		const first = (wal as unknown as { inode: number }).inode;
		writeFileSync(`${path}.new`, 'two');
		renameSync(`${path}.new`, path);
		await wal.sync();
		expect((wal as unknown as { inode: number }).inode).not.toBe(first);
		await wal.close();
	});
});
