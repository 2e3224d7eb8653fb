import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/lib/server/db/statement-cache';

describe('the prepared-statement cache', () => {
	it('hands out one statement per query text, and a fresh one while that one is iterating', () => {
		const sqlite = new SQLite(':memory:');
		const db = withStatementCache(sqlite);
		db.prepare('create table t (n integer)').run([]);
		const insert = db.prepare('insert into t (n) values (?)');
		for (const n of [1, 2, 3]) insert.run([n]);
		expect(db.prepare('insert into t (n) values (?)')).toBe(insert);

		const select = 'select n from t order by n';
		const rows = db.prepare(select) as unknown as SQLite.Statement;
		const seen: number[][] = [];
		for (const row of rows.iterate() as Iterable<{ n: number }>) {
			// the cached statement is busy: a second use of the same text must not break it
			const again = db.prepare(select) as unknown as SQLite.Statement;
			expect(again).not.toBe(rows);
			seen.push([row.n, (again.all() as { n: number }[]).length]);
		}
		expect(seen).toEqual([
			[1, 3],
			[2, 3],
			[3, 3]
		]);
		expect(db.prepare(select)).toBe(rows);
		db.close();
		expect(sqlite.open).toBe(false);
	});
});
