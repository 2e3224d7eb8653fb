import type { WorkshopRow } from '../db/schema';

/**
 * Words that hold an input for the facilitator's review before any screen shows it: swearing,
 * slurs and insults a workshop does not want on the projector, in Bokmål and English. A word
 * ending in `*` also holds every word that starts with it ("drit*" holds "dritten", "drittsekk").
 * The facilitator can edit the list per workshop; this is where it starts.
 */
export const DEFAULT_WORDS: readonly string[] = [
	// Bokmål
	'faen',
	'faens',
	'fy faen',
	'helvete',
	'helvetes',
	'satan',
	'satans',
	'jævla',
	'jævlig*',
	'jævel',
	'drit*',
	'drittsekk*',
	'fitte*',
	'kuk',
	'pikk*',
	'hore*',
	'hæstkuk',
	'rævhøl*',
	'føkk*',
	'idiot*',
	'dust',
	'dustete',
	'tulling*',
	'kødd',
	// English
	'fuck*',
	'shit*',
	'bullshit',
	'bitch*',
	'bastard*',
	'asshole*',
	'arsehole*',
	'dick',
	'dickhead*',
	'cunt*',
	'wanker*',
	'moron*',
	'crap',
	'damn'
];

const fold = (text: string) => text.normalize('NFC').toLowerCase();

/** The words of a text, in lower case, with Norwegian letters kept. */
function words(text: string): string[] {
	return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether a text holds any word or phrase of the list. */
export function matchesWordFilter(text: string, list: readonly string[]): boolean {
	const said = words(text);
	if (said.length === 0) return false;
	const joined = ` ${said.join(' ')} `;
	return list.some((entry) => {
		const wanted = fold(entry.trim());
		if (!wanted) return false;
		const prefix = wanted.endsWith('*');
		const stem = words(prefix ? wanted.slice(0, -1) : wanted);
		if (stem.length === 0) return false;
		if (stem.length > 1) return joined.includes(` ${stem.join(' ')}${prefix ? '' : ' '}`);
		return said.some((w) => (prefix ? w.startsWith(stem[0]) : w === stem[0]));
	});
}

/** A workshop's list as stored (JSON), or the built-in one. */
export function wordList(stored: string | null): string[] {
	if (stored === null) return [...DEFAULT_WORDS];
	try {
		const parsed: unknown = JSON.parse(stored);
		return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
	} catch {
		return [...DEFAULT_WORDS];
	}
}

/** Whether a new or changed text waits for the facilitator before any screen shows it. */
export function mustWait(
	workshop: Pick<WorkshopRow, 'moderation' | 'word_filter'>,
	text: string
): boolean {
	return workshop.moderation === 1 || matchesWordFilter(text, wordList(workshop.word_filter));
}
