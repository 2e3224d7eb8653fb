import { PostgresAdapter, type Kysely, type SelectQueryBuilder } from 'kysely';

/**
 * The one place where the two storage backends differ in what a query must say. Everything else
 * (upserts with ON CONFLICT, RETURNING, text timestamps, integer flags) is written once for both.
 * Migrations cannot import app code, so they tell the backends apart on their own, the same way.
 */
export type Dialect = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): Dialect {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Holds the selected rows until the transaction ends, so a check-then-write inside it cannot race
 * another. PostgreSQL runs transactions side by side and needs FOR UPDATE for that; SQLite has no
 * such clause and needs none: all our queries share one connection, so its transactions already
 * run one after the other.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	query: SelectQueryBuilder<DB, TB, O>
): SelectQueryBuilder<DB, TB, O> {
	return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}
