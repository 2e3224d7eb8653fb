import { describe, expect, it } from 'vitest';
import { ThemeEngine } from '../../../src/lib/server/clustering/index';
import { maxThemes } from '../../../src/lib/server/clustering/params';
import { liveEngine, loadFixture } from './helpers';
import { loadSessions } from '../../../scripts/lib/workshops';

/** The label of the given inputs' theme beside an unrelated one (k = 2), after a pass. */
function labelOf(texts: string[], question?: string): string {
	const e = new ThemeEngine({ lang: 'nb', k: 2, question });
	texts.forEach((text, i) => e.add({ id: `i${i}`, text }, { place: false }));
	// the other theme of the workshop, so that the words of this one are distinctive
	['Kantina har dårlig kaffe', 'Parkeringsplassen er full', 'Kaffen er kald'].forEach((text, i) =>
		e.add({ id: `x${i}`, text }, { place: false })
	);
	e.refine({ cold: true });
	return e.themes().find((t) => t.inputIds.includes('i0'))!.label;
}

describe('labels a facilitator would write on a sticky note', () => {
	it.each([
		[
			'a noun in base form, not an inflection',
			['Møtene er for lange', 'møtene tar hele dagen', 'Møtene mangler agenda og referat'],
			(l: string) => expect(l.toLowerCase()).not.toBe('møtene')
		],
		[
			'an acronym in capitals',
			['ERP-systemet er tregt', 'ERP mangler integrasjon mot lageret', 'vi har for gammelt ERP'],
			(l: string) => expect(l).not.toBe('Erp')
		],
		[
			'never a bare adjective',
			['vanskelig å få tak i folk', 'vanskelig å rekruttere sveisere', 'vanskelig å beholde folk'],
			(l: string) => expect(l.toLowerCase()).not.toBe('vanskelig')
		],
		[
			'never a word common in any text',
			['alt tar tid med fakturaene', 'alt tar tid når fakturaer må godkjennes', 'alt tar tid'],
			(l: string) => expect(['alt', 'tid']).not.toContain(l.toLowerCase())
		]
	])('%s', (_, texts, check) => {
		const label = labelOf(texts);
		expect(label).not.toBe('');
		check(label);
	});

	it('never a word of the question', () => {
		const texts = [
			'produksjonen stopper opp hver uke',
			'i produksjonen venter vi hele tiden',
			'produksjonen er treg'
		];
		// without the question the shared word names the theme; asked about, it never does
		expect(labelOf(texts).toLowerCase()).toMatch(/^produksjon/);
		const asked = labelOf(texts, 'Hva er flaskehalsene i produksjonen?');
		expect(asked).not.toBe('');
		expect(asked.toLowerCase()).not.toMatch(/^produksjon/);
	});

	it('a theme never returns to an earlier label, and changes it at most once, live', () => {
		const fixture = loadFixture();
		const e = new ThemeEngine({ lang: 'nb' });
		const history = new Map<string, string[]>();
		const record = () => {
			for (const t of e.themes()) {
				const h = history.get(t.id) ?? [];
				if (h[h.length - 1] !== t.label) h.push(t.label);
				history.set(t.id, h);
			}
		};
		for (const input of fixture) {
			e.add(input);
			if (e.refineDue()) {
				e.refine();
				record();
			}
		}
		e.refine();
		record();
		expect(history.size).toBeGreaterThan(3);
		for (const h of history.values()) {
			expect(new Set(h).size).toBe(h.length);
			expect(h.length).toBeLessThanOrEqual(2);
		}
	});

	it('never a nynorsk or dialect function word', () => {
		// "ikkje" is not in a Bokmål dictionary, so it looked like a noun of its own
		const label = labelOf([
			'det er ikkje lett å finne sveisarar',
			'sveisarar får vi ikkje tak i',
			'ikkje nok sveisarar på kvar vakt'
		]);
		expect(label.toLowerCase()).not.toBe('ikkje');
		expect(label.toLowerCase()).toContain('sveisar');
	});

	it('no two themes carry the same label, live or after a pass', () => {
		// two themes about ERP: one about speed, one about licences; both would be "ERP"
		const texts = [
			'ERP-systemet er tregt om morgenen',
			'ERP henger hele tiden, tregt',
			'tregt ERP, venter på skjermbildet',
			'ERP-lisensene er for dyre',
			'lisenser til ERP koster for mye',
			'dyre ERP-lisenser for få brukere',
			'Kantina har dårlig kaffe',
			'Kaffen i kantina er kald'
		];
		const e = new ThemeEngine({ lang: 'nb', k: 3 });
		const check = () => {
			const labels = e.themes().map((t) => t.label.toLowerCase());
			expect(labels.every(Boolean)).toBe(true);
			expect(new Set(labels).size).toBe(labels.length);
		};
		texts.forEach((text, i) => e.add({ id: `i${i}`, text }));
		check();
		e.refine({ cold: true });
		check();
		e.refine();
		check();
	});

	it('no theme is left without a label and no two share one, over every corpus session', () => {
		for (const session of loadSessions()) {
			const e = new ThemeEngine({ lang: session.lang, question: session.question[session.lang] });
			const check = (after: number) => {
				const labels = e.themes().map((t) => t.label.toLowerCase());
				expect(
					labels.filter((l) => !l),
					`${session.id} after ${after}`
				).toEqual([]);
				const twice = labels.filter((l, i) => labels.indexOf(l) !== i);
				expect(twice, `${session.id} after ${after}`).toEqual([]);
			};
			session.inputs.forEach((input, i) => {
				e.add({ id: `i${i}`, text: input.text });
				if (e.refineDue()) e.refine();
				check(i + 1);
			});
			e.refine();
			check(session.inputs.length);
		}
	});

	it("keeps a facilitator's label through refinements", () => {
		const e = liveEngine(loadFixture());
		const t = e.themes()[0];
		e.rename(t.id, 'Det vi kaller det', true);
		e.refine();
		e.refine({ cold: true });
		expect(e.themes().find((x) => x.id === t.id)?.label).toBe('Det vi kaller det');
	});
});

describe('how many themes without k', () => {
	it.each([
		[40, 0, 12],
		[1700, 0, 14],
		[4500, 0, 20],
		[20000, 0, 30],
		[1_000_000, 0, 30],
		[100, 1, 30],
		[100, -1, 5]
	])('%i inputs at granularity %d: at most %i themes', (n, g, cap) => {
		expect(maxThemes(n, g)).toBe(cap);
	});

	it('a large workshop keeps to the readable count live', () => {
		const e = new ThemeEngine({ lang: 'en' });
		// 400 inputs over 40 distinct made-up topics: far more than a projector shows
		for (let i = 0; i < 400; i++) {
			e.add({ id: `i${i}`, text: `topic${i % 40}word alpha${i % 40}x beta${i % 40}y note ${i}` });
			if (e.refineDue()) e.refine();
		}
		e.refine();
		expect(e.themes().length).toBeLessThanOrEqual(maxThemes(400, 0));
	});
});
