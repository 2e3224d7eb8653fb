import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionReady } from '../../src/lib/shared/events';
import type { InputView, ThemesSnapshot, WorkshopView } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	nextEvent,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';

type Ack = {
	ok: boolean;
	error?: { code: string };
	workshop?: WorkshopView;
	input?: InputView;
	session?: SessionReady;
	themes?: ThemesSnapshot;
};

/** What the group should do first: a second question with its own topics. */
const SECOND = [
	'Bedriftsbesøk hos hverandre for å lære av de beste',
	'Flere bedriftsbesøk med omvisning i produksjonen',
	'Company visits to learn from each other',
	'Frokostmøter med korte innlegg om lean',
	'Breakfast meetings with short talks',
	'Faste frokostmøter hver måned'
];

const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('several questions in one workshop', () => {
	let database: TestDatabase;
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let facilitator: TestSocket;
	let projector: TestSocket;
	let phone: TestSocket;
	const firstIds: string[] = [];

	beforeAll(async () => {
		database = await createTestDatabase();
		server = await startServer({ database });
		workshop = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		facilitator = (
			await connect(server.url, { code: workshop.code, token: workshop.facilitatorToken })
		).socket;
		projector = (
			await connect(server.url, {
				code: workshop.code,
				token: workshop.projectorToken,
				role: 'projector'
			})
		).socket;
		phone = (await connect(server.url, { code: workshop.code })).socket;
		const settled = themesSettled(facilitator, 3, 0);
		for (const text of THREE_TOPICS) {
			const id = randomUUID();
			firstIds.push(id);
			await request(phone, 'input:submit', { id, text });
		}
		await settled;
	});
	afterAll(async () => {
		for (const s of [facilitator, projector, phone]) s?.close();
		await server?.stop();
		await database?.drop();
	});

	it('a phone cannot add or switch questions', async () => {
		for (const [event, payload] of [
			['question:add', { prompt: 'Hva nå?' }],
			['question:switch', { number: 1 }]
		] as const) {
			const ack = await request<Ack>(phone, event, payload);
			expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		}
		const view = await request<Ack>(phone, 'session:sync', {});
		expect(view.session?.workshop.questions).toHaveLength(1);
	});

	it('refuses a bad question with a clear error and changes nothing', async () => {
		for (const payload of [{ prompt: '' }, { prompt: 42 }, { prompt: 'Ok', activate: 'yes' }]) {
			const ack = await request<Ack>(facilitator, 'question:add', payload);
			expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		}
		for (const number of [0, 2, 1.5, '2']) {
			const ack = await request<Ack>(facilitator, 'question:switch', { number });
			expect(ack.ok).toBe(false);
		}
		const view = await request<Ack>(facilitator, 'session:sync', {});
		expect(view.session?.workshop).toMatchObject({ question: 1, questions: [{ number: 1 }] });
	});

	it('switching moves phones and projector to the new question, with its own inputs and themes', async () => {
		const phoneSees = nextEvent(phone, 'workshop:updated');
		const screenSees = nextEvent(projector, 'workshop:updated');
		const added = await request<Ack>(facilitator, 'question:add', {
			prompt: 'Hva bør gruppa gjøre først?',
			promptOther: 'What should the group do first?',
			activate: true
		});
		expect(added.ok).toBe(true);
		expect(added.workshop).toMatchObject({
			question: 2,
			prompt: 'Hva bør gruppa gjøre først?',
			promptOther: 'What should the group do first?',
			phase: 'collecting',
			questions: [{ number: 1 }, { number: 2 }]
		});
		expect((await phoneSees).prompt).toBe('Hva bør gruppa gjøre først?');
		expect((await screenSees).question).toBe(2);

		// the projector's session for question 2 starts empty
		const screen = await request<Ack>(projector, 'session:sync', {});
		expect(screen.session?.inputs).toEqual([]);
		expect(screen.session?.themes?.themes).toEqual([]);

		const settled = themesSettled(projector, 2, 1);
		const second: string[] = [];
		for (const text of SECOND) {
			const id = randomUUID();
			second.push(id);
			const ack = await request<Ack>(phone, 'input:submit', { id, text });
			expect(ack.input).toMatchObject({ id, question: 2 });
		}
		const themes = await settled;
		const placed = [...themes.themes.flatMap((t) => t.inputIds), ...themes.unsorted];
		expect(placed.every((id) => second.includes(id))).toBe(true);
		// theme ids never repeat a first-question theme's id
		for (const theme of themes.themes) expect(theme.id).toMatch(/^t1\d{8}$/);
	});

	it('an input typed for the question the phone showed lands there, even after a switch', async () => {
		const id = randomUUID();
		const ack = await request<Ack>(phone, 'input:submit', {
			id,
			text: 'Møtene våre drar alltid ut i tid',
			question: 1
		});
		expect(ack.input).toMatchObject({ id, question: 1 });
		const missing = await request<Ack>(phone, 'input:submit', {
			id: randomUUID(),
			text: 'Et spørsmål som ikke finnes',
			question: 3
		});
		expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
		firstIds.push(id);
	});

	it('each question keeps its own phase and vote; switching back brings the first map back', async () => {
		const closed = await request<Ack>(facilitator, 'workshop:set-phase', { phase: 'voting' });
		expect(closed.workshop).toMatchObject({ question: 2, phase: 'voting' });
		const back = await request<Ack>(facilitator, 'question:switch', { number: 1 });
		expect(back.workshop).toMatchObject({
			question: 1,
			phase: 'collecting',
			questions: [
				{ number: 1, phase: 'collecting' },
				{ number: 2, phase: 'voting' }
			]
		});
		const session = (await request<Ack>(facilitator, 'session:sync', {})).session!;
		expect(session.inputs.map((i) => i.id).sort()).toEqual([...firstIds].sort());
		const ids = session.themes!.themes.map((t) => t.id);
		expect(ids.every((id) => /^t\d{1,8}$/.test(id))).toBe(true);

		// a dot cast now goes to question 1, which is not voting
		const dot = await request<Ack>(phone, 'vote:cast', { id: randomUUID(), themeId: ids[0] });
		expect(dot).toMatchObject({ ok: false, error: { code: 'voting_closed' } });
	});

	it('exports cover every question', async () => {
		const md = await (
			await fetch(
				`${server.url}/api/workshops/${workshop.code}/export.md`,
				auth(workshop.facilitatorToken)
			)
		).text();
		expect(md).toContain('Spørsmål 1');
		expect(md).toContain('Spørsmål 2');
		expect(md).toContain('Hva bør gruppa gjøre først?');
		expect(md).toContain('Frokostmøter med korte innlegg om lean');
		expect(md).toContain('Møtene våre drar alltid ut i tid');
		const csv = await (
			await fetch(
				`${server.url}/api/workshops/${workshop.code}/export.csv`,
				auth(workshop.facilitatorToken)
			)
		).text();
		expect(csv).toMatch(/"Breakfast meetings with short talks"/);
		expect(csv.split('\r\n')[0]).toContain('Spørsmål');
	});

	it('a restart keeps both questions, their inputs and theme ids', async () => {
		const before = (await request<Ack>(facilitator, 'session:sync', {})).session!;
		for (const s of [facilitator, projector, phone]) s.close();
		await new Promise((r) => setTimeout(r, 300));
		await server.stop();
		server = await startServer({ database });
		const again = (
			await connect(server.url, { code: workshop.code, token: workshop.facilitatorToken })
		).socket;
		try {
			const after = (await request<Ack>(again, 'session:sync', {})).session!;
			expect(after.workshop.questions).toEqual(before.workshop.questions);
			expect(after.themes!.themes.map((t) => t.id).sort()).toEqual(
				before.themes!.themes.map((t) => t.id).sort()
			);
			const switched = await request<Ack>(again, 'question:switch', { number: 2 });
			expect(switched.workshop).toMatchObject({ question: 2, phase: 'voting' });
			const second = (await request<Ack>(again, 'session:sync', {})).session!;
			expect(second.inputs).toHaveLength(SECOND.length);
		} finally {
			again.close();
		}
	});
});
