import type { Translate } from '../../i18n/index';
import { inPlanOrder, whenText } from '../../shared/activity-when';
import { staffTranslator } from '../../i18n/staff';
import type {
	ActivityView,
	BoardState,
	InputView,
	ParticipantView,
	ThemesSnapshot,
	ThemeView,
	VoteTotals,
	WorkshopView
} from '../../shared/types';
import type { Runtime } from '../runtime';
import { themeKey } from '../workshop/theme-key';

/** One question's part of a report. */
export interface QuestionReport {
	number: number;
	prompt: string;
	themes: ThemesSnapshot;
	votes: VoteTotals;
}

/**
 * Everything an export shows, gathered once, in the workshop's language. `themes` and `votes`
 * hold every question's (theme ids are unique in a workshop); `questions` keeps them apart.
 */
export interface WorkshopReport {
	workshop: WorkshopView;
	participants: ParticipantView[];
	inputs: InputView[];
	themes: ThemesSnapshot;
	votes: VoteTotals;
	questions: QuestionReport[];
	board: BoardState;
	exportedAt: string;
	t: Translate;
}

export async function gatherReport(runtime: Runtime, code: string): Promise<WorkshopReport> {
	const data = await runtime.workshops.exportWorkshop(code);
	const { workshop } = data;
	const questions = await Promise.all(
		workshop.questions.map(async (q) => ({
			number: q.number,
			prompt: q.prompt,
			themes: await runtime.themes.snapshot(themeKey(workshop.code, q.number)),
			votes: await runtime.votes.totals(workshop.code, q.number)
		}))
	);
	const room = questions.find((q) => q.number === workshop.question) ?? questions[0];
	const themes: ThemesSnapshot = {
		...room.themes,
		themes: questions.flatMap((q) => q.themes.themes),
		unsorted: questions.flatMap((q) => q.themes.unsorted)
	};
	const votes: VoteTotals = {
		totals: Object.assign({}, ...questions.map((q) => q.votes.totals)),
		voters: Math.max(...questions.map((q) => q.votes.voters)),
		visible: room.votes.visible
	};
	const board = await runtime.board.state(workshop.code);
	return { ...data, themes, votes, questions, board, t: staffTranslator(workshop.language) };
}

export function inputsById(report: WorkshopReport): Map<string, InputView> {
	return new Map(report.inputs.map((i) => [i.id, i]));
}

/** Themes ranked by votes, then by size: the order the board works through them. */
export function rankedThemes(report: WorkshopReport): ThemeView[] {
	const votes = (t: ThemeView) => report.votes.totals[t.id] ?? 0;
	return [...report.themes.themes].sort(
		(a, b) => votes(b) - votes(a) || b.inputIds.length - a.inputIds.length
	);
}

/** Visible inputs grouped under their theme labels, unsorted last; of one question when given. */
export function inputsByTheme(
	report: WorkshopReport,
	question?: QuestionReport
): { label: string; themeId: string | null; inputs: InputView[] }[] {
	const byId = inputsById(report);
	const visible = (ids: string[]) =>
		ids.map((id) => byId.get(id)).filter((i): i is InputView => !!i && !i.hidden && !i.held);
	const within = question?.themes ?? report.themes;
	const mine = new Set(within.themes.map((t) => t.id));
	const groups = rankedThemes(report)
		.filter((t) => mine.has(t.id))
		.map((t) => ({
			label: t.label,
			themeId: t.id as string | null,
			inputs: visible(t.inputIds)
		}));
	const unsorted = visible(within.unsorted);
	if (unsorted.length)
		groups.push({ label: report.t('themes.unsorted'), themeId: null, inputs: unsorted });
	return groups;
}

/** "11. februar 2027", "mars 2027", "2. kvartal 2027": as precise as the board planned it. */
export function activityWhen(activity: ActivityView, t: Translate): string {
	return whenText(activity, t);
}

/** Activities in calendar order, year by year; unscheduled ones last. */
export function planInOrder(activities: ActivityView[]): ActivityView[] {
	return inPlanOrder(activities);
}

export function themeLabel(report: WorkshopReport, themeId: string): string {
	return report.themes.themes.find((t) => t.id === themeId)?.label ?? themeId;
}

export function dateText(report: WorkshopReport): string {
	return new Date(report.exportedAt).toLocaleDateString(
		report.workshop.language === 'nb' ? 'nb-NO' : 'en-GB',
		{
			year: 'numeric',
			month: 'long',
			day: 'numeric'
		}
	);
}

/** "24 deltakere, 130 innspill." / "1 participant, 1 input.": who took part and what they sent. */
export function countsText(report: WorkshopReport): string {
	const { t } = report;
	const shown = report.inputs.filter((i) => !i.hidden && !i.held).length;
	return `${t('export.participantCount', { n: report.participants.length })}, ${t('export.inputCount', { n: shown })}.`;
}

/** True while the board has written none of the mandate's texts. */
export function mandateUnwritten(report: WorkshopReport): boolean {
	const { purpose, scope, yearTheme } = report.board.mandate;
	return !purpose && !scope && !yearTheme;
}
