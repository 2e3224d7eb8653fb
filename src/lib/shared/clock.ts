import type { Language } from './types';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "14:05": a time of day as the screen's language writes it, on the 24-hour clock, in the
 * device's own time zone unless one is given. The browser's locale does not decide: a Norwegian
 * workshop on a laptop set to American English still reads "14:05", not "2:05 PM".
 */
export function clockTime(iso: string, language: Language, timeZone?: string): string {
	const key = `${language}|${timeZone ?? ''}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone
		});
		formats.set(key, format);
	}
	return format.format(new Date(iso));
}
