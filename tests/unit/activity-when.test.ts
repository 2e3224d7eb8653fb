import { describe, expect, it } from 'vitest';
import { staffTranslator } from '../../src/lib/i18n/staff';
import { DomainError } from '../../src/lib/server/workshop/errors';
import { parse } from '../../src/lib/server/workshop/parse';
import {
	inPlanOrder,
	isPlanDate,
	osloYear,
	resolveWhen,
	whenText,
	type ActivityWhen
} from '../../src/lib/shared/activity-when';
import { SaveActivity } from '../../src/lib/shared/schemas/index';

const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const none: ActivityWhen = { date: null, month: null, quarter: null, year: null };

function refusal(run: () => unknown): string | null {
	try {
		run();
		return null;
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
}

describe('a plan date is a real day of the calendar', () => {
	it.each(['2027-02-28', '2028-02-29', '2000-01-01', '2100-12-31', '2027-04-30'])(
		'accepts %s',
		(date) => expect(isPlanDate(date)).toBe(true)
	);
	it.each([
		'2027-02-29',
		'2100-02-29',
		'2027-04-31',
		'2027-13-01',
		'2027-00-10',
		'2027-01-00',
		'1999-12-31',
		'2101-01-01',
		'2027-2-3',
		'11.02.2027',
		'2027-02-11T00:00',
		' 2027-02-11',
		''
	])('refuses %j', (date) => expect(isPlanDate(date)).toBe(false));
});

describe('SaveActivity: year and date', () => {
	it('a date brings its month, quarter and year', () => {
		expect(parse(SaveActivity, { id, date: '2027-08-19' })).toMatchObject({
			date: '2027-08-19',
			month: 8,
			quarter: 3,
			year: 2027
		});
		expect(parse(SaveActivity, { id, date: '2027-08-19', month: 8, year: 2027 }).quarter).toBe(3);
	});

	it('a month with a year, or no date at all, is fine', () => {
		expect(parse(SaveActivity, { id, month: 3, year: 2027 })).toMatchObject({
			month: 3,
			year: 2027
		});
		expect(parse(SaveActivity, { id, date: null, month: null, year: null })).toMatchObject({
			date: null,
			month: null,
			year: null
		});
	});

	it.each([
		[{ date: '2027-02-29' }],
		[{ date: '2027-13-01' }],
		[{ date: '2027-2-1' }],
		[{ date: 20270211 }],
		[{ date: '2027-02-11', month: 3 }],
		[{ date: '2027-02-11', year: 2028 }],
		[{ date: '2027-02-11', quarter: 2 }],
		[{ month: 4, quarter: 1 }],
		[{ year: 1999 }],
		[{ year: 2101 }],
		[{ year: 2027.5 }],
		[{ year: '2027' }]
	])('refuses %j', (fields) => {
		expect(refusal(() => parse(SaveActivity, { id, ...fields }))).toBe('invalid_payload');
	});
});

describe('resolveWhen: a change to some of the "when" fields', () => {
	const dated: ActivityWhen = { date: '2027-02-11', month: 2, quarter: 1, year: 2027 };
	it.each<[string, ActivityWhen, Partial<ActivityWhen>, ActivityWhen]>([
		[
			'a date sets everything',
			none,
			{ date: '2027-11-05' },
			{ date: '2027-11-05', month: 11, quarter: 4, year: 2027 }
		],
		[
			'a month sets its quarter',
			none,
			{ month: 5, year: 2027 },
			{ date: null, month: 5, quarter: 2, year: 2027 }
		],
		[
			'another month drops the day',
			dated,
			{ month: 3 },
			{ date: null, month: 3, quarter: 1, year: 2027 }
		],
		[
			'another year drops the day',
			dated,
			{ year: 2028 },
			{ date: null, month: 2, quarter: 1, year: 2028 }
		],
		[
			'clearing the date keeps the month',
			dated,
			{ date: null },
			{ date: null, month: 2, quarter: 1, year: 2027 }
		],
		[
			'a quarter the month is not in clears the month',
			dated,
			{ quarter: 3 },
			{ date: null, month: null, quarter: 3, year: 2027 }
		],
		[
			'no quarter clears the month and day, keeps the year',
			dated,
			{ quarter: null },
			{ date: null, month: null, quarter: null, year: 2027 }
		],
		['the same quarter keeps the day', dated, { quarter: 1 }, dated],
		['no change keeps all', dated, {}, dated]
	])('%s', (_, current, change, expected) => {
		expect(resolveWhen(current, change)).toEqual(expected);
	});
});

describe('the plan reads and sorts with the year', () => {
	const nb = staffTranslator('nb');
	const en = staffTranslator('en');
	it.each<[ActivityWhen, string, string]>([
		[
			{ date: '2027-02-11', month: 2, quarter: 1, year: 2027 },
			'11. februar 2027',
			'11 February 2027'
		],
		[{ ...none, month: 3, quarter: 1, year: 2027 }, 'mars 2027', 'March 2027'],
		[{ ...none, month: 3, quarter: 1 }, 'mars', 'March'],
		[{ ...none, quarter: 2, year: 2028 }, '2. kvartal 2028', 'Q2 2028'],
		[{ ...none, year: 2028 }, '2028', '2028'],
		[none, 'Ikke tidfestet', 'Not scheduled']
	])('%j', (when, norwegian, english) => {
		expect(whenText(when, nb)).toBe(norwegian);
		expect(whenText(when, en)).toBe(english);
	});

	it('orders by year, month and day; no year after the years, unscheduled last', () => {
		const plan = [
			{ ...none, title: 'unscheduled' },
			{ ...none, month: 1, quarter: 1, year: 2028, title: 'January 2028' },
			{ date: '2027-03-20', month: 3, quarter: 1, year: 2027, title: '20 March 2027' },
			{ ...none, month: 2, quarter: 1, title: 'February, no year' },
			{ date: '2027-03-02', month: 3, quarter: 1, year: 2027, title: '2 March 2027' },
			{ ...none, month: 3, quarter: 1, year: 2027, title: 'March 2027' },
			{ ...none, quarter: 1, year: 2027, title: 'Q1 2027' },
			{ ...none, month: 12, quarter: 4, year: 2026, title: 'December 2026' }
		];
		expect(inPlanOrder(plan).map((a) => a.title)).toEqual([
			'December 2026',
			'Q1 2027',
			'March 2027',
			'2 March 2027',
			'20 March 2027',
			'January 2028',
			'February, no year',
			'unscheduled'
		]);
	});

	it('takes the year from the clock in Oslo, not in UTC', () => {
		expect(osloYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
		expect(osloYear(new Date('2027-06-30T21:59:00Z'))).toBe(2027);
	});
});
