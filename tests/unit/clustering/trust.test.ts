import { describe, expect, it } from 'vitest';
import { idf, lexiconTrust, specWeight } from '../../../src/lib/server/clustering/term-stats';
import { analyze } from '../../../src/lib/server/clustering/analyze';

describe('how far the concept lexicon and word frequencies apply to a workshop', () => {
	it.each([
		[85, 100, 1],
		[75, 100, 1],
		[60, 100, 0.5],
		[45, 100, 0],
		[30, 100, 0],
		[0, 0, 1]
	])('%i of %i inputs recognised → trust %d', (meaning, docs, trust) => {
		expect(lexiconTrust(meaning, docs)).toBeCloseTo(trust, 5);
	});

	it('weighs a common word down only as far as the lexicon is trusted', () => {
		expect(specWeight(0.2, 1)).toBeCloseTo(0.2);
		expect(specWeight(0.2, 0)).toBe(1);
		expect(specWeight(0.2, 0.5)).toBeCloseTo(Math.sqrt(0.2));
	});

	it('gives a concept every input carries no weight, and a word the smoothed idf', () => {
		expect(idf('~meetings', 10, 10, 10)).toBe(0);
		expect(idf('~meetings', 2, 10, 10)).toBeCloseTo(Math.log(5));
		expect(idf('~meetings', 2, 10, 0)).toBe(0);
		expect(idf('møte', 10, 10, 10)).toBeCloseTo(1);
		expect(idf('møte', 1, 10, 10)).toBe(0);
	});

	it('knows a workshop answer from a voice command by what the lexicon recognises', () => {
		const recognised = (texts: string[]) =>
			texts.filter((t) =>
				analyze(t, { fallbackLang: 'nb', known: () => false }).terms.some((x) => x.startsWith('~'))
			).length / texts.length;
		const workshop = [
			'Maskinene står mens vi venter på deler',
			'For mange møter uten beslutninger',
			'Ingen backup når noen er syke',
			'Vi taster inn de samme tallene tre ganger'
		];
		const commands = [
			'wake me up at seven',
			'play some jazz',
			'what is the weather tomorrow',
			'turn off the lights'
		];
		expect(recognised(workshop)).toBeGreaterThanOrEqual(0.75);
		expect(recognised(commands)).toBeLessThanOrEqual(0.45);
	});
});
