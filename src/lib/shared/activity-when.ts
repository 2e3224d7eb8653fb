import type { MessageKey, Translate } from '../i18n/index';

/**
 * When an activity in the annual plan happens, as precisely as the board knows it: a day, a month
 * of a year, a quarter, or a year alone. A date decides the rest; without one, the month decides
 * the quarter. Shared, so the board page and the server agree on what a change means.
 */
export interface ActivityWhen {
	/** A calendar date, yyyy-mm-dd. */
	date: string | null;
	/** 1–12. */
	month: number | null;
	/** 1–4. */
	quarter: number | null;
	year: number | null;
}

export const PLAN_YEARS = { min: 2000, max: 2100 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const quarterOf = (month: number): number => Math.ceil(month / 3);

/** A real day of the calendar in yyyy-mm-dd (so no 2027-02-29), within the plan's years. */
export function isPlanDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	if (year < PLAN_YEARS.min || year > PLAN_YEARS.max) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Everything a date says about when; call only with a date `isPlanDate` accepts. */
export function whenOfDate(date: string): ActivityWhen {
	const [year, month] = date.split('-').map(Number);
	return { date, month, quarter: quarterOf(month), year };
}

const WHEN_FIELDS = ['date', 'month', 'quarter', 'year'] as const;

/**
 * The plan's "when" after a change that names only some of its fields. A date sets the month,
 * quarter and year; a month sets the quarter; a quarter the month is not in (or none) clears the
 * month; and a date that no longer fits the month or year it was kept with is dropped, so a board
 * member who moves a dated visit to another month is not contradicted by the old day.
 */
export function resolveWhen(current: ActivityWhen, change: Partial<ActivityWhen>): ActivityWhen {
	if (change.date) return whenOfDate(change.date);
	const next: ActivityWhen = {
		date: change.date === undefined ? current.date : change.date,
		month: change.month === undefined ? current.month : change.month,
		quarter: change.quarter === undefined ? current.quarter : change.quarter,
		year: change.year === undefined ? current.year : change.year
	};
	if (change.month) next.quarter = quarterOf(change.month);
	else if (change.quarter !== undefined && next.month && quarterOf(next.month) !== change.quarter)
		next.month = null;
	if (next.date) {
		const fixed = whenOfDate(next.date);
		if (WHEN_FIELDS.some((field) => fixed[field] !== next[field])) next.date = null;
	}
	return next;
}

/** True when a change names any of the "when" fields. */
export const touchesWhen = (change: Partial<ActivityWhen>): boolean =>
	WHEN_FIELDS.some((field) => change[field] !== undefined);

/** The year it is now in Norway, where the board plans: the default for a new month. */
export function osloYear(now: Date = new Date()): number {
	return Number(
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(now)
	);
}

/** "11. februar 2027", "mars 2027", "2. kvartal 2027", "2027", or "not scheduled". */
export function whenText(when: ActivityWhen, t: Translate): string {
	const monthName = (month: number) => t(`month.${month}` as MessageKey);
	const year = when.year ?? '';
	if (when.date) {
		const [, month, day] = when.date.split('-').map(Number);
		return t('plan.day', { day, month: monthName(month), year });
	}
	if (when.month)
		return when.year
			? t('plan.month', { month: monthName(when.month), year })
			: monthName(when.month);
	if (when.quarter)
		return when.year
			? t('plan.quarter', { n: when.quarter, year })
			: t('quarter', { n: when.quarter });
	return when.year ? String(when.year) : t('unplanned');
}

/**
 * Calendar order: by year (activities without one after those with one), then month (a quarter
 * after its middle month, a month before its days), unscheduled activities at the end.
 */
function orderKey(a: ActivityWhen): [number, number, number] {
	const month = a.month ?? (a.quarter ? a.quarter * 3 - 0.5 : 13);
	const day = a.date ? Number(a.date.slice(8, 10)) : 0;
	return [a.year ?? PLAN_YEARS.max + 1, month, day];
}

export function inPlanOrder<T extends ActivityWhen & { title: string }>(activities: T[]): T[] {
	const keyed = activities.map((a) => ({ a, key: orderKey(a) }));
	keyed.sort(
		(x, y) =>
			x.key[0] - y.key[0] ||
			x.key[1] - y.key[1] ||
			x.key[2] - y.key[2] ||
			x.a.title.localeCompare(y.a.title)
	);
	return keyed.map(({ a }) => a);
}
