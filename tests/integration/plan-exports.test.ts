import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardState } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

type BoardAck = { ok: boolean; board?: BoardState; error?: { code: string } };

const HIDDEN = 'Kaffen i kantina smaker som motorolje';
const HOSTILE_TITLE = 'Møte\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Falsk; ja, nei';

describe('the spreadsheet and calendar downloads from the built server', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let facilitator: TestSocket;

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, { title: 'Årsmøte', language: 'nb' });
		facilitator = (
			await connect(server.url, { code: workshop.code, token: workshop.facilitatorToken })
		).socket;
		const phone = (await connect(server.url, { code: workshop.code })).socket;
		const hidden = randomUUID();
		const ready = themesSettled(facilitator, 3, 2);
		for (const [id, text] of [
			[hidden, HIDDEN],
			[randomUUID(), '=1+2'],
			...THREE_TOPICS.map((text) => [randomUUID(), text])
		])
			await request(phone, 'input:submit', { id, text });
		await ready;
		await request(facilitator, 'theme:act', { type: 'hide', inputId: hidden, hidden: true });
		phone.close();

		const board = (await connect(server.url, { code: workshop.code, token: workshop.boardToken }))
			.socket;
		for (const fields of [
			{ title: 'Bedriftsbesøk hos Verksted AS', type: 'company_visit', date: '2027-02-11' },
			{ title: HOSTILE_TITLE, type: 'breakfast_meeting', month: 3, year: 2027 },
			{ title: 'Kurs', type: 'course', quarter: 3, year: 2027 }
		]) {
			const ack = await request<BoardAck>(board, 'board:activity-save', {
				id: randomUUID(),
				...fields
			});
			expect(ack.ok, JSON.stringify(ack)).toBe(true);
		}
		board.close();
	});
	afterAll(async () => {
		facilitator?.close();
		await server?.stop();
	});

	const get = (ext: string, token?: string) =>
		fetch(`${server.url}/api/workshops/${workshop.code}/export.${ext}`, {
			headers: token ? { authorization: `Bearer ${token}` } : {}
		});

	it('answers only the facilitator and the board, never from a cache', async () => {
		for (const ext of ['xlsx', 'ics']) {
			expect((await get(ext)).status).toBe(401);
			expect((await get(ext, 'wrong')).status).toBe(403);
			expect((await get(ext, workshop.projectorToken)).status).toBe(403);
			for (const token of [workshop.facilitatorToken, workshop.boardToken]) {
				const res = await get(ext, token);
				expect(res.status).toBe(200);
				expect(res.headers.get('cache-control')).toBe('no-store');
				expect(res.headers.get('content-disposition')).toBe(
					`attachment; filename="innspill-${workshop.code}.${ext}"`
				);
				await res.arrayBuffer();
			}
		}
		expect(
			(
				await fetch(`${server.url}/api/workshops/AAAAAA/export.ics`, {
					headers: { authorization: `Bearer ${workshop.boardToken}` }
				})
			).status
		).toBe(404);
	});

	it('downloads an .xlsx workbook with Norwegian sheets, text kept as text, hidden inputs left out', async () => {
		const res = await get('xlsx', workshop.boardToken);
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await res.arrayBuffer());
		expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
			'Innspill',
			'Temaer',
			'Stemmer',
			'Fokusområder',
			'Årsplan'
		]);
		const inputs = workbook.getWorksheet('Innspill')!;
		const texts = (inputs.getColumn(2).values as unknown[]).slice(2);
		expect(texts).toHaveLength(THREE_TOPICS.length + 1);
		expect(texts).not.toContain(HIDDEN);
		const formulaLike = texts.indexOf('=1+2') + 2;
		expect(inputs.getCell(formulaLike, 2).type).toBe(ExcelJS.ValueType.String);
		expect(inputs.getCell(formulaLike, 1).value).toBeInstanceOf(Date);

		const plan = workbook.getWorksheet('Årsplan')!;
		expect(plan.getCell('A2').value).toBe('11. februar 2027');
		expect(plan.getCell('B2').value).toEqual(new Date(Date.UTC(2027, 1, 11)));
		expect(plan.getCell('A3').value).toBe('mars 2027');
		expect(plan.getCell('A4').value).toBe('3. kvartal 2027');
	});

	it('downloads an .ics calendar whose events no title can break out of', async () => {
		const res = await get('ics', workshop.facilitatorToken);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const ics = await res.text();
		const lines = ics.split('\r\n');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines.some((l) => l.startsWith('SUMMARY:Falsk'))).toBe(false);
		for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		const events = new ICAL.Component(ICAL.parse(ics))
			.getAllSubcomponents('vevent')
			.map((v) => new ICAL.Event(v));
		expect(events.map((e) => e.summary)).toEqual([
			'Bedriftsbesøk hos Verksted AS',
			// a title is one line when stored; the line breaks became spaces
			'Møte END:VEVENT BEGIN:VEVENT SUMMARY:Falsk; ja, nei'
		]);
		expect(events.map((e) => e.startDate.toString())).toEqual(['2027-02-11', '2027-03-01']);
		expect(events[1].description).toContain('Dagen er ikke fastsatt');
	});

	it('keeps the CSV a UTF-8 file with a byte-order mark', async () => {
		const bytes = new Uint8Array(await (await get('csv', workshop.boardToken)).arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});
