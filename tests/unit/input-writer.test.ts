import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { migrateToLatest } from '../../src/lib/server/db/connection';
import type { Database } from '../../src/lib/server/db/schema';
import { DomainEvents } from '../../src/lib/server/workshop/domain-events';
import { DomainError } from '../../src/lib/server/workshop/errors';
import { WorkshopService } from '../../src/lib/server/workshop/workshop.service';

/** The real SQLite driver, counting the transactions that reach COMMIT. */
class CountingDialect extends SqliteDialect {
	commits = 0;
	createDriver(): Driver {
		const driver = super.createDriver();
		const commit = driver.commitTransaction.bind(driver);
		driver.commitTransaction = async (connection: DatabaseConnection) => {
			await commit(connection);
			this.commits++;
		};
		return driver;
	}
}

let sqlite: SQLite.Database;
let dialect: CountingDialect;
let db: Kysely<Database>;
let service: WorkshopService;
let announced: string[];

beforeEach(async () => {
	// the file as the app opens it, with a handle of our own to count the commits on
	sqlite = new SQLite(join(mkdtempSync(join(tmpdir(), 'innspill-writer-')), 'db.sqlite'));
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	dialect = new CountingDialect({ database: sqlite });
	db = new Kysely<Database>({ dialect });
	await migrateToLatest(db);
	service = new WorkshopService(db, new DomainEvents(), undefined, { maxBatch: 64, maxWaitMs: 2 });
	announced = [];
	service.events.on('input.created', ({ input }) => announced.push(input.id));
});
afterEach(async () => {
	await service.close();
	await db.destroy();
});

/** What each submission was answered: the stored text, or the refusal's code. */
function answers(all: Promise<{ text: string }>[]): Promise<string[]> {
	return Promise.all(
		all.map((p) =>
			p.then(
				(input) => input.text,
				(err) => {
					if (err instanceof DomainError) return err.code;
					throw err;
				}
			)
		)
	);
}

async function open() {
	const { workshop } = await service.createWorkshop({ title: 'T', language: 'nb' });
	const people = Array.from({ length: 5 }, () => randomUUID());
	return { code: workshop.code, people };
}

const storedIds = (code: string) =>
	sqlite
		.prepare('select id from inputs where workshop_code = ? order by created_at, id')
		.pluck()
		.all(code) as string[];

