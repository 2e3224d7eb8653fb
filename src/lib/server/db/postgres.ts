import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { log } from '../log';
import type { Connection } from './connection';
import type { Database } from './schema';

/** Connections the server keeps open at most; writes are short, so a few carry a full room. */
const POOL_SIZE = 10;

/** Opens a connection pool to the PostgreSQL database at `url` (postgres://user:pass@host/db). */
export function openPostgres(url: string): Connection {
	const pool = new pg.Pool({
		connectionString: url,
		max: POOL_SIZE,
		// A database that does not answer fails the request instead of holding the phone forever.
		connectionTimeoutMillis: 10_000
	});
	// An idle connection that breaks (the database restarted) is dropped from the pool; without a
	// listener, pg would take the whole process down with it.
	pool.on('error', (err) => log.error('database: idle connection failed', {}, err));
	const db = new Kysely<Database>({
		dialect: new PostgresDialect({
			pool,
			// An input is acknowledged once its commit returns, so the commit must be on disk then:
			// insist on it even where the server's default was relaxed.
			onCreateConnection: async (connection) => {
				await connection.executeQuery(CompiledQuery.raw('set synchronous_commit = on'));
			}
		})
	});
	return {
		db,
		dialect: 'postgres',
		// row locks: a transaction that writes waits for the rows it writes, never fails for it
		writeTransaction: (work) => db.transaction().execute(work),
		async close() {
			await db.destroy();
		}
	};
}
