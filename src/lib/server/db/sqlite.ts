import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Connection } from './connection';
import { withStatementCache } from './statement-cache';
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
	return {
		db,
		dialect: 'sqlite',
		writeTransaction: (work) =>
			db.connection().execute(async (one) => {
				await sql`begin immediate`.execute(one);
				try {
					const done = await work(one);
					await sql`commit`.execute(one);
					return done;
				} catch (err) {
					await sql`rollback`.execute(one);
					throw err;
				}
			}),
		async close() {
			// Fold the write-ahead log back into the database file, so a copied file is complete.
			if (sqlite.open && path !== ':memory:') sqlite.pragma('wal_checkpoint(TRUNCATE)');
			await db.destroy();
		}
	};
}
