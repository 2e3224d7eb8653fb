import SQLite from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';

export type Backend = 'sqlite' | 'postgres';

/**
 * The backend the servers of this run store in. The PostgreSQL pass (vitest.postgres.config.ts)
 * sets TEST_DATABASE=postgres and TEST_POSTGRES_URL; every other run uses SQLite files.
 */
export const backend: Backend = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** A database of its own for one test: a SQLite file, or a PostgreSQL database on the test cluster. */
export interface TestDatabase {
	backend: Backend;
	/** What the server's environment needs to store here. */
	env: Record<string, string>;
	/** SQLite only: the file (its write-ahead log sits next to it). */
	path: string | null;
	/** Runs one statement on a connection of its own, opened and closed around it; its rows. */
	query<R>(statement: RawBuilder<R>): Promise<R[]>;
	/** The number of rows in a table (PostgreSQL's count is a bigint, which pg hands over as text). */
	count(table: string): Promise<number>;
	/** Removes the database; a server must no longer be using it. */
	drop(): Promise<void>;
}

/** A fresh database on this run's backend, or on the one given (the multi-node tests pick theirs). */
export async function createTestDatabase(on: Backend = backend): Promise<TestDatabase> {
	return on === 'postgres' ? createPostgresDatabase() : createSqliteDatabase();
}

function withQueries(
	base: Omit<TestDatabase, 'query' | 'count'>,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	open: () => Kysely<any>
): TestDatabase {
	const query = async <R>(statement: RawBuilder<R>): Promise<R[]> => {
		const db = open();
		try {
			return (await statement.execute(db)).rows;
		} finally {
			await db.destroy();
		}
	};
	const count = async (table: string) => {
		const [row] = await query(
			sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`
		);
		return Number(row.n);
	};
	return { ...base, query, count };
}

function createSqliteDatabase(): TestDatabase {
	const path = join(mkdtempSync(join(tmpdir(), 'innspill-test-')), 'test.sqlite');
	return withQueries(
		{
			backend: 'sqlite',
			// An empty DATABASE_URL, so that one in the developer's shell cannot take over.
			env: { DATABASE_PATH: path, DATABASE_URL: '' },
			path,
			async drop() {
				rmSync(dirname(path), { recursive: true, force: true });
			}
		},
		// A plain connection rather than the app's, which would set pragmas and checkpoint on close.
		// Writable: a test may also change rows between two server starts.
		() => new Kysely({ dialect: new SqliteDialect({ database: new SQLite(path) }) })
	);
}

async function createPostgresDatabase(): Promise<TestDatabase> {
	const admin = process.env.TEST_POSTGRES_URL;
	if (!admin) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URL (an admin URL).');
	const name = `innspill_test_${randomBytes(6).toString('hex')}`;
	await asAdmin(admin, `create database ${name}`);
	const url = new URL(admin);
	url.pathname = `/${name}`;
	return withQueries(
		{
			backend: 'postgres',
			env: { DATABASE_URL: url.toString(), DATABASE_PATH: '' },
			path: null,
			async drop() {
				// FORCE: a killed server's connections may not have been noticed as gone yet.
				await asAdmin(admin, `drop database if exists ${name} with (force)`);
			}
		},
		() =>
			new Kysely({
				dialect: new PostgresDialect({
					pool: new pg.Pool({ connectionString: url.toString(), max: 1 })
				})
			})
	);
}

async function asAdmin(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}
