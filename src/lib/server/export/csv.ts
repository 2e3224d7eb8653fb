import { stringify } from 'csv-stringify/sync';
import { inputsById, type WorkshopReport } from './report';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) gets a leading
 * apostrophe, the convention spreadsheets show as plain text.
 */
export function safeCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function renderCsv(report: WorkshopReport): string {
	const { t } = report;
	const themeOf = new Map<string, { label: string; votes: number }>();
	for (const theme of report.themes.themes) {
		for (const id of theme.inputIds) {
			themeOf.set(id, { label: theme.label, votes: report.votes.totals[theme.id] ?? 0 });
		}
	}
	const people = new Map(report.participants.map((p) => [p.id, p]));
	const rows = [...inputsById(report).values()]
		.filter((input) => !input.hidden)
		.map((input) => {
			const theme = themeOf.get(input.id);
			const person = people.get(input.participantId);
			return [
				input.id,
				input.createdAt,
				input.text,
				theme?.label ?? t('themes.unsorted'),
				String(theme?.votes ?? 0),
				person?.name ?? '',
				person?.organisation ?? ''
			].map(safeCell);
		});
	const header = [
		'id',
		t('export.createdAt'),
		t('export.text'),
		t('export.theme'),
		t('export.themeVotes'),
		t('participant.profile.name'),
		t('participant.profile.organisation')
	];
	// A byte-order mark so spreadsheet programs read æøå as UTF-8.
	return (
		'\uFEFF' + stringify([header, ...rows], { record_delimiter: 'windows', quoted_match: /[\s"]/ })
	);
}
