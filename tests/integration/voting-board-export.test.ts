import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardState, MyVotes, ThemesSnapshot, VoteTotals } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	nextEvent,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

type VoteAck = { ok: boolean; votes?: MyVotes; error?: { code: string } };
type BoardAck = { ok: boolean; board?: BoardState; error?: { code: string } };

const HOSTILE = [
	'=HYPERLINK("http://x","click")',
	'+1+2',
	'-3',
	'@SUM(A1)',
	'<script>alert("x")</script>'
];

describe('dot voting, the board and exports', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let facilitator: TestSocket;
	let themes: ThemesSnapshot;
	const inputIds: string[] = [];

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, { title: 'Mandat', language: 'nb' });
		facilitator = (
			await connect(server.url, { code: workshop.code, token: workshop.facilitatorToken })
		).socket;
		const phone = await connect(server.url, { code: workshop.code });
		const texts = [...THREE_TOPICS, ...HOSTILE];
		inputIds.push(...texts.map(() => randomUUID()));
		// the later tests take the project theme's members from this snapshot: all of them
		const ready = themesSettled(facilitator, 3, HOSTILE.length, inputIds);
		for (const [i, text] of texts.entries()) {
			await request(phone.socket, 'input:submit', { id: inputIds[i], text });
		}
		themes = await ready;
		phone.socket.close();
	});
	afterAll(async () => {
		facilitator?.close();
		await server?.stop();
	});

	it('keeps each phone within its dots, also with concurrent taps and replays', async () => {
		const phone = await connect(server.url, { code: workshop.code });
		const [a, b] = themes.themes.map((t) => t.id);
		expect(
			await request<VoteAck>(phone.socket, 'vote:cast', { id: randomUUID(), themeId: a })
		).toMatchObject({
			ok: false,
			error: { code: 'voting_closed' }
		});
		await request(facilitator, 'voting:configure', {
			dots: 3,
			allowStacking: true,
			hideResults: true
		});
		await request(facilitator, 'workshop:set-phase', { phase: 'voting' });

		// Ten taps at once, two of them replays of the same dot: exactly three dots stick. Which
		// three is not fixed (on PostgreSQL the taps may reach the budget check in any order).
		const first = randomUUID();
		const ids = [first, first, ...Array.from({ length: 8 }, () => randomUUID())];
		const taps = ids.map((id, i) =>
			request<VoteAck>(phone.socket, 'vote:cast', { id, themeId: i % 2 ? a : b })
		);
		const results = await Promise.all(taps);
		expect(results.filter((r) => !r.ok).every((r) => r.error?.code === 'budget_exhausted')).toBe(
			true
		);
		const kept = new Set(ids.filter((_, i) => results[i].ok));
		expect(kept.size).toBe(3);
		expect(results[1].ok).toBe(results[0].ok); // the replay fares as the dot it repeats
		// A replayed dot is the same dot: accepted with the budget spent, and nothing added.
		const totals = await request<VoteAck>(phone.socket, 'vote:cast', {
			id: [...kept][0],
			themeId: b
		});
		expect(totals.ok).toBe(true);
		expect(totals.votes!.left).toBe(0);
		expect(Object.values(totals.votes!.byTheme).reduce((x, y) => x + y, 0)).toBe(3);

		// The budget survives a reconnect, and a retract frees a dot.
		phone.socket.close();
		const again = await connect(server.url, {
			code: workshop.code,
			participantId: phone.session.participantId
		});
		expect(again.session.myVotes?.left).toBe(0);
		expect(again.session.votes).toBeUndefined(); // results hidden from phones
		const themeWithDot = Object.keys(again.session.myVotes!.byTheme)[0];
		const retracted = await request<VoteAck>(again.socket, 'vote:retract', {
			themeId: themeWithDot
		});
		expect(retracted.votes!.left).toBe(1);

		// Without stacking, a second dot on the same theme is refused.
		await request(facilitator, 'voting:configure', { allowStacking: false });
		const other = await connect(server.url, { code: workshop.code });
		expect(
			(await request<VoteAck>(other.socket, 'vote:cast', { id: randomUUID(), themeId: a })).ok
		).toBe(true);
		expect(
			await request<VoteAck>(other.socket, 'vote:cast', { id: randomUUID(), themeId: a })
		).toMatchObject({
			ok: false,
			error: { code: 'already_voted' }
		});
		expect(
			await request<VoteAck>(other.socket, 'vote:cast', { id: randomUUID(), themeId: 't9999' })
		).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});

		// Revealing sends the totals to the phones.
		const revealed = nextEvent(other.socket, 'votes:updated');
		await request(facilitator, 'voting:configure', { revealed: true });
		const shown: VoteTotals = await revealed;
		expect(shown.visible).toBe(true);
		expect(Object.values(shown.totals).reduce((x, y) => x + y, 0)).toBe(3);
		again.socket.close();
		other.socket.close();
	});

	it('lets two board members edit at once without losing either edit, and refuses participants', async () => {
		const signedIn = await connect(server.url, { code: workshop.code, token: workshop.boardToken });
		const alice = signedIn.socket;
		const bob = (await connect(server.url, { code: workshop.code, token: workshop.boardToken }))
			.socket;
		const phone = (await connect(server.url, { code: workshop.code })).socket;
		const id = randomUUID();
		// the map as it is now (a refinement may have run since the first snapshot)
		const current = signedIn.session.themes!;
		const projectTheme = current.themes.find((t) => /prosjekt|project/i.test(t.label))!;
		const created = await request<BoardAck>(alice, 'board:focus-save', {
			id,
			title: 'Prosjektstyring',
			themeIds: [projectTheme.id],
			editor: 'Alice'
		});
		expect(created.ok).toBe(true);
		const area = created.board!.focusAreas[0];
		expect(area.quoteIds.length).toBeGreaterThan(0); // suggested from the theme
		expect(area.quoteIds.every((q) => projectTheme.inputIds.includes(q))).toBe(true);

		const bobSees = nextEvent(bob, 'board:updated');
		await Promise.all([
			request<BoardAck>(alice, 'board:focus-save', {
				id,
				rationale: 'Flest stemmer',
				editor: 'Alice'
			}),
			request<BoardAck>(bob, 'board:focus-save', {
				id,
				owner: 'Bob',
				scores: { impact: 5, feasibility: 3 },
				editor: 'Bob'
			})
		]);
		expect((await bobSees).by).toMatch(/Alice|Bob/);
		const state = (
			await request<BoardAck>(alice, 'board:mandate', {
				purpose: 'Effektiv produksjon <b>nå</b>',
				yearTheme: 'Flyt',
				editor: 'Alice'
			})
		).board!;
		expect(state.focusAreas[0]).toMatchObject({
			rationale: 'Flest stemmer',
			owner: 'Bob',
			scores: { impact: 5, feasibility: 3 }
		});
		expect(state.focusAreas[0].updatedBy).toMatch(/Alice|Bob/);

		const visit = await request<BoardAck>(bob, 'board:activity-save', {
			id: randomUUID(),
			title: 'Bedriftsbesøk hos Verksted AS',
			type: 'company_visit',
			month: 3,
			host: 'Verksted AS',
			responsible: 'Bob',
			focusAreaId: id,
			editor: 'Bob'
		});
		expect(visit.board!.activities[0]).toMatchObject({ month: 3, quarter: 1, focusAreaId: id });
		await request(bob, 'board:activity-save', {
			id: randomUUID(),
			title: '=cmd|calc',
			type: 'breakfast_meeting',
			quarter: 2
		});

		for (const [event, payload] of [
			['board:focus-save', { id: randomUUID(), title: 'x' }],
			['board:mandate', { purpose: 'x' }],
			['board:activity-delete', { id }]
		] as const) {
			expect(await request<BoardAck>(phone, event, payload)).toMatchObject({
				ok: false,
				error: { code: 'forbidden' }
			});
		}
		for (const payload of [
			{ id, scores: { impact: 9 } },
			{ id, scores: { charisma: 3 } },
			{ id, themeIds: ['; drop'] },
			{ id: randomUUID() }
		]) {
			expect((await request<BoardAck>(alice, 'board:focus-save', payload)).error?.code).toBe(
				'invalid_payload'
			);
		}
		const badId = await request<BoardAck>(alice, 'board:focus-save', { id: 'x', title: 'y' });
		expect(badId.error?.code).toBe('invalid_id');
		for (const s of [alice, bob, phone]) s.close();
	});

	it('exports a Word document, Markdown, CSV and JSON that keep user text harmless', async () => {
		const get = (ext: string, token?: string) =>
			fetch(`${server.url}/api/workshops/${workshop.code}/export.${ext}`, {
				headers: token ? { authorization: `Bearer ${token}` } : {}
			});
		for (const ext of ['docx', 'md', 'csv', 'json']) {
			expect((await get(ext)).status).toBe(401);
			expect((await get(ext, 'wrong')).status).toBe(403);
		}

		const docx = await get('docx', workshop.boardToken);
		expect(docx.status).toBe(200);
		const zip = await JSZip.loadAsync(await docx.arrayBuffer());
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('Prosjektstyring');
		expect(xml).toContain('Bedriftsbesøk hos Verksted AS');
		expect(xml).toContain('<w:tbl>');
		expect(xml).toMatch(/«[^»]*(prosjekt|Project)[^»]*»/i);
		expect(xml).toContain('&lt;script&gt;');
		expect(xml).not.toContain('<script>');

		const md = await (await get('md', workshop.facilitatorToken)).text();
		expect(md).toContain('Prosjektstyring');
		expect(md).toContain('&lt;script&gt;');
		expect(md).not.toContain('<script>');
		expect(md).not.toContain('<b>');

		const csv = await (await get('csv', workshop.facilitatorToken)).text();
		// a Norwegian workshop: semicolons, as Norwegian Excel splits columns
		const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' });
		expect(rows[0]).toContain('Innspill');
		const texts = rows.slice(1).map((r) => r[2]);
		for (const hostile of HOSTILE) {
			const cell = texts.find((t) => t.endsWith(hostile));
			expect(cell, hostile).toBeDefined();
			if (/^[=+\-@]/.test(hostile)) expect(cell).toBe(`'${hostile}`);
		}
		expect(rows.slice(1).every((r) => /^\d+$/.test(r[4]))).toBe(true);

		const json = (await (await get('json', workshop.boardToken)).json()) as Record<
			string,
			unknown[]
		>;
		expect(json.focusAreas).toHaveLength(1);
		expect(json.plan).toHaveLength(2);
		expect(json.themes!.length).toBeGreaterThanOrEqual(3);
		expect(json.inputs).toHaveLength(inputIds.length);
	});
});
