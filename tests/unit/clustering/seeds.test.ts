import { describe, expect, it } from 'vitest';
import { parseSeedList } from '../../../src/lib/shared/seed-list';
import { SeedNames } from '../../../src/lib/server/clustering/seed-names';
import { analyze } from '../../../src/lib/server/clustering/analyze';
import { ThemeEngine } from '../../../src/lib/server/clustering/index';

describe('parseSeedList: a pasted list of seed themes', () => {
	it.each([
		[
			'Lean og 5S: lean, 5S, standardisering',
			[{ label: 'Lean og 5S', keywords: ['lean', '5S', 'standardisering'] }]
		],
		[
			'Styringsverktøy\tERP,styringssystem',
			[{ label: 'Styringsverktøy', keywords: ['ERP', 'styringssystem'] }]
		],
		[
			'- Møter; \n\n# a comment\n• Rekruttering: rekruttering; lærlinger',
			[
				{ label: 'Møter;', keywords: [] },
				{ label: 'Rekruttering', keywords: ['rekruttering', 'lærlinger'] }
			]
		],
		['Kompetanse: kurs, kurs, ', [{ label: 'Kompetanse', keywords: ['kurs'] }]],
		[
			'Windows line\r\nNext: a\r\n',
			[
				{ label: 'Windows line', keywords: [] },
				{ label: 'Next', keywords: ['a'] }
			]
		],
		[': only keywords', []],
		['', []]
	])('%j', (text, expected) => {
		expect(parseSeedList(text)).toEqual(expected);
	});
});

describe('SeedNames: which seed an input names', () => {
	const names = new SeedNames();
	names.set('lean', ['Lean og 5S', 'lean', '5S', 'standardisering', 'kontinuerlig forbedring']);
	names.set('erp', ['Styringsverktøy', 'ERP', 'it']);
	names.set('toll', ['Toll', 'toll', 'truck']);
	names.set('drift', ['Daglig drift', 'daglig']);
	const named = (text: string) =>
		names.named(analyze(text, { fallbackLang: 'nb', known: () => false }));

	it.each([
		['Vi har ingen 5S-tavle på avdelingen', 'lean'],
		['Leanprosjektet stoppet opp i fjor', 'lean'],
		['Standardiseringen av arbeidsmåter går tregt', 'lean'],
		['kontinuerlig forbedring skjer aldri', 'lean'],
		['forbedring skjer aldri', null],
		['ERP-systemet er tregt', 'erp'],
		['IT sitter i Sverige', 'erp'],
		['it takes forever to get a reply', null],
		['tollpapirene blir borte', 'toll'],
		['bare én som kan kjøre reachtruck', 'toll'],
		['kaffen er kald', null],
		['daglige rutiner mangler', 'drift'],
		// "daglig" and "dager" share only the stemmer's cut
		['maskinen har stått i tre dager', null]
	])('%s → %s', (text, seed) => {
		expect(named(text)).toBe(seed);
	});

	it('leaves an input naming two seeds equally to the clustering', () => {
		expect(named('lean og ERP')).toBeNull();
	});

	it('pulls a naming input into its seed live and keeps it there, unless the facilitator moves it', () => {
		const e = new ThemeEngine({ lang: 'nb' });
		const seed = e.addSeed({ label: 'Lean og 5S', keywords: ['lean', '5S'] });
		e.add({ id: 'a', text: 'Maskinene står og vi venter på deler' });
		e.add({ id: 'b', text: 'Maskinene står stille hele tiden' });
		e.add({ id: 'c', text: 'Ingen 5S på maskinene, de står skitne' });
		expect(e.themeOf('c')).toBe(seed);
		e.refine();
		e.refine({ cold: true });
		expect(e.themeOf('c')).toBe(seed);
		e.move('c', null);
		e.refine();
		expect(e.themeOf('c')).toBeNull();
	});
});
