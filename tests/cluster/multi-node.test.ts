import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThemesSnapshot } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	nextEvent,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import {
	clusterToolsMissing,
	sharedDatabase,
	startCluster,
	type TestCluster
} from '../helpers/cluster';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';

const missing = clusterToolsMissing();
if (missing.length > 0 && process.env.CI) {
	throw new Error(`the multi-node tests need ${missing.join(' and ')} (.ci/run installs them)`);
} else if (missing.length > 0) {
	console.log(`multi-node tests skipped: install ${missing.join(' and ')} to run them`);
}

type Ack = { ok: boolean; error?: { code: string } };

let cluster: TestCluster | null = null;
const sockets: TestSocket[] = [];
const open = async (url: string, auth: Record<string, unknown>) => {
	const connected = await connect(url, auth);
	sockets.push(connected.socket);
	return connected;
};
afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.close();
	await cluster?.stop();
	cluster = null;
});

/** Which node a URL (a node, or the proxy) answers from. */
async function nodeBehind(url: string): Promise<string> {
	return ((await (await fetch(`${url}/healthz`)).json()) as { node: string }).node;
}

/**
 * A phone as the app runs it: it keeps every input until the server acknowledged it and sends the
 * unacknowledged ones again, under the same id, each time it (re)connects.
 */
function phoneWithOutbox(url: string, code: string) {
	const pending = new Map<string, string>();
	const inFlight = new Set<string>();
	const acked = new Set<string>();
	const socket: TestSocket = io(url, {
		auth: { code },
		reconnection: true,
		reconnectionDelay: 100,
		reconnectionDelayMax: 500
	});
	sockets.push(socket);
	let participantId: string | undefined;
	socket.on('session:ready', (session) => {
		participantId ??= session.participantId;
		socket.auth = { code, participantId };
		for (const [id, text] of pending) send(id, text);
	});
	const send = (id: string, text: string) => {
		if (!socket.connected || inFlight.has(id)) return;
		inFlight.add(id);
		socket
			.timeout(3000)
			.emitWithAck('input:submit', { id, text })
			.then((ack: Ack) => {
				if (ack.ok) {
					pending.delete(id);
					acked.add(id);
				}
			})
			.catch(() => undefined) // no answer: it stays pending and goes again
			.finally(() => inFlight.delete(id));
	};
	return {
		socket,
		acked,
		pending,
		type(text: string) {
			const id = randomUUID();
			pending.set(id, text);
			send(id, text);
		},
		/** Sends what is still pending (what the app does on its retry timer). */
		retry() {
			for (const [id, text] of pending) send(id, text);
		}
	};
}

