import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export const DEFAULT_DATABASE_PATH = 'db/innspill.sqlite';

export interface Connection {
	db: Kysely<Database>;
	sqlite: SQLite.Database;
	close(): Promise<void>;
}

/** Opens (creating when needed) the SQLite file with the pragmas every writer relies on. */
export function openDatabase(path: string = DEFAULT_DATABASE_PATH): Connection {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	// FULL: an acknowledged input survives a power cut of the facilitator's laptop, not only a crash.
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	return {
		db,
		sqlite,
		async close() {
			// Fold the write-ahead log back into the database file, so a copied file is complete.
			if (sqlite.open && path !== ':memory:') sqlite.pragma('wal_checkpoint(TRUNCATE)');
			await db.destroy();
		}
	};
}

/** Applies every pending migration; throws with the failing migration's name when one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		const name = failed ? ` (${failed.migrationName})` : '';
		throw new Error(`Database migration failed${name}: ${String(error)}`, { cause: error });
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
