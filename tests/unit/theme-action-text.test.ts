import { describe, expect, it } from 'vitest';
import { parseThemeAction } from '../../src/lib/server/workshop/theme-actions';

// Finding 11 of the hostile test: a right-to-left override in a label reversed it on the
// projector and in the control room. Direction controls have no place in a theme's name.
const OVERRIDES = [
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069'
];

describe('labels and keywords carry no direction controls', () => {
	it.each(OVERRIDES.map((c) => [c.codePointAt(0)!.toString(16), c]))(
		'U+%s is taken out of a rename, a seed label and its keywords',
		(_, c) => {
			const rename = parseThemeAction({
				type: 'rename',
				themeId: 't1',
				label: `${c}Lean og 5S`,
				lock: true
			});
			expect(rename).toMatchObject({ label: 'Lean og 5S' });
			const seed = parseThemeAction({ type: 'seed', label: `Styring${c}`, keywords: [`E${c}RP`] });
			expect(seed).toMatchObject({ label: 'Styring', keywords: ['ERP'] });
		}
	);

	it('refuses a label of direction controls alone, as an empty one', () => {
		expect(() =>
			parseThemeAction({ type: 'rename', themeId: 't1', label: '\u202E\u202C', lock: true })
		).toThrow(/label/i);
	});

	it.each([
		['U+0000', 'ERP\u0000'],
		['U+0001', '\u0001ERP'],
		['a lone surrogate', 'ERP\uD800']
	])('refuses a seed keyword with %s, as it refuses such a label', (_, keyword) => {
		expect(() => parseThemeAction({ type: 'seed', label: 'Styring', keywords: [keyword] })).toThrow(
			/cannot be stored/
		);
	});
});

describe('a seed theme', () => {
	it('may be a label alone, without keywords (a pasted line without a colon)', () => {
		expect(parseThemeAction({ type: 'seed', label: 'Lokaler og plass' })).toEqual({
			type: 'seed',
			label: 'Lokaler og plass',
			keywords: []
		});
		expect(parseThemeAction({ type: 'seed', label: 'Lokaler', keywords: [] })).toMatchObject({
			keywords: []
		});
	});

	it('takes at most 12 keywords', () => {
		const keywords = Array.from({ length: 13 }, (_, i) => `ord${i}`);
		expect(() => parseThemeAction({ type: 'seed', label: 'Lokaler', keywords })).toThrow(/12/);
	});
});
