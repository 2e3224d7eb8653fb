import { describe, expect, it } from 'vitest';
import {
	DEFAULT_WORDS,
	matchesWordFilter,
	wordList
} from '../../src/lib/server/workshop/word-filter';

describe('the word filter', () => {
	it.each([
		['Det er faen ikke greit', true],
		['FAEN!!!', true],
		['Dritten står på lageret', true], // drit*
		['What a fucking mess', true], // fuck*
		['Vi bruker dritfine maler', true], // a prefix holds: the facilitator decides
		['Kaffen i kantina smaker som motorolje', false],
		['Manuell registrering i Excel-ark', false],
		['Damn it', true],
		['Damned if we do', false] // no * after damn
	])('%j held: %s', (text, held) => {
		expect(matchesWordFilter(text, DEFAULT_WORDS)).toBe(held);
	});

	it('matches phrases as phrases, and only whole words otherwise', () => {
		expect(matchesWordFilter('fy faen for et system', ['fy faen'])).toBe(true);
		expect(matchesWordFilter('fy, faen', ['fy faen'])).toBe(true);
		expect(matchesWordFilter('faenskap', ['faen'])).toBe(false);
		expect(matchesWordFilter('anything', [])).toBe(false);
		expect(matchesWordFilter('anything', ['', '*'])).toBe(false);
	});

	it('reads a stored list, and falls back to the standard one', () => {
		expect(wordList(null)).toEqual([...DEFAULT_WORDS]);
		expect(wordList('["a","b",3]')).toEqual(['a', 'b']);
		expect(wordList('not json')).toEqual([...DEFAULT_WORDS]);
	});
});
