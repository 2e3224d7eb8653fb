import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Connection } from '../../src/lib/server/db/connection';
import { BoardService } from '../../src/lib/server/workshop/board.service';
import { DomainEvents } from '../../src/lib/server/workshop/domain-events';
import { WorkshopService } from '../../src/lib/server/workshop/workshop.service';

let connection: Connection;
let boards: BoardService;
let code: string;
const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

beforeEach(async () => {
	const path = join(mkdtempSync(join(tmpdir(), 'innspill-unit-')), 'db.sqlite');
	connection = openDatabase({ dialect: 'sqlite', path });
	await migrateToLatest(connection.db);
	code = (
		await new WorkshopService(connection.db).createWorkshop({ title: 'Plan', language: 'nb' })
	).workshop.code;
	boards = new BoardService(connection.db, new DomainEvents(), async () => []);
});
afterEach(async () => {
	await connection.close();
});

const activity = async (fields: object) =>
	(await boards.saveActivity(code, { id, ...fields })).activities[0];

describe('the annual plan keeps year and date', () => {
	it('stores a date with its month, quarter and year', async () => {
		expect(await activity({ title: 'Frokostmøte', date: '2027-02-11' })).toMatchObject({
			date: '2027-02-11',
			month: 2,
			quarter: 1,
			year: 2027
		});
	});

	it('an edit of another field leaves the date alone; a new month drops the day', async () => {
		await activity({ title: 'Frokostmøte', date: '2027-02-11' });
		expect(await activity({ host: 'Verksted AS' })).toMatchObject({
			date: '2027-02-11',
			host: 'Verksted AS'
		});
		expect(await activity({ month: 4 })).toMatchObject({
			date: null,
			month: 4,
			quarter: 2,
			year: 2027
		});
	});

	it('the database refuses a year out of range even past the schema', async () => {
		const insert = sql`insert into activities (id, workshop_code, title, type, year, updated_at)
			values (${id}, ${code}, 'x', 'other', 1850, '')`.execute(connection.db);
		await expect(insert).rejects.toThrow(/CHECK/);
	});
});
