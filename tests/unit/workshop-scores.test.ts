import { describe, expect, it } from 'vitest';
import { labelHistory, labelNames, namingInputs } from '../../scripts/lib/workshop-scores';

// The eval's own measures: they decide what the workshop table reports, so they are tested too.
const theme = {
	id: 'm',
	label: 'Vedlikehold og nedetid',
	accept: ['vedlikehold', 'nedetid', 'møter', 'intern kommunikasjon']
};

describe('labelNames', () => {
	it.each([
		['Vedlikehold', true],
		['Forebyggende vedlikehold', true],
		['Vedlikeholdsplan', true],
		['Maskinnedetid', true],
		['Møter', true],
		['Møtene', false],
		['Vedlikehol', false],
		['Intern kommunikasjon', true],
		['Kommunikasjon', false],
		['', false]
	])('%s → %s', (label, hit) => {
		expect(labelNames(label, theme)).toBe(hit);
	});
});

describe('labelNames: plurals and the gold label itself', () => {
	const gold = {
		id: 'r',
		label: 'Rutiner og ansvar',
		accept: ['møte', 'leverandør', 'meeting', 'priority']
	};
	it.each([
		['Møter', true],
		['Møtene', false],
		['Leverandører', true],
		['Meetings', true],
		['Priorities', true],
		['Rutiner', true],
		['Ansvar', true],
		['Og', false],
		['Møtet', false]
	])('%s → %s', (label, hit) => {
		expect(labelNames(label, gold)).toBe(hit);
	});
});

describe('labelHistory', () => {
	it('counts changes per theme, themes relabelled twice and returns, locked themes aside', () => {
		const p = (labels: [string, string][]) => ({
			after: 0,
			themes: labels.map(([id, label]) => ({ id, label, size: 2 }))
		});
		const trace = [
			p([
				['t1', 'A'],
				['t2', 'X'],
				['t3', 'S']
			]),
			p([
				['t1', 'B'],
				['t2', 'X'],
				['t3', 'S2']
			]),
			p([
				['t1', 'A'],
				['t2', 'X'],
				['t3', 'S3']
			])
		];
		expect(labelHistory(trace, new Set(['t3']))).toEqual({ perTheme: 1, twice: 1, returned: 1 });
		expect(labelHistory([])).toEqual({ perTheme: 0, twice: 0, returned: 0 });
	});
});

describe('namingInputs', () => {
	const seeds = [
		{ label: 'IT-systemer', keywords: ['it', 'erp'] },
		{ label: 'Toll', keywords: ['toll', 'truck'] }
	];
	it('finds inputs that name exactly one seed, as a word or compound part', () => {
		const texts = [
			'IT svarer aldri',
			'it takes forever',
			'ERP-systemet henger',
			'reachtrucken er på verksted',
			'tollpapirer og ERP',
			'ingenting her'
		];
		expect(namingInputs(texts, seeds)).toEqual([
			{ input: 0, seed: 0 },
			{ input: 2, seed: 0 },
			{ input: 3, seed: 1 }
		]);
	});
});
