import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Connection } from './connection';
import { withStatementCache } from './statement-cache';
import { WalSync } from './wal-sync';
import type { Database } from './schema';

/** Opens (creating when needed) the SQLite file with the pragmas every writer relies on. */
export function openSqlite(path: string): Connection {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	// FULL: an acknowledged input survives a power cut of the facilitator's laptop, not only a crash.
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: withStatementCache(sqlite) })
	});
	const wal = path === ':memory:' ? null : new WalSync(`${path}-wal`);
	return {
		db,
		dialect: 'sqlite',
		batchCommits: {
			async transact(work) {
				if (!wal) return db.transaction().execute(work);
				// The commit writes the log without flushing it (the flush would hold the event loop
				// for up to a few ms); `sync` flushes it off the loop, and nobody hears an input is
				// stored before that. One connection: nothing else commits between the pragmas.
				return db.connection().execute(async (one) => {
					await sql`pragma synchronous = NORMAL`.execute(one);
					try {
						// IMMEDIATE takes the write lock first: with several processes on one file
						// (the multi-node tests without PostgreSQL), a deferred transaction that read
						// first fails at its first write with "database is locked" when another wrote.
						await sql`begin immediate`.execute(one);
						try {
							const done = await work(one);
							await sql`commit`.execute(one);
							return done;
						} catch (err) {
							await sql`rollback`.execute(one);
							throw err;
						}
					} finally {
						await sql`pragma synchronous = FULL`.execute(one);
					}
				});
			},
			sync: wal ? () => wal.sync() : undefined
		},
		async close() {
			// Fold the write-ahead log back into the database file, so a copied file is complete.
			if (sqlite.open && path !== ':memory:') sqlite.pragma('wal_checkpoint(TRUNCATE)');
			await wal?.close();
			await db.destroy();
		}
	};
}