async function until(
	check: () => boolean | Promise<boolean>,
	ms = 20_000,
	state: () => string = () => ''
): Promise<void> {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`condition not reached in time ${state()}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe.skipIf(missing.length > 0)('several nodes behind nginx, with Redis', () => {
	it('phones, control room, projector and board on different nodes all see each other, also after a switch to a second question', async () => {
		const database = await sharedDatabase();
		cluster = await startCluster(3, database);
		const [a, b, c] = cluster.nodes.map((n) => n.url);
		const workshop: CreatedWorkshop = await createWorkshop(cluster.proxy.url);
		const facilitator = await open(a, { code: workshop.code, token: workshop.facilitatorToken });
		const board = await open(b, { code: workshop.code, token: workshop.boardToken });
		const projector = await open(c, {
			code: workshop.code,
			token: workshop.projectorToken,
			role: 'projector'
		});
		const phones = [await open(a, { code: workshop.code }), await open(b, { code: workshop.code })];

		const created: string[] = [];
		facilitator.socket.on('input:created', (input) => created.push(input.id));
		const presence: number[] = [];
		projector.socket.on('presence:updated', (p) => presence.push(p.participantsOnline));
		// every id known before the first is sent: a snapshot of eight inputs may already show
		// three themes and an empty tray
		const ids = THREE_TOPICS.map(() => randomUUID());
		const settled = themesSettled(projector.socket, 3, 0, ids);
		for (const [i, text] of THREE_TOPICS.entries()) {
			const id = ids[i];
			const ack = await request<Ack>(phones[i % 2].socket, 'input:submit', { id, text });
			expect(ack.ok).toBe(true);
		}
		const themes = await settled;
		await until(() => created.length === ids.length);
		expect(new Set(created)).toEqual(new Set(ids));
		expect(themes.themes.flatMap((t) => t.inputIds).sort()).toEqual([...ids].sort());
		await until(() => presence.at(-1) === 2);

		// a rename on node a reaches the projector on node c
		const renamed = nextEvent(projector.socket, 'themes:updated');
		const target = themes.themes[0].id;
		const act = await request<Ack>(facilitator.socket, 'theme:act', {
			type: 'rename',
			themeId: target,
			label: 'Omdøpt på node a'
		});
		expect(act.ok).toBe(true);
		expect((await renamed).themes.find((t) => t.id === target)?.label).toBe('Omdøpt på node a');

		// a board edit on node b reaches the control room on node a
		const edited = nextEvent(facilitator.socket, 'board:updated');
		const mandate = await request<Ack>(board.socket, 'board:mandate', {
			purpose: 'Felles mål',
			editor: 'Kari'
		});
		expect(mandate.ok).toBe(true);
		expect((await edited).board.mandate.purpose).toBe('Felles mål');

		// votes cast on nodes a and b count on node c
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'voting' });
		const counted = new Promise<Record<string, number>>((resolve) =>
			projector.socket.on('votes:updated', (v) => {
				if (Object.values(v.totals).reduce((x, y) => x + y, 0) === 2) resolve(v.totals);
			})
		);
		for (const phone of phones) {
			const vote = await request<Ack>(phone.socket, 'vote:cast', {
				id: randomUUID(),
				themeId: target
			});
			expect(vote.ok).toBe(true);
		}
		expect((await counted)[target]).toBe(2);

		// a second question asked on node a: the phone on node b and the projector on node c move
		// to it, and its themes (another engine, another lease) reach the projector
		const moved = nextEvent(phones[1].socket, 'workshop:updated');
		const asked = await request<Ack & { workshop?: { question: number } }>(
			facilitator.socket,
			'question:add',
			{ prompt: 'Hva bør gruppa gjøre først?', activate: true }
		);
		expect(asked.workshop?.question).toBe(2);
		expect((await moved).prompt).toBe('Hva bør gruppa gjøre først?');
		const secondIds = THREE_TOPICS.map(() => randomUUID());
		const second = themesSettled(projector.socket, 3, 0, secondIds);
		for (const [i, text] of THREE_TOPICS.entries()) {
			const id = secondIds[i];
			const ack = await request<Ack>(phones[(i + 1) % 2].socket, 'input:submit', { id, text });
			expect(ack.error ?? null).toBe(null);
		}
		const secondMap = await second;
		expect(secondMap.themes.flatMap((t) => t.inputIds).sort()).toEqual([...secondIds].sort());
		expect(secondMap.themes.every((t) => /^t1\d{8}$/.test(t.id))).toBe(true);
	});

	it('kill -9 the engine’s node under load: another takes over, nothing acknowledged is lost or doubled, theme ids stay', async () => {
		const database = await sharedDatabase();
		cluster = await startCluster(3, database);
		const proxy = cluster.proxy.url;
		const owner = await nodeBehind(proxy);
		const ownerIndex = cluster.nodes.findIndex((_, i) => `node-${i + 1}` === owner);
		const watcher = cluster.nodes.find((_, i) => i !== ownerIndex)!;
		const workshop = await createWorkshop(proxy);

		// phones and control room come in through the proxy (all on one node: ip_hash);
		// the first input makes that node the engine's owner
		const facilitator = await open(proxy, {
			code: workshop.code,
			token: workshop.facilitatorToken
		});
		const projector = await open(watcher.url, {
			code: workshop.code,
			token: workshop.projectorToken,
			role: 'projector'
		});
		let latest: ThemesSnapshot | null = null;
		projector.socket.on('themes:updated', (s) => (latest = s));
		const phones = Array.from({ length: 20 }, () => phoneWithOutbox(proxy, workshop.code));
		await until(() => phones.every((p) => p.socket.connected));
		for (const [i, text] of THREE_TOPICS.entries()) phones[i % phones.length].type(text);
		await until(() => phones.every((p) => p.pending.size === 0));
		await until(() => (latest?.themes.length ?? 0) >= 3);
		const named = latest!.themes[0].id;
		const rename = await request<Ack>(facilitator.socket, 'theme:act', {
			type: 'rename',
			themeId: named,
			label: 'Prosjektene våre'
		});
		expect(rename.ok).toBe(true);
		const before = latest!.themes.map((t) => t.id);
		const lease = async () =>
			(
				await database.query(
					sql<{ node_id: string }>`select node_id from engine_leases
						where workshop_code = ${workshop.code} and question = 1`
				)
			)[0]?.node_id;
		expect(await lease()).toBe(owner);

		// under load: twenty phones type about one input a second each; the owner dies meanwhile
		let typing = true;
		const typed = (async () => {
			for (let round = 0; typing; round++) {
				for (const phone of phones) {
					phone.type(`Maskinen står igjen, runde ${round}`);
					await new Promise((r) => setTimeout(r, 50));
				}
			}
		})();
		await new Promise((r) => setTimeout(r, 1000));
		await cluster.nodes[ownerIndex].kill();
		await new Promise((r) => setTimeout(r, 2000));
		typing = false;
		await typed;

		// phones reconnect through the proxy to a live node and resend their outboxes
		await until(
			() => {
				// the app's retry timer: what is pending and not on its way goes again
				phones.forEach((p) => p.retry());
				return phones.every((p) => p.pending.size === 0);
			},
			30_000,
			() => `pending ${phones.map((p) => `${p.pending.size}/${p.socket.connected}`).join(' ')}`
		);
		const acked = phones.flatMap((p) => [...p.acked]);
		const stored = await database.query(
			sql<{ id: string }>`select id from inputs where workshop_code = ${workshop.code}`
		);
		const storedIds = stored.map((r) => r.id);
		expect(new Set(storedIds).size).toBe(storedIds.length);
		for (const id of acked) expect(storedIds).toContain(id);
		expect(acked.length).toBeGreaterThan(THREE_TOPICS.length + 40);

		// a live node took the engine over: the projector's map keeps its ids and the rename,
		// and holds every acknowledged input
		await until(
			() => {
				const placed = new Set([
					...(latest?.themes.flatMap((t) => t.inputIds) ?? []),
					...(latest?.unsorted ?? [])
				]);
				return acked.every((id) => placed.has(id));
			},
			30_000,
			() =>
				`placed ${latest?.themes.flatMap((t) => t.inputIds).length} + ${latest?.unsorted.length} of ${acked.length}`
		);
		for (const id of before) expect(latest!.themes.map((t) => t.id)).toContain(id);
		expect(latest!.themes.find((t) => t.id === named)?.label).toBe('Prosjektene våre');
		const newOwner = await lease();
		expect(newOwner).toBeDefined();
		expect(newOwner).not.toBe(owner);
		// and the control room, back through the proxy, sees the same ids
		const again = await open(proxy, { code: workshop.code, token: workshop.facilitatorToken });
		for (const id of before) expect(again.session.themes!.themes.map((t) => t.id)).toContain(id);
	});

	it('Redis away for 5 s under load: nothing acknowledged is lost, and every screen catches up', async () => {
		const database = await sharedDatabase();
		cluster = await startCluster(3, database);
		const [a, b, c] = cluster.nodes.map((n) => n.url);
		const workshop = await createWorkshop(a);
		const facilitator = await open(c, { code: workshop.code, token: workshop.facilitatorToken });
		const seen = new Set<string>();
		facilitator.socket.on('input:created', (input) => seen.add(input.id));
		// a screen catches up as the app's does: from a session sent afresh once Redis is back
		let resent = 0;
		// and the map: every input in a theme or in the tray
		let map: ThemesSnapshot | undefined;
		facilitator.socket.on('themes:updated', (snapshot) => (map = snapshot));
		facilitator.socket.on('session:ready', (session) => {
			resent++;
			for (const input of 'inputs' in session ? session.inputs : []) seen.add(input.id);
			if ('inputs' in session && session.themes) map = session.themes;
		});
		const phones = Array.from({ length: 20 }, (_, i) =>
			phoneWithOutbox(i % 2 ? a : b, workshop.code)
		);
		await until(() => phones.every((p) => p.socket.connected));

		let typing = true;
		const typed = (async () => {
			for (let round = 0; typing; round++) {
				for (const phone of phones) {
					phone.type(`Bestillinger på papir, runde ${round}`);
					await new Promise((r) => setTimeout(r, 50));
				}
			}
		})();
		await new Promise((r) => setTimeout(r, 1000));
		await cluster.redis.stop();
		await new Promise((r) => setTimeout(r, 5000));
		await cluster.redis.start();
		await new Promise((r) => setTimeout(r, 1000));
		typing = false;
		await typed;

		await until(
			() => {
				// the app's retry timer: what is pending and not on its way goes again
				phones.forEach((p) => p.retry());
				return phones.every((p) => p.pending.size === 0);
			},
			30_000,
			() => `pending ${phones.map((p) => `${p.pending.size}/${p.socket.connected}`).join(' ')}`
		);
		const acked = phones.flatMap((p) => [...p.acked]);
		expect(acked.length).toBeGreaterThan(100);
		await until(
			() => resent > 0,
			15_000,
			() => 'no session sent again after the outage'
		);
		const stored = (
			await database.query(
				sql<{ id: string }>`select id from inputs where workshop_code = ${workshop.code}`
			)
		).map((r) => r.id);
		for (const id of acked) expect(stored).toContain(id);
		// the control room on node c got every input from nodes a and b, the outage included
		await until(
			() => acked.every((id) => seen.has(id)),
			30_000,
			() => `seen ${acked.filter((id) => seen.has(id)).length} of ${acked.length}`
		);
		// the engine's node opened its engine afresh: inputs handed to it during the outage are on the map
		const mapped = () =>
			new Set([...(map?.themes.flatMap((t) => t.inputIds) ?? []), ...(map?.unsorted ?? [])]);
		await until(
			() => acked.every((id) => mapped().has(id)),
			30_000,
			() => `on the map ${acked.filter((id) => mapped().has(id)).length} of ${acked.length}`
		);
	});
});
