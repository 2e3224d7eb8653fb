import { stringify } from 'csv-stringify/sync';
import { inputsById, type WorkshopReport } from './report';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) gets a leading
 * apostrophe, the convention spreadsheets show as plain text; so does every piece after a comma or
 * semicolon inside it, should a reader split the cell there.
 */
export function safeCell(value: string): string {
	const guarded = value.replace(/([;,]\s*)([=+\-@])/g, "$1'$2");
	return /^[=+\-@\t\r]/.test(guarded) ? `'${guarded}` : guarded;
}

/**
 * Norwegian Excel splits columns at semicolons (the comma is its decimal mark) and shows times as
 * they are written, so a Norwegian workshop's CSV uses semicolons and Oslo time; an English one
 * commas and UTC, said so.
 */
function dialect(language: string): { delimiter: string; time: (iso: string) => string } {
	if (language === 'nb')
		return {
			delimiter: ';',
			time: (iso) =>
				new Intl.DateTimeFormat('sv-SE', {
					timeZone: 'Europe/Oslo',
					year: 'numeric',
					month: '2-digit',
					day: '2-digit',
					hour: '2-digit',
					minute: '2-digit'
				}).format(new Date(iso))
		};
	return { delimiter: ',', time: (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` };
}

export function renderCsv(report: WorkshopReport): string {
	const { t } = report;
	const { delimiter, time } = dialect(report.workshop.language);
	const themeOf = new Map<string, { label: string; votes: number }>();
	for (const theme of report.themes.themes) {
		for (const id of theme.inputIds) {
			themeOf.set(id, { label: theme.label, votes: report.votes.totals[theme.id] ?? 0 });
		}
	}
	const people = new Map(report.participants.map((p) => [p.id, p]));
	// with several questions, each input says which one it answers
	const several = report.questions.length > 1;
	const rows = [...inputsById(report).values()]
		.filter((input) => !input.hidden && !input.held)
		.map((input) => {
			const theme = themeOf.get(input.id);
			const person = people.get(input.participantId);
			return [
				input.id,
				...(several ? [String(input.question)] : []),
				time(input.createdAt),
				input.text,
				theme?.label ?? t('themes.unsorted'),
				String(theme?.votes ?? 0),
				person?.name ?? '',
				person?.organisation ?? ''
			].map(safeCell);
		});
	const header = [
		'id',
		...(several ? [t('export.question')] : []),
		t('export.createdAt'),
		t('export.text'),
		t('export.theme'),
		t('export.themeVotes'),
		t('participant.profile.name'),
		t('participant.profile.organisation')
	];
	// A byte-order mark so spreadsheet programs read æøå as UTF-8; every cell quoted, so no
	// separator inside a participant's text starts a column of its own.
	return (
		'\uFEFF' +
		stringify([header, ...rows], { delimiter, record_delimiter: 'windows', quoted: true })
	);
}
