import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/lib/server/workshop/errors';
import {
	charLength,
	parseId,
	parseInputText,
	parseJoinCode,
	parseNewWorkshop,
	parseProfile
} from '../../src/lib/server/workshop/validation';
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
	it('fills in the question in the workshop language when none is given', () => {
		expect(parseNewWorkshop({ title: ' Kickoff ', language: 'nb' })).toMatchObject({
			title: 'Kickoff',
			language: 'nb',
			prompt: expect.stringContaining('flaskehals')
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
