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

/** Everything an export shows, gathered once, in the workshop's language. */
export interface WorkshopReport {
	workshop: WorkshopView;
	participants: ParticipantView[];
	inputs: InputView[];
	themes: ThemesSnapshot;
	votes: VoteTotals;
	board: BoardState;
	exportedAt: string;
	t: Translate;
}

export async function gatherReport(runtime: Runtime, code: string): Promise<WorkshopReport> {
	const data = await runtime.workshops.exportWorkshop(code);
	const [themes, votes, board] = await Promise.all([
		runtime.themes.snapshot(data.workshop.code),
		runtime.votes.totals(data.workshop.code),
		runtime.board.state(data.workshop.code)
	]);
	return { ...data, themes, votes, board, t: staffTranslator(data.workshop.language) };
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

/** Visible inputs grouped under their theme labels, unsorted last. */
export function inputsByTheme(
	report: WorkshopReport
): { label: string; themeId: string | null; inputs: InputView[] }[] {
	const byId = inputsById(report);
	const visible = (ids: string[]) =>
		ids.map((id) => byId.get(id)).filter((i): i is InputView => !!i && !i.hidden && !i.held);
	const groups = rankedThemes(report).map((t) => ({
		label: t.label,
		themeId: t.id as string | null,
		inputs: visible(t.inputIds)
	}));
	const unsorted = visible(report.themes.unsorted);
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
