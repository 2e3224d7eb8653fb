import { describe, expect, it } from 'vitest';
import {
	enLemma,
	enPos,
	nbIsNoun,
	nbLemmas,
	zipf
} from '../../../src/lib/server/clustering/lexical-data';

describe('nbLemmas (Norsk ordbank)', () => {
	it.each([
		{ form: 'møtene', lemma: 'møte', pos: 'noun' },
		{ form: 'Møtene', lemma: 'møte', pos: 'noun' },
		{ form: 'møtte', lemma: 'møte', pos: 'verb' },
		{ form: 'gikk', lemma: 'gå', pos: 'verb' },
		{ form: 'menn', lemma: 'mann', pos: 'noun' },
		{ form: 'bedre', lemma: 'god', pos: 'adj' },
		{ form: 'medarbeiderne', lemma: 'medarbeider', pos: 'noun' },
		{ form: 'tiden', lemma: 'tid', pos: 'noun' },
		// participles are filed under their verbs
		{ form: 'ansatte', lemma: 'ansette', pos: 'verb' },
		// "røk" as a form of "ryke" is missing from the extract we use (it keeps one lemma per form
		// and part of speech); the imperative of "røke" is there
		{ form: 'røk', lemma: 'røke', pos: 'verb' }
	])('$form → $lemma ($pos)', ({ form, lemma, pos }) => {
		expect(nbLemmas(form)).toContainEqual({ lemma, pos });
	});

	it.each(['xqzv', '', 'traverskranene'])('knows nothing of %j', (form) => {
		expect(nbLemmas(form)).toEqual([]);
	});
});

describe('nbIsNoun', () => {
	it.each([
		{ lemma: 'møte', noun: true },
		{ lemma: 'kran', noun: true },
		{ lemma: 'arbeidsmiljø', noun: true },
		{ lemma: 'gå', noun: false },
		{ lemma: 'viktig', noun: false },
		{ lemma: 'møtene', noun: false }
	])('$lemma: $noun', ({ lemma, noun }) => {
		expect(nbIsNoun(lemma)).toBe(noun);
	});
});

describe('English lemmas (WordNet)', () => {
	it.each([
		{ form: 'meetings', lemma: 'meeting' },
		{ form: 'ran', lemma: 'run' },
		{ form: 'children', lemma: 'child' },
		{ form: 'went', lemma: 'go' },
		{ form: 'Deadlines', lemma: 'deadline' },
		{ form: 'meeting', lemma: 'meeting' },
		{ form: 'xqzv', lemma: 'xqzv' }
	])('enLemma($form) = $lemma', ({ form, lemma }) => {
		expect(enLemma(form)).toBe(lemma);
	});

	it.each([
		{ word: 'meeting', pos: ['noun', 'verb'] },
		{ word: 'meetings', pos: ['noun'] },
		{ word: 'ran', pos: ['verb'] },
		{ word: 'quickly', pos: ['adv'] },
		{ word: 'important', pos: ['adj'] },
		{ word: 'xqzv', pos: [] }
	])('enPos($word) = $pos', ({ word, pos }) => {
		expect([...enPos(word)].sort()).toEqual([...pos].sort());
	});
});

describe('zipf', () => {
	it.each([
		{ common: 'og', rare: 'traverskran', lang: 'nb' },
		{ common: 'tid', rare: 'kommunikasjon', lang: 'nb' },
		{ common: 'kommer', rare: 'arbeidsmiljø', lang: 'nb' },
		{ common: 'the', rare: 'deadline', lang: 'en' },
		{ common: 'everything', rare: 'workflow', lang: 'en' }
	] as const)('$lang: $common is more common than $rare', ({ common, rare, lang }) => {
		expect(zipf(common, lang)).toBeGreaterThan(zipf(rare, lang));
	});

	it.each([
		{ word: 'og', lang: 'nb', min: 7, max: 8 },
		{ word: 'alt', lang: 'nb', min: 5.5, max: 7 },
		{ word: 'one', lang: 'en', min: 6, max: 7 },
		{ word: 'Everything', lang: 'en', min: 5, max: 6.5 }
	] as const)('$word ($lang) is between $min and $max', ({ word, lang, min, max }) => {
		expect(zipf(word, lang)).toBeGreaterThanOrEqual(min);
		expect(zipf(word, lang)).toBeLessThanOrEqual(max);
	});

	it.each([
		{ word: 'traverskran', lang: 'nb' },
		{ word: 'xqzv', lang: 'en' }
	] as const)('$word ($lang) is unknown: 0', ({ word, lang }) => {
		expect(zipf(word, lang)).toBe(0);
	});
});
