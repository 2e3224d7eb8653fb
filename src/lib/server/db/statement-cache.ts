import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * better-sqlite3 with its statements kept: Kysely prepares every query afresh, and on the submit
 * path that was a large share of the event loop's time (the same few statements, compiled again
 * for every input). A statement still being iterated (a streamed query) is never handed out
 * twice; it gets a fresh one.
 */
export function withStatementCache(sqlite: BetterSqlite, max = 500): SqliteDatabase {
	const cache = new Map<string, Statement>();
	return {
		prepare(source: string) {
			const kept = cache.get(source);
			if (kept && !kept.busy) return kept;
			const statement = sqlite.prepare(source);
			// a bound, not an eviction policy: the app's queries are a few dozen shapes
			if (cache.size >= max) cache.clear();
			if (!kept) cache.set(source, statement);
			return statement;
		},
		close() {
			cache.clear();
			sqlite.close();
		}
	};
}
