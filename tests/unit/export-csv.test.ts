import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/lib/server/export/csv';
import { report } from '../helpers/report';

const HOSTILE = [
	'Kari;=2*21',
	'Treg fakturering;=1+2;',
	'Møter, mange;+SUM(A1)',
	'=HYPERLINK("x")'
];

describe('the CSV export opens as columns and cannot run formulas', () => {
	it('finding 6: a Norwegian workshop: semicolons (Norwegian Excel), every cell quoted, Oslo local times', () => {
		const csv = renderCsv(report('nb', HOSTILE));
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.filter(Boolean);
		for (const line of lines) expect(line).toMatch(/^"/);
		const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' });
		expect(rows[0]).toHaveLength(7);
		for (const row of rows.slice(1)) {
			expect(row).toHaveLength(7);
			expect(row[1]).toBe('2026-11-29 00:05');
			expect(row[3]).toBe('Møter');
		}
		// read naively, cell by cell at every separator, nothing starts a formula
		for (const line of lines)
			for (const piece of line.split(/[;,]/))
				expect(piece.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
		// the text is all still there for a reader
		expect(rows.slice(1).map((r) => r[2].replace(/'/g, ''))).toEqual(HOSTILE);
	});

	it('an English workshop: commas, every cell quoted, times in UTC', () => {
		const csv = renderCsv(report('en', ['Too many meetings, no decisions']));
		expect(csv.startsWith('\uFEFF')).toBe(true); // so Excel reads UTF-8, in English too
		const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''));
		expect(rows[1]).toHaveLength(7);
		expect(rows[1][1]).toBe('2026-11-28 23:05 UTC');
		expect(rows[1][2]).toBe('Too many meetings, no decisions');
	});
});
