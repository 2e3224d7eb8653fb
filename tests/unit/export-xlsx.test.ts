import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { osloWallClock } from '../../src/lib/server/export/spreadsheet';
import { renderXlsx } from '../../src/lib/server/export/xlsx';
import type { Language } from '../../src/lib/shared/types';
import { activity, report, withPlan } from '../helpers/report';

const HOSTILE = ['=1+2', '+SUM(A1)', '-3', '@HYPERLINK("x")', "=cmd|' /C calc'!A0"];

/** A report with hostile inputs, a hidden one, one from summer time, a focus area and a plan. */
function workshop(language: Language) {
	const base = report(language, [...HOSTILE, 'Skjult innspill', 'Sommerinnspill', 'Venter']);
	base.inputs[HOSTILE.length].hidden = true;
	base.inputs[HOSTILE.length + 2].held = true; // waiting for the facilitator's approval
	base.themes.themes[0].inputIds = base.inputs.filter((i) => !i.hidden).map((i) => i.id);
	base.inputs[HOSTILE.length + 1].createdAt = '2026-07-01T10:00:00.000Z';
	base.themes.themes[0].keywords = ['møter', 'agenda'];
	base.board.focusAreas = [
		{
			id: 'f1',
			title: '=Møtekultur',
			description: 'Kortere møter',
			rationale: '',
			themeIds: ['t1'],
			quoteIds: ['i0', `i${HOSTILE.length}`, `i${HOSTILE.length + 2}`],
			scores: { impact: 4 },
			owner: 'Kari',
			position: 0,
			updatedAt: '',
			updatedBy: null
		}
	];
	return withPlan(base, [
		activity({ title: 'Bedriftsbesøk', month: 3, quarter: 1, year: 2027 }),
		activity({ title: '-Frokostmøte', date: '2027-02-11', month: 2, quarter: 1, year: 2027 })
	]);
}

async function readBack(language: Language) {
	const file = await renderXlsx(workshop(language));
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(new Uint8Array(file).buffer);
	return { file, workbook };
}

const column = (ws: ExcelJS.Worksheet, n: number) => (ws.getColumn(n).values as unknown[]).slice(2); // below the header

describe('the .xlsx export', () => {
	it('has five sheets named in the workshop language, each with a bold, frozen header', async () => {
		const nb = (await readBack('nb')).workbook;
		const en = (await readBack('en')).workbook;
		expect(nb.worksheets.map((ws) => ws.name)).toEqual([
			'Innspill',
			'Temaer',
			'Stemmer',
			'Fokusområder',
			'Årsplan'
		]);
		expect(en.worksheets.map((ws) => ws.name)).toEqual([
			'Inputs',
			'Themes',
			'Votes',
			'Focus areas',
			'Annual plan'
		]);
		for (const ws of nb.worksheets) {
			expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(ws.getCell('A1').font?.bold, ws.name).toBe(true);
			expect(ws.autoFilter).toBeTruthy();
		}
		const inputs = nb.getWorksheet('Innspill')!;
		expect(inputs.getRow(1).values).toContain('Tidspunkt');
		expect(inputs.getColumn(2).width).toBe(60);
		expect(en.getWorksheet('Inputs')!.getCell('A1').value).toBe('Time (Oslo)');
	});

	it('keeps participant text as text: =1+2 is a string cell, formatted as text, and no formula exists', async () => {
		const { file, workbook } = await readBack('nb');
		const inputs = workbook.getWorksheet('Innspill')!;
		const texts = column(inputs, 2);
		for (const hostile of HOSTILE) expect(texts).toContain(hostile);
		for (let row = 2; row <= inputs.rowCount; row++) {
			const cell = inputs.getCell(row, 2);
			expect(cell.type).toBe(ExcelJS.ValueType.String);
			expect(cell.formula).toBeUndefined();
			expect(cell.numFmt).toBe('@');
		}
		expect(workbook.getWorksheet('Fokusområder')!.getCell('B2').value).toBe('=Møtekultur');
		expect(workbook.getWorksheet('Årsplan')!.getCell('F2').value).toBe('-Frokostmøte');
		const zip = await JSZip.loadAsync(file);
		const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/.*\.xml$/.test(name));
		expect(sheets).toHaveLength(5);
		for (const name of sheets) {
			const xml = await zip.file(name)!.async('string');
			expect(xml, name).not.toMatch(/<f[ >]/);
		}
	});

	it('leaves hidden inputs and those waiting for approval out, as the other exports do', async () => {
		const { workbook } = await readBack('nb');
		const texts = column(workbook.getWorksheet('Innspill')!, 2);
		expect(texts).not.toContain('Skjult innspill');
		expect(texts).not.toContain('Venter');
		expect(workbook.getWorksheet('Temaer')!.getCell('B2').value).toBe(HOSTILE.length + 1);
		const quotes = workbook.getWorksheet('Fokusområder')!.getCell('K2').value;
		expect(quotes).toBe('=1+2');
	});

	it('writes times as real dates on the Oslo clock, summer time included', async () => {
		const { workbook } = await readBack('nb');
		const inputs = workbook.getWorksheet('Innspill')!;
		const times = column(inputs, 1) as Date[];
		expect(times.every((t) => t instanceof Date)).toBe(true);
		// 23:05 UTC in November is 00:05 the next day in Oslo; 10:00 UTC in July is 12:00
		expect(times).toContainEqual(new Date(Date.UTC(2026, 10, 29, 0, 5)));
		expect(times[0]).toEqual(new Date(Date.UTC(2026, 6, 1, 12, 0)));
		expect(inputs.getCell('A2').numFmt).toBe('dd.mm.yyyy hh:mm');
		expect(osloWallClock('2027-03-28T01:30:00Z')).toEqual(new Date(Date.UTC(2027, 2, 28, 3, 30)));
	});

	it('lists the plan in calendar order with the year and a real date for a fixed day', async () => {
		const plan = (await readBack('nb')).workbook.getWorksheet('Årsplan')!;
		expect(plan.getRow(1).values).toEqual([
			undefined,
			'Når',
			'Dato',
			'År',
			'Måned',
			'Kvartal',
			'Aktivitet',
			'Type',
			'Vert',
			'Ansvarlig',
			'Fokusområde'
		]);
		expect(plan.getCell('A2').value).toBe('11. februar 2027');
		expect(plan.getCell('B2').value).toEqual(new Date(Date.UTC(2027, 1, 11)));
		expect(plan.getCell('B2').numFmt).toBe('dd.mm.yyyy');
		expect(plan.getCell('C2').value).toBe(2027);
		expect(plan.getCell('A3').value).toBe('mars 2027');
		expect(plan.getCell('B3').value).toBeNull();
		const votes = (await readBack('en')).workbook.getWorksheet('Votes')!;
		expect(votes.getRow(2).values).toEqual([undefined, 1, 'Møter', 4, 1]);
		expect(votes.getCell('D2').numFmt).toBe('0.0%');
	});
});
