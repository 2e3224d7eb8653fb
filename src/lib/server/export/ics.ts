import type { MessageKey } from '../../i18n/index';
import type { ActivityView } from '../../shared/types';
import { activityWhen, planInOrder, type WorkshopReport } from './report';

/**
 * The annual plan as an iCalendar file (RFC 5545) that Outlook, Google and Apple calendars
 * import. Every activity with a day becomes an all-day event on that day; one with a month and a
 * year becomes an all-day event on the 1st, its description saying the day is not fixed; one
 * with only a quarter, or no year, has no place in a calendar and is left out.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break as
 * `\n`, other control characters dropped. Nothing a board member types can end the line, so no
 * title can add a property or close the event.
 */
export function icsText(value: string): string {
	return (
		value
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')
			// eslint-disable-next-line no-control-regex -- TEXT allows no control character but tab
			.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
	);
}

const octets = (codePoint: number) =>
	codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * A content line folded at 75 octets (RFC 5545 3.1): each further line starts with one space,
 * which counts, and no UTF-8 character is split between two lines.
 */
export function foldLine(line: string): string {
	const lines: string[] = [];
	let current = '';
	let used = 0;
	for (const char of line) {
		const size = octets(char.codePointAt(0)!);
		if (used + size > MAX_OCTETS) {
			lines.push(current);
			current = ' ';
			used = 1;
		}
		current += char;
		used += size;
	}
	lines.push(current);
	return lines.join(CRLF);
}

/** 2026-11-29T08:00:00.000Z as 20261129T080000Z. */
const utcStamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '');

/** The day after yyyy-mm-dd, as yyyymmdd: an all-day event ends (exclusively) the next day. */
function dayAfter(date: string): string {
	const next = new Date(`${date}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.toISOString().slice(0, 10).replace(/-/g, '');
}

function event(a: ActivityView, report: WorkshopReport, stamp: string): string[] | null {
	const { t } = report;
	const day =
		a.date ?? (a.month && a.year ? `${a.year}-${String(a.month).padStart(2, '0')}-01` : null);
	if (!day) return null;
	const area = report.board.focusAreas.find((f) => f.id === a.focusAreaId);
	const description = [
		a.date ? null : t('ics.dayNotFixed', { when: activityWhen(a, t) }),
		`${t('export.type')}: ${t(`activity.${a.type}` as MessageKey)}`,
		a.host ? `${t('export.host')}: ${a.host}` : null,
		a.responsible ? `${t('export.responsible')}: ${a.responsible}` : null,
		area ? `${t('export.focusArea')}: ${area.title}` : null,
		`${t('export.plan')}: ${report.workshop.title}`
	].filter((line): line is string => line !== null);
	return [
		'BEGIN:VEVENT',
		// the activity's own id: importing the file again updates the event instead of adding one
		`UID:${a.id}@innspill`,
		`DTSTAMP:${stamp}`,
		...(a.updatedAt ? [`LAST-MODIFIED:${utcStamp(a.updatedAt)}`] : []),
		`DTSTART;VALUE=DATE:${day.replace(/-/g, '')}`,
		`DTEND;VALUE=DATE:${dayAfter(day)}`,
		`SUMMARY:${icsText(a.title)}`,
		`DESCRIPTION:${icsText(description.join('\n'))}`,
		`CATEGORIES:${icsText(t(`activity.${a.type}` as MessageKey))}`,
		'TRANSP:TRANSPARENT',
		'END:VEVENT'
	];
}

export function renderIcs(report: WorkshopReport): string {
	const { t, workshop } = report;
	const stamp = utcStamp(report.exportedAt);
	const events = planInOrder(report.board.activities).flatMap((a) => event(a, report, stamp) ?? []);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:-//Innspill//Annual plan//${workshop.language.toUpperCase()}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${icsText(`${t('export.plan')}: ${workshop.title}`)}`,
		...events,
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join(CRLF) + CRLF;
}
