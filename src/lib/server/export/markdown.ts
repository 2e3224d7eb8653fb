import { SCORE_CRITERIA } from '../../shared/types';
import type { MessageKey } from '../../i18n/index';
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

/**
 * User text for Markdown, read as written and unable to restructure the draft. HTML is
 * neutralised (a participant's <script> stays text in any renderer); only the characters that
 * make structure are escaped: emphasis, code, links and images anywhere (with the `:` of a URL,
 * the `.` after "www" and the `@` of an address, which renderers would turn into links), and at
 * the start of a line what makes a heading, list, quote or rule. "(20)" and "Excel-ark" stay as
 * typed.
 */
export function mdText(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/([\\`*_[\]~|])/g, '\\$1')
		.replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:')
		.replace(/\b(www)\./gi, '$1\\.')
		.replace(/@/g, '\\@')
		.split(/\r?\n/)
		.map((line) => line.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
		.join('  \n');
}

/** User text in a table cell: as `mdText`, on one line. */
export function mdCell(text: string): string {
	return mdText(text.replace(/\s*\r?\n\s*/g, ' '));
}

export function renderMarkdown(report: WorkshopReport): string {
	const { t, workshop, board } = report;
	const byId = inputsById(report);
	const out: string[] = [];
	const line = (s = '') => out.push(s);
	/** A paragraph: the text and the blank line after it. */
	const block = (s: string) => out.push(s, '');

	line(`# ${t('export.mandateDraft')}: ${mdText(workshop.title)}`);
	line();
	line(
		`_${mdText(t('export.generated', { date: dateText(report), title: workshop.title, code: workshop.code }))}_`
	);
	line();
	line(`## ${t('export.mandate')}`);
	if (mandateUnwritten(report)) {
		line();
		line(t('export.noMandate'));
	}
	for (const [key, value] of [
		['export.purpose', board.mandate.purpose],
		['export.scope', board.mandate.scope],
		['export.yearTheme', board.mandate.yearTheme]
	] as const) {
		if (!value) continue;
		line();
		line(`### ${t(key)}`);
		line();
		line(mdText(value));
	}
	line();
	line(`## ${t('export.focusAreas')}`);
	line();
	if (board.focusAreas.length === 0) block(t('export.noFocusAreas'));
	board.focusAreas.forEach((area, index) => {
		const votes = area.themeIds.reduce((n, id) => n + (report.votes.totals[id] ?? 0), 0);
		line(`### ${index + 1}. ${mdText(area.title)}`);
		line();
		if (area.description) block(mdText(area.description));
		if (area.rationale) block(`**${t('export.rationale')}:** ${mdText(area.rationale)}`);
		if (area.themeIds.length) {
			const labels = area.themeIds.map((id) => mdText(themeLabel(report, id))).join(', ');
			line(`**${t('export.themes')}:** ${labels} · **${t('export.votes')}:** ${votes}`);
			line();
		}
		const scored = SCORE_CRITERIA.filter((c) => area.scores[c] !== undefined);
		if (scored.length) {
			line(
				`**${t('export.scores')}:** ${scored.map((c) => `${t(`score.${c}` as MessageKey)} ${area.scores[c]}`).join(' · ')}`
			);
			line();
		}
		if (area.owner) block(`**${t('export.owner')}:** ${mdText(area.owner)}`);
		const quotes = area.quoteIds.map((id) => byId.get(id)).filter((i) => i && !i.hidden && !i.held);
		if (quotes.length) {
			line(`**${t('export.quotes')}:**`);
			line();
			line(quotes.map((q) => `> ${mdText(q!.text)}`).join('\n>\n'));
			line();
		}
	});
	line(`## ${t('export.plan')}`);
	line();
	if (board.activities.length === 0) block(t('export.noPlan'));
	else {
		const areas = new Map(board.focusAreas.map((a) => [a.id, a.title]));
		line(
			`| ${t('export.when')} | ${t('export.activity')} | ${t('export.type')} | ${t('export.host')} | ${t('export.responsible')} | ${t('export.focusArea')} |`
		);
		line('| --- | --- | --- | --- | --- | --- |');
		for (const a of planInOrder(board.activities)) {
			const cells = [
				activityWhen(a, t),
				mdCell(a.title),
				t(`activity.${a.type}` as MessageKey),
				mdCell(a.host),
				mdCell(a.responsible),
				mdCell(a.focusAreaId ? (areas.get(a.focusAreaId) ?? '') : '')
			];
			line(`| ${cells.join(' | ')} |`);
		}
		line();
	}
	line(`## ${t('export.appendix')}`);
	line();
	line(countsText(report));
	// one part per question, each with its own themes
	const several = report.questions.length > 1;
	for (const question of report.questions) {
		line();
		const asked = several ? `${t('export.question')} ${question.number}` : t('export.question');
		line(`**${asked}:** ${mdText(several ? question.prompt : workshop.prompt)}`);
		for (const group of inputsByTheme(report, question)) {
			line();
			const votes = group.themeId ? (report.votes.totals[group.themeId] ?? 0) : 0;
			line(
				`${several ? '####' : '###'} ${mdText(group.label)} (${group.inputs.length}${votes ? ` · ${t('export.votes').toLowerCase()}: ${votes}` : ''})`
			);
			line();
			for (const input of group.inputs) line(`- ${mdText(input.text)}`);
		}
	}
	line();
	return out.join('\n');
}
