import SQLite from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Connection } from '../../src/lib/server/db/connection';
import {
	insertInputOnce,
	listInputs,
	setInputHidden
} from '../../src/lib/server/db/input.repository';
import { DomainError } from '../../src/lib/server/workshop/errors';
import { WorkshopService } from '../../src/lib/server/workshop/workshop.service';

let connection: Connection;
/** A second, synchronous connection to the same file: what another reader sees at that moment. */
let reader: SQLite.Database;
let service: WorkshopService;

beforeEach(async () => {
	const path = join(mkdtempSync(join(tmpdir(), 'innspill-unit-')), 'db.sqlite');
	connection = openDatabase({ dialect: 'sqlite', path });
	await migrateToLatest(connection.db);
	reader = new SQLite(path, { readonly: true });
	service = new WorkshopService(connection.db);
});
afterEach(async () => {
	reader.close();
	await connection.close();
});

async function pragma(name: string): Promise<unknown> {
	const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(
		connection.db
	);
	return rows[0]?.[name];
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
	throw new Error('expected a refusal');
}

describe('the database', () => {
	it('runs in WAL mode with foreign keys on', async () => {
		expect(connection.dialect).toBe('sqlite');
		expect(await pragma('journal_mode')).toBe('wal');
		expect(await pragma('foreign_keys')).toBe(1);
		expect(await pragma('synchronous')).toBe(2); // FULL
	});

	it('migrating twice is harmless', async () => {
		expect(await migrateToLatest(connection.db)).toEqual([]);
	});
});

describe('input repository', () => {
	it('stores an id once and reports whether it was new', async () => {
		const { workshop } = await service.createWorkshop({ title: 'T', language: 'en' });
		const p = await service.joinParticipant(workshop.code);
		const row = {
			id: randomUUID(),
			workshop_code: workshop.code,
			participant_id: p.id,
			text: 'first',
			hidden: 0,
			created_at: 'a',
			updated_at: 'a'
		};
		expect((await insertInputOnce(connection.db, row)).created).toBe(true);
		const again = await insertInputOnce(connection.db, { ...row, text: 'second' });
		expect(again.created).toBe(false);
		expect(again.row.text).toBe('first');
	});

	it('lists visible inputs unless hidden ones are asked for', async () => {
		const { workshop } = await service.createWorkshop({ title: 'T', language: 'en' });
		const p = await service.joinParticipant(workshop.code);
		const a = await service.submitInput(workshop.code, p.id, { id: randomUUID(), text: 'a' });
		await service.submitInput(workshop.code, p.id, { id: randomUUID(), text: 'b' });
		await setInputHidden(connection.db, a.id, true, 'now');
		expect((await listInputs(connection.db, workshop.code)).map((r) => r.text)).toEqual(['b']);
		expect(await listInputs(connection.db, workshop.code, { includeHidden: true })).toHaveLength(2);
	});
});

describe('WorkshopService', () => {
	it('creates a workshop whose tokens are stored only as hashes', async () => {
		const created = await service.createWorkshop({ title: 'Kickoff', language: 'nb' });
		const row = reader.prepare('select * from workshops').get() as Record<string, string>;
		expect(JSON.stringify(row)).not.toContain(created.facilitatorToken);
		expect(JSON.stringify(row)).not.toContain(created.boardToken);
		expect(await service.authenticate(created.workshop.code, created.facilitatorToken)).toBe(
			'facilitator'
		);
		expect(await service.authenticate(created.workshop.code, created.boardToken)).toBe('board');
		expect(await refusal(() => service.authenticate(created.workshop.code, 'nope'))).toBe(
			'forbidden'
		);
		expect(await refusal(() => service.authenticate(created.workshop.code, undefined))).toBe(
			'unauthorized'
		);
	});

	it('announces a new input once, after it is stored', async () => {
		const { workshop } = await service.createWorkshop({ title: 'T', language: 'en' });
		const p = await service.joinParticipant(workshop.code);
		const seen: string[] = [];
		service.events.on('input.created', ({ input }) => {
			const stored = reader.prepare('select count(*) n from inputs where id = ?').get(input.id) as {
				n: number;
			};
			seen.push(`${input.text}:${stored.n}`);
		});
		const id = randomUUID();
		await service.submitInput(workshop.code, p.id, { id, text: 'Dårlig flyt' });
		await service.submitInput(workshop.code, p.id, { id, text: 'Dårlig flyt' });
		expect(seen).toEqual(['Dårlig flyt:1']);
	});

	it('gives a phone with an unknown or foreign participant id a fresh one', async () => {
		const a = await service.createWorkshop({ title: 'A', language: 'en' });
		const b = await service.createWorkshop({ title: 'B', language: 'en' });
		const inA = await service.joinParticipant(a.workshop.code);
		expect((await service.joinParticipant(a.workshop.code, inA.id)).id).toBe(inA.id);
		expect((await service.joinParticipant(b.workshop.code, inA.id)).id).not.toBe(inA.id);
		expect((await service.joinParticipant(a.workshop.code, 'garbage')).id).not.toBe(inA.id);
	});

	it('refuses inputs, edits and deletes once input is closed', async () => {
		const { workshop } = await service.createWorkshop({ title: 'T', language: 'en' });
		const p = await service.joinParticipant(workshop.code);
		const kept = await service.submitInput(workshop.code, p.id, { id: randomUUID(), text: 'kept' });
		await service.setPhase(workshop.code, { phase: 'grouping' });
		expect(
			await refusal(() =>
				service.submitInput(workshop.code, p.id, { id: randomUUID(), text: 'late' })
			)
		).toBe('input_closed');
		expect(
			await refusal(() => service.editInput(workshop.code, p.id, { id: kept.id, text: 'changed' }))
		).toBe('input_closed');
		expect(await refusal(() => service.deleteInput(workshop.code, p.id, { id: kept.id }))).toBe(
			'input_closed'
		);
		// A resend of something already stored still gets its acknowledgement.
		expect((await service.submitInput(workshop.code, p.id, { id: kept.id, text: 'kept' })).id).toBe(
			kept.id
		);
	});

	it('exports participants and every live input, hidden ones flagged', async () => {
		const { workshop } = await service.createWorkshop({ title: 'T', language: 'en' });
		const p = await service.joinParticipant(workshop.code);
		await service.updateProfile(workshop.code, p.id, { name: 'Kari', organisation: 'Verksted AS' });
		const a = await service.submitInput(workshop.code, p.id, { id: randomUUID(), text: 'a' });
		const b = await service.submitInput(workshop.code, p.id, { id: randomUUID(), text: 'b' });
		await setInputHidden(connection.db, a.id, true, 'now');
		await service.deleteInput(workshop.code, p.id, { id: b.id });
		const data = await service.exportWorkshop(workshop.code);
		expect(data.participants).toEqual([
			expect.objectContaining({ id: p.id, name: 'Kari', organisation: 'Verksted AS' })
		]);
		expect(data.inputs).toEqual([expect.objectContaining({ id: a.id, hidden: true })]);
	});
});