describe('inputs committed in groups', () => {
	it('stores concurrent submissions in fewer transactions than inputs, each exactly once', async () => {
		const { code, people } = await open();
		const before = dialect.commits;
		const sent = Array.from({ length: 40 }, (_, i) => ({
			person: people[i % people.length],
			id: randomUUID(),
			text: `Flaskehals ${i}`
		}));
		const acks = await Promise.all(
			sent.map((s) => service.submitInput(code, s.person, { id: s.id, text: s.text }))
		);
		const commits = dialect.commits - before;
		expect(commits).toBeLessThan(sent.length);
		expect(commits).toBe(service.writer.commits);
		expect(acks.map((a) => a.id)).toEqual(sent.map((s) => s.id));
		const stored = storedIds(code);
		expect(stored).toHaveLength(sent.length);
		expect(new Set(stored)).toEqual(new Set(sent.map((s) => s.id)));
		// announced once each, in the order they were committed
		expect(announced).toEqual(sent.map((s) => s.id));
		// and the first write of each phone made it a participant, once
		const participants = sqlite
			.prepare('select count(*) from participants where workshop_code = ?')
			.pluck()
			.get(code);
		expect(participants).toBe(people.length);
	});

	it('answers an id sent twice in one batch with the first row, stored and announced once', async () => {
		const { code, people } = await open();
		const id = randomUUID();
		const before = dialect.commits;
		const replies = await answers([
			service.submitInput(code, people[0], { id, text: 'Treg godkjenning' }),
			service.submitInput(code, people[1], { id: randomUUID(), text: 'Dobbeltføring' }),
			service.submitInput(code, people[0], { id, text: 'Treg godkjenning (igjen)' })
		]);
		expect(dialect.commits - before).toBe(1);
		expect(replies).toEqual(['Treg godkjenning', 'Dobbeltføring', 'Treg godkjenning']);
		expect(storedIds(code).filter((stored) => stored === id)).toHaveLength(1);
		expect(announced.filter((a) => a === id)).toHaveLength(1);
	});

	it("refuses another phone's id alone; the rest of the batch is stored", async () => {
		const { code, people } = await open();
		const shared = randomUUID();
		const others = [randomUUID(), randomUUID()];
		const replies = await answers([
			service.submitInput(code, people[0], { id: others[0], text: 'Før' }),
			service.submitInput(code, people[1], { id: shared, text: 'Min' }),
			service.submitInput(code, people[2], { id: shared, text: 'Ikke din' }),
			service.submitInput(code, people[3], { id: others[1], text: 'Etter' })
		]);
		expect(replies).toEqual(['Før', 'Min', 'id_conflict', 'Etter']);
		expect(new Set(storedIds(code))).toEqual(new Set([others[0], shared, others[1]]));
		expect(announced).toEqual([others[0], shared, others[1]]);
		// the refused phone wrote nothing, so it is not a participant
		const refusedPhone = sqlite
			.prepare('select count(*) from participants where id = ?')
			.pluck()
			.get(people[2]);
		expect(refusedPhone).toBe(0);
	});

	it('refuses an input to a closed workshop alone, in a batch shared with an open one', async () => {
		const collecting = await open();
		const closed = await open();
		await service.setPhase(closed.code, { phase: 'voting' });
		const ids = [randomUUID(), randomUUID(), randomUUID()];
		const replies = await answers([
			service.submitInput(collecting.code, collecting.people[0], { id: ids[0], text: 'Åpen' }),
			service.submitInput(closed.code, closed.people[0], { id: ids[1], text: 'For sent' }),
			service.submitInput(collecting.code, collecting.people[1], { id: ids[2], text: 'Også åpen' })
		]);
		expect(replies).toEqual(['Åpen', 'input_closed', 'Også åpen']);
		expect(storedIds(collecting.code)).toHaveLength(2);
		expect(storedIds(closed.code)).toEqual([]);
	});

	it("runs a new phone's participant limit inside the batch; a refused phone fails alone", async () => {
		const { code, people } = await open();
		const full = () => {
			throw new DomainError('rate_limited', 'Too many new participants.');
		};
		const replies = await answers([
			service.submitInput(code, people[0], { id: randomUUID(), text: 'Velkommen' }),
			service.submitInput(code, people[1], { id: randomUUID(), text: 'Avvist' }, full),
			service.submitInput(code, people[2], { id: randomUUID(), text: 'Også velkommen' })
		]);
		expect(replies).toEqual(['Velkommen', 'rate_limited', 'Også velkommen']);
		expect(storedIds(code)).toHaveLength(2);
	});

	it('commits what is waiting for its batch when the service closes', async () => {
		const { code, people } = await open();
		const waiting = new WorkshopService(db, service.events, undefined, {
			maxBatch: 64,
			// after the first commit, only close() can commit within this test
			maxWaitMs: 600_000
		});
		await waiting.submitInput(code, people[0], { id: randomUUID(), text: 'First' });
		await new Promise((r) => setImmediate(r)); // the next ones arrive a moment later
		const ids = [randomUUID(), randomUUID()];
		const acks = ids.map((id) => waiting.submitInput(code, people[0], { id, text: 'Sent' }));
		await waiting.close();
		expect((await Promise.all(acks)).map((a) => a.id)).toEqual(ids);
		expect(storedIds(code)).toEqual(expect.arrayContaining(ids));
		await expect(
			waiting.submitInput(code, people[0], { id: randomUUID(), text: 'Too late' })
		).rejects.toThrow(/closing/);
	});
});
