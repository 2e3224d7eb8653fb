import ExcelJS from 'exceljs';
import type { WorkshopReport } from './report';
import { workbookSheets, type ColumnKind, type Sheet } from './spreadsheet';
import { xmlSafe } from '../../shared/xml';

/**
 * Number formats by column kind, written in the file's own (English) codes: Excel shows them in
 * the reader's locale, so "dd.mm.yyyy" reads right in Norwegian Excel. Text columns are "@"
 * (Text): a cell formatted as text stays text even when someone edits it and presses Enter, so
 * a participant's "=1+2" never turns into a formula, not even later.
 */
function numberFormat(kind: ColumnKind, language: string): string | undefined {
	const nb = language === 'nb';
	switch (kind) {
		case 'text':
		case 'longText':
			return '@';
		case 'percent':
			return '0.0%';
		case 'date':
			return nb ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
		case 'dateTime':
			return nb ? 'dd.mm.yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
		default:
			return undefined;
	}
}

function addSheet(workbook: ExcelJS.Workbook, sheet: Sheet, language: string): void {
	const ws = workbook.addWorksheet(sheet.name, {
		views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }]
	});
	ws.columns = sheet.columns.map((column) => ({
		width: column.width,
		style: {
			numFmt: numberFormat(column.kind, language),
			alignment: { vertical: 'top', wrapText: column.kind === 'longText' }
		}
	}));
	const header = ws.addRow(sheet.columns.map((column) => column.header));
	header.font = { bold: true };
	header.alignment = { vertical: 'top', wrapText: true };
	for (const row of sheet.rows) {
		// Strings are written as strings (shared strings in the file), never as formulas: the
		// library makes a formula only from a { formula } object, which no cell here is.
		ws.addRow(row.map((cell) => (typeof cell === 'string' ? xmlSafe(cell) || null : cell)));
	}
	ws.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: 1, column: sheet.columns.length }
	};
}

/** The workshop as an Excel workbook: one sheet each for inputs, themes, votes, focus areas, plan. */
export async function renderXlsx(report: WorkshopReport): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Innspill';
	workbook.title = xmlSafe(report.workshop.title);
	workbook.created = new Date(report.exportedAt);
	workbook.modified = workbook.created;
	for (const sheet of workbookSheets(report)) addSheet(workbook, sheet, report.workshop.language);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
