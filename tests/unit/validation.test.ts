import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/lib/server/workshop/errors';
import { parse } from '../../src/lib/server/workshop/parse';
import { parseId, parseJoinCode } from '../../src/lib/server/workshop/validation';
import {
	InputText,
	NewWorkshop,
	Profile,
	SaveActivity,
	ThemeAction,
	charLength,
	text
} from '../../src/lib/shared/schemas/index';
import {
	generateJoinCode,
	generateToken,
	hashToken,
	tokenMatches
} from '../../src/lib/server/workshop/tokens';
import { JOIN_CODE_PATTERN } from '../../src/lib/shared/limits';

function codeOf(run: () => unknown): string | null {
	try {
		run();
		return null;
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
}

const parseInputText = (raw: unknown) => parse(InputText, raw);
const parseNewWorkshop = (raw: unknown) => parse(NewWorkshop, raw);
const parseProfile = (raw: unknown) => parse(Profile, raw);

describe('parseInputText', () => {
	it.each([
		['  Treg saksbehandling  ', 'Treg saksbehandling'],
		['Linje én\nlinje to', 'Linje én\nlinje to'],
		['æøå ÆØÅ', 'æøå ÆØÅ'],
		['🙂'.repeat(280), '🙂'.repeat(280)],
		['<script>alert(1)</script>', '<script>alert(1)</script>']
	])('keeps %j as typed, trimmed', (raw, stored) => {
		expect(parseInputText(raw)).toBe(stored);
	});

	it.each([
		['', 'text_empty'],
		[' \n\t ', 'text_empty'],
		['a'.repeat(281), 'text_too_long'],
		['🙂'.repeat(281), 'text_too_long'],
		[undefined, 'text_not_string'],
		[null, 'text_not_string'],
		[12, 'text_not_string'],
		[{ toString: () => 'x' }, 'text_not_string']
	])('refuses %j with %s', (raw, code) => {
		expect(codeOf(() => parseInputText(raw))).toBe(code);
	});

	it('counts characters, not UTF-16 units', () => {
		expect(charLength('🙂å')).toBe(2);
	});
});

describe('parseId', () => {
	it('accepts a UUID in any case and stores it lower-case', () => {
		expect(parseId('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe(
			'3f2504e0-4f89-41d3-9a0c-0305e82c3301'
		);
	});
	it.each(['', 'abc', '3f2504e0-4f89-41d3-9a0c-0305e82c330', "1' or '1'='1", 5, null, {}])(
		'refuses %j',
		(raw) => {
			expect(codeOf(() => parseId(raw))).toBe('invalid_id');
		}
	);
});

describe('join codes', () => {
	it('generates six characters from the look-alike-free alphabet', () => {
		for (let i = 0; i < 200; i++) expect(generateJoinCode()).toMatch(JOIN_CODE_PATTERN);
	});
	it.each([
		['ac3k7x', 'AC3K7X'],
		[' AC3-K7X ', 'AC3K7X']
	])('reads %j as %s', (raw, code) => {
		expect(parseJoinCode(raw)).toBe(code);
	});
	it.each(['AC3K7', 'AC3K7XX', 'AC0K7X', 'ACOK7X', 42, null, 'x'.repeat(1000)])(
		'refuses %j',
		(raw) => {
			expect(codeOf(() => parseJoinCode(raw))).toBe('unknown_workshop');
		}
	);
});

describe('tokens', () => {
	it('are at least 128 bits, unique, and only match their own hash', () => {
		const a = generateToken();
		const b = generateToken();
		expect(Buffer.from(a, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
		expect(a).not.toBe(b);
		expect(tokenMatches(a, hashToken(a))).toBe(true);
		expect(tokenMatches(b, hashToken(a))).toBe(false);
		expect(hashToken(a)).not.toContain(a);
	});
});

describe('parseNewWorkshop', () => {
	it('reads a title and language, and no question as none', () => {
		expect(parseNewWorkshop({ title: ' Kickoff ', language: 'nb' })).toEqual({
			title: 'Kickoff',
			language: 'nb',
			prompt: null,
			promptOther: null
		});
	});
	it.each([
		[{ language: 'nb' }],
		[{ title: '', language: 'nb' }],
		[{ title: 'x', language: 'sv' }],
		[{ title: 'x'.repeat(121), language: 'en' }],
		[{ title: 'x', language: 'en', prompt: 5 }],
		['title'],
		[null]
	])('refuses %j', (body) => {
		expect(codeOf(() => parseNewWorkshop(body))).toBe('invalid_payload');
	});
});

describe('parseProfile', () => {
	it('turns blanks into null and trims', () => {
		expect(parseProfile({ name: '  Kari ', organisation: ' ' })).toEqual({
			name: 'Kari',
			organisation: null
		});
	});
	it('refuses over-long names', () => {
		expect(codeOf(() => parseProfile({ name: 'x'.repeat(61) }))).toBe('invalid_payload');
	});
});

describe('the one text rule', () => {
	const field = text({ field: 'Field', max: 10, required: true });

	it.each([
		['U+FFFF', 'a\uFFFFb'],
		['U+FFFE', 'a\uFFFEb'],
		['U+FDD0', 'a\uFDD0b'],
		['U+1FFFF', 'a\u{1FFFF}b'],
		['NUL', 'a\u0000b'],
		['U+0001', '\u0001'],
		['a C1 control', 'a\u0085b'],
		['DEL', 'a\u007Fb'],
		['a lone high surrogate', 'a\uD800b'],
		['a lone low surrogate', 'a\uDC00']
	])('refuses %s', (_name, raw) => {
		expect(codeOf(() => parse(field, raw))).toBe('invalid_payload');
	});

	it('finding 11: removes direction overrides and isolates (no reversed labels), keeps marks', () => {
		expect(parse(field, '\u202Eabc\u2066d\u2069')).toBe('abcd');
		expect(parse(field, 'a\u200Fb')).toBe('a\u200Fb');
	});

	it('stores one normal form: NFC and newline line ends', () => {
		expect(parse(field, 'a\u030A')).toBe('å');
		expect(parse(text({ field: 'F', max: 20 }), 'a\r\nb\rc')).toBe('a\nb\nc');
	});

	it('counts the length in code points, after normalising', () => {
		expect(parse(field, '🙂'.repeat(10))).toBe('🙂'.repeat(10));
		expect(codeOf(() => parse(field, '🙂'.repeat(11)))).toBe('invalid_payload');
		expect(parse(field, 'a\u030A'.repeat(10))).toBe('å'.repeat(10));
	});

	it('passes every text field of every payload through it (finding 11: seed keywords)', () => {
		for (const bad of ['\u0000', '\u0001', '\uD800', '\uFFFF']) {
			const seed = { type: 'seed', label: 'Lean', keywords: [`5S${bad}`] };
			expect(codeOf(() => parse(ThemeAction, seed))).toBe('invalid_payload');
			const activity = { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', title: `Besøk${bad}` };
			expect(codeOf(() => parse(SaveActivity, activity))).toBe('invalid_payload');
			expect(codeOf(() => parseProfile({ name: `Kari${bad}` }))).toBe('invalid_payload');
		}
	});

	it('refuses arrays and class instances where an object is expected', () => {
		expect(codeOf(() => parseProfile([]))).toBe('invalid_payload');
		expect(codeOf(() => parse(ThemeAction, [{ type: 'granularity', value: 0 }]))).toBe(
			'invalid_payload'
		);
		expect(codeOf(() => parseProfile(new Date()))).toBe('invalid_payload');
	});

	it('folds a theme label or an activity title onto one line (finding 7: no table break)', () => {
		expect(parse(ThemeAction, { type: 'rename', themeId: 't1', label: 'Lean\nog 5S' })).toEqual({
			type: 'rename',
			themeId: 't1',
			label: 'Lean og 5S',
			lock: true
		});
		const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
		expect(parse(SaveActivity, { id, title: 'Bedrifts-\nbesøk' }).title).toBe('Bedrifts- besøk');
	});
});

describe('translations', async () => {
	const { translator } = await import('../../src/lib/i18n/index');
	const { staffTranslator } = await import('../../src/lib/i18n/staff');
	it.each([
		['en', 1, '1 dot left'],
		['en', 3, '3 dots left'],
		['nb', 1, '1 prikk igjen'],
		['nb', 0, '0 prikker igjen']
	] as const)('%s with n=%i reads "%s"', (language, n, text) => {
		expect(translator(language)('vote.left', { n })).toBe(text);
	});
	it('staff pages get every message in both languages', () => {
		expect(staffTranslator('nb')('projector.themes', { n: 1 })).toBe('1 tema');
		expect(staffTranslator('en')('export.plan')).toBe('Annual plan');
		expect(translator('nb')('export.plan')).toBe('export.plan'); // phones do not carry staff text
	});
});
