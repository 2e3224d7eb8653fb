import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	GroupCommit,
	groupCommitOptions,
	type GroupCommitOptions,
	type GroupCommitWork
} from '../../src/lib/server/db/group-commit';

interface Notes {
	notes: { id: string; text: string | null };
}
/** `refuse` is the job's own refusal; a null text breaks the statement (NOT NULL) and the batch. */
type Note = { id: string; text: string | null; refuse?: boolean; slow?: boolean };

class Refused extends Error {}

let path: string;
let db: Kysely<Notes>;
/** A second connection: it sees a row only once it is committed. */
let reader: SQLite.Database;
let order: string[];

beforeEach(async () => {
	path = join(mkdtempSync(join(tmpdir(), 'innspill-group-')), 'notes.sqlite');
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	db = new Kysely<Notes>({ dialect: new SqliteDialect({ database: sqlite }) });
	await db.schema
		.createTable('notes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('text', 'text', (c) => c.notNull())
		.execute();
	reader = new SQLite(path, { readonly: true });
	order = [];
});
afterEach(async () => {
	reader.close();
	await db.destroy();
});

const committed = (id: string) =>
	reader.prepare('select count(*) n from notes where id = ?').pluck().get(id) as number;

const work: GroupCommitWork<Notes, Note, string> = {
	async apply(trx, note) {
		if (note.refuse) throw new Refused(note.id);
		// a round trip that yields to the event loop, as a database server's commit would
		if (note.slow) await new Promise((r) => setTimeout(r, 5));
		await trx
			.insertInto('notes')
			.values({ id: note.id, text: note.text as string })
			.execute();
		return note.id;
	},
	isRefusal: (err) => err instanceof Refused,
	committed: (note) => order.push(note.id)
};

function writer(options: Partial<GroupCommitOptions> = {}) {
	return new GroupCommit(db, work, { maxBatch: 64, maxWaitMs: 2, ...options });
}

const notes = (n: number, prefix = 'n') =>
	Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, text: `note ${i}` }));

/** Each write's answer: its id, or the error's name. */
const answers = (all: Promise<string>[]) =>
	Promise.all(all.map((p) => p.catch((err: Error) => `${err.constructor.name}`)));

describe('group commit', () => {
	it('commits writes submitted together in one transaction, answering each after the commit', async () => {
		const batches = writer();
		const seenCommitted: number[] = [];
		const all = notes(50).map((note) =>
			batches.submit(note).then((id) => {
				seenCommitted.push(committed(id));
				return id;
			})
		);
		expect(await Promise.all(all)).toEqual(notes(50).map((n) => n.id));
		expect(batches.commits).toBeLessThan(50);
		expect(batches.commits).toBe(1);
		expect(seenCommitted).toEqual(Array(50).fill(1));
		expect(order).toEqual(notes(50).map((n) => n.id));
	});

	it('with no wait, still commits writes submitted in the same turn together', async () => {
		const batches = writer({ maxWaitMs: 0 });
		await Promise.all(notes(20).map((note) => batches.submit(note)));
		expect(batches.commits).toBe(1);
		expect(reader.prepare('select count(*) from notes').pluck().get()).toBe(20);
	});

	it('never puts more than the bound in one transaction', async () => {
		const batches = writer({ maxBatch: 8 });
		await Promise.all(notes(50).map((note) => batches.submit(note)));
		expect(batches.commits).toBe(Math.ceil(50 / 8));
		expect(reader.prepare('select count(*) from notes').pluck().get()).toBe(50);
	});

	it('fails a refused write alone; the rest of its batch commits', async () => {
		const batches = writer();
		const jobs = [...notes(2), { id: 'no', text: 'x', refuse: true }, ...notes(2, 'm')];
		expect(await answers(jobs.map((job) => batches.submit(job)))).toEqual([
			'n0',
			'n1',
			'Refused',
			'm0',
			'm1'
		]);
		expect(batches.commits).toBe(1);
		expect(committed('no')).toBe(0);
		expect(order).toEqual(['n0', 'n1', 'm0', 'm1']);
	});

	it('retries every write alone when one breaks the transaction, so each gets its own answer', async () => {
		const batches = writer();
		const jobs = [...notes(2), { id: 'broken', text: null }, ...notes(2, 'm')];
		expect(await answers(jobs.map((job) => batches.submit(job)))).toEqual([
			'n0',
			'n1',
			'SqliteError',
			'm0',
			'm1'
		]);
		// the batch rolled back, then four writes committed one by one
		expect(batches.commits).toBe(4);
		for (const id of ['n0', 'n1', 'm0', 'm1']) expect(committed(id)).toBe(1);
		expect(order).toEqual(['n0', 'n1', 'm0', 'm1']);
	});

	it('collects writes that arrive during a commit into the next batch, in order', async () => {
		const batches = writer();
		const first = notes(3).map((note, i) => batches.submit({ ...note, slow: i === 0 }));
		// the first batch is committing (its first write waits on a timer) when these arrive
		await new Promise((r) => setTimeout(r, 3));
		const second = notes(3, 'm').map((note) => batches.submit(note));
		await Promise.all([...first, ...second]);
		expect(batches.commits).toBe(2);
		expect(order).toEqual(['n0', 'n1', 'n2', 'm0', 'm1', 'm2']);
	});

	it('commits a write after a quiet spell at once; one right after a commit waits for company', async () => {
		// a wait far longer than the test: only close() can end it
		const batches = writer({ maxWaitMs: 600_000 });
		expect(await batches.submit({ id: 'first', text: 'alone' })).toBe('first');
		// the next write comes in from the network a moment later, as a socket's would
		await new Promise((r) => setImmediate(r));
		let answered = false;
		const next = batches.submit({ id: 'next', text: 'soon after' }).then((id) => {
			answered = true;
			return id;
		});
		await new Promise((r) => setTimeout(r, 20));
		expect(answered).toBe(false);
		expect(committed('next')).toBe(0);
		await batches.close();
		expect(await next).toBe('next');
		expect(batches.commits).toBe(2);
	});

	it('commits pending writes on close, and refuses writes after it', async () => {
		const batches = writer({ maxWaitMs: 600_000 });
		await batches.submit({ id: 'opening', text: 'starts the wait' });
		const pending = notes(3).map((note) => batches.submit(note));
		await batches.close();
		expect(await Promise.all(pending)).toEqual(['n0', 'n1', 'n2']);
		expect(committed('n2')).toBe(1);
		await expect(batches.submit({ id: 'late', text: 'late' })).rejects.toThrow(/closing/);
	});

	it('reads its bounds from the environment, keeping defaults for nonsense', () => {
		expect(groupCommitOptions({})).toEqual({ maxBatch: 64, maxWaitMs: 2 });
		expect(groupCommitOptions({ WRITE_BATCH_MAX: '16', WRITE_BATCH_WAIT_MS: '0' })).toEqual({
			maxBatch: 16,
			maxWaitMs: 0
		});
		expect(groupCommitOptions({ WRITE_BATCH_MAX: '0', WRITE_BATCH_WAIT_MS: 'soon' })).toEqual({
			maxBatch: 64,
			maxWaitMs: 2
		});
	});
});
