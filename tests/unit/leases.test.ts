import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Leases } from '../../src/lib/server/cluster/leases';
import { migrateToLatest, openDatabase, type Connection } from '../../src/lib/server/db/connection';
import { WorkshopService } from '../../src/lib/server/workshop/workshop.service';

let connection: Connection;
let code: string;
let now = 1_000_000;
const clock = () => now;
const open: Leases[] = [];
const node = (id: string, lost: string[] = []) => {
	const leases = new Leases(connection.db, id, 6000, (c) => lost.push(c), clock);
	open.push(leases);
	return leases;
};

beforeEach(async () => {
	const path = join(mkdtempSync(join(tmpdir(), 'innspill-leases-')), 'db.sqlite');
	connection = openDatabase({ dialect: 'sqlite', path });
	await migrateToLatest(connection.db);
	code = (await new WorkshopService(connection.db).createWorkshop({ title: 'T', language: 'nb' }))
		.workshop.code;
});
afterEach(async () => {
	for (const leases of open.splice(0)) await leases.release();
	await connection.close();
});

describe('leases on theme engines', () => {
	it('one node at a time: the first claim wins, the other sees the holder', async () => {
		const a = node('a');
		const b = node('b');
		const [first, second] = await Promise.all([a.claim(code), b.claim(code)]);
		expect([first, second].filter(Boolean)).toHaveLength(1);
		const winner = first ? 'a' : 'b';
		expect(await a.holder(code)).toBe(winner);
		expect(await b.holder(code)).toBe(winner);
	});

	it('an expired lease can be taken, and its old holder learns it lost it', async () => {
		const lostByA: string[] = [];
		const a = node('a', lostByA);
		const b = node('b');
		expect(await a.claim(code)).toBe(true);
		expect(a.holds(code)).toBe(true);
		expect(await b.claim(code)).toBe(false);
		now += 6001; // a stopped renewing (it died, or lost the database)
		expect(a.holds(code)).toBe(false);
		expect(await b.holder(code)).toBeNull();
		expect(await b.claim(code)).toBe(true);
		// a's renewal finds the lease taken and gives the engine up
		await (a as unknown as { renew(): Promise<void> }).renew();
		expect(lostByA).toEqual([code]);
		expect(await a.holder(code)).toBe('b');
	});

	it('a renewed lease stays with its holder; a released one is free at once', async () => {
		const a = node('a');
		const b = node('b');
		await a.claim(code);
		for (let i = 0; i < 5; i++) {
			now += 2000;
			await (a as unknown as { renew(): Promise<void> }).renew();
			expect(await b.claim(code)).toBe(false);
		}
		await a.release();
		expect(await b.claim(code)).toBe(true);
	});
});
