import { SCORE_CRITERIA } from '../../shared/types';
import type { MessageKey } from '../../i18n/index';
import {
	activityWhen,
	inputsById,
	inputsByTheme,
	planInOrder,
	rankedThemes,
	themeLabel,
	type WorkshopReport
} from './report';

/** How a column's cells are written: text stays text, whatever it starts with. */
export type ColumnKind = 'text' | 'longText' | 'number' | 'percent' | 'date' | 'dateTime';

export interface Column {
	header: string;
	kind: ColumnKind;
	/** In characters, as spreadsheets measure. */
	width: number;
}

export type Cell = string | number | Date | null;

export interface Sheet {
	name: string;
	columns: Column[];
	rows: Cell[][];
}

const OSLO = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Oslo',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/**
 * A spreadsheet's dates have no time zone: a cell shows the wall-clock time it is given. So an
 * instant becomes the Date whose UTC fields are Oslo's clock at that instant, and the file reads
 * as the room experienced it, summer time included.
 */
export function osloWallClock(iso: string): Date {
	const part = Object.fromEntries(
		OSLO.formatToParts(new Date(iso)).map((p) => [p.type, Number(p.value)])
	);
	return new Date(
		Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second)
	);
}

/** A yyyy-mm-dd day as a spreadsheet date (midnight, no time zone). */
const day = (date: string) => new Date(`${date}T00:00:00Z`);

const col = (header: string, kind: ColumnKind, width: number): Column => ({ header, kind, width });

/**
 * The workshop as five sheets in its language: inputs, themes, votes, focus areas and the plan.
 * Hidden (moderated) inputs are left out, as in the CSV and the draft.
 */
export function workbookSheets(report: WorkshopReport): Sheet[] {
	const { t, board } = report;
	const votesOf = (themeId: string) => report.votes.totals[themeId] ?? 0;
	const people = new Map(report.participants.map((p) => [p.id, p]));
	const groups = inputsByTheme(report);

	// with several questions, each input and theme says which one it answers
	const several = report.questions.length > 1;
	const questionOf = new Map(
		report.questions.flatMap((q) => q.themes.themes.map((th) => [th.id, q.number]))
	);
	const inputs: Sheet = {
		name: t('export.sheet.inputs'),
		columns: [
			...(several ? [col(t('export.question'), 'number', 10)] : []),
			col(t('export.localTime'), 'dateTime', 17),
			col(t('export.text'), 'longText', 60),
			col(t('export.theme'), 'text', 28),
			col(t('export.themeVotes'), 'number', 12),
			col(t('participant.profile.name'), 'text', 20),
			col(t('participant.profile.organisation'), 'text', 24),
			col('id', 'text', 38)
		],
		rows: groups
			.flatMap((group) => group.inputs.map((input) => ({ group, input })))
			.sort((a, b) => a.input.createdAt.localeCompare(b.input.createdAt))
			.map(({ group, input }) => {
				const person = people.get(input.participantId);
				return [
					...(several ? [input.question] : []),
					osloWallClock(input.createdAt),
					input.text,
					group.label,
					group.themeId ? votesOf(group.themeId) : 0,
					person?.name ?? null,
					person?.organisation ?? null,
					input.id
				];
			})
	};

	const themes: Sheet = {
		name: t('export.themes'),
		columns: [
			...(several ? [col(t('export.question'), 'number', 10)] : []),
			col(t('export.theme'), 'text', 32),
			col(t('export.inputsCount'), 'number', 10),
			col(t('export.votes'), 'number', 10),
			col(t('export.keywords'), 'text', 48)
		],
		rows: groups.map((group) => {
			const theme = report.themes.themes.find((th) => th.id === group.themeId);
			return [
				...(several ? [group.themeId ? (questionOf.get(group.themeId) ?? null) : null] : []),
				group.label,
				group.inputs.length,
				group.themeId ? votesOf(group.themeId) : null,
				theme ? theme.keywords.join(', ') : null
			];
		})
	};

	const dots = Object.values(report.votes.totals).reduce((sum, n) => sum + n, 0);
	const votes: Sheet = {
		name: t('export.votes'),
		columns: [
			col(t('export.rank'), 'number', 8),
			col(t('export.theme'), 'text', 32),
			col(t('export.votes'), 'number', 10),
			col(t('export.share'), 'percent', 16)
		],
		rows: rankedThemes(report).map((theme, index) => [
			index + 1,
			theme.label,
			votesOf(theme.id),
			dots ? votesOf(theme.id) / dots : 0
		])
	};

	const byId = inputsById(report);
	const focusAreas: Sheet = {
		name: t('export.focusAreas'),
		columns: [
			col(t('export.priority'), 'number', 9),
			col(t('board.fieldTitle'), 'text', 28),
			col(t('export.description'), 'longText', 44),
			col(t('export.rationale'), 'longText', 36),
			col(t('export.themes'), 'text', 28),
			col(t('export.votes'), 'number', 9),
			...SCORE_CRITERIA.map((c) => col(t(`score.${c}` as MessageKey), 'number', 12)),
			col(t('export.owner'), 'text', 20),
			col(t('export.quotes'), 'longText', 50)
		],
		rows: board.focusAreas.map((area, index) => [
			index + 1,
			area.title,
			area.description,
			area.rationale,
			area.themeIds.map((id) => themeLabel(report, id)).join(', '),
			area.themeIds.reduce((n, id) => n + votesOf(id), 0),
			...SCORE_CRITERIA.map((c) => area.scores[c] ?? null),
			area.owner,
			area.quoteIds
				.map((id) => byId.get(id))
				.filter((input) => input && !input.hidden && !input.held)
				.map((input) => input!.text)
				.join('\n')
		])
	};

	const areaTitles = new Map(board.focusAreas.map((a) => [a.id, a.title]));
	const plan: Sheet = {
		name: t('export.plan'),
		columns: [
			col(t('export.when'), 'text', 18),
			col(t('board.date'), 'date', 12),
			col(t('board.year'), 'number', 7),
			col(t('board.month'), 'number', 8),
			col(t('board.quarter'), 'number', 8),
			col(t('export.activity'), 'longText', 44),
			col(t('export.type'), 'text', 20),
			col(t('export.host'), 'text', 22),
			col(t('export.responsible'), 'text', 22),
			col(t('export.focusArea'), 'text', 28)
		],
		rows: planInOrder(board.activities).map((a) => [
			activityWhen(a, t),
			a.date ? day(a.date) : null,
			a.year,
			a.month,
			a.quarter,
			a.title,
			t(`activity.${a.type}` as MessageKey),
			a.host,
			a.responsible,
			a.focusAreaId ? (areaTitles.get(a.focusAreaId) ?? null) : null
		])
	};

	return [inputs, themes, votes, focusAreas, plan];
}
