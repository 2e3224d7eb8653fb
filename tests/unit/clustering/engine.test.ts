import { describe, expect, it } from 'vitest';
import { ThemeEngine } from '../../../src/lib/server/clustering/index';
import { liveEngine, loadFixture } from './helpers';
import { conceptLexicon } from '../../../src/lib/server/clustering/concept-lexicon';

const fixture = loadFixture();

describe('ThemeEngine: live placement', () => {
	it('keeps a lone input in the unsorted tray until a partner arrives', () => {
		const e = new ThemeEngine({ lang: 'nb' });
		e.add({ id: 'a', text: 'Prosjektledelse er svak' });
		e.add({ id: 'x', text: 'Kantina er stengt' });
		expect(e.themes()).toEqual([]);
		expect(e.unsorted().sort()).toEqual(['a', 'x']);
		e.add({ id: 'b', text: 'Svak prosjektledelse i alle prosjekter' });
		expect(e.themes()).toHaveLength(1);
		expect(e.themes()[0].inputIds.sort()).toEqual(['a', 'b']);
		expect(e.unsorted()).toEqual(['x']);
	});

	it('at a refinement, waiting inputs that mean the same open a theme, though on arrival their shared concept weighed nothing', () => {
		// The first two share only meaning (a breakdown, machines): with two inputs, a concept both
		// carry has no weight, so they wait. Once more inputs have come, the pass compares them again.
		const texts = [
			'Maskinene står stille i timevis',
			'Nedetid på pakkelinja hver uke',
			'Ingen reservedeler på lager',
			'For mange møter uten beslutninger',
			'Møtene er lange og uten agenda',
			'Ukesmøtet tar hele formiddagen',
			'Papirskjemaer overalt',
			'Vi taster alt inn to ganger',
			'Excel-ark i stedet for system',
			'Får ikke tak i fagarbeidere',
			'Lærlingene slutter',
			'Ingen søkere til stillingene'
		];
		const e = new ThemeEngine({ lang: 'nb' });
		texts.forEach((text, i) => {
			e.add({ id: `i${i}`, text });
			if (i === 1) expect(e.unsorted()).toEqual(['i0', 'i1']);
			if (e.refineDue()) e.refine();
		});
		e.refine();
		const home = (id: string) => e.themes().find((t) => t.inputIds.includes(id))?.id;
		expect(home('i0')).toBeDefined();
		expect(home('i1')).toBe(home('i0'));
		// the meetings pair keeps its own theme
		expect(home('i3')).toBeDefined();
		expect(home('i3')).not.toBe(home('i0'));
	});

	it('inputs the facilitator put in the tray stay there, though they would pair up', () => {
		const e = new ThemeEngine({ lang: 'nb' });
		const texts = [
			'Maskinene står stille i timevis',
			'Nedetid på pakkelinja hver uke',
			'Maskinene har nedetid hver uke',
			'For mange møter uten beslutninger',
			'Møtene er lange og uten agenda',
			'Papirskjemaer overalt',
			'Vi taster alt inn to ganger',
			'Excel-ark i stedet for system'
		];
		texts.forEach((text, i) => e.add({ id: `i${i}`, text }));
		e.refine();
		e.move('i1', null);
		e.move('i2', null);
		e.refine();
		expect(e.unsorted()).toEqual(expect.arrayContaining(['i1', 'i2']));
	});

	it('keeps theme ids stable as inputs are appended, and never reuses one', () => {
		const e = new ThemeEngine();
		const everIds = new Set<string>();
		const churn: number[] = [];
		for (const input of fixture) {
			const before = new Map(
				e.themes().flatMap((t) => t.inputIds.map((id) => [id, t.id] as const))
			);
			e.add(input);
			// the live path only places the newcomer (and maybe the partner it pairs with)
			const moved = [...before].filter(([id, t]) => e.themeOf(id) !== t);
			expect(moved).toEqual([]);
			if (e.refineDue()) churn.push(e.refine().churn);
			for (const t of e.themes()) everIds.add(t.id);
		}
		expect(churn.length).toBeGreaterThan(2);
		expect(Math.max(...churn)).toBeLessThan(0.5);
		const ids = e.themes().map((t) => t.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^t\d+$/);
		const retired = [...everIds].filter((id) => !ids.includes(id));
		e.add({ id: 'late1', text: 'Kantinemat og kaffe på pauserommet' });
		e.add({ id: 'late2', text: 'Kaffe på pauserommet er dårlig' });
		e.refine();
		for (const t of e.themes()) expect(retired).not.toContain(t.id);
	});

	// how fast is measured by `npm run bench:cluster` (insert percentiles), not asserted here
	it('places each new input at once and leaves the inputs already in a theme where they are', () => {
		const e = liveEngine(fixture);
		const before = new Map(fixture.map((f) => [f.id, e.themeOf(f.id)]));
		for (let i = 0; i < 200; i++)
			e.add({ id: `p${i}`, text: fixture[i % fixture.length].text + ` ekstra${i % 7}` });
		for (let i = 0; i < 200; i++) {
			const id = `p${i}`;
			expect(e.themeOf(id) !== null || e.unsorted().includes(id), id).toBe(true);
		}
		// unsorted ones may gather into a new theme; those in a theme stay in it
		for (const [id, theme] of before) if (theme !== null) expect(e.themeOf(id), id).toBe(theme);
	});

	it.each([
		['empty', ''],
		['spaces', '   '],
		['emoji only', '🔥🔥🙈'],
		['URL only', 'https://example.com/some/path?x=1'],
		['number only', '12345 678'],
		['280 characters', 'Prosjektledelse og kommunikasjon '.repeat(9).slice(0, 280)]
	])('handles an input that is %s', (_, text) => {
		const e = liveEngine(fixture.slice(0, 20));
		e.add({ id: 'odd', text });
		e.add({ id: 'odd2', text });
		expect(() => e.refine()).not.toThrow();
		const placed =
			e.themes().some((t) => t.inputIds.includes('odd')) || e.unsorted().includes('odd');
		expect(placed).toBe(true);
		if (text.length < 280) expect(e.unsorted()).toContain('odd');
		for (const t of e.themes()) expect(typeof t.label).toBe('string');
	});

	it('labels themes with base-form nouns people typed or the name of what they share', () => {
		const e = new ThemeEngine({ lang: 'nb', k: 2 });
		for (const input of fixture.filter(
			(f) => f.gold === 'maintenance' || f.gold === 'communication'
		))
			e.add(input, { place: false });
		e.refine({ cold: true });
		const typed = fixture.map((f) => f.text.toLowerCase()).join(' ');
		const lex = conceptLexicon();
		const names = new Set(
			[...lex.concepts, ...lex.topics.values()].flatMap((c) => [c.label.nb, c.label.en])
		);
		for (const t of e.themes()) {
			expect(t.label.length).toBeGreaterThan(0);
			// never a stem ("vedlikehol"): a lexicon name, or words typed in the workshop
			if (!names.has(t.label))
				for (const word of t.label.toLowerCase().split(' ')) expect(typed).toContain(word);
			expect(t.keywords.length).toBeGreaterThan(0);
		}
	});

	it('explains an input by the words it shares with its theme, and the concepts behind them', () => {
		const e = new ThemeEngine({ lang: 'nb' });
		e.add({ id: 'a', text: 'Vedlikehold av maskinene er reaktivt' });
		e.add({ id: 'b', text: 'Maskinene mangler forebyggende vedlikehold' });
		const why = e.explain('a').join(' | ');
		expect(why).toMatch(/maskinene/);
		expect(why).toMatch(/vedlikehold/);
		const f = new ThemeEngine({ lang: 'nb' });
		f.add({ id: 'a', text: 'nedetid på pakkelinja' });
		f.add({ id: 'b', text: 'downtime on the packaging line' });
		f.add({ id: 'c', text: 'maskinene står stille, nedetid hele tiden' });
		f.add({ id: 'd', text: 'truck på verksted annenhver uke' });
		f.add({ id: 'e', text: 'vi fikser når ting ryker' });
		f.refine();
		expect(f.themeOf('b')).not.toBeNull();
		// the English input shares no word with its theme: the concept or topic says why
		expect(f.explain('b').some((w) => /^downtime → /.test(w))).toBe(true);
	});
});
