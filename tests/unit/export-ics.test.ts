import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, icsText, renderIcs } from '../../src/lib/server/export/ics';
import type { Language } from '../../src/lib/shared/types';
import { activity, report, withPlan } from '../helpers/report';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const physicalLines = (ics: string) => ics.split('\r\n').slice(0, -1);
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

function plan(language: Language, activities = PLAN) {
	return renderIcs(withPlan(report(language, ['x']), activities));
}

const PLAN = [
	activity({
		id: 'a-visit',
		title: 'Bedriftsbesøk',
		date: '2027-02-11',
		month: 2,
		quarter: 1,
		year: 2027
	}),
	activity({
		id: 'a-march',
		title: 'Frokostmøte',
		month: 3,
		quarter: 1,
		year: 2027,
		host: 'Verksted AS'
	}),
	activity({
		id: 'a-new-year',
		title: 'Nyttårsmøte',
		date: '2027-12-31',
		month: 12,
		quarter: 4,
		year: 2027
	}),
	activity({ id: 'a-quarter', title: 'Kurs', quarter: 3, year: 2027 }),
	activity({ id: 'a-no-year', title: 'Seminar', month: 5, quarter: 2 }),
	activity({ id: 'a-none', title: 'Nettverksmøte' })
];

describe('icsText escapes what would end or split a value', () => {
	it.each([
		['Møte; mat, drikke', 'Møte\\; mat\\, drikke'],
		['C:\\temp\\n', 'C:\\\\temp\\\\n'],
		['linje 1\r\nlinje 2\nlinje 3\rlinje 4', 'linje 1\\nlinje 2\\nlinje 3\\nlinje 4'],
		['tab\there', 'tab\there'],
		['bell\u0007', 'bell'],
		['Kari: «hei»', 'Kari: «hei»']
	])('%j', (text, escaped) => expect(icsText(text)).toBe(escaped));
});

describe('foldLine keeps lines within 75 octets', () => {
	it.each([
		['ASCII', 'SUMMARY:' + 'a'.repeat(300)],
		['Norwegian letters', 'SUMMARY:' + 'æøå'.repeat(100)],
		['emoji across a fold', 'SUMMARY:' + 'x'.repeat(66) + '🙂'.repeat(40)]
	])('%s', (_, line) => {
		const folded = foldLine(line);
		const lines = folded.split('\r\n');
		expect(lines.length).toBeGreaterThan(1);
		for (const [i, physical] of lines.entries()) {
			expect(octets(physical)).toBeLessThanOrEqual(75);
			expect(physical.isWellFormed()).toBe(true); // no character cut in two
			if (i > 0) expect(physical[0]).toBe(' ');
		}
		expect(unfold(folded)).toBe(line);
	});

	it('leaves a short line alone', () => {
		expect(foldLine('SUMMARY:Kort')).toBe('SUMMARY:Kort');
		expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
		expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
	});
});

describe('the .ics export of the annual plan', () => {
	it('is RFC 5545 text: CRLF line ends only, every line within 75 octets', () => {
		const ics = plan('nb', [
			...PLAN,
			activity({ title: 'Lang tittel '.repeat(10) + 'med æøå 🙂', date: '2027-06-01' })
		]);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of physicalLines(ics)) expect(octets(line)).toBeLessThanOrEqual(75);
		expect(ics).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:');
	});

	it('makes all-day events of the days, and of months with a year on the 1st; leaves out the rest', () => {
		const ics = unfold(plan('nb'));
		const events = ics.split('BEGIN:VEVENT').slice(1);
		expect(events).toHaveLength(3);
		expect(events.map((e) => /SUMMARY:(.*)\r\n/.exec(e)![1])).toEqual([
			'Bedriftsbesøk',
			'Frokostmøte',
			'Nyttårsmøte'
		]);
		expect(events[0]).toContain('DTSTART;VALUE=DATE:20270211\r\nDTEND;VALUE=DATE:20270212\r\n');
		expect(events[1]).toContain('DTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\n');
		expect(events[1]).toContain('DESCRIPTION:Dagen er ikke fastsatt ennå: planlagt for mars 2027.');
		expect(events[0]).not.toContain('ikke fastsatt');
		expect(events[2]).toContain('DTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n');
		expect(ics).not.toMatch(/Kurs|Seminar|Nettverksmøte/);
	});

	it('gives each activity a stable UID and stamps the export time', () => {
		const first = unfold(plan('en'));
		const later = unfold(
			renderIcs({ ...withPlan(report('en', ['x']), PLAN), exportedAt: '2027-01-05T12:30:00.000Z' })
		);
		const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
		expect(uids(first)).toEqual(['a-visit@innspill', 'a-march@innspill', 'a-new-year@innspill']);
		expect(uids(later)).toEqual(uids(first));
		expect(first).toContain('DTSTAMP:20261129T080000Z\r\n');
		expect(later).toContain('DTSTAMP:20270105T123000Z\r\n');
		expect(first).toContain('The day is not fixed yet: planned for March 2027.');
	});

	it('a title with CRLF and END:VEVENT stays inside its SUMMARY', () => {
		const hostile = 'Møte\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Falsk; med, tegn\\';
		const ics = plan('nb', [
			activity({ id: 'a-1', title: hostile, date: '2027-02-11', host: 'Vert\nATTENDEE:x' }),
			activity({ id: 'a-2', title: 'Ekte', date: '2027-02-12' })
		]);
		const lines = physicalLines(ics);
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
		expect(lines.some((l) => /^(UID:evil|SUMMARY:Falsk|ATTENDEE)/.test(l))).toBe(false);

		// A real parser reads two events, the first with the whole title as its summary.
		const calendar = new ICAL.Component(ICAL.parse(ics));
		const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events.map((e) => e.uid)).toEqual(['a-1@innspill', 'a-2@innspill']);
		expect(events[0].summary).toBe(hostile.replace(/\r\n/g, '\n'));
		expect(events[0].description).toContain('Vert: Vert\nATTENDEE:x');
		expect(events[0].startDate.isDate).toBe(true);
		expect(events[0].startDate.toString()).toBe('2027-02-11');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Årsplan: Oppstart');
	});
});
