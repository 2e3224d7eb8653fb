import { Migrator, type Kysely } from 'kysely';
import type { Dialect } from './dialect';
import type { Transact } from './group-commit';
import { migrationProvider } from './migrations';
import { openPostgres } from './postgres';
import type { Database } from './schema';
import { openSqlite } from './sqlite';

export const DEFAULT_DATABASE_PATH = 'db/innspill.sqlite';

/** Where the data lives: a SQLite file (the default), or a PostgreSQL database. */
export type DatabaseTarget =
	{ dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export interface Connection {
	db: Kysely<Database>;
	dialect: Dialect;
	/**
	 * A transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE), for the submit
	 * path's batches: with several processes on one SQLite file, a deferred transaction that read
	 * first fails at its first write with "database is locked" when another process wrote meanwhile.
	 */
	writeTransaction: Transact<Database>;
	/** Finishes what the backend needs for a clean stop (SQLite: the WAL checkpoint). */
	close(): Promise<void>;
}

export function openDatabase(
	target: DatabaseTarget = { dialect: 'sqlite', path: DEFAULT_DATABASE_PATH }
): Connection {
	return target.dialect === 'postgres' ? openPostgres(target.url) : openSqlite(target.path);
}

/** The target for logs and messages: the file, or the server and database without credentials. */
export function describeTarget(target: DatabaseTarget): string {
	if (target.dialect === 'sqlite') return target.path;
	const url = new URL(target.url);
	return `postgres://${url.host}${url.pathname}`;
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
