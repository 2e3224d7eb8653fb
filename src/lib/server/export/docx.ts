import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	ImageRun,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { SCORE_CRITERIA } from '../../shared/types';
import { xmlSafe } from '../../shared/xml';
import type { MessageKey } from '../../i18n/index';
import { reportMapPng } from './map-image';
import {
	activityWhen,
	countsText,
	dateText,
	inputsById,
	inputsByTheme,
	mandateUnwritten,
	planInOrder,
	themeLabel,
	type WorkshopReport
} from './report';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
	new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });

const para = (text: string) =>
	new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

const labelled = (label: string, text: string) =>
	new Paragraph({
		children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)],
		spacing: { after: 100 }
	});

const quote = (text: string) =>
	new Paragraph({
		children: [new TextRun({ text: `«${text}»`, italics: true })],
		indent: { left: 480 },
		border: { left: { style: BorderStyle.SINGLE, size: 12, color: '8899AA', space: 8 } },
		spacing: { after: 80 }
	});

/** A table with fixed column widths (twentieths of a point), so Word and LibreOffice agree. */
function table(header: string[], rows: string[][], widths: number[]): Table {
	const cell = (text: string, width: number, bold = false) =>
		new TableCell({
			width: { size: width, type: WidthType.DXA },
			children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })]
		});
	return new Table({
		columnWidths: widths,
		rows: [
			new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], true)) }),
			...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i])) }))
		]
	});
}

// Its home is shared/xml.ts (the SVG map and the spreadsheet need it too).
export { xmlSafe };

/** Every string of the report made XML-safe (the translator and other functions untouched). */
function xmlSafeDeep<T>(value: T): T {
	if (typeof value === 'string') return xmlSafe(value) as T;
	if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
	return value;
}

/** The theme map (map.png) across the A4 text width: 9,026 twips, 601 px at 96 dpi. */
async function mapPicture(report: WorkshopReport): Promise<Paragraph> {
	const width = 601;
	return new Paragraph({
		children: [
			new ImageRun({
				type: 'png',
				data: await reportMapPng(report),
				transformation: { width, height: Math.round((width * 1080) / 1920) },
				altText: { name: report.t('export.map'), description: report.workshop.prompt }
			})
		]
	});
}

/** The mandate draft as a Word document; docx escapes all text, so user input stays text. */
export async function renderDocx(raw: WorkshopReport): Promise<Buffer> {
	const report = xmlSafeDeep(raw);
	const { t, workshop, board } = report;
	const byId = inputsById(report);
	const body: (Paragraph | Table)[] = [
		new Paragraph({
			text: `${t('export.mandateDraft')}: ${workshop.title}`,
			heading: HeadingLevel.TITLE
		}),
		new Paragraph({
			children: [
				new TextRun({
					text: t('export.generated', {
						date: dateText(report),
						title: workshop.title,
						code: workshop.code
					}),
					italics: true
				})
			],
			alignment: AlignmentType.LEFT
		}),
		heading(t('export.mandate'), HeadingLevel.HEADING_1)
	];
	if (mandateUnwritten(report)) body.push(para(t('export.noMandate')));
	for (const [key, value] of [
		['export.purpose', board.mandate.purpose],
		['export.scope', board.mandate.scope],
		['export.yearTheme', board.mandate.yearTheme]
	] as const) {
		if (!value) continue;
		body.push(heading(t(key), HeadingLevel.HEADING_2), ...value.split(/\n+/).map(para));
	}

	body.push(heading(t('export.focusAreas'), HeadingLevel.HEADING_1));
	if (board.focusAreas.length === 0) body.push(para(t('export.noFocusAreas')));
	board.focusAreas.forEach((area, index) => {
		body.push(heading(`${index + 1}. ${area.title}`, HeadingLevel.HEADING_2));
		if (area.description) body.push(...area.description.split(/\n+/).map(para));
		if (area.rationale) body.push(labelled(t('export.rationale'), area.rationale));
		if (area.themeIds.length) {
			const votes = area.themeIds.reduce((n, id) => n + (report.votes.totals[id] ?? 0), 0);
			body.push(
				labelled(t('export.themes'), area.themeIds.map((id) => themeLabel(report, id)).join(', '))
			);
			body.push(labelled(t('export.votes'), String(votes)));
		}
		const scored = SCORE_CRITERIA.filter((c) => area.scores[c] !== undefined);
		if (scored.length) {
			body.push(
				labelled(
					t('export.scores'),
					scored.map((c) => `${t(`score.${c}` as MessageKey)} ${area.scores[c]}`).join(' · ')
				)
			);
		}
		if (area.owner) body.push(labelled(t('export.owner'), area.owner));
		const quotes = area.quoteIds.map((id) => byId.get(id)).filter((i) => i && !i.hidden && !i.held);
		if (quotes.length) {
			body.push(
				new Paragraph({ children: [new TextRun({ text: t('export.quotes'), bold: true })] })
			);
			body.push(...quotes.map((q) => quote(q!.text)));
		}
	});

	body.push(heading(t('export.plan'), HeadingLevel.HEADING_1));
	if (board.activities.length === 0) body.push(para(t('export.noPlan')));
	else {
		const areas = new Map(board.focusAreas.map((a) => [a.id, a.title]));
		body.push(
			table(
				[
					t('export.when'),
					t('export.activity'),
					t('export.type'),
					t('export.host'),
					t('export.responsible'),
					t('export.focusArea')
				],
				planInOrder(board.activities).map((a) => [
					activityWhen(a, t),
					a.title,
					t(`activity.${a.type}` as MessageKey),
					a.host,
					a.responsible,
					a.focusAreaId ? (areas.get(a.focusAreaId) ?? '') : ''
				]),
				// A4 text width (9,026 twips) in 9 pt: the activity and focus area get the most room,
				// "when" enough for "11. desember 2027" on one line; every cell wraps, so no title is cut.
				[1350, 2050, 1450, 1150, 1250, 1776]
			)
		);
	}

	body.push(heading(t('export.map'), HeadingLevel.HEADING_1), await mapPicture(report));

	body.push(heading(t('export.appendix'), HeadingLevel.HEADING_1));
	body.push(para(countsText(report)));
	// one part per question, each with its own themes
	const several = report.questions.length > 1;
	for (const question of report.questions) {
		const asked = several ? `${t('export.question')} ${question.number}` : t('export.question');
		body.push(labelled(asked, several ? question.prompt : workshop.prompt));
		for (const group of inputsByTheme(report, question)) {
			const votes = group.themeId ? (report.votes.totals[group.themeId] ?? 0) : 0;
			body.push(
				heading(
					`${group.label} (${group.inputs.length}${votes ? ` · ${t('export.votes').toLowerCase()}: ${votes}` : ''})`,
					HeadingLevel.HEADING_3
				)
			);
			for (const input of group.inputs)
				body.push(new Paragraph({ text: input.text, bullet: { level: 0 } }));
		}
	}

	const doc = new Document({
		creator: 'Innspill',
		title: `${t('export.mandateDraft')}: ${workshop.title}`,
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ children: body }]
	});
	return Packer.toBuffer(doc);
}
